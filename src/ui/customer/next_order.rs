//! The customer's order rhythm, when its next order is expected and its season.

use super::View;
use crate::analysis::next_order::{NextOrder, Season};

/// The section: the usual gap, the next order with its range and state, the season.
pub fn next_order(ui: &mut egui::Ui, view: &View, next: Option<&NextOrder>, season: Option<&Season>) {
    ui.strong(view.t("order.title"));
    match next {
        None => _ = ui.label(egui::RichText::new(view.t("order.too_few")).weak()),
        Some(n) => {
            ui.label(n.rhythm_message().render(view.lang));
            ui.label(n.expected_message().render(view.lang));
            ui.label(egui::RichText::new(n.state_message().render(view.lang)).color(crate::ui::badge::order_state_color(ui, n.state)));
        }
    }
    if let Some(s) = season {
        ui.add_space(4.0);
        ui.label(s.message().render(view.lang));
        if s.peak.is_some() {
            quarter_bars(ui, view, s);
        }
    }
}

/// Four small bars: the share of a year's sales in each quarter.
fn quarter_bars(ui: &mut egui::Ui, view: &View, s: &Season) {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(160.0, 34.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let w = rect.width() / 4.0;
    let max = s.quarters.iter().copied().fold(0.25, f64::max);
    for (i, share) in s.quarters.iter().enumerate() {
        let h = (share / max) as f32 * (rect.height() - 12.0);
        let x = rect.left() + w * i as f32;
        let bar = egui::Rect::from_min_max(egui::pos2(x + 4.0, rect.bottom() - 12.0 - h), egui::pos2(x + w - 4.0, rect.bottom() - 12.0));
        let peak = s.seasonal() && s.peak == Some(i as u8 + 1);
        let color = if peak { ui.visuals().hyperlink_color } else { ui.visuals().weak_text_color() };
        painter.rect_filled(bar, 1.0, color);
        painter.text(
            egui::pos2(x + w / 2.0, rect.bottom()),
            egui::Align2::CENTER_BOTTOM,
            format!("Q{}", i + 1),
            egui::FontId::proportional(10.0),
            ui.visuals().text_color(),
        );
    }
    let shares: Vec<String> = s.quarters.iter().enumerate().map(|(i, v)| format!("Q{} {:.0}%", i + 1, v * 100.0)).collect();
    response.on_hover_text(format!("{}: {}", view.t("order.season_bars"), shares.join(" · ")));
}
