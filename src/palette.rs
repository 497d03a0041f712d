//! The one palette: the colours of health levels, tiers, and the parties and figures charts show,
//! as plain RGB, so the window and the briefings paint the same things alike.

use crate::analysis::health::Level;
use crate::analysis::tiers::Tier;

/// A colour as red, green, blue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// A health level's colour.
pub const fn level(level: Level) -> Rgb {
    match level {
        Level::Green => GOOD,
        Level::Yellow => Rgb(212, 167, 44),
        Level::Orange => Rgb(230, 110, 30),
        Level::Red => BAD,
    }
}

/// A tier's colour.
pub const fn tier(tier: Tier) -> Rgb {
    match tier {
        Tier::A => US,
        Tier::B => OTHERS[0],
        Tier::C => Rgb(130, 130, 130),
        Tier::D => OTHERS[5],
    }
}

/// Going well: a green level, a rising trend, an import done.
pub const GOOD: Rgb = Rgb(46, 160, 67);
/// Going badly: a red level, a falling trend.
pub const BAD: Rgb = Rgb(215, 45, 45);
/// To be checked: a number that looks wrong, a skipped sheet, a member we do not serve.
pub const WARN: Rgb = Rgb(215, 120, 20);
/// Us, wherever a chart names suppliers; opportunities.
pub const US: Rgb = Rgb(30, 110, 200);
/// Headings and our share of each quarter: our blue, darker.
pub const ACCENT: Rgb = Rgb(20, 70, 140);
/// The same blue, lighter, for lines on a dark background.
pub const ACCENT_ON_DARK: Rgb = Rgb(120, 170, 235);
/// A customer's category purchases from everyone.
pub const CATEGORY: Rgb = Rgb(170, 178, 189);
/// The share over 12 months, beside the quarter's.
pub const SHARE_12M: Rgb = Rgb(230, 110, 30);
/// "Everything else" in stacked charts.
pub const REST: Rgb = Rgb(200, 200, 200);
/// Competitors: warm colours, so they stand out against us.
pub const COMPETITORS: [Rgb; 4] = [BAD, Rgb(230, 120, 40), Rgb(180, 60, 120), Rgb(150, 40, 40)];
/// Everyone else and product codes: calm, distinct colours.
pub const OTHERS: [Rgb; 8] = [
    Rgb(70, 150, 170),
    Rgb(120, 170, 90),
    Rgb(150, 110, 190),
    Rgb(200, 170, 60),
    Rgb(110, 120, 140),
    Rgb(170, 120, 90),
    Rgb(90, 190, 160),
    Rgb(210, 140, 170),
];
