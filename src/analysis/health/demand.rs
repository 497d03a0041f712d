//! `demand_gap`: the customer buys more and more of products outside our catalog — our range is
//! falling behind its needs.
//!
//! Whole-year windows (the last 12 months against the 12 before), so seasons compare with themselves.
//! A code counts when its purchases are material (in dollars and against what it buys from us) and
//! grew, or are new. Orange when such purchases reach half of what it buys from us.

use super::signal::{Severity, Signal, SignalKind, pct, usd};
use super::thresholds::HealthSettings;
use super::view::View;
use crate::model::Hs6;
use std::collections::BTreeMap;

/// Assesses one customer at the view's month end.
pub fn assess(v: &View, cfg: &HealthSettings) -> Option<Signal> {
    let t = v.t;
    if !v.covers(0, 24) || v.history_months() < 24 {
        return None;
    }
    let mut by_code: BTreeMap<Hs6, (f64, f64)> = BTreeMap::new();
    for c in v.s.codes.iter().filter(|c| !c.in_catalog && c.month <= t && c.month + 24 > t) {
        let entry = by_code.entry(c.hs6).or_default();
        if c.month + 12 > t {
            entry.0 += c.value.dollars();
        } else {
            entry.1 += c.value.dollars();
        }
    }
    let ours = v.ours(0, 12).dollars();
    let floor = cfg.demand_min_usd.max(cfg.demand_min_vs_ours * ours);
    let gaps: Vec<(Hs6, f64, f64)> = by_code
        .into_iter()
        .filter(|(_, (now, before))| *now >= floor && (*before <= 0.0 || *now >= (1.0 + cfg.demand_growth) * before))
        .map(|(code, (now, before))| (code, now, before))
        .collect();
    let (top, now, before) = *gaps.iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
    let sum: f64 = gaps.iter().map(|g| g.1).sum();
    let orange = ours > 0.0 && sum >= cfg.demand_orange_vs_ours * ours;
    let severity = if orange { Severity::Orange } else { Severity::Yellow };
    let growth = if before > 0.0 { now / before - 1.0 } else { f64::INFINITY };
    let mut signal = Signal::new(SignalKind::DemandGap, severity, v.window_start(0, 24), v.as_of())
        .with("codes", gaps.len() as f64)
        .with("value_12m", sum)
        .with("top_value_12m", now)
        .with("top_value_prior_12m", before)
        .with("ours_12m", ours);
    signal.since = Some(v.window_start(0, 12));
    let growth_en = if growth.is_finite() { format!("up {} on the year before", pct(growth)) } else { "new this year".to_string() };
    let growth_zh = if growth.is_finite() { format!("比上一年增长{}", pct(growth)) } else { "为今年新增".to_string() };
    signal.explanation = format!(
        "It bought {} of products we do not sell in the last 12 months ({} code{}; HS {top} alone {}, {growth_en}), against {} from us.",
        usd(sum),
        gaps.len(),
        if gaps.len() == 1 { "" } else { "s" },
        usd(now),
        usd(ours)
    );
    signal.explanation_zh = format!(
        "近12个月该客户采购了{}我们不经营的产品（{}个编码；其中HS {top}为{}，{growth_zh}），而向我们采购{}。",
        usd(sum),
        gaps.len(),
        usd(now),
        usd(ours)
    );
    signal.subject = Some(format!("HS {top}"));
    Some(signal)
}
