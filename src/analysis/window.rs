//! Time windows that end at the as-of date.
//!
//! A trailing window of whole months, `(as_of − n months, as_of]`, holds a month-precision record
//! (dated to its month's last day) exactly when the whole month lies inside it.

use crate::model::date::months_back;
use crate::model::{Dataset, RecordDate};
use chrono::NaiveDate;

/// A span of days `(start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Exclusive start.
    pub after: NaiveDate,
    /// Inclusive end.
    pub until: NaiveDate,
}

impl Window {
    /// The `months` months ending at `as_of` (whole calendar months when `as_of` is a month end).
    pub fn trailing_months(as_of: NaiveDate, months: u32) -> Window {
        Window { after: months_back(as_of, months), until: as_of }
    }

    /// True when the record falls inside.
    pub fn contains(&self, date: RecordDate) -> bool {
        date.day > self.after && date.day <= self.until
    }
}

/// The default as-of date: the latest shipment in the data.
pub fn latest_date(data: &Dataset) -> Option<NaiveDate> {
    data.shipments.iter().map(|s| s.date.day).max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn twelve_months_hold_twelve_whole_months() {
        let w = Window::trailing_months(d(2026, 9, 30), 12);
        let months: Vec<RecordDate> = (1..=12).filter_map(|m| RecordDate::month(2026, m)).collect();
        let inside = months.iter().filter(|r| w.contains(**r)).count();
        assert_eq!(inside, 9, "Jan–Sep 2026");
        assert!(w.contains(RecordDate::month(2025, 10).expect("m")));
        assert!(!w.contains(RecordDate::month(2025, 9).expect("m")));
        assert!(!w.contains(RecordDate::day(d(2026, 10, 1))));
        let half = Window::trailing_months(d(2026, 9, 30), 6);
        assert!(half.contains(RecordDate::month(2026, 4).expect("m")) && !half.contains(RecordDate::month(2026, 3).expect("m")));
    }
}
