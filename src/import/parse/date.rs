//! Dates as customs files write them: Excel date cells and serial numbers, `2023/1/5`,
//! `2023-01-05`, `20230105`, `2023年1月5日`, `05/01/2023`, `5-Jan-2023`, UTC timestamps, and months
//! (`Jul 2025`, `2025-07`, `2025年7月`).
//!
//! Whether `05/01/2023` is the 5th of January or the 1st of May is decided once per column from
//! its values ([`infer_day_order`]), never cell by cell.

use crate::model::{Precision, RecordDate};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime};
use serde::Serialize;

/// The order of day and month in `dd/mm/yyyy`-like text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayOrder {
    /// `05/01/2023` is 5 January (most of the world).
    DayFirst,
    /// `05/01/2023` is 1 May (the United States).
    MonthFirst,
}

/// Excel serials of plausible trade dates: 1954-10-03 to 2119-01-11. Outside, a number is not a date.
const SERIAL_RANGE: std::ops::RangeInclusive<f64> = 20_000.0..=80_000.0;

/// A date from an Excel serial number (1900 date system).
pub fn from_excel_serial(serial: f64) -> Option<NaiveDate> {
    if !SERIAL_RANGE.contains(&serial) {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    base.checked_add_signed(Duration::days(serial.floor() as i64))
}

/// A date from a number cell: an Excel serial, or `20230105` / `202301` typed as a number.
pub fn from_number(n: f64) -> Option<RecordDate> {
    if n.fract() == 0.0 && (19_000_101.0..=21_001_231.0).contains(&n) {
        return ymd_from_digits(&format!("{}", n as i64));
    }
    if n.fract() == 0.0 && (190_001.0..=210_012.0).contains(&n) {
        return ymd_from_digits(&format!("{}", n as i64));
    }
    from_excel_serial(n).map(RecordDate::day)
}

/// A date from a date-formatted cell. A time-only cell (a broken date column shows `00:00.0`) is none.
pub fn from_datetime(dt: NaiveDateTime) -> Option<RecordDate> {
    (dt.date() > NaiveDate::from_ymd_opt(1900, 1, 1)?).then(|| RecordDate::day(dt.date()))
}

/// Parses date or month text with the column's day order.
pub fn parse_date_text(text: &str, order: DayOrder) -> Option<RecordDate> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if let Some(d) = parse_timestamp(t) {
        return Some(RecordDate::day(d));
    }
    let tokens = tokenize(strip_time(t));
    match tokens.as_slice() {
        [Tok::Num(s)] if s.len() == 8 || s.len() == 6 => ymd_from_digits(s),
        [Tok::Num(s)] if s.len() == 5 => s.parse::<f64>().ok().and_then(from_excel_serial).map(RecordDate::day),
        [Tok::Num(y), Tok::Num(m), Tok::Num(d)] if y.len() == 4 => ymd(num(y)?, num(m)?, num(d)?),
        [Tok::Num(a), Tok::Num(b), Tok::Num(y)] if y.len() == 4 || y.len() == 2 => {
            let year = full_year(y)?;
            match order {
                DayOrder::DayFirst => ymd(year, num(b)?, num(a)?),
                DayOrder::MonthFirst => ymd(year, num(a)?, num(b)?),
            }
        }
        [Tok::Num(d), Tok::Word(m), Tok::Num(y)] => ymd(full_year(y)?, month_number(m)?, num(d)?),
        [Tok::Word(m), Tok::Num(d), Tok::Num(y)] if d.len() <= 2 => ymd(full_year(y)?, month_number(m)?, num(d)?),
        [Tok::Word(m), Tok::Num(y)] | [Tok::Num(y), Tok::Word(m)] if y.len() == 4 => RecordDate::month(num(y)? as i32, month_number(m)?),
        [Tok::Num(y), Tok::Num(m)] if y.len() == 4 && m.len() <= 2 => RecordDate::month(num(y)? as i32, num(m)?),
        [Tok::Num(m), Tok::Num(y)] if y.len() == 4 && m.len() <= 2 => RecordDate::month(num(y)? as i32, num(m)?),
        _ => None,
    }
}

/// What sample texts say about a column's day order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrderEvidence {
    /// `13/01/2023` or `01/13/2023` decided it.
    Decided(DayOrder),
    /// Only `05/01/2023`-like dates, which read either way.
    Ambiguous,
    /// No `a/b/year` dates at all (ISO text, date cells): the order does not matter.
    NotNeeded,
}

