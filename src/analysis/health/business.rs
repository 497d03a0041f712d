//! `business_decline`: the customer's whole business shrinks — all products, all suppliers. The
//! response is credit control, not a sales push.
//!
//! Year on year only: each quarter against the same quarter a year earlier, and the last 12 months
//! against the 12 before, so a seasonal customer's low season is never compared with its high one.

use super::signal::{Severity, Signal, SignalKind, pct, usd};
use super::thresholds::HealthSettings;
use super::view::View;

/// Assesses one customer at the view's month end.
pub fn assess(v: &View, cfg: &HealthSettings) -> Option<Signal> {
    if !v.covers(0, 24) || v.history_months() < 24 {
        return None;
    }
    let (now, before) = (v.total(0, 12).dollars(), v.total(12, 12).dollars());
    if before < cfg.business_min_usd {
        return None;
    }
    // Quarters, half-years and even single years only mean something for a customer that bought in
    // most months of the year before: a buyer of a few big lots moves a year's total by shifting one
    // lot by a month. (A recent year with few active months is the collapse this rule is for.)
    let active_before = v.window(12, 12).iter().filter(|m| m.total.0 > 0).count();
    if active_before < cfg.business_min_active_months {
        return None;
    }
    let ratio = now / before;
    // Consecutive quarters (most recent first) below the same quarter a year earlier.
    let falling = (0..4)
        .take_while(|q| {
            let (this, last_year) = (v.total(q * 3, 3).dollars(), v.total(q * 3 + 12, 3).dollars());
            last_year > 0.0 && this <= (1.0 - cfg.business_quarter_fall) * last_year
        })
        .count();
    // The last six months against the same months a year earlier: a steep fall shows here first.
    let half = v.total(0, 6).dollars() / v.total(12, 6).dollars().max(1e-9);
    let severity = if ratio <= cfg.business_red_ratio && falling >= 2 {
        Severity::Red
    } else if (ratio <= cfg.business_orange_ratio && falling >= 3) || (half <= cfg.business_half_year_ratio && falling >= 2) {
        Severity::Orange
    } else {
        return None;
    };
    let mut signal = Signal::new(SignalKind::BusinessDecline, severity, v.window_start(0, 24), v.as_of())
        .with("imports_12m", now)
        .with("imports_prior_12m", before)
        .with("change", ratio - 1.0)
        .with("change_6m", half - 1.0)
        .with("falling_quarters", falling as f64);
    signal.since = Some(v.window_start(0, falling.max(1) * 3));
    signal.explanation = format!(
        "Its total imports fell to {} in the last 12 months from {} the year before ({}), with {falling} quarters in a row below the same quarter a year earlier.",
        usd(now),
        usd(before),
        pct(ratio - 1.0)
    );
    signal.explanation_zh =
        format!("该客户近12个月进口总额{}，上一年为{}（{}），已连续{falling}个季度低于上年同期。", usd(now), usd(before), pct(ratio - 1.0));
    Some(signal)
}
