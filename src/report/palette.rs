//! The app's colours for what reports colour: health levels, tiers, and suppliers in charts (us blue,
//! competitors warm, everyone else calm), so a printed report reads like the window.

use super::pdf::Color;
use crate::analysis::health::{Level, Severity};
use crate::analysis::tiers::Tier;
use crate::model::Lang;

/// A health level's colour.
pub fn level_color(level: Level) -> Color {
    Color::of(crate::palette::level(level))
}

/// A signal's colour: its severity's level's.
pub fn severity_color(severity: Severity) -> Color {
    level_color(Level::from(severity))
}

/// A level's name in a language.
pub fn level_name(level: Level, lang: Lang) -> &'static str {
    crate::text::tr(lang, level.text_key())
}

/// A tier's colour.
pub fn tier_color(tier: Tier) -> Color {
    Color::of(crate::palette::tier(tier))
}

/// Colours for named suppliers in order: us blue, the n-th competitor warm, the n-th other calm.
#[derive(Debug, Default)]
pub struct SupplierColors {
    warm: usize,
    calm: usize,
}

impl SupplierColors {
    /// The next supplier's colour.
    pub fn next(&mut self, us: bool, competitor: bool) -> Color {
        if us {
            Color::US
        } else if competitor {
            self.warm += 1;
            Color::COMPETITORS[(self.warm - 1) % Color::COMPETITORS.len()]
        } else {
            self.calm += 1;
            Color::PALETTE[(self.calm - 1) % Color::PALETTE.len()]
        }
    }
}
