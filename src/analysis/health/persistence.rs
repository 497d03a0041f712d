//! Persistence and hysteresis: a signal counts once it held at two month ends in a row, and once it
//! counts it steps down one severity per month, so a level neither jumps on one odd month nor flaps
//! back to green between two bad ones.
//!
//! The machine starts from nothing [`WARM_UP`] months before the as-of month, so a single as-of
//! health check and the month-by-month backtest give the same answer for the same date.

use super::signal::Severity;

/// Month ends of raw results the machine runs over before the as-of month.
pub const WARM_UP: usize = 6;

/// The effective severity after the raw severities of consecutive month ends, oldest first (the last
/// is the as-of month).
pub fn persist(raws: &[Option<Severity>]) -> Option<Severity> {
    let mut state = None;
    let mut before = None;
    for raw in raws {
        let confirmed = (*raw).min(before);
        let held = if *raw >= state { state } else { state.and_then(one_below) };
        state = confirmed.max(held);
        before = *raw;
    }
    state
}

fn one_below(s: Severity) -> Option<Severity> {
    match s {
        Severity::Red => Some(Severity::Orange),
        Severity::Orange => Some(Severity::Yellow),
        Severity::Yellow => None,
    }
}

#[cfg(test)]
mod tests {
    use super::Severity::{Orange, Red, Yellow};
    use super::*;

    #[test]
    fn one_odd_month_raises_nothing() {
        assert_eq!(persist(&[None, Some(Orange)]), None);
        assert_eq!(persist(&[Some(Yellow), Some(Orange)]), Some(Yellow));
        assert_eq!(persist(&[Some(Orange), Some(Orange)]), Some(Orange));
    }

    #[test]
    fn a_level_steps_down_one_severity_per_month() {
        assert_eq!(persist(&[Some(Red), Some(Red), None]), Some(Orange));
        assert_eq!(persist(&[Some(Red), Some(Red), None, None]), Some(Yellow));
        assert_eq!(persist(&[Some(Red), Some(Red), None, None, None]), None);
        assert_eq!(persist(&[Some(Orange), Some(Orange), Some(Yellow)]), Some(Yellow));
        assert_eq!(persist(&[Some(Orange), Some(Orange), Some(Yellow), Some(Yellow)]), Some(Yellow));
    }

    #[test]
    fn a_quiet_month_between_bad_ones_does_not_flap_to_green() {
        let levels: Vec<Option<Severity>> =
            (1..=6).map(|n| persist(&[Some(Orange), Some(Orange), None, Some(Orange), Some(Orange), None][..n])).collect();
        assert_eq!(levels, [None, Some(Orange), Some(Yellow), Some(Yellow), Some(Orange), Some(Yellow)]);
    }
}
