//! The portfolio over past quarters: our sales, our share of our customers' purchases of our kind
//! of products, and how many customers stood at each health level at each quarter end — the one
//! chart an owner reads to see whether the whole book is drifting, not one customer.

use super::backtest::{BacktestOptions, replay};
use super::health::HealthSettings;
use crate::model::{CompanyId, Dataset, Quarter};
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

/// The portfolio in one calendar quarter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PortfolioQuarter {
    /// The quarter.
    pub quarter: Quarter,
    /// Our sales in it (USD), to every buyer.
    pub ours: f64,
    /// Our part of `category`: our sales of our kind of products to those buyers (USD).
    pub ours_category: f64,
    /// What the buyers we sold to in the two years before its end bought of our kind of products
    /// (catalog codes, or the codes we ship), from everyone (USD).
    pub category: f64,
    /// Customers of ours at each health level at its end (green, yellow, orange, red); `None` when
    /// the quarter ended before the data allowed a health check, or after the last whole month.
    pub levels: Option<[usize; 4]>,
}

impl PortfolioQuarter {
    /// Our share of the category, when the customers bought any.
    pub fn share(&self) -> Option<f64> {
        (self.category > 0.0).then(|| self.ours_category / self.category)
    }
}

/// The `quarters` calendar quarters ending with the as-of date's, oldest first, from the first one
/// the data reach into (empty while our company is unknown). The latest quarter may be partial: it
/// runs to the as-of date.
pub fn trajectory(data: &Dataset, as_of: NaiveDate, quarters: usize, cfg: &HealthSettings) -> Vec<PortfolioQuarter> {
    if data.me.is_empty() || quarters == 0 {
        return Vec::new();
    }
    let last = Quarter::of(as_of);
    let mut span = vec![last];
    for _ in 1..quarters {
        span.push(span[span.len() - 1].prev());
    }
    span.reverse();
    let first = span[0];
    let mut out: Vec<PortfolioQuarter> =
        span.iter().map(|&quarter| PortfolioQuarter { quarter, ours: 0.0, ours_category: 0.0, category: 0.0, levels: None }).collect();
    let index = |q: Quarter| (q.year - first.year) as usize * 4 + usize::from(q.q) - usize::from(first.q);
    let ours_of = |s: &crate::model::Shipment| s.supplier.is_some_and(|id| data.me.contains(&id));
    let shipped = data.codes_shipped_by_us(as_of);
    let mut in_catalog: FxHashMap<crate::model::Hs6, bool> = FxHashMap::default();
    // Buyers we sold to, per quarter, over the two years to its end: whose purchases make the category.
    let mut our_days: FxHashMap<CompanyId, Vec<NaiveDate>> = FxHashMap::default();
    for s in data.shipments.iter().filter(|s| s.date.day <= as_of && ours_of(s)) {
        our_days.entry(s.buyer).or_default().push(s.date.day);
    }
    let customers_at: Vec<FxHashSet<CompanyId>> = span
        .iter()
        .map(|q| {
            let end = q.last_day().min(as_of);
            let from = end.checked_sub_months(chrono::Months::new(24)).unwrap_or(NaiveDate::MIN);
            our_days.iter().filter(|(_, days)| days.iter().any(|d| *d > from && *d <= end)).map(|(id, _)| *id).collect()
        })
        .collect();
    for s in data.shipments.iter().filter(|s| s.date.day >= first.first_day() && s.date.day <= as_of) {
        let i = index(Quarter::of(s.date.day));
        let Some(slot) = out.get_mut(i) else { continue };
        let ours = ours_of(s);
        if ours {
            slot.ours += s.value.dollars();
        }
        let related = *in_catalog.entry(s.hs6).or_insert_with(|| data.in_catalog(s.hs6, &shipped));
        if related && customers_at[i].contains(&s.buyer) {
            slot.category += s.value.dollars();
            if ours {
                slot.ours_category += s.value.dollars();
            }
        }
    }
    // Levels mean something once a year of data lies behind a quarter end (the replay's own default).
    let start = data.shipments.iter().map(|s| s.date.day).min().unwrap_or(as_of);
    let from = first.last_day().max(start.checked_add_months(chrono::Months::new(12)).unwrap_or(start));
    let options = BacktestOptions { from: Some(from), to: Some(as_of), ..BacktestOptions::default() };
    // Quarters before the data begin say nothing, not "zero".
    out.retain(|q| q.quarter.last_day() >= start);
    if let Some(r) = replay(data, cfg, &options) {
        for (m, date) in r.month_ends.iter().enumerate() {
            let Some(slot) = out.iter_mut().find(|q| q.quarter.last_day() == *date) else { continue };
            let mut levels = [0; 4];
            for c in r.customers.iter().filter(|c| c.active[m]) {
                levels[c.level[m].index()] += 1;
            }
            slot.levels = Some(levels);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cents, Company, Hs6, RecordDate, Shipment};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    /// Buyer 1, us 10, a rival 11.
    fn dataset(rows: Vec<(NaiveDate, i64, u32, i64)>, us_known: bool) -> Dataset {
        let mut data = Dataset::default();
        for (id, name) in [(1, "BUYER"), (10, "US"), (11, "RIVAL")] {
            data.companies.insert(CompanyId(id), Company { id: CompanyId(id), name: name.into(), ..Company::default() });
        }
        if us_known {
            data.me.insert(CompanyId(10));
        }
        data.shipments = rows
            .into_iter()
            .map(|(d, supplier, hs6, dollars)| Shipment {
                date: RecordDate::day(d),
                buyer: CompanyId(1),
                supplier: Some(CompanyId(supplier)),
                hs6: Hs6(hs6),
                value: Cents(dollars * 100),
                weight_kg: None,
                origin: None,
                destination: None,
            })
            .collect();
        data
    }

    #[test]
    fn our_sales_and_share_per_quarter() {
        // We sell 730890 to BUYER each month; a rival sells it the same code in 2025 only.
        let mut rows = Vec::new();
        for y in [2024, 2025] {
            for m in 1..=12 {
                rows.push((day(y, m, 10), 10, 730890, 1_000));
                if y == 2025 {
                    rows.push((day(y, m, 12), 11, 730890, 1_000));
                }
                // Not our kind of product: never in the category.
                rows.push((day(y, m, 15), 11, 392690, 5_000));
            }
        }
        let data = dataset(rows, true);
        let t = trajectory(&data, day(2025, 12, 31), 8, &HealthSettings::default());
        assert_eq!(t.len(), 8);
        assert_eq!(t[0].quarter, Quarter { year: 2024, q: 1 });
        assert_eq!(t[7].quarter, Quarter { year: 2025, q: 4 });
        assert!(t.iter().all(|q| (q.ours - 3_000.0).abs() < 1e-6), "{t:?}");
        assert_eq!(t[3].share(), Some(1.0));
        assert_eq!(t[4].share(), Some(0.5));
        // Health is checked once a year of data lies behind a quarter end.
        assert!(t[0].levels.is_none());
        let q3 = t[6].levels.expect("levels at the end of 2025 Q3");
        assert_eq!(q3.iter().sum::<usize>(), 1, "one customer of ours");
        assert_eq!(q3[0], 0, "a rival took half of it in 2025: not green");
        assert!(t[7].levels.is_none(), "December is not a whole month of data");
    }

    #[test]
    fn quarters_before_the_data_begin_are_left_out() {
        let rows = (1..=9).map(|m| (day(2025, m, 10), 10, 730890, 1_000)).collect();
        let t = trajectory(&dataset(rows, true), day(2025, 9, 30), 8, &HealthSettings::default());
        assert_eq!(t.iter().map(|q| q.quarter.q).collect::<Vec<_>>(), [1, 2, 3]);
        assert!(t.iter().all(|q| q.levels.is_none()), "no quarter end has a year of data before it");
    }

    #[test]
    fn nothing_while_our_company_is_unknown() {
        let data = dataset(vec![(day(2025, 1, 10), 10, 730890, 1_000)], false);
        assert!(trajectory(&data, day(2025, 3, 31), 8, &HealthSettings::default()).is_empty());
    }
}
