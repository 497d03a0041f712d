//! Portfolio-wide lists the screens need beside the reports: every supplier in the data (to find
//! our own company among them), each buyer's recent quarters of our sales (the trend column) and
//! the codes we ship (to fill the catalog).
//!
//! Zero and missing: a quarter without sales is 0; shipments without a supplier count for no
//! supplier; shipments after the as-of date are not seen.

use crate::model::{CompanyId, Dataset, Hs6, Quarter};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// One supplier in the data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupplierSummary {
    /// Company id.
    pub id: CompanyId,
    /// Display name.
    pub name: String,
    /// Every spelling seen.
    pub aliases: Vec<String>,
    /// Value of everything it shipped (USD).
    pub value: f64,
    /// Distinct buyers.
    pub buyers: usize,
    /// Marked as our own company.
    pub us: bool,
    /// Marked as a competitor.
    pub competitor: bool,
}

/// Each supplier's shipped value (cents) and number of distinct buyers, over some shipments.
fn by_supplier<'a>(shipments: impl Iterator<Item = &'a crate::model::Shipment>) -> FxHashMap<CompanyId, (i64, usize)> {
    let mut acc: FxHashMap<CompanyId, (i64, Vec<CompanyId>)> = FxHashMap::default();
    for s in shipments {
        if let Some(supplier) = s.supplier {
            let a = acc.entry(supplier).or_default();
            a.0 += s.value.0;
            a.1.push(s.buyer);
        }
    }
    acc.into_iter()
        .map(|(id, (cents, mut buyers))| {
            buyers.sort_unstable();
            buyers.dedup();
            (id, (cents, buyers.len()))
        })
        .collect()
}

/// Every supplier, largest first.
pub fn suppliers(data: &Dataset) -> Vec<SupplierSummary> {
    let mut out: Vec<SupplierSummary> = by_supplier(data.shipments.iter())
        .into_iter()
        .map(|(id, (cents, buyers))| {
            let company = data.companies.get(&id);
            SupplierSummary {
                id,
                name: data.name(id).to_string(),
                aliases: company.map(|c| c.aliases.clone()).unwrap_or_default(),
                value: cents as f64 / 100.0,
                buyers,
                us: data.me.contains(&id),
                competitor: data.competitors.contains(&id),
            }
        })
        .collect();
    out.sort_by(|a, b| b.value.total_cmp(&a.value).then_with(|| a.name.cmp(&b.name)));
    out
}

/// Our sales (USD) to each buyer in the `quarters` calendar quarters ending with the as-of date's,
/// oldest first. Buyers we never sold to in that span are left out.
pub fn our_quarterly_sales(data: &Dataset, as_of: NaiveDate, quarters: usize) -> FxHashMap<CompanyId, Vec<f64>> {
    let last = Quarter::of(as_of);
    let mut first = last;
    for _ in 1..quarters {
        first = first.prev();
    }
    let index = |q: Quarter| (q.year - first.year) as usize * 4 + usize::from(q.q) - usize::from(first.q);
    let mut out: FxHashMap<CompanyId, Vec<f64>> = FxHashMap::default();
    for s in &data.shipments {
        let day = s.date.day;
        if day > as_of || day < first.first_day() || !s.supplier.is_some_and(|id| data.me.contains(&id)) {
            continue;
        }
        let row = out.entry(s.buyer).or_insert_with(|| vec![0.0; quarters]);
        if let Some(slot) = row.get_mut(index(Quarter::of(day))) {
            *slot += s.value.dollars();
        }
    }
    out
}

/// The 6-digit codes we shipped, each with the value of everything we shipped under it (USD),
/// largest first: what our catalog would hold, offered to the user to fill it.
pub fn our_codes(data: &Dataset) -> Vec<(Hs6, f64)> {
    let mut acc: FxHashMap<Hs6, i64> = FxHashMap::default();
    for s in data.shipments.iter().filter(|s| s.supplier.is_some_and(|id| data.me.contains(&id))) {
        *acc.entry(s.hs6).or_default() += s.value.0;
    }
    let mut out: Vec<(Hs6, f64)> = acc.into_iter().map(|(hs, cents)| (hs, cents as f64 / 100.0)).collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// A supplier that sells what we sell to our own customers: the competitors to name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rival {
    /// Company id.
    pub id: CompanyId,
    /// Display name.
    pub name: String,
    /// What it shipped under our codes to our customers in the span (USD).
    pub value: f64,
    /// How many of our customers it shipped those codes to.
    pub customers: usize,
    /// Already named as a competitor.
    pub competitor: bool,
}

/// Months looked back for rivals: two years, the span in which a buyer counts as our customer.
const RIVAL_MONTHS: u32 = 24;

