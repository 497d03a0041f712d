//! `order_frequency_drop`: our orders come far more rarely than this customer's own rhythm — the
//! gap since our last shipment, or the spacing of the latest ones, is several usual gaps long.
//!
//! The usual gap is the upper quartile of the intervals between our orders over the last two years
//! (shipments within two weeks of each other count as one order), so a buyer of one or two big lots a
//! year is judged on its own long gaps and never flagged before they have clearly passed.

use super::signal::{Severity, Signal, SignalKind};
use super::thresholds::HealthSettings;
use super::view::View;
use chrono::NaiveDate;

/// Shipments this close together are one order (a lot split over several containers or days).
const SAME_ORDER_DAYS: i64 = 14;

/// Orders from shipment days: a run of days each within two weeks of the one before is one order,
/// dated to its first day.
pub fn orders(days: &[NaiveDate]) -> Vec<NaiveDate> {
    let mut out: Vec<NaiveDate> = Vec::new();
    let mut last: Option<NaiveDate> = None;
    for d in days {
        if last.is_none_or(|l| (*d - l).num_days() > SAME_ORDER_DAYS) {
            out.push(*d);
        }
        last = Some(*d);
    }
    out
}

/// Intervals (days) between consecutive orders.
fn gaps(days: &[NaiveDate]) -> Vec<i64> {
    days.windows(2).map(|w| (w[1] - w[0]).num_days()).collect()
}

/// The `q` quantile (0–1) by nearest rank.
fn quantile(mut xs: Vec<i64>, q: f64) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_unstable();
    let rank = ((xs.len() - 1) as f64 * q).round() as usize;
    Some(xs[rank] as f64)
}

/// Assesses one customer at the view's month end.
pub fn assess(v: &View, cfg: &HealthSettings) -> Option<Signal> {
    let as_of = v.as_of();
    let since = crate::model::date::months_back(as_of, 24);
    let known = v.s.our_days.partition_point(|d| *d <= as_of);
    let days: Vec<NaiveDate> = orders(&v.s.our_days[..known]).into_iter().filter(|d| *d > since).collect();
    if days.len() < cfg.rhythm_min_orders || v.ours(0, 24).dollars() / 2.0 < cfg.rhythm_min_usd {
        return None;
    }
    let all = gaps(&days);
    // The latest three intervals against the ones before them.
    let split = all.len().saturating_sub(3);
    // The upper quartile: a lumpy buyer's short gaps within one big lot do not set its rhythm.
    let usual = quantile(all[..split].to_vec(), 0.75).or_else(|| quantile(all.clone(), 0.75))?.max(1.0);
    let recent = quantile(all[split..].to_vec(), 0.5).unwrap_or(usual);
    // Days since our last shipment (the last day of the last order).
    let last = *v.s.our_days[..known].last()?;
    let days_since = (as_of - last).num_days();
    let waiting = days_since as f64 / usual;
    let spacing = if split >= 3 { recent / usual } else { 1.0 };
    let min_days = cfg.rhythm_min_days as f64;
    let orange = (waiting >= cfg.rhythm_orange_gaps && days_since as f64 >= 2.0 * min_days)
        || (spacing >= cfg.rhythm_orange_gaps - 0.5 && recent >= 2.0 * min_days);
    let yellow = (waiting >= cfg.rhythm_yellow_gaps && days_since as f64 >= min_days) || (spacing >= 2.0 && recent >= min_days);
    let severity = if orange {
        Severity::Orange
    } else if yellow {
        Severity::Yellow
    } else {
        return None;
    };
    let mut signal = Signal::new(SignalKind::OrderFrequencyDrop, severity, since.succ_opt().unwrap_or(since), as_of)
        .with("days_since_last", days_since as f64)
        .with("usual_gap_days", usual)
        .with("recent_gap_days", recent)
        .with("orders_24m", days.len() as f64);
    signal.explanation = format!(
        "Our last shipment to it was {days_since} days ago ({}); it used to order from us about every {:.0} days, and the latest orders came every {:.0} days.",
        last.format("%Y-%m-%d"),
        usual,
        recent
    );
    signal.explanation_zh = format!(
        "我们最近一次向该客户出货是{days_since}天前（{}）；以往约每{:.0}天下一次单，最近几单间隔约{:.0}天。",
        last.format("%Y-%m-%d"),
        usual,
        recent
    );
    Some(signal)
}