/// Reads the column's day order from sample texts: `13/01/2023` proves day-first, `01/13/2023`
/// month-first; the majority of the evidence decides.
pub fn day_order_evidence<'a>(samples: impl Iterator<Item = &'a str>) -> DayOrderEvidence {
    let (mut day_first, mut month_first, mut ambiguous) = (0usize, 0usize, 0usize);
    for s in samples {
        if let [Tok::Num(a), Tok::Num(b), Tok::Num(y)] = tokenize(strip_time(s.trim())).as_slice() {
            if y.len() != 4 && y.len() != 2 {
                continue;
            }
            let (a, b) = (num(a).unwrap_or(0), num(b).unwrap_or(0));
            if a > 12 && b <= 12 {
                day_first += 1;
            } else if b > 12 && a <= 12 {
                month_first += 1;
            } else {
                ambiguous += 1;
            }
        }
    }
    match (day_first, month_first) {
        (0, 0) if ambiguous > 0 => DayOrderEvidence::Ambiguous,
        (0, 0) => DayOrderEvidence::NotNeeded,
        (d, m) if d >= m => DayOrderEvidence::Decided(DayOrder::DayFirst),
        _ => DayOrderEvidence::Decided(DayOrder::MonthFirst),
    }
}

/// The decided day order, if the samples decide one.
pub fn infer_day_order<'a>(samples: impl Iterator<Item = &'a str>) -> Option<DayOrder> {
    match day_order_evidence(samples) {
        DayOrderEvidence::Decided(order) => Some(order),
        _ => None,
    }
}

/// `2025-03-28T18:30:00.000Z` is local midnight of 29 March shifted to UTC (India, +05:30): a UTC
/// timestamp is rounded to the nearest midnight, which undoes any zone shift of under 12 hours.
/// A timestamp with its own offset keeps its local date; one without a zone keeps its date.
fn parse_timestamp(t: &str) -> Option<NaiveDate> {
    if t.len() < 16 || t.as_bytes().get(10) != Some(&b'T') {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Some(if t.ends_with('Z') || t.ends_with('z') {
            (dt.naive_utc() + Duration::hours(12)).date()
        } else {
            dt.naive_local().date()
        });
    }
    NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M"))
        .ok()
        .map(|dt| dt.date())
}

/// Drops a trailing time of day (`2023-01-05 00:00:00`, `5/1/2023 12:30`).
fn strip_time(t: &str) -> &str {
    match t.split_once(' ') {
        Some((head, tail)) if tail.contains(':') && !head.is_empty() => head,
        _ => t,
    }
}

#[derive(Debug, PartialEq)]
enum Tok {
    Num(String),
    Word(String),
}

/// Splits on every separator (`-`, `/`, `.`, spaces, commas, 年, 月, 日).
fn tokenize(t: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_is_digit = false;
    for c in t.chars() {
        let digit = c.is_ascii_digit();
        let alpha = c.is_alphabetic() && !matches!(c, '年' | '月' | '日' | '号');
        if digit || alpha {
            if !cur.is_empty() && digit != cur_is_digit {
                out.push(finish(&mut cur, cur_is_digit));
            }
            cur_is_digit = digit;
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(finish(&mut cur, cur_is_digit));
        }
    }
    if !cur.is_empty() {
        out.push(finish(&mut cur, cur_is_digit));
    }
    out
}

fn finish(cur: &mut String, digit: bool) -> Tok {
    let s = std::mem::take(cur);
    if digit { Tok::Num(s) } else { Tok::Word(s.to_uppercase()) }
}

fn num(s: &str) -> Option<u32> {
    s.parse().ok()
}

fn full_year(y: &str) -> Option<u32> {
    let n = num(y)?;
    match y.len() {
        4 => Some(n),
        // Two-digit years: 00–69 are 2000s, 70–99 the 1900s.
        2 => Some(if n < 70 { 2000 + n } else { 1900 + n }),
        _ => None,
    }
}

fn ymd(y: u32, m: u32, d: u32) -> Option<RecordDate> {
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d).map(RecordDate::day)
}

/// `20230105` (a day) or `202301` (a month).
fn ymd_from_digits(s: &str) -> Option<RecordDate> {
    let y = num(&s[..4])?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    match s.len() {
        8 => ymd(y, num(&s[4..6])?, num(&s[6..8])?),
        6 => RecordDate::month(y as i32, num(&s[4..6])?),
        _ => None,
    }
}

/// Month names in English, Spanish, Portuguese, French and German, full or abbreviated.
fn month_number(word: &str) -> Option<u32> {
    const NAMES: [&[&str]; 12] = [
        &["JAN", "JANUARY", "ENE", "ENERO", "JANEIRO", "JANV", "JANVIER", "JANUAR"],
        &["FEB", "FEBRUARY", "FEBRERO", "FEV", "FEVEREIRO", "FEVR", "FEVRIER", "FEBRUAR"],
        &["MAR", "MARCH", "MARZO", "MARCO", "MARS", "MAERZ", "MARZ"],
        &["APR", "APRIL", "ABR", "ABRIL", "AVR", "AVRIL"],
        &["MAY", "MAYO", "MAI", "MAIO"],
        &["JUN", "JUNE", "JUNIO", "JUNHO", "JUIN", "JUNI"],
        &["JUL", "JULY", "JULIO", "JULHO", "JUIL", "JUILLET", "JULI"],
        &["AUG", "AUGUST", "AGO", "AGOSTO", "AOUT", "AOU"],
        &["SEP", "SEPT", "SEPTEMBER", "SEPTIEMBRE", "SET", "SETEMBRO", "SEPTEMBRE"],
        &["OCT", "OCTOBER", "OCTUBRE", "OUT", "OUTUBRO", "OCTOBRE", "OKT", "OKTOBER"],
        &["NOV", "NOVEMBER", "NOVIEMBRE", "NOVEMBRO", "NOVEMBRE"],
        &["DEC", "DECEMBER", "DIC", "DICIEMBRE", "DEZ", "DEZEMBRO", "DECEMBRE", "DEZEMBER"],
    ];
    let plain: String = word.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    NAMES.iter().position(|names| names.contains(&plain.as_str())).map(|i| i as u32 + 1)
}

