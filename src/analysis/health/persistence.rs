//! Persistence and hysteresis: a signal counts once it held at two month ends in a row, and once it
//! counts it steps down only one severity at a time, so a level neither jumps on one odd month nor
//! flaps back and forth.
//!
//! The rule looks at three month ends only (`t`, `t − 1`, `t − 2`), so a single as-of health check
//! and the month-by-month backtest give the same answer for the same date.

use super::signal::Severity;

/// The effective severity at `t` from the raw severities at `t`, `t − 1` and `t − 2`.
pub fn persist(now: Option<Severity>, before: Option<Severity>, earlier: Option<Severity>) -> Option<Severity> {
    let confirmed = now.min(before);
    let held_before = before.min(earlier);
    let hold = match held_before {
        Some(level) if now >= one_below(level) => Some(level),
        _ => None,
    };
    confirmed.max(hold)
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
        assert_eq!(persist(Some(Orange), None, None), None);
        assert_eq!(persist(Some(Orange), Some(Yellow), None), Some(Yellow));
        assert_eq!(persist(Some(Orange), Some(Orange), None), Some(Orange));
    }

    #[test]
    fn a_confirmed_level_steps_down_one_severity_at_a_time() {
        assert_eq!(persist(Some(Yellow), Some(Orange), Some(Orange)), Some(Orange), "held one more month");
        assert_eq!(persist(None, Some(Orange), Some(Orange)), None, "two steps down at once is a real change");
        assert_eq!(persist(None, Some(Yellow), Some(Yellow)), Some(Yellow));
        assert_eq!(persist(None, None, Some(Yellow)), None);
        assert_eq!(persist(Some(Orange), Some(Red), Some(Red)), Some(Red));
    }
}
