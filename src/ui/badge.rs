//! Small painted marks shared by the screens: the health colour, the tier letter and the trend
//! sparkline.

use super::i18n::{Lang, tr};
use crate::analysis::health::Level;
use crate::analysis::tiers::Tier;
use crate::palette;
use egui::{Color32, Response, Sense, Stroke, Ui, vec2};

/// The colour of a health level.
pub fn level_color(level: Level) -> Color32 {
    rgb(palette::level(level))
}

/// A colour of the app's palette, for egui.
pub const fn rgb(c: palette::Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

/// The translation key of a level's name.
pub fn level_key(level: Level) -> &'static str {
    level.text_key()
}

/// A coloured dot and the level's name.
pub fn level(ui: &mut Ui, level: Level, lang: Lang) -> Response {
    ui.horizontal(|ui| {
        dot(ui, level_color(level));
        ui.label(tr(lang, level_key(level)));
    })
    .response
}

/// A filled circle of one text line's height.
pub fn dot(ui: &mut Ui, color: Color32) -> Response {
    let size = ui.text_style_height(&egui::TextStyle::Body);
    let (rect, response) = ui.allocate_exact_size(vec2(size * 0.8, size), Sense::hover());
    ui.painter().circle_filled(rect.center(), size * 0.32, color);
    response
}

/// The colour of a tier.
pub fn tier_color(tier: Tier) -> Color32 {
    match tier {
        Tier::A | Tier::B | Tier::C | Tier::D => rgb(palette::tier(tier)),
    }
}

/// The tier letter on its colour.
pub fn tier(ui: &mut Ui, tier: Tier) -> Response {
    let text = egui::RichText::new(format!(" {tier} ")).strong().color(Color32::WHITE).background_color(tier_color(tier));
    ui.label(text)
}

/// A small line of values, oldest first, scaled to its own maximum.
pub fn sparkline(ui: &mut Ui, values: &[f64], width: f32) -> Response {
    let height = ui.text_style_height(&egui::TextStyle::Body);
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let max = values.iter().copied().fold(0.0_f64, f64::max);
    if values.len() < 2 || max <= 0.0 {
        ui.painter().hline(rect.x_range(), rect.bottom() - 1.0, Stroke::new(1.0, ui.visuals().weak_text_color()));
        return response;
    }
    let step = rect.width() / (values.len() - 1) as f32;
    let points: Vec<egui::Pos2> = values
        .iter()
        .enumerate()
        .map(|(i, v)| egui::pos2(rect.left() + step * i as f32, rect.bottom() - 1.0 - (*v / max) as f32 * (rect.height() - 2.0)))
        .collect();
    let color = trend_color(values, ui.visuals().text_color());
    ui.painter().add(egui::Shape::line(points, Stroke::new(1.5, color)));
    response
}

/// Green when the last two quarters are well above the first two, red when well below, else the
/// text colour: a steady customer's small wobble should not look like an alarm.
fn trend_color(values: &[f64], steady: Color32) -> Color32 {
    let n = values.len();
    let (early, late) = (values[..2.min(n)].iter().sum::<f64>(), values[n.saturating_sub(2)..].iter().sum::<f64>());
    if late > early * 1.25 {
        rgb(palette::GOOD)
    } else if late < early * 0.75 {
        rgb(palette::BAD)
    } else {
        steady.gamma_multiply(0.7)
    }
}

/// The colour of an order's state: due or late stand out, overdue warns, the rest recede.
pub fn order_state_color(ui: &egui::Ui, state: crate::analysis::next_order::OrderState) -> egui::Color32 {
    use crate::analysis::next_order::OrderState;
    match state {
        OrderState::Due | OrderState::Late => ui.visuals().hyperlink_color,
        OrderState::Later | OrderState::Regular => ui.visuals().weak_text_color(),
        OrderState::Overdue => ui.visuals().warn_fg_color,
    }
}
