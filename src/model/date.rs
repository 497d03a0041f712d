//! Record dates (a day, or a whole month for monthly summaries) and calendar quarters.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::fmt;

/// How precisely a record is dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A shipment or declaration date.
    Day,
    /// A monthly summary row (`MONTHYEAR` = `Jul 2025`).
    Month,
}

/// When a record happened.
///
/// A month-precision record is dated to the month's last day: an analysis as of the 15th must not
/// see a monthly total that includes later days, and one as of the month end sees it whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordDate {
    /// The day (for months: the last day of the month).
    pub day: NaiveDate,
    /// Day or month.
    pub precision: Precision,
}

impl RecordDate {
    /// A record dated to one day.
    pub fn day(day: NaiveDate) -> RecordDate {
        RecordDate { day, precision: Precision::Day }
    }

    /// A record dated to a whole month; `None` for an impossible month.
    pub fn month(year: i32, month: u32) -> Option<RecordDate> {
        let day = last_day_of_month(year, month)?;
        Some(RecordDate { day, precision: Precision::Month })
    }

    /// The date as the integer `yyyymmdd`, the form kept in the workspace.
    pub fn ymd_number(self) -> i64 {
        ymd_number(self.day)
    }
}

impl fmt::Display for RecordDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Day => write!(f, "{}", self.day.format("%Y-%m-%d")),
            Precision::Month => write!(f, "{}", self.day.format("%Y-%m")),
        }
    }
}

/// The day `k` months before `day`; a month's last day maps to the last day of the earlier month
/// (30 September minus one month is 31 August), so month-end windows hold whole calendar months.
pub fn months_back(day: NaiveDate, k: u32) -> NaiveDate {
    let is_month_end = day.succ_opt().is_none_or(|next| next.month() != day.month());
    let earlier = day.checked_sub_months(chrono::Months::new(k)).unwrap_or(NaiveDate::MIN);
    if is_month_end { last_day_of_month(earlier.year(), earlier.month()).unwrap_or(earlier) } else { earlier }
}

/// Whole months from `earlier` to `later` by calendar month numbers (`2025-09-xx` − `2025-07-yy` = 2).
pub fn month_number_diff(later: NaiveDate, earlier: NaiveDate) -> i64 {
    (i64::from(later.year()) * 12 + i64::from(later.month())) - (i64::from(earlier.year()) * 12 + i64::from(earlier.month()))
}

/// `2025-03-29` as `20250329`.
pub fn ymd_number(day: NaiveDate) -> i64 {
    i64::from(day.year()) * 10_000 + i64::from(day.month()) * 100 + i64::from(day.day())
}

/// The inverse of [`ymd_number`]; `None` when the number is not a real date.
pub fn from_ymd_number(n: i64) -> Option<NaiveDate> {
    let year = i32::try_from(n / 10_000).ok()?;
    NaiveDate::from_ymd_opt(year, ((n / 100) % 100) as u32, (n % 100) as u32)
}

/// The last day of a month; `None` for an impossible month.
pub fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month.checked_add(1)?, 1)?
    };
    first_of_next.pred_opt()
}

/// A calendar quarter such as 2025Q3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    /// Calendar year.
    pub year: i32,
    /// 1 to 4.
    pub q: u8,
}

impl Quarter {
    /// The quarter a day falls in.
    pub fn of(day: NaiveDate) -> Quarter {
        Quarter { year: day.year(), q: ((day.month() - 1) / 3 + 1) as u8 }
    }

    /// Its first day.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, u32::from(self.q - 1) * 3 + 1, 1).unwrap_or(NaiveDate::MIN)
    }

    /// Its last day.
    pub fn last_day(self) -> NaiveDate {
        last_day_of_month(self.year, u32::from(self.q) * 3).unwrap_or(NaiveDate::MAX)
    }

    /// The quarter after.
    pub fn next(self) -> Quarter {
        if self.q == 4 { Quarter { year: self.year + 1, q: 1 } } else { Quarter { year: self.year, q: self.q + 1 } }
    }

    /// The quarter before.
    pub fn prev(self) -> Quarter {
        if self.q == 1 { Quarter { year: self.year - 1, q: 4 } } else { Quarter { year: self.year, q: self.q - 1 } }
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}Q{}", self.year, self.q)
    }
}

impl std::str::FromStr for Quarter {
    type Err = String;

    /// Reads "2026Q3" (also "2026-Q3", "2026 q3").
    fn from_str(s: &str) -> Result<Quarter, String> {
        let bad = || format!("{s:?} is not a quarter: write it as 2026Q3");
        let t: String = s.trim().to_ascii_uppercase().chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        let (year, q) = t.split_once('Q').ok_or_else(bad)?;
        let (year, q) = (year.parse::<i32>().map_err(|_| bad())?, q.parse::<u8>().map_err(|_| bad())?);
        if (1..=4).contains(&q) && (1000..=9999).contains(&year) { Ok(Quarter { year, q }) } else { Err(bad()) }
    }
}

impl Serialize for Quarter {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("test date")
    }

    #[test]
    fn month_records_sit_on_the_last_day() {
        assert_eq!(RecordDate::month(2024, 2).map(|r| r.day), Some(d(2024, 2, 29)));
        assert_eq!(RecordDate::month(2025, 12).map(|r| r.day), Some(d(2025, 12, 31)));
        assert_eq!(RecordDate::month(2025, 13), None);
        assert_eq!(RecordDate::month(2025, 7).map(|r| r.to_string()), Some("2025-07".into()));
    }

    #[test]
    fn ymd_numbers_round_trip() {
        assert_eq!(ymd_number(d(2025, 3, 29)), 20250329);
        assert_eq!(from_ymd_number(20250329), Some(d(2025, 3, 29)));
        assert_eq!(from_ymd_number(20250230), None);
    }

    #[test]
    fn month_ends_step_to_month_ends() {
        assert_eq!(months_back(d(2026, 9, 30), 1), d(2026, 8, 31));
        assert_eq!(months_back(d(2026, 9, 30), 6), d(2026, 3, 31));
        assert_eq!(months_back(d(2026, 3, 31), 1), d(2026, 2, 28));
        assert_eq!(months_back(d(2026, 9, 15), 1), d(2026, 8, 15));
        assert_eq!(months_back(d(2026, 3, 30), 1), d(2026, 2, 28), "a mid-month day clamps");
        assert_eq!(month_number_diff(d(2026, 1, 5), d(2025, 11, 30)), 2);
    }

    #[test]
    fn quarters_step_across_years() {
        let q = Quarter::of(d(2025, 11, 3));
        assert_eq!(q.to_string(), "2025Q4");
        assert_eq!(q.next().to_string(), "2026Q1");
        assert_eq!(q.next().prev(), q);
        assert_eq!(q.first_day(), d(2025, 10, 1));
        assert_eq!(q.last_day(), d(2025, 12, 31));
    }

    #[test]
    fn quarters_read_back_as_written() {
        let q = Quarter { year: 2026, q: 3 };
        for s in ["2026Q3", "2026-q3", " 2026 Q3 "] {
            assert_eq!(s.parse::<Quarter>(), Ok(q), "{s}");
        }
        for bad in ["2026Q5", "2026Q0", "Q3", "26Q3", "2026", "2026Q3x"] {
            assert!(bad.parse::<Quarter>().is_err(), "{bad}");
        }
    }
}
