//! `growth_opportunity`: purchases multiply in a short time — a candidate for a higher tier and more
//! service. A chance, not a risk: it never raises the health level.
//!
//! The last six months against the same six months a year earlier, so a seasonal peak is not growth.

use super::signal::{Figures, GrowthFigures, Severity, Signal};
use super::thresholds::HealthSettings;
use super::view::View;
use crate::text::number::dollars;

/// What the rule measured at one month end: the faster growing of our sales and its category.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    figures: GrowthFigures,
}

/// Measures one customer at the view's month end (`None`: nothing grew from something).
pub fn measure(v: &View, _cfg: &HealthSettings) -> Option<Stats> {
    if !v.covers(0, 18) {
        return None;
    }
    let candidates =
        [(true, v.ours(0, 6).dollars(), v.ours(12, 6).dollars()), (false, v.category(0, 6).dollars(), v.category(12, 6).dollars())];
    let (from_us, now, before) =
        candidates.into_iter().filter(|(_, _, before)| *before > 0.0).max_by(|a, b| (a.1 / a.2).total_cmp(&(b.1 / b.2)))?;
    Some(Stats { figures: GrowthFigures { from_us, value_6m: now, value_same_6m_last_year: before, multiple: now / before } })
}

/// The severity of what was measured.
pub fn judge(s: &Stats, cfg: &HealthSettings) -> Option<Severity> {
    let f = &s.figures;
    (f.multiple >= cfg.growth_ratio && f.value_6m - f.value_same_6m_last_year >= cfg.growth_min_increase_usd).then_some(Severity::Yellow)
}

/// The signal of what was measured, at `severity`.
pub fn signal(v: &View, s: &Stats, severity: Severity) -> Signal {
    let mut signal = Signal::new(severity, v.window_start(12, 6), v.as_of(), Figures::GrowthOpportunity(s.figures));
    signal.since = Some(v.window_start(0, 6));
    (signal.explanation, signal.explanation_zh) = explain(&s.figures);
    signal.subject = Some(if s.figures.from_us { "ours" } else { "category" }.to_string());
    signal
}

/// The sentence of a growth opportunity, English and Chinese.
pub fn explain(f: &GrowthFigures) -> (String, String) {
    let (en, zh) = if f.from_us { ("from us", "向我们的采购") } else { ("of our kind of products", "同类产品采购") };
    (
        format!(
            "Its purchases {en} reached {} in the last six months, {:.1} times the same months a year earlier ({}): worth a higher tier of service.",
            dollars(f.value_6m),
            f.multiple,
            dollars(f.value_same_6m_last_year)
        ),
        format!(
            "近六个月该客户{zh}达{}，是上年同期（{}）的{:.1}倍，值得提升服务等级。",
            dollars(f.value_6m),
            dollars(f.value_same_6m_last_year),
            f.multiple
        ),
    )
}
