//! Table cells: a header row of translated column names, and cells whose text may run long (product
//! texts, reasons) — wrapped onto at most two lines and cut after them, the whole text on hover
//! (egui's own tooltip for cut text), so a reason reads instead of ending after four words.

use super::View;

/// A table's header row: each key's text in strong type (an empty key leaves its column blank).
pub fn header(h: &mut egui_extras::TableRow<'_, '_>, view: &View, keys: &[&str]) {
    for key in keys {
        h.col(|ui| {
            if !key.is_empty() {
                ui.strong(view.t(key));
            }
        });
    }
}

/// Lines a long cell wraps onto before it is cut.
pub const LINES: usize = 2;

/// The row height of a table with two-line cells.
pub fn row_height(ui: &egui::Ui) -> f32 {
    ui.text_style_height(&egui::TextStyle::Body) * LINES as f32 + 6.0
}

/// A text wrapped onto at most [`LINES`] lines within the cell, cut with "…" after them.
pub fn two_lines(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    let job = text.into().into_layout_job(ui.style(), egui::FontSelection::Default, egui::Align::Center);
    let mut job = std::sync::Arc::unwrap_or_clone(job);
    job.wrap.max_rows = LINES;
    job.wrap.break_anywhere = false;
    ui.add(egui::Label::new(job).wrap())
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn a_long_reason_wraps_onto_two_lines_and_is_cut_after_them() {
        let long = "96% of its buyers also buy our kind of products, against 12% of the buyers of other products in the data";
        let mut h = Harness::builder().with_size(egui::vec2(220.0, 200.0)).build_ui(|ui| {
            ui.set_width(200.0);
            two_lines(ui, long);
            two_lines(ui, "short");
        });
        h.run();
        let cut = h.get_by_label_contains("96% of its buyers").rect();
        let line = h.get_by_label("short").rect().height();
        assert!(cut.height() > 1.5 * line && cut.height() < 2.5 * line, "two lines: {} vs {line}", cut.height());
        assert!(cut.width() <= 201.0, "{}", cut.width());
    }
}
