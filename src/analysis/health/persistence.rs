//! Persistence and hysteresis: a signal counts once it held at two month ends in a row — unless it
//! is a discrete event that needs no second month (a new supplier's first lot) — and once it counts
//! it steps down one severity per month, so a level neither jumps on one odd month nor flaps back to
//! green between two bad ones.
//!
//! The machine starts from nothing [`WARM_UP`] months before the as-of month, so a single as-of
//! health check and the month-by-month backtest give the same answer for the same date.

use super::signal::Severity;

/// Month ends of raw results the machine runs over before the as-of month.
pub const WARM_UP: usize = 6;

/// A rule's raw finding at one month end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raw {
    /// Its severity.
    pub severity: Severity,
    /// It counts only when the month end before had it too.
    pub confirm: bool,
}

/// The effective severity after the raw findings of consecutive month ends, oldest first (the last
/// is the as-of month).
pub fn persist(raws: &[Option<Raw>]) -> Option<Severity> {
    let mut state = None;
    let mut before = None;
    for raw in raws {
        let severity = raw.map(|r| r.severity);
        let confirmed = if raw.is_some_and(|r| r.confirm) { severity.min(before) } else { severity };
        let held = if severity >= state { state } else { state.and_then(one_below) };
        state = confirmed.max(held);
        before = severity;
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

    fn raws(severities: &[Option<Severity>], confirm: bool) -> Vec<Option<Raw>> {
        severities.iter().map(|s| s.map(|severity| Raw { severity, confirm })).collect()
    }

    fn persist_confirmed(severities: &[Option<Severity>]) -> Option<Severity> {
        persist(&raws(severities, true))
    }

    #[test]
    fn an_event_counts_at_once_and_steps_down_the_same_way() {
        let at_once = |s: &[Option<Severity>]| persist(&raws(s, false));
        assert_eq!(at_once(&[None, Some(Yellow)]), Some(Yellow));
        assert_eq!(at_once(&[Some(Orange), None, None]), None);
        assert_eq!(at_once(&[Some(Orange), Some(Orange), None]), Some(Yellow));
    }

    #[test]
    fn one_odd_month_raises_nothing() {
        assert_eq!(persist_confirmed(&[None, Some(Orange)]), None);
        assert_eq!(persist_confirmed(&[Some(Yellow), Some(Orange)]), Some(Yellow));
        assert_eq!(persist_confirmed(&[Some(Orange), Some(Orange)]), Some(Orange));
    }

    #[test]
    fn a_level_steps_down_one_severity_per_month() {
        assert_eq!(persist_confirmed(&[Some(Red), Some(Red), None]), Some(Orange));
        assert_eq!(persist_confirmed(&[Some(Red), Some(Red), None, None]), Some(Yellow));
        assert_eq!(persist_confirmed(&[Some(Red), Some(Red), None, None, None]), None);
        assert_eq!(persist_confirmed(&[Some(Orange), Some(Orange), Some(Yellow)]), Some(Yellow));
        assert_eq!(persist_confirmed(&[Some(Orange), Some(Orange), Some(Yellow), Some(Yellow)]), Some(Yellow));
    }

    #[test]
    fn a_quiet_month_between_bad_ones_does_not_flap_to_green() {
        let levels: Vec<Option<Severity>> =
            (1..=6).map(|n| persist_confirmed(&[Some(Orange), Some(Orange), None, Some(Orange), Some(Orange), None][..n])).collect();
        assert_eq!(levels, [None, Some(Orange), Some(Yellow), Some(Yellow), Some(Orange), Some(Yellow)]);
    }
}
