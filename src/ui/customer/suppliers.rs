//! The supplier structure: each quarter's category purchases split by supplier (stacked shares, us
//! at the bottom, competitors in warm colours), the concentration (HHI) as a line on the same 0–1
//! scale, new suppliers marked where they first shipped, and the list of them.

use super::super::View;
use super::super::i18n::trf;
use super::charts::{
    COMPETITORS, PALETTE, Part, REST, US, breakdown, highlight_hovered, is_partial, legend, quarter_long, quarter_plot, quarter_short,
    quarter_tooltip,
};
use crate::analysis::profile::{NewSupplier, SupplierQuarter};
use crate::model::Quarter;
use crate::text::country::country;
use crate::text::number::{money, percent};
use chrono::NaiveDate;
use egui::Color32;
use egui_plot::{Bar, BarChart, Line, MarkerShape, PlotPoints, Points};
use std::collections::HashMap;

/// Suppliers drawn by name; the rest are stacked as one "others" bar.
const SHOWN: usize = 6;
/// The HHI line: the text colour, so it reads in either theme.
fn hhi_color(ui: &egui::Ui) -> Color32 {
    ui.visuals().strong_text_color()
}
/// Where the new-supplier marks sit: just above a full bar.
const MARK_Y: f64 = 1.06;

/// One stacked series.
struct Series {
    name: String,
    us: bool,
    competitor: bool,
    color: Color32,
}

/// Us first (at the bottom of each stack), then the largest suppliers over the span; us always.
fn series(structure: &[SupplierQuarter]) -> Vec<Series> {
    let mut totals: HashMap<&str, (f64, bool, bool)> = HashMap::new();
    for part in structure.iter().flat_map(|q| &q.suppliers) {
        let t = totals.entry(part.supplier.as_str()).or_insert((0.0, part.us, part.competitor));
        t.0 += part.value;
    }
    let mut ranked: Vec<(&str, (f64, bool, bool))> = totals.into_iter().collect();
    ranked.sort_by(|a, b| b.1.1.cmp(&a.1.1).then(b.1.0.total_cmp(&a.1.0)).then(a.0.cmp(b.0)));
    let others = ranked.iter().filter(|(_, (_, us, _))| !us).take(SHOWN).map(|(name, _)| *name).collect::<Vec<_>>();
    let (mut warm, mut calm) = (0, 0);
    ranked
        .iter()
        .filter(|(name, (_, us, _))| *us || others.contains(name))
        .map(|(name, (_, us, competitor))| {
            let color = if *us {
                US
            } else if *competitor {
                warm += 1;
                COMPETITORS[(warm - 1) % COMPETITORS.len()]
            } else {
                calm += 1;
                PALETTE[(calm - 1) % PALETTE.len()]
            };
            Series { name: (*name).to_string(), us: *us, competitor: *competitor, color }
        })
        .collect()
}

/// A supplier's name with what it is to us.
fn tagged(view: &View, name: &str, us: bool, competitor: bool) -> String {
    match (us, competitor) {
        (true, _) => trf(view.lang, "detail.tag_us", &[("name", &name)]),
        (false, true) => trf(view.lang, "detail.tag_competitor", &[("name", &name)]),
        _ => name.to_string(),
    }
}

