//! The share curve (our sales against the customer's category purchases, and our share) and what
//! the customer's charts share: quarters on the x axis, fixed views, colours, a legend below.

use super::super::View;
use super::super::i18n::trf;
use crate::analysis::profile::ShareQuarter;
use crate::model::Quarter;
use crate::palette;
use crate::text::number::{money, percent};
use crate::ui::badge::rgb;
use chrono::NaiveDate;
use egui::Color32;
use egui_plot::{AxisHints, Bar, BarChart, GridInput, GridMark, Line, LineStyle, Plot, PlotPoints, PlotResponse, PlotUi, Points, Span};

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

/// `2025Q3` as `25Q3`: twelve of them fit under a half-width chart.
pub(super) fn quarter_short(q: Quarter) -> String {
    format!("{:02}Q{}", q.year.rem_euclid(100), q.q)
}

/// A quarter's full name, marked when the as-of date falls inside it.
pub(super) fn quarter_long(view: &View, q: Quarter, partial: bool) -> String {
    if partial { trf(view.lang, "detail.partial_quarter", &[("quarter", &q)]) } else { q.to_string() }
}

/// True when the as-of date falls inside the quarter (its figures are not a whole quarter's).
pub(super) fn is_partial(q: Quarter, as_of: Option<NaiveDate>) -> bool {
    as_of.is_some_and(|d| d < q.last_day())
}

/// The quarter under the pointer, from its x position (bars and points sit on whole numbers).
pub(super) fn index_at(x: f64, len: usize) -> Option<usize> {
    let i = x.round();
    (i >= 0.0 && (i as usize) < len).then_some(i as usize)
}

/// A chart over `labels.len()` quarters, `width` points wide: one label per quarter (every other one
/// when they would crowd), a fixed view (no zoom or drag, which would fight the page's scrolling),
/// hover read-outs only.
pub(super) fn quarter_plot<'a>(id: &str, height: f32, width: f32, labels: &'a [String]) -> Plot<'a> {
    let n = labels.len();
    // About 36 points hold a short quarter label in the small font; narrower, label every other one.
    let stride = if (width - 50.0) / (n.max(1) as f32) < 36.0 { 2 } else { 1 };
    let x_axis =
        AxisHints::new_x().label_spacing(10.0..=20.0).tick_label_font(egui::FontId::proportional(11.0)).formatter(move |mark, _| {
            match index_at(mark.value, n) {
                Some(i) if i % stride == 0 => labels.get(i).cloned().unwrap_or_default(),
                _ => String::new(),
            }
        });
    Plot::new(id)
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        // The band behind the hovered quarter and the tooltip replace the coordinate crosshair.
        .show_x(false)
        .show_y(false)
        .show_grid([false, true])
        .include_x(-0.6)
        .include_x(n as f64 - 0.4)
        .y_axis_min_width(44.0)
        .custom_x_axes(vec![x_axis])
        // A labelled mark's step is the stride, so the axis leaves room for its label.
        .x_grid_spacer(move |_: GridInput| {
            (0..n).map(|i| GridMark { value: i as f64, step_size: if i % stride == 0 { stride as f64 } else { 1.0 } }).collect()
        })
}

/// One coloured dot and text per series, wrapped under a chart.
pub(super) fn legend(ui: &mut egui::Ui, items: &[(Color32, String)]) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for (color, text) in items {
            // An entry is never split: its dot and its whole name move to the next line together.
            let galley = egui::WidgetText::from(egui::RichText::new(text).size(11.0)).into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Body,
            );
            let dot = ui.spacing().interact_size.y * 0.6;
            let room = ui.available_size_before_wrap().x;
            if dot + 4.0 + galley.size().x > room && room < ui.max_rect().width() - 1.0 {
                ui.end_row();
            }
            super::super::badge::dot(ui, *color);
            ui.add(egui::Label::new(galley));
            ui.add_space(8.0);
        }
    });
}

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

/// A faint band behind the quarter under the pointer (drawn first, so the bars stay on top).
pub(super) fn highlight_hovered(plot: &mut PlotUi, len: usize) {
    if !plot.response().hovered() {
        return;
    }
    if let Some(i) = plot.pointer_coordinate().and_then(|p| index_at(p.x, len)) {
        let band = Span::new("", (i as f64 - 0.48)..=(i as f64 + 0.48)).fill(Color32::from_gray(128).gamma_multiply(0.15));
        plot.span(band);
    }
}

/// The read-out of the quarter under the pointer, in a tooltip: one box, whatever bar or line the
/// pointer is nearest (egui_plot's own bar labels are painted over neighbouring bars).
pub(super) fn quarter_tooltip<R>(shown: PlotResponse<R>, len: usize, add: impl FnOnce(&mut egui::Ui, usize)) {
    let PlotResponse { response, transform, .. } = shown;
    let Some(i) = response.hover_pos().and_then(|p| index_at(transform.value_from_position(p).x, len)) else { return };
    response.on_hover_ui_at_pointer(|ui| add(ui, i));
}

/// One line of a tooltip's breakdown: colour, name, value, share.
pub(super) type Part = (Color32, String, f64, Option<f64>);

/// A quarter's breakdown in a tooltip: the title, then one aligned row per part.
pub(super) fn breakdown(ui: &mut egui::Ui, lang: crate::text::Lang, title: &str, parts: &[Part]) {
    ui.strong(title);
    egui::Grid::new("breakdown").num_columns(4).min_col_width(0.0).spacing([6.0, 2.0]).show(ui, |ui| {
        for (color, name, value, share) in parts {
            super::super::badge::dot(ui, *color);
            ui.label(name.as_str());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| ui.label(money(lang, *value)));
            ui.label(egui::RichText::new(percent(*share)).weak());
            ui.end_row();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_read_short_and_positions_map_to_quarters() {
        assert_eq!(quarter_short(Quarter { year: 2025, q: 3 }), "25Q3");
        assert_eq!(quarter_short(Quarter { year: 2009, q: 1 }), "09Q1");
        assert_eq!(index_at(2.4, 12), Some(2));
        assert_eq!(index_at(-0.4, 12), Some(0));
        assert_eq!(index_at(-0.6, 12), None);
        assert_eq!(index_at(11.6, 12), None);
    }
}
