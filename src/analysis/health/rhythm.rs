//! `order_frequency_drop`: our orders come far more rarely than this customer's own rhythm — the
//! gap since our last shipment, or the spacing of the latest ones, is several usual gaps long.
//!
//! The usual gap is the median interval between our shipments over the last two years, so a buyer
//! of one or two big lots a year is judged on its own long gaps and never flagged before they have
//! clearly passed.

use super::signal::{Severity, Signal, SignalKind};
use super::thresholds::HealthSettings;
use super::view::View;
use chrono::NaiveDate;

/// Intervals (days) between consecutive days.
fn gaps(days: &[NaiveDate]) -> Vec<i64> {
    days.windows(2).map(|w| (w[1] - w[0]).num_days()).collect()
}

fn median(mut xs: Vec<i64>) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_unstable();
    let n = xs.len();
    Some(if n % 2 == 1 { xs[n / 2] as f64 } else { (xs[n / 2 - 1] + xs[n / 2]) as f64 / 2.0 })
}

/// Assesses one customer at the view's month end.
pub fn assess(v: &View, cfg: &HealthSettings) -> Option<Signal> {
    let as_of = v.as_of();
    let since = crate::model::date::months_back(as_of, 24);
    let known = v.s.our_days.partition_point(|d| *d <= as_of);
    let days: Vec<NaiveDate> = v.s.our_days[..known].iter().copied().filter(|d| *d > since).collect();
    if days.len() < cfg.rhythm_min_orders || v.ours(0, 24).dollars() / 2.0 < cfg.rhythm_min_usd {
        return None;
    }
    let all = gaps(&days);
    // The latest three intervals against the ones before them.
    let split = all.len().saturating_sub(3);
    let usual = median(all[..split].to_vec()).or_else(|| median(all.clone()))?.max(1.0);
    let recent = median(all[split..].to_vec()).unwrap_or(usual);
    let last = *days.last()?;
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
