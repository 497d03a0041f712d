//! The churn event of a story, derived the same way for every family: the first whole calendar
//! quarter, from the onset's quarter on, in which our value to the customer falls below half of its
//! average over the four quarters before the onset's quarter — for a customer whose average quarter
//! with us reached the minimum size of a churn event (the backtest's, DESIGN.md); a smaller one's
//! story is left out of the scoring, as the app leaves small customers out of its own.

use crate::model::CompanyId;
use crate::model::{Dataset, Quarter};
use chrono::NaiveDate;
use std::collections::HashMap;

/// Our value (USD) to each customer per calendar quarter.
pub fn our_quarters(data: &Dataset) -> HashMap<CompanyId, HashMap<Quarter, f64>> {
    let mut out: HashMap<CompanyId, HashMap<Quarter, f64>> = HashMap::new();
    for s in data.shipments.iter().filter(|s| s.supplier.is_some_and(|id| data.me.contains(&id))) {
        *out.entry(s.buyer).or_default().entry(Quarter::of(s.date.day)).or_default() += s.value.dollars();
    }
    out
}

/// Our average quarter (USD) over the four quarters before the onset's quarter.
pub fn baseline(quarters: &HashMap<Quarter, f64>, onset: NaiveDate) -> f64 {
    let mut q = Quarter::of(onset);
    let mut before = 0.0;
    for _ in 0..4 {
        q = q.prev();
        before += quarters.get(&q).copied().unwrap_or(0.0);
    }
    before / 4.0
}

/// The first day of the event quarter of a story that began at `onset`, if the loss happened in a
/// quarter that ends on or before `data_end`.
pub fn event_quarter(quarters: &HashMap<Quarter, f64>, onset: NaiveDate, data_end: NaiveDate) -> Option<NaiveDate> {
    let start = Quarter::of(onset);
    let baseline = baseline(quarters, onset);
    if baseline <= 0.0 {
        return None;
    }
    let mut q = start;
    while q.last_day() <= data_end {
        if quarters.get(&q).copied().unwrap_or(0.0) < 0.5 * baseline {
            return Some(q.first_day());
        }
        q = q.next();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn the_event_is_the_first_quarter_below_half_of_the_year_before_the_onset() {
        let mut q = HashMap::new();
        // 2022: 100 a quarter; from 2023Q1 (the onset's quarter) 80, 60, 45, 30.
        for (i, v) in [100.0, 100.0, 100.0, 100.0, 80.0, 60.0, 45.0, 30.0].iter().enumerate() {
            q.insert(Quarter::of(d(2022 + (i / 4) as i32, (i % 4) as u32 * 3 + 1, 1)), *v);
        }
        assert_eq!(event_quarter(&q, d(2023, 2, 10), d(2023, 12, 31)), Some(d(2023, 7, 1)));
        assert_eq!(event_quarter(&q, d(2023, 2, 10), d(2023, 9, 29)), None, "the third quarter is not whole yet");
        assert_eq!(event_quarter(&q, d(2022, 2, 10), d(2023, 12, 31)), None, "no sales before the onset: no baseline");
    }
}