/// True when the record is a whole month rather than a day.
pub fn is_month(date: &RecordDate) -> bool {
    date.precision == Precision::Month
}

/// Reads a date cell of any kind with the column's day order.
pub fn date_from_cell(cell: &crate::import::cell::Cell, order: DayOrder) -> Option<RecordDate> {
    use crate::import::cell::Cell;
    match cell {
        Cell::Number(n) => from_number(*n),
        Cell::DateTime(dt) => from_datetime(*dt),
        Cell::Text(t) => parse_date_text(t, order),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str, order: DayOrder) -> String {
        parse_date_text(text, order).map(|d| d.to_string()).unwrap_or_else(|| "none".into())
    }

    #[test]
    fn reads_common_text_forms() {
        let f = DayOrder::DayFirst;
        assert_eq!(day("2023/1/5", f), "2023-01-05");
        assert_eq!(day("2023-01-05", f), "2023-01-05");
        assert_eq!(day("20230105", f), "2023-01-05");
        assert_eq!(day("2023年1月5日", f), "2023-01-05");
        assert_eq!(day("2023.01.05", f), "2023-01-05");
        assert_eq!(day("5-Jan-2023", f), "2023-01-05");
        assert_eq!(day("Jan 5, 2023", f), "2023-01-05");
        assert_eq!(day("2023-01-05 00:00:00", f), "2023-01-05");
        assert_eq!(day("45000", f), "2023-03-15");
    }

    #[test]
    fn the_column_decides_day_order() {
        assert_eq!(day("05/01/2023", DayOrder::DayFirst), "2023-01-05");
        assert_eq!(day("05/01/2023", DayOrder::MonthFirst), "2023-05-01");
        assert_eq!(day("13/01/2023", DayOrder::MonthFirst), "none");
        let day_first = ["05/01/2023", "13/01/2023", "02/02/2023"];
        assert_eq!(infer_day_order(day_first.iter().copied()), Some(DayOrder::DayFirst));
        let month_first = ["05/01/2023", "01/13/2023"];
        assert_eq!(infer_day_order(month_first.iter().copied()), Some(DayOrder::MonthFirst));
        assert_eq!(infer_day_order(["05/01/2023"].iter().copied()), None);
    }

    #[test]
    fn months_are_month_precision() {
        for (text, want) in [
            ("Jul 2025", "2025-07"),
            ("2025-07", "2025-07"),
            ("2025年7月", "2025-07"),
            ("07/2025", "2025-07"),
            ("202507", "2025-07"),
            ("Septiembre 2024", "2024-09"),
        ] {
            let got = parse_date_text(text, DayOrder::DayFirst).expect(text);
            assert_eq!(got.to_string(), want, "{text}");
            assert!(is_month(&got), "{text}");
        }
    }

    #[test]
    fn utc_timestamps_return_to_the_local_day() {
        assert_eq!(day("2025-03-28T18:30:00.000Z", DayOrder::DayFirst), "2025-03-29");
        assert_eq!(day("2024-12-31T18:30:00.000Z", DayOrder::DayFirst), "2025-01-01");
        assert_eq!(day("2025-03-28T06:00:00Z", DayOrder::DayFirst), "2025-03-28");
        assert_eq!(day("2025-03-28T10:15:00", DayOrder::DayFirst), "2025-03-28");
        assert_eq!(day("2025-03-29T00:00:00+05:30", DayOrder::DayFirst), "2025-03-29");
    }

    #[test]
    fn numbers_and_broken_cells() {
        assert_eq!(from_number(45000.0).map(|d| d.to_string()), Some("2023-03-15".into()));
        assert_eq!(from_number(20230105.0).map(|d| d.to_string()), Some("2023-01-05".into()));
        assert_eq!(from_number(12.0), None);
        assert_eq!(day("00:00.0", DayOrder::DayFirst), "none");
        let midnight = NaiveDate::from_ymd_opt(1899, 12, 31).and_then(|d| d.and_hms_opt(0, 0, 0)).expect("dt");
        assert_eq!(from_datetime(midnight), None);
    }
}
