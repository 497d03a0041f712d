//! `growth_opportunity`: purchases multiply in a short time — a candidate for a higher tier and more
//! service. A chance, not a risk: it never raises the health level.
//!
//! The last six months against the same six months a year earlier, so a seasonal peak is not growth.

use super::signal::{Severity, Signal, SignalKind, usd};
use super::thresholds::HealthSettings;
use super::view::View;

/// Assesses one customer at the view's month end.
pub fn assess(v: &View, cfg: &HealthSettings) -> Option<Signal> {
    if !v.covers(0, 18) {
        return None;
    }
    let candidates =
        [("ours", v.ours(0, 6).dollars(), v.ours(12, 6).dollars()), ("category", v.category(0, 6).dollars(), v.category(12, 6).dollars())];
    let (what, now, before) = candidates
        .into_iter()
        .filter(|(_, now, before)| *before > 0.0 && *now >= cfg.growth_ratio * before && now - before >= cfg.growth_min_increase_usd)
        .max_by(|a, b| (a.1 / a.2).total_cmp(&(b.1 / b.2)))?;
    let mut signal = Signal::new(SignalKind::GrowthOpportunity, Severity::Yellow, v.window_start(12, 6), v.as_of())
        .with("value_6m", now)
        .with("value_same_6m_last_year", before)
        .with("multiple", now / before);
    signal.since = Some(v.window_start(0, 6));
    let (en, zh) = if what == "ours" { ("from us", "向我们的采购") } else { ("of our kind of products", "同类产品采购") };
    signal.explanation = format!(
        "Its purchases {en} reached {} in the last six months, {:.1} times the same months a year earlier ({}): worth a higher tier of service.",
        usd(now),
        now / before,
        usd(before)
    );
    signal.explanation_zh =
        format!("近六个月该客户{zh}达{}，是上年同期（{}）的{:.1}倍，值得提升服务等级。", usd(now), usd(before), now / before);
    signal.subject = Some(what.to_string());
    Some(signal)
}