/// The suppliers other than us that shipped codes we ship to buyers we sold to, in the two years
/// to the as-of date, by value, largest first (empty while our company is unknown).
pub fn rivals(data: &Dataset, as_of: NaiveDate) -> Vec<Rival> {
    let from = as_of.checked_sub_months(chrono::Months::new(RIVAL_MONTHS)).unwrap_or(NaiveDate::MIN);
    let seen = |s: &&crate::model::Shipment| s.date.day > from && s.date.day <= as_of;
    let ours = |s: &crate::model::Shipment| s.supplier.is_some_and(|id| data.me.contains(&id));
    let customers: rustc_hash::FxHashSet<CompanyId> = data.shipments.iter().filter(seen).filter(|s| ours(s)).map(|s| s.buyer).collect();
    let codes: rustc_hash::FxHashSet<Hs6> = data.shipments.iter().filter(|s| ours(s)).map(|s| s.hs6).collect();
    let sold = data.shipments.iter().filter(seen).filter(|s| !ours(s) && customers.contains(&s.buyer) && codes.contains(&s.hs6));
    let mut out: Vec<Rival> = by_supplier(sold)
        .into_iter()
        .map(|(id, (cents, buyers))| Rival {
            id,
            name: data.name(id).to_string(),
            value: cents as f64 / 100.0,
            customers: buyers,
            competitor: data.competitors.contains(&id),
        })
        .collect();
    out.sort_by(|a, b| b.value.total_cmp(&a.value).then_with(|| a.name.cmp(&b.name)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cents, Company, RecordDate, Shipment};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    fn data() -> Dataset {
        let mut data = Dataset::default();
        for (id, name) in [(1, "BUYER A"), (2, "BUYER B"), (10, "US"), (11, "RIVAL")] {
            data.companies.insert(CompanyId(id), Company { id: CompanyId(id), name: name.into(), ..Company::default() });
        }
        data.me.insert(CompanyId(10));
        data.competitors.insert(CompanyId(11));
        let ship = |d: NaiveDate, buyer: i64, supplier: i64, dollars: i64| Shipment {
            date: RecordDate::day(d),
            buyer: CompanyId(buyer),
            supplier: Some(CompanyId(supplier)),
            hs6: Hs6(731815),
            value: Cents(dollars * 100),
            weight_kg: None,
            origin: None,
            destination: None,
        };
        data.shipments = vec![
            ship(day(2025, 2, 1), 1, 10, 100),
            ship(day(2025, 11, 3), 1, 10, 50),
            ship(day(2025, 12, 20), 1, 10, 25),
            ship(day(2026, 1, 5), 1, 10, 999), // after the as-of date
            ship(day(2025, 12, 1), 2, 11, 400),
            ship(day(2023, 1, 1), 2, 10, 70), // before the span
        ];
        data
    }

    #[test]
    fn quarters_of_our_sales_end_with_the_as_of_quarter() {
        let q = our_quarterly_sales(&data(), day(2025, 12, 31), 4);
        assert_eq!(q[&CompanyId(1)], vec![100.0, 0.0, 0.0, 75.0]);
        assert!(!q.contains_key(&CompanyId(2)), "bought from us only before the span, from a rival within it");
    }

    #[test]
    fn suppliers_largest_first_with_their_roles() {
        let s = suppliers(&data());
        let names: Vec<&str> = s.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["US", "RIVAL"]);
        assert_eq!((s[0].value, s[0].buyers, s[0].us), (1244.0, 2, true));
        assert!(s[1].competitor && !s[1].us);
    }

    #[test]
    fn rivals_sell_our_codes_to_our_customers() {
        let mut d = data();
        d.companies.insert(CompanyId(12), Company { id: CompanyId(12), name: "STRANGER".into(), ..Company::default() });
        d.companies.insert(CompanyId(3), Company { id: CompanyId(3), name: "NOT OURS".into(), ..Company::default() });
        let other = |buyer: i64, supplier: i64, hs: u32, dollars: i64| Shipment {
            date: RecordDate::day(day(2025, 10, 1)),
            buyer: CompanyId(buyer),
            supplier: Some(CompanyId(supplier)),
            hs6: Hs6(hs),
            value: Cents(dollars * 100),
            weight_kg: None,
            origin: None,
            destination: None,
        };
        d.shipments.push(other(1, 12, 731815, 300)); // our customer, our code: a rival
        d.shipments.push(other(1, 12, 391000, 5000)); // our customer, a code we never ship: not counted
        d.shipments.push(other(3, 11, 731815, 9000)); // a buyer we never sold to: not counted
        let r = rivals(&d, day(2025, 12, 31));
        let seen: Vec<(&str, f64, usize, bool)> = r.iter().map(|r| (r.name.as_str(), r.value, r.customers, r.competitor)).collect();
        // BUYER B last bought from us in 2023, outside the two years: RIVAL's sale to it is not counted.
        assert_eq!(seen, [("STRANGER", 300.0, 1, false)]);
        d.shipments.push(other(2, 10, 731815, 10)); // B buys from us again
        let names: Vec<String> = rivals(&d, day(2025, 12, 31)).into_iter().map(|r| r.name).collect();
        assert_eq!(names, ["RIVAL", "STRANGER"], "now B is ours, and RIVAL sells it our code");
        d.me.clear();
        assert!(rivals(&d, day(2025, 12, 31)).is_empty(), "nothing is ours before our company is named");
    }

    #[test]
    fn our_codes_are_what_we_shipped_largest_first() {
        let mut d = data();
        d.shipments[0].hs6 = Hs6(820540);
        assert_eq!(our_codes(&d), vec![(Hs6(731815), 1144.0), (Hs6(820540), 100.0)], "the rival's lot is not ours");
    }
}
