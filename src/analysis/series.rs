//! Shipments aggregated once into per-customer monthly series, the input of health rules and of the
//! backtest.
//!
//! Months are counted back from an anchor day: bucket `n − 1` is the month ending at the anchor,
//! bucket `n − 2` the month before, and so on. With a month-end anchor the buckets are calendar
//! months; with a mid-month as-of date they are trailing months of equal length, so a partial
//! calendar month is never compared with whole ones. Zero and missing: a month without purchases
//! holds zero; records after the anchor or before the first bucket are left out.

use crate::model::date::{month_number_diff, months_back};
use crate::model::{Cents, CompanyId, Dataset, Hs6};
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::Arc;

/// Month buckets ending at an anchor day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthGrid {
    /// The anchor: the last day of the last bucket.
    pub until: NaiveDate,
    /// Number of buckets.
    pub months: usize,
}

impl MonthGrid {
    /// `months` buckets ending at `until`.
    pub fn new(until: NaiveDate, months: usize) -> MonthGrid {
        MonthGrid { until, months }
    }

    /// The last day of bucket `i`.
    pub fn end_of(&self, i: usize) -> NaiveDate {
        months_back(self.until, (self.months - 1 - i) as u32)
    }

    /// The first day of bucket `i`.
    pub fn start_of(&self, i: usize) -> NaiveDate {
        let before = months_back(self.until, (self.months - i) as u32);
        before.succ_opt().unwrap_or(before)
    }

    /// The bucket holding `day`, if inside the grid.
    pub fn index(&self, day: NaiveDate) -> Option<usize> {
        if day > self.until {
            return None;
        }
        let m = month_number_diff(self.until, day);
        // Bucket k back covers (until − (k+1) months, until − k months].
        let back = if day > months_back(self.until, m as u32) { m - 1 } else { m };
        let back = usize::try_from(back).ok()?;
        (back < self.months).then(|| self.months - 1 - back)
    }
}

/// A customer's figures for one month.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MonthFigures {
    /// Our sales to it, all products.
    pub ours: Cents,
    /// Our sales to it of our catalog's codes: the numerator of our share of the category.
    pub ours_category: Cents,
    /// Its purchases of our catalog codes from everyone (the category total, or wallet).
    pub category: Cents,
    /// Its purchases of everything.
    pub total: Cents,
}

/// One supplier's category sales to a customer in one month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SupplierMonth {
    /// Bucket index.
    pub month: usize,
    /// The supplier.
    pub supplier: CompanyId,
    /// Value in the month.
    pub value: Cents,
    /// Most common origin country of those shipments (index into `Dataset::countries`).
    pub origin: Option<u16>,
}

/// A customer's purchases of one code in one month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CodeMonth {
    /// Bucket index.
    pub month: usize,
    /// The code.
    pub hs6: Hs6,
    /// Value in the month.
    pub value: Cents,
    /// Part of our catalog.
    pub in_catalog: bool,
}

/// What a customer paid for a catalog code by weight in one month, from us and from others: the
/// shipments whose weight the files give, so unit values can be compared.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GradeMonth {
    /// Bucket index.
    pub month: usize,
    /// The code.
    pub hs6: Hs6,
    /// Our value and kilograms.
    pub ours: (Cents, f64),
    /// Other suppliers' value and kilograms.
    pub others: (Cents, f64),
}

/// One customer's history on a grid.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerSeries {
    /// The customer.
    pub customer: CompanyId,
    /// Figures per bucket.
    pub months: Vec<MonthFigures>,
    /// Category sales by supplier and month (suppliers known in the file only), by month.
    pub suppliers: Vec<SupplierMonth>,
    /// Purchases by code and month, by month.
    pub codes: Vec<CodeMonth>,
    /// Distinct days of our shipments, sorted (monthly summaries on the month's last day).
    pub our_days: Vec<NaiveDate>,
    /// The codes we sold it, by month (month, code), sorted.
    pub our_codes: Vec<(usize, Hs6)>,
    /// Its catalog-code purchases with a known weight, by month and code.
    pub grades: Vec<GradeMonth>,
    /// Per month: how our customers' imports moved as a whole (see [`Portfolio::cycle`]), shared by
    /// every customer of the portfolio; all 1 when the series was built for one company alone.
    pub cycle: Arc<[f64]>,
}

/// Every customer of ours (bought from us at least once within the grid) on one grid.
#[derive(Debug, Clone)]
pub struct Portfolio {
    /// The grid.
    pub grid: MonthGrid,
    /// The customers, by id.
    pub customers: Vec<CustomerSeries>,
}

/// Aggregates the dataset on the grid, in one pass over the shipments.
pub fn build(data: &Dataset, grid: MonthGrid) -> Portfolio {
    build_filtered(data, grid, grid.until, None)
}