/// The stacked chart, the HHI line, the new-supplier marks and the list of new suppliers; the
/// quarter under the pointer is broken down by supplier in a tooltip.
pub(super) fn supplier_structure(
    ui: &mut egui::Ui,
    view: &View,
    structure: &[SupplierQuarter],
    new: &[NewSupplier],
    as_of: Option<NaiveDate>,
) {
    ui.strong(view.t("detail.supplier_structure"));
    if structure.iter().all(|q| q.suppliers.is_empty()) {
        ui.label(egui::RichText::new(view.t("detail.no_suppliers")).weak());
        return;
    }
    let shown = series(structure);
    let n = structure.len();
    let labels: Vec<String> = structure.iter().map(|q| quarter_short(q.quarter)).collect();
    let rest_name = view.t("detail.other_suppliers");
    let mut charts: Vec<BarChart> = Vec::new();
    let mut stack = |name: &str, color: Color32, shares: Vec<f64>| {
        let bars = shares.into_iter().enumerate().map(|(i, share)| Bar::new(i as f64, share).width(0.7).fill(color)).collect();
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(name, bars).color(color).allow_hover(false).stack_on(&below);
        charts.push(chart);
    };
    for s in &shown {
        let shares = structure.iter().map(|q| q.suppliers.iter().find(|p| p.supplier == s.name).map_or(0.0, |p| p.share)).collect();
        stack(&s.name, s.color, shares);
    }
    let is_shown = |name: &str| shown.iter().any(|s| s.name == name);
    let rest: Vec<f64> = structure.iter().map(|q| q.suppliers.iter().filter(|p| !is_shown(&p.supplier)).map(|p| p.share).sum()).collect();
    let has_rest = rest.iter().any(|v| *v > 0.0);
    if has_rest {
        stack(rest_name, REST, rest);
    }
    let hhi: Vec<[f64; 2]> = structure.iter().enumerate().filter(|(_, q)| q.count > 0).map(|(i, q)| [i as f64, q.hhi]).collect();
    // Each new supplier is marked over the quarter of its first shipment, in its series' colour.
    let color_of = |name: &str, competitor: bool| {
        shown.iter().find(|s| s.name == name).map_or(if competitor { COMPETITORS[0] } else { REST }, |s| s.color)
    };
    let marks: Vec<(usize, &NewSupplier)> =
        new.iter().filter_map(|m| structure.iter().position(|q| q.quarter == Quarter::of(m.first)).map(|i| (i, m))).collect();
    let hhi_line = hhi_color(ui);
    let shown_plot = quarter_plot("supplier-structure", 190.0, ui.available_width(), &labels)
        .include_y(0.0)
        .include_y(1.12)
        .y_axis_formatter(|mark, _| if mark.value <= 1.0 { percent(Some(mark.value)) } else { String::new() })
        .show(ui, |plot| {
            highlight_hovered(plot, n);
            for chart in charts {
                plot.bar_chart(chart);
            }
            plot.line(Line::new(view.t("detail.hhi"), PlotPoints::new(hhi)).color(hhi_line).width(2.0).allow_hover(false));
            for (i, m) in &marks {
                let at = PlotPoints::new(vec![[*i as f64, MARK_Y]]);
                let mark = Points::new(m.supplier.as_str(), at).shape(MarkerShape::Diamond).radius(6.0).filled(true);
                plot.points(mark.color(color_of(&m.supplier, m.competitor)).allow_hover(false));
            }
        });
    quarter_tooltip(shown_plot, n, |ui, i| {
        let Some(q) = structure.get(i) else { return };
        let parts: Vec<Part> = q
            .suppliers
            .iter()
            .map(|p| {
                let color = if is_shown(&p.supplier) { color_of(&p.supplier, p.competitor) } else { REST };
                (color, tagged(view, &p.supplier, p.us, p.competitor), p.value, Some(p.share))
            })
            .collect();
        breakdown(ui, view.lang, &quarter_long(view, q.quarter, is_partial(q.quarter, as_of)), &parts);
        let hhi = format!("{:.2}", q.hhi);
        ui.label(trf(view.lang, "detail.hhi_line", &[("hhi", &hhi), ("count", &q.count), ("top", &percent(Some(q.top_share)))]));
        for (_, m) in marks.iter().filter(|(at, _)| *at == i) {
            let text = trf(view.lang, "detail.new_supplier_mark", &[("name", &m.supplier), ("date", &m.first.format("%Y-%m"))]);
            ui.label(egui::RichText::new(text).color(color_of(&m.supplier, m.competitor)));
        }
    });
    let mut items: Vec<(Color32, String)> = shown.iter().map(|s| (s.color, tagged(view, &s.name, s.us, s.competitor))).collect();
    if has_rest {
        items.push((REST, rest_name.to_string()));
    }
    items.push((hhi_color(ui), view.t("detail.hhi_legend").to_string()));
    legend(ui, &items);
    new_suppliers(ui, view, new);
}

/// Suppliers first seen in the last two years, newest first.
fn new_suppliers(ui: &mut egui::Ui, view: &View, new: &[NewSupplier]) {
    if new.is_empty() {
        ui.label(egui::RichText::new(view.t("detail.no_new_suppliers")).weak());
        return;
    }
    ui.label(egui::RichText::new(view.t("detail.new_suppliers")).strong());
    for n in new {
        ui.horizontal_wrapped(|ui| {
            let name = egui::RichText::new(&n.supplier);
            ui.label(if n.competitor { name.color(COMPETITORS[0]) } else { name });
            if n.competitor {
                ui.label(egui::RichText::new(view.t("detail.competitor")).small().color(COMPETITORS[0]));
            }
            let mut line =
                trf(view.lang, "detail.new_supplier_line", &[("date", &n.first.format("%Y-%m")), ("value", &money(view.lang, n.value))]);
            if let Some(origin) = &n.origin {
                line.push_str(&trf(view.lang, "detail.origin", &[("country", &country(view.lang, origin))]));
            }
            ui.label(egui::RichText::new(line).weak());
        });
    }
}
