//! What every chart over quarters shares, on the dashboard and the customer page: quarters on the
//! x axis with short labels, a fixed view (no zoom or drag, which would fight the page's scrolling),
//! a band and one tooltip for the quarter under the pointer, and a legend that wraps whole entries.

use super::View;
use super::i18n::trf;
use crate::model::Quarter;
use crate::text::number::{money, percent};
use chrono::NaiveDate;
use egui::Color32;
use egui_plot::{AxisHints, GridInput, GridMark, Plot, PlotResponse, PlotUi, Span};

/// `2025Q3` as `25Q3`: twelve of them fit under a half-width chart.
pub fn quarter_short(q: Quarter) -> String {
    format!("{:02}Q{}", q.year.rem_euclid(100), q.q)
}

/// A quarter's full name, marked when the as-of date falls inside it.
pub fn quarter_long(view: &View, q: Quarter, partial: bool) -> String {
    if partial { trf(view.lang, "detail.partial_quarter", &[("quarter", &q)]) } else { q.to_string() }
}

/// True when the as-of date falls inside the quarter (its figures are not a whole quarter's).
pub fn is_partial(q: Quarter, as_of: Option<NaiveDate>) -> bool {
    as_of.is_some_and(|d| d < q.last_day())
}

/// The quarter under the pointer, from its x position (bars and points sit on whole numbers).
pub fn index_at(x: f64, len: usize) -> Option<usize> {
    let i = x.round();
    (i >= 0.0 && (i as usize) < len).then_some(i as usize)
}

/// A chart over `labels.len()` quarters, `width` points wide: one label per quarter (every other one
/// when they would crowd), a fixed view (no zoom or drag, which would fight the page's scrolling),
/// hover read-outs only.
pub fn quarter_plot<'a>(id: &str, height: f32, width: f32, labels: &'a [String]) -> Plot<'a> {
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
pub fn legend(ui: &mut egui::Ui, items: &[(Color32, String)]) {
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
            super::badge::dot(ui, *color);
            ui.add(egui::Label::new(galley));
            ui.add_space(8.0);
        }
    });
}

/// A faint band behind the quarter under the pointer (drawn first, so the bars stay on top).
pub fn highlight_hovered(plot: &mut PlotUi, len: usize) {
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
pub fn quarter_tooltip<R>(shown: PlotResponse<R>, len: usize, add: impl FnOnce(&mut egui::Ui, usize)) {
    let PlotResponse { response, transform, .. } = shown;
    let Some(i) = response.hover_pos().and_then(|p| index_at(transform.value_from_position(p).x, len)) else { return };
    response.on_hover_ui_at_pointer(|ui| add(ui, i));
}

/// One line of a tooltip's breakdown: colour, name, value, share.
pub type Part = (Color32, String, f64, Option<f64>);

/// A quarter's breakdown in a tooltip: the title, then one aligned row per part.
pub fn breakdown(ui: &mut egui::Ui, lang: crate::text::Lang, title: &str, parts: &[Part]) {
    ui.strong(title);
    egui::Grid::new("breakdown").num_columns(4).min_col_width(0.0).spacing([6.0, 2.0]).show(ui, |ui| {
        for (color, name, value, share) in parts {
            super::badge::dot(ui, *color);
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
