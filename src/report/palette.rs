//! The app's colours for what reports colour: health levels, tiers, and suppliers in charts (us blue,
//! competitors warm, everyone else calm), so a printed report reads like the window.

use super::pdf::Color;
use crate::analysis::health::{Level, Severity};
use crate::analysis::tiers::Tier;
use crate::model::Lang;

/// A health level's colour.
pub fn level_color(level: Level) -> Color {
    match level {
        Level::Green => Color(46, 160, 67),
        Level::Yellow => Color(212, 167, 44),
        Level::Orange => Color(230, 110, 30),
        Level::Red => Color(215, 45, 45),
    }
}

/// A signal's colour: its severity's level's.
pub fn severity_color(severity: Severity) -> Color {
    level_color(Level::from(severity))
}

/// A level's name in a language.
pub fn level_name(level: Level, lang: Lang) -> &'static str {
    crate::text::tr(
        lang,
        match level {
            Level::Green => "level.green",
            Level::Yellow => "level.yellow",
            Level::Orange => "level.orange",
            Level::Red => "level.red",
        },
    )
}

/// A tier's colour.
pub fn tier_color(tier: Tier) -> Color {
    match tier {
        Tier::A => Color(30, 110, 200),
        Tier::B => Color(70, 150, 170),
        Tier::C => Color(130, 130, 130),
        Tier::D => Color(170, 120, 90),
    }
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