/// Bucket lookup by binary search over the buckets' last days, computed once per grid.
pub(crate) struct Buckets {
    ends: Vec<NaiveDate>,
    first_day: NaiveDate,
}

impl Buckets {
    /// The buckets of a grid.
    pub(crate) fn new(grid: MonthGrid) -> Buckets {
        Buckets { ends: (0..grid.months).map(|i| grid.end_of(i)).collect(), first_day: grid.start_of(0) }
    }

    /// The bucket holding `day`, as [`MonthGrid::index`].
    pub(crate) fn index(&self, day: NaiveDate) -> Option<usize> {
        if day < self.first_day || self.ends.last().is_none_or(|last| day > *last) {
            return None;
        }
        Some(self.ends.partition_point(|end| *end < day))
    }
}

/// Aggregates shipments on or before `cutoff` (which may fall inside the grid's last month): every
/// customer of ours, or the one company `only` (whether or not it ever bought from us).
pub fn build_filtered(data: &Dataset, grid: MonthGrid, cutoff: NaiveDate, only: Option<CompanyId>) -> Portfolio {
    let ours_codes = data.codes_shipped_by_us(cutoff);
    let buckets = Buckets::new(grid);
    let in_grid = |day: NaiveDate| day <= cutoff && buckets.index(day).is_some();
    // Only customers of ours are aggregated: most buyers in a market file never bought from us.
    let wanted: FxHashSet<CompanyId> = match only {
        Some(id) => [id].into_iter().collect(),
        None => data
            .shipments
            .iter()
            .filter(|s| s.supplier.is_some_and(|id| data.me.contains(&id)) && in_grid(s.date.day))
            .map(|s| s.buyer)
            .collect(),
    };
    let mut catalog: FxHashMap<Hs6, bool> = FxHashMap::default();
    #[derive(Default)]
    struct Acc {
        months: Vec<MonthFigures>,
        suppliers: FxHashMap<(usize, CompanyId), (Cents, FxHashMap<u16, u32>)>,
        codes: FxHashMap<(usize, Hs6), Cents>,
        our_days: FxHashSet<NaiveDate>,
        our_codes: FxHashSet<(usize, Hs6)>,
        grades: FxHashMap<(usize, Hs6), GradeMonth>,
    }
    let mut acc: FxHashMap<CompanyId, Acc> = FxHashMap::default();
    for s in &data.shipments {
        if s.date.day > cutoff || !wanted.contains(&s.buyer) || data.me.contains(&s.buyer) {
            continue;
        }
        let Some(i) = buckets.index(s.date.day) else { continue };
        let in_catalog = *catalog.entry(s.hs6).or_insert_with(|| data.in_catalog(s.hs6, &ours_codes));
        let a = acc.entry(s.buyer).or_insert_with(|| Acc { months: vec![MonthFigures::default(); grid.months], ..Acc::default() });
        let m = &mut a.months[i];
        m.total += s.value;
        let is_ours = s.supplier.is_some_and(|id| data.me.contains(&id));
        if is_ours {
            m.ours += s.value;
            a.our_days.insert(s.date.day);
            a.our_codes.insert((i, s.hs6));
        }
        if in_catalog {
            m.category += s.value;
            if is_ours {
                m.ours_category += s.value;
            }
            if let Some(kg) = s.weight_kg.filter(|kg| *kg > 0.0) {
                let g = a.grades.entry((i, s.hs6)).or_insert(GradeMonth {
                    month: i,
                    hs6: s.hs6,
                    ours: (Cents(0), 0.0),
                    others: (Cents(0), 0.0),
                });
                let side = if is_ours { &mut g.ours } else { &mut g.others };
                side.0 += s.value;
                side.1 += kg;
            }
            if let Some(supplier) = s.supplier {
                let entry = a.suppliers.entry((i, supplier)).or_default();
                entry.0 += s.value;
                if let Some(o) = s.origin {
                    *entry.1.entry(o).or_default() += 1;
                }
            }
        }
        *a.codes.entry((i, s.hs6)).or_default() += s.value;
    }
    let mut customers: Vec<CustomerSeries> = acc
        .into_iter()
        // Our customers only, unless one company was asked for by name.
        .filter(|(_, a)| only.is_some() || !a.our_days.is_empty())
        .map(|(customer, a)| {
            let mut suppliers: Vec<SupplierMonth> = a
                .suppliers
                .into_iter()
                .map(|((month, supplier), (value, origins))| SupplierMonth {
                    month,
                    supplier,
                    value,
                    origin: origins.into_iter().max_by_key(|(o, n)| (*n, std::cmp::Reverse(*o))).map(|(o, _)| o),
                })
                .collect();
            suppliers.sort_by_key(|s| (s.month, s.supplier));
            let mut codes: Vec<CodeMonth> = a
                .codes
                .into_iter()
                .map(|((month, hs6), value)| CodeMonth { month, hs6, value, in_catalog: catalog.get(&hs6).copied().unwrap_or(false) })
                .collect();
            codes.sort_by_key(|c| (c.month, c.hs6));
            let mut our_days: Vec<NaiveDate> = a.our_days.into_iter().collect();
            our_days.sort();
            let mut our_codes: Vec<(usize, Hs6)> = a.our_codes.into_iter().collect();
            our_codes.sort();
            let mut grades: Vec<GradeMonth> = a.grades.into_values().collect();
            grades.sort_by_key(|g| (g.month, g.hs6));
            CustomerSeries { customer, months: a.months, suppliers, codes, our_days, our_codes, grades, cycle: Arc::from(vec![]) }
        })
        .collect();
    customers.sort_by_key(|c| c.customer);
    let cycle: Arc<[f64]> = if only.is_some() { Arc::from(vec![1.0; grid.months]) } else { Arc::from(cycle(&customers, grid)) };
    for c in &mut customers {
        c.cycle = Arc::clone(&cycle);
    }
    Portfolio { grid, customers }
}

