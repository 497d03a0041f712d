//! The share curve (our sales against the customer's category purchases, and our share) and what
//! the customer's charts share: quarters on the x axis, fixed views, colours, a legend below.

use super::super::View;
use super::super::i18n::trf;
use crate::analysis::profile::ShareQuarter;
use crate::palette;
use crate::text::number::{money, percent};
use crate::ui::badge::rgb;
pub(super) use crate::ui::quarter_chart::{
    Part, breakdown, highlight_hovered, is_partial, legend, quarter_long, quarter_plot, quarter_short, quarter_tooltip,
};
use egui::Color32;
use egui_plot::{Bar, BarChart, Line, LineStyle, PlotPoints, Points};

/// Us, wherever a chart names suppliers.
pub(super) const US: Color32 = rgb(palette::US);
/// The customer's category purchases from everyone.
const CATEGORY: Color32 = rgb(palette::CATEGORY);
/// Our share of each quarter: our colour, darker (lighter on a dark background), so it reads apart from our bars.
fn share_q(ui: &egui::Ui) -> Color32 {
    rgb(if ui.visuals().dark_mode { palette::ACCENT_ON_DARK } else { palette::ACCENT })
}
/// The share over 12 months (a calmer line beside the quarter's).
const SHARE_12M: Color32 = rgb(palette::SHARE_12M);
/// "Everything else" in stacked charts.
pub(super) const REST: Color32 = rgb(palette::REST);

/// Competitors: warm colours, so they stand out against us.
pub(super) const COMPETITORS: [Color32; 4] = {
    let c = palette::COMPETITORS;
    [rgb(c[0]), rgb(c[1]), rgb(c[2]), rgb(c[3])]
};
/// Everyone else and product codes: calm, distinct colours.
pub(super) const PALETTE: [Color32; 8] = {
    let o = palette::OTHERS;
    [rgb(o[0]), rgb(o[1]), rgb(o[2]), rgb(o[3]), rgb(o[4]), rgb(o[5]), rgb(o[6]), rgb(o[7])]
};

/// The read-out of one quarter of the share curve.
fn readout(view: &View, q: &ShareQuarter) -> String {
    trf(
        view.lang,
        "detail.share_readout",
        &[
            ("quarter", &quarter_long(view, q.quarter, q.partial)),
            ("ours", &money(view.lang, q.ours)),
            ("category", &money(view.lang, q.category)),
            ("share", &percent(q.share)),
            ("share_12m", &percent(q.share_12m)),
        ],
    )
}

/// Our sales and the category total as overlaid bars, our share below on its own 0–100% scale; the
/// quarter under the pointer is read out in full in a tooltip.
pub(super) fn share_curve(ui: &mut egui::Ui, view: &View, curve: &[ShareQuarter]) {
    ui.strong(view.t("detail.share_curve"));
    if curve.iter().all(|q| q.category <= 0.0) {
        ui.label(egui::RichText::new(view.t("detail.no_category")).weak());
        return;
    }
    let labels: Vec<String> = curve.iter().map(|q| quarter_short(q.quarter)).collect();
    let n = curve.len();
    // The partial quarter is drawn paler: it is not yet a whole quarter's purchases.
    let fade = |c: Color32, partial: bool| if partial { c.gamma_multiply(0.45) } else { c };
    let bars = |value: fn(&ShareQuarter) -> f64, color: Color32, width: f64| -> Vec<Bar> {
        curve.iter().enumerate().map(|(i, q)| Bar::new(i as f64, value(q)).width(width).fill(fade(color, q.partial))).collect()
    };
    let category = BarChart::new(view.t("detail.category"), bars(|q| q.category, CATEGORY, 0.75)).allow_hover(false);
    let ours = BarChart::new(view.t("detail.ours"), bars(|q| q.ours, US, 0.4)).allow_hover(false);
    let values = quarter_plot("share-values", 150.0, ui.available_width(), &labels)
        .include_y(0.0)
        .y_axis_formatter(|mark, _| money(view.lang, mark.value))
        .show(ui, |plot| {
            highlight_hovered(plot, n);
            plot.bar_chart(category);
            plot.bar_chart(ours);
        });
    let readout_at = |ui: &mut egui::Ui, i: usize| {
        if let Some(q) = curve.get(i) {
            ui.label(readout(view, q));
        }
    };
    quarter_tooltip(values, n, readout_at);
    let points = |value: fn(&ShareQuarter) -> Option<f64>| -> Vec<[f64; 2]> {
        curve.iter().enumerate().filter_map(|(i, q)| value(q).map(|v| [i as f64, v])).collect()
    };
    let (quarterly, yearly) = (points(|q| q.share), points(|q| q.share_12m));
    let share_line = share_q(ui);
    let shares = quarter_plot("share-percent", 95.0, ui.available_width(), &labels)
        .include_y(0.0)
        .include_y(1.0)
        .y_axis_formatter(|mark, _| percent(Some(mark.value)))
        .show(ui, |plot| {
            highlight_hovered(plot, n);
            let yearly = Line::new(view.t("detail.share_12m"), PlotPoints::new(yearly)).color(SHARE_12M).style(LineStyle::dashed_dense());
            plot.line(yearly.allow_hover(false));
            plot.line(
                Line::new(view.t("detail.share_q"), PlotPoints::new(quarterly.clone())).color(share_line).width(2.0).allow_hover(false),
            );
            plot.points(Points::new(view.t("detail.share_q"), PlotPoints::new(quarterly)).color(share_line).radius(3.0).allow_hover(false));
        });
    quarter_tooltip(shares, n, readout_at);
    legend(
        ui,
        &[
            (US, view.t("detail.ours").to_string()),
            (CATEGORY, view.t("detail.category").to_string()),
            (share_line, view.t("detail.share_q").to_string()),
            (SHARE_12M, view.t("detail.share_12m").to_string()),
        ],
    );
}
