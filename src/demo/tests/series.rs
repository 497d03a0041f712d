//! Per-customer monthly series built from the rows, for checking the stories as an analysis would.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};

use super::{in_catalog, is_ours};
use crate::demo::DemoRow;

/// Months in the span.
pub(super) const MONTHS: usize = 48;
/// Quarters in the span.
pub(super) const QUARTERS: usize = MONTHS / 3;

/// Month of the span (0 = October 2022) of a date.
pub(super) fn month_of(d: NaiveDate) -> usize {
    ((d.year() - 2022) * 12 + d.month() as i32 - 10) as usize
}

/// A customer name with punctuation, spaces and case removed: all spellings of one customer share it.
pub(super) fn key(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).collect::<String>().to_uppercase()
}

/// Rows per customer key, built once for many lookups.
pub(super) fn index(data: &[DemoRow]) -> HashMap<String, Vec<&DemoRow>> {
    let mut out: HashMap<String, Vec<&DemoRow>> = HashMap::new();
    for r in data {
        out.entry(key(&r.buyer)).or_default().push(r);
    }
    out
}

/// One customer's purchases by month.
pub(super) struct Series {
    /// Our catalog sales to it.
    pub ours: [f64; MONTHS],
    /// Its catalog purchases from everyone (the category total).
    pub category: [f64; MONTHS],
    /// All its imports.
    pub total: [f64; MONTHS],
    /// Its catalog purchases from each other supplier.
    pub others: BTreeMap<String, [f64; MONTHS]>,
}

impl Series {
    /// The series of one customer's rows.
    pub fn of(rows: &[&DemoRow]) -> Self {
        let mut s = Series { ours: [0.0; MONTHS], category: [0.0; MONTHS], total: [0.0; MONTHS], others: BTreeMap::new() };
        for r in rows {
            let m = month_of(r.date);
            s.total[m] += r.value_usd;
            if in_catalog(r) {
                s.category[m] += r.value_usd;
                if is_ours(r) {
                    s.ours[m] += r.value_usd;
                } else {
                    s.others.entry(r.supplier.clone()).or_insert([0.0; MONTHS])[m] += r.value_usd;
                }
            }
        }
        s
    }

    /// Other suppliers that never shipped catalog goods to it before month `m`.
    pub fn newcomers(&self, m: usize) -> Vec<(&str, &[f64; MONTHS])> {
        self.others.iter().filter(|(_, v)| v[..m].iter().all(|x| *x == 0.0)).map(|(s, v)| (s.as_str(), v)).collect()
    }
}

/// Sum of `a` over months `from..to`, clipped to the span.
pub(super) fn sum(a: &[f64; MONTHS], from: usize, to: usize) -> f64 {
    a[from.min(MONTHS)..to.min(MONTHS)].iter().sum()
}

/// Months of `from..to` (clipped to the span) in which `a` is positive.
pub(super) fn active(a: &[f64; MONTHS], from: usize, to: usize) -> usize {
    a[from.min(MONTHS)..to.min(MONTHS)].iter().filter(|v| **v > 0.0).count()
}

/// Quarterly sums of a monthly series (quarter 0 = 2022Q4).
pub(super) fn quarters(a: &[f64; MONTHS]) -> [f64; QUARTERS] {
    std::array::from_fn(|q| sum(a, 3 * q, 3 * q + 3))
}

/// Our quarters below this trailing average are too small to count as churn.
const MIN_QUARTER_USD: f64 = 3_000.0;

/// Quarters with a churn event as the backtest defines it: our value falls below half of its
/// trailing four-quarter average (above a minimum size), or to zero.
pub(super) fn churn_events(ours: &[f64; MONTHS]) -> Vec<usize> {
    let q = quarters(ours);
    (4..QUARTERS)
        .filter(|&i| {
            let trailing = q[i - 4..i].iter().sum::<f64>() / 4.0;
            trailing > MIN_QUARTER_USD && (q[i] < 0.5 * trailing || q[i] == 0.0)
        })
        .collect()
}
