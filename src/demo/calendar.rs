//! The fixed time span of the demo data: 48 months from 2022-10 to 2026-09 (16 quarters).
//!
//! Months are counted from the start of the span (month 0 = October 2022), which keeps the story
//! plans simple arithmetic and independent of today's date.

use chrono::NaiveDate;
use rand::RngExt;

use super::rng::DemoRng;

/// Number of months in the span.
pub(crate) const MONTHS: usize = 48;
/// Calendar year of month 0.
const FIRST_YEAR: i32 = 2022;
/// Calendar month (1-12) of month 0.
const FIRST_MONTH: usize = 10;

/// Calendar year of month `m` of the span.
pub(crate) fn year(m: usize) -> i32 {
    FIRST_YEAR + ((FIRST_MONTH - 1 + m) / 12) as i32
}

/// Calendar month (1-12) of month `m` of the span.
pub(crate) fn month_of_year(m: usize) -> u32 {
    ((FIRST_MONTH - 1 + m) % 12) as u32 + 1
}

/// Calendar quarter (1-4) of month `m` of the span.
pub(crate) fn quarter_of_year(m: usize) -> u32 {
    (month_of_year(m) - 1) / 3 + 1
}

/// Number of days in month `m` of the span.
pub(crate) fn days_in_month(m: usize) -> u32 {
    let y = year(m);
    match month_of_year(m) {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The first day of month `m` of the span.
pub(crate) fn first_day(m: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(year(m), month_of_year(m), 1).expect("the first of a month is a valid date")
}

/// Month of the span holding calendar `month` (1-12) of `year`, if the span covers it.
pub(crate) fn month_index(year: i32, month: u32) -> Option<usize> {
    let from_start = (year - FIRST_YEAR) * 12 + month as i32 - FIRST_MONTH as i32;
    usize::try_from(from_start).ok().filter(|&m| m < MONTHS)
}

/// A random day within month `m` of the span.
pub(crate) fn random_date(m: usize, rng: &mut DemoRng) -> NaiveDate {
    let day = rng.random_range(1..=days_in_month(m));
    NaiveDate::from_ymd_opt(year(m), month_of_year(m), day).expect("day is drawn within the month's length")
}

/// Price level of month `m` relative to the start: steel goods drift up about 3.5% a year, so the
/// market's unit values show a gentle trend.
pub(crate) fn price_index(m: usize) -> f64 {
    1.0 + 0.035 * m as f64 / 12.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_runs_from_october_2022_to_september_2026() {
        assert_eq!((year(0), month_of_year(0)), (2022, 10));
        assert_eq!((year(3), month_of_year(3)), (2023, 1));
        assert_eq!((year(47), month_of_year(47)), (2026, 9));
        assert_eq!(quarter_of_year(0), 4);
        assert_eq!((year(39), month_of_year(39)), (2026, 1));
        assert_eq!(days_in_month(16), 29); // February 2024
        assert_eq!(days_in_month(4), 28); // February 2023
        assert_eq!(month_index(2024, 7), Some(21));
        assert_eq!(month_index(2022, 9), None);
        assert_eq!(month_index(2026, 10), None);
        assert_eq!(first_day(38), NaiveDate::from_ymd_opt(2025, 12, 1).expect("date"));
    }
}
