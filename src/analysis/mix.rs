//! A customer's product mix over time: what it imports, by HS subheading and calendar quarter, from
//! every supplier (ours, competitors', unnamed) — the "HS mix" of its detail page.
//!
//! Zero, empty and missing: every quarter of the span is listed, with no parts when the customer
//! bought nothing then; a code whose quarter adds up to zero (or less) is left out of that quarter;
//! shipments without a supplier count like any other; shipments after the as-of date are not seen.

use crate::model::{CompanyId, Dataset, Hs6, Quarter};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// One quarter's purchases by code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MixQuarter {
    /// The quarter.
    pub quarter: Quarter,
    /// Codes and their value (USD), largest first (ties by code).
    pub parts: Vec<(Hs6, f64)>,
}

impl MixQuarter {
    /// The quarter's total (USD).
    pub fn total(&self) -> f64 {
        self.parts.iter().map(|(_, v)| v).sum()
    }
}

/// The `quarters` calendar quarters ending with the as-of date's, oldest first (the last one partial
/// when the date falls inside it), with `customer`'s imports in each by code.
pub fn hs_mix(data: &Dataset, customer: CompanyId, as_of: NaiveDate, quarters: usize) -> Vec<MixQuarter> {
    let Some(span) = quarters.checked_sub(1) else { return Vec::new() };
    let last = Quarter::of(as_of);
    let first = (0..span).fold(last, |q, _| q.prev());
    let index = |q: Quarter| ((q.year - first.year) * 4 + i32::from(q.q) - i32::from(first.q)) as usize;
    // Cents per quarter and code: exact sums, turned into dollars once.
    let mut cents: Vec<BTreeMap<Hs6, i64>> = vec![BTreeMap::new(); quarters];
    for s in data.shipments.iter().filter(|s| s.buyer == customer && s.date.day <= as_of && s.date.day >= first.first_day()) {
        if let Some(slot) = cents.get_mut(index(Quarter::of(s.date.day))) {
            *slot.entry(s.hs6).or_default() += s.value.0;
        }
    }
    let mut quarter = first;
    cents
        .into_iter()
        .map(|codes| {
            let mut parts: Vec<(Hs6, f64)> = codes.into_iter().filter(|(_, c)| *c > 0).map(|(hs, c)| (hs, c as f64 / 100.0)).collect();
            parts.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let out = MixQuarter { quarter, parts };
            quarter = quarter.next();
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cents, Company, RecordDate, Shipment};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    fn ship(date: RecordDate, buyer: i64, supplier: Option<i64>, hs: u32, dollars: i64) -> Shipment {
        Shipment {
            date,
            buyer: CompanyId(buyer),
            supplier: supplier.map(CompanyId),
            hs6: Hs6(hs),
            value: Cents(dollars * 100),
            weight_kg: None,
            origin: None,
            destination: None,
        }
    }

    fn data(shipments: Vec<Shipment>) -> Dataset {
        let mut data = Dataset::default();
        for (id, name) in [(1, "BUYER"), (2, "OTHER BUYER"), (10, "US"), (11, "RIVAL")] {
            data.companies.insert(CompanyId(id), Company { id: CompanyId(id), name: name.into(), ..Company::default() });
        }
        data.me.insert(CompanyId(10));
        data.competitors.insert(CompanyId(11));
        data.shipments = shipments;
        data
    }

    fn q(year: i32, q: u8) -> Quarter {
        Quarter { year, q }
    }

    #[test]
    fn codes_by_quarter_from_every_supplier_largest_first() {
        let d = data(vec![
            ship(RecordDate::day(day(2025, 4, 2)), 1, Some(10), 731815, 100),
            ship(RecordDate::day(day(2025, 5, 2)), 1, Some(11), 731815, 50),
            ship(RecordDate::day(day(2025, 6, 30)), 1, None, 731816, 300), // no supplier named: still counts
            ship(RecordDate::day(day(2025, 8, 1)), 1, Some(11), 731816, 20),
            ship(RecordDate::day(day(2025, 8, 9)), 2, Some(10), 731815, 999), // another buyer
        ]);
        let mix = hs_mix(&d, CompanyId(1), day(2025, 8, 15), 3);
        assert_eq!(mix.iter().map(|m| m.quarter).collect::<Vec<_>>(), [q(2025, 1), q(2025, 2), q(2025, 3)]);
        assert!(mix[0].parts.is_empty(), "a quarter without purchases is listed, empty");
        assert_eq!(mix[1].parts, [(Hs6(731816), 300.0), (Hs6(731815), 150.0)]);
        assert_eq!(mix[1].total(), 450.0);
        assert_eq!(mix[2].parts, [(Hs6(731816), 20.0)]);
    }

    #[test]
    fn the_span_crosses_years_and_ignores_what_lies_outside_it() {
        let d = data(vec![
            ship(RecordDate::day(day(2024, 9, 30)), 1, Some(10), 731815, 7), // before the span
            ship(RecordDate::day(day(2024, 10, 1)), 1, Some(10), 731815, 10),
            RecordDate::month(2025, 1).map(|m| ship(m, 1, Some(11), 731815, 40)).expect("month record"),
            ship(RecordDate::day(day(2025, 2, 20)), 1, Some(11), 731815, 5), // after the as-of date
            ship(RecordDate::day(day(2025, 1, 10)), 1, Some(10), 848180, 40), // ties by code
        ]);
        let mix = hs_mix(&d, CompanyId(1), day(2025, 2, 10), 2);
        assert_eq!(mix.iter().map(|m| m.quarter).collect::<Vec<_>>(), [q(2024, 4), q(2025, 1)]);
        assert_eq!(mix[0].parts, [(Hs6(731815), 10.0)]);
        assert_eq!(mix[1].parts, [(Hs6(731815), 40.0), (Hs6(848180), 40.0)], "a month record dated 31 January is inside");
    }

    #[test]
    fn zero_sums_and_no_quarters_give_nothing() {
        let d = data(vec![ship(RecordDate::day(day(2025, 1, 10)), 1, Some(10), 731815, 0)]);
        let mix = hs_mix(&d, CompanyId(1), day(2025, 3, 31), 1);
        assert_eq!(mix, [MixQuarter { quarter: q(2025, 1), parts: Vec::new() }]);
        assert!(hs_mix(&d, CompanyId(1), day(2025, 3, 31), 0).is_empty());
        assert_eq!(hs_mix(&d, CompanyId(42), day(2025, 3, 31), 2).iter().filter(|m| !m.parts.is_empty()).count(), 0, "unknown customer");
    }
}
