//! How good the forecast is: at every month end of a span, each customer's forecast (due or later,
//! not already overdue) is set against the first order that came after; the range holds it or not.
//! Beside it, "same time as last year": the first order after the same day a year earlier, a year
//! on, with a range as wide as ours. Ranges whose end the data do not reach are left out.

use super::{OrderState, forecast, order_days, quantile};
use crate::model::Dataset;
use crate::model::date::last_day_of_month;
use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

/// The forecast's record over a replay.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Accuracy {
    /// Forecasts judged (customer × month end).
    pub cases: usize,
    /// Share whose next order fell in the range.
    pub in_range: f64,
    /// The same for "same time as last year" (no order a year earlier counts as a miss).
    pub baseline_in_range: f64,
    /// Median days between the expected day and the order.
    pub median_error_days: f64,
    /// The same for last year's day a year on (forecasts it could make).
    pub baseline_median_error_days: f64,
    /// Median width of the ranges, in days.
    pub median_width_days: f64,
}

/// The forecast replayed at every month end from `from` to `to` (orders as `next_orders` reads them).
pub fn replay(data: &Dataset, from: NaiveDate, to: NaiveDate) -> Accuracy {
    // Orders after `to` still answer the forecasts made before it.
    let end = data.shipments.iter().map(|s| s.date.day).max().unwrap_or(to);
    let all = order_days(data, end);
    let (mut hits, mut base_hits, mut cases) = (0usize, 0usize, 0usize);
    let (mut errors, mut base_errors, mut widths) = (Vec::new(), Vec::new(), Vec::new());
    let mut t = last_day_of_month(from.year(), from.month()).unwrap_or(from);
    while t <= to {
        for days in all.values() {
            let cut = days.partition_point(|d| *d <= t);
            let Some((_, expected, earliest, latest, _, state)) = forecast(&days[..cut], t) else { continue };
            if state == OrderState::Overdue {
                continue;
            }
            let actual = days.get(cut).copied();
            if actual.is_none() && latest > end {
                continue;
            }
            cases += 1;
            widths.push((latest - earliest).num_days() as f64);
            let Some(actual) = actual else { continue };
            hits += usize::from(earliest <= actual && actual <= latest);
            errors.push((actual - expected).num_days().abs() as f64);
            // Last year: the first order after the same day a year before, a year on.
            let year_ago = t - Duration::days(365);
            if let Some(then) = days.iter().find(|d| **d > year_ago && **d <= t) {
                let guess = *then + Duration::days(365);
                let half = (latest - earliest).num_days() / 2;
                base_hits += usize::from((actual - guess).num_days().abs() <= half);
                base_errors.push((actual - guess).num_days().abs() as f64);
            }
        }
        let next = t + Duration::days(1);
        t = last_day_of_month(next.year(), next.month()).unwrap_or(to + Duration::days(1));
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        quantile(v, 0.5)
    };
    let share = |n: usize| if cases > 0 { n as f64 / cases as f64 } else { 0.0 };
    Accuracy {
        cases,
        in_range: share(hits),
        baseline_in_range: share(base_hits),
        median_error_days: median(&mut errors),
        baseline_median_error_days: median(&mut base_errors),
        median_width_days: median(&mut widths),
    }
}