/// Customers needed before the portfolio's movement means anything.
const CYCLE_MIN_CUSTOMERS: usize = 8;

/// Per month, how our customers' imports moved as a whole: the median, over customers that had
/// bought from us by then and imported in both spans, of their last six months' imports against
/// the same six months a year earlier (1 where too few customers or too little history tell). A
/// customer falling with all the others is falling with its market, not in trouble of its own.
fn cycle(customers: &[CustomerSeries], grid: MonthGrid) -> Vec<f64> {
    let months = grid.months;
    (0..months)
        .map(|t| {
            if t < 17 {
                return 1.0;
            }
            let end = grid.end_of(t);
            let mut ratios: Vec<f64> = customers
                .iter()
                // Only what was known at the month's end: customers we won later are not ours yet.
                .filter(|c| c.our_days.first().is_some_and(|d| *d <= end))
                .filter_map(|c| {
                    let now: i64 = c.months[t - 5..=t].iter().map(|m| m.total.0).sum();
                    let before: i64 = c.months[t - 17..=t - 12].iter().map(|m| m.total.0).sum();
                    (now > 0 && before > 0).then(|| now as f64 / before as f64)
                })
                .collect();
            if ratios.len() < CYCLE_MIN_CUSTOMERS {
                return 1.0;
            }
            ratios.sort_by(f64::total_cmp);
            ratios[ratios.len() / 2]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn month_end_grids_hold_calendar_months() {
        let g = MonthGrid::new(d(2026, 9, 30), 12);
        assert_eq!(g.index(d(2026, 9, 1)), Some(11));
        assert_eq!(g.index(d(2026, 9, 30)), Some(11));
        assert_eq!(g.index(d(2026, 8, 31)), Some(10));
        assert_eq!(g.index(d(2025, 10, 1)), Some(0));
        assert_eq!(g.index(d(2025, 9, 30)), None);
        assert_eq!(g.index(d(2026, 10, 1)), None);
        assert_eq!(g.end_of(10), d(2026, 8, 31));
    }

    #[test]
    fn the_binary_search_agrees_with_the_month_arithmetic() {
        let anchors = [
            d(2026, 9, 30),
            d(2026, 9, 15),
            d(2026, 2, 28),
            d(2024, 2, 29),
            d(2026, 1, 31),
            d(2026, 3, 29),
            d(2026, 3, 30),
            d(2026, 3, 31),
        ];
        for g in anchors.iter().map(|a| MonthGrid::new(*a, 40)) {
            let b = Buckets::new(g);
            let mut day = d(2022, 1, 1);
            while day <= d(2026, 11, 1) {
                assert_eq!(b.index(day), g.index(day), "{day} on {g:?}");
                day = day.succ_opt().expect("next");
            }
        }
    }

    #[test]
    fn mid_month_grids_hold_trailing_months() {
        let g = MonthGrid::new(d(2026, 9, 15), 3);
        assert_eq!(g.index(d(2026, 9, 15)), Some(2));
        assert_eq!(g.index(d(2026, 8, 16)), Some(2));
        assert_eq!(g.index(d(2026, 8, 15)), Some(1));
        assert_eq!(g.index(d(2026, 8, 31)), Some(2), "a monthly summary of August lies wholly before 15 September");
        assert_eq!(g.index(d(2026, 6, 15)), None);
    }
}
