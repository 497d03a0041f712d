//! The customer list: every buyer with its totals, dates and our sales to it.
//!
//! Zero and missing values: a customer with no purchases in our catalog over the last 12 months has
//! no share (`None`), not a share of zero; our sales are zero when we never shipped to it.

use super::window::Window;
use crate::model::{Cents, CompanyId, Dataset};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// One customer's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerSummary {
    /// Company id.
    pub id: CompanyId,
    /// Display name.
    pub customer: String,
    /// Every spelling seen.
    pub aliases: Vec<String>,
    /// Its most frequent destination country (the country it imports into), when files say.
    pub country: Option<String>,
    /// Value of every record in the workspace, all suppliers and products.
    pub total_imports: Cents,
    /// Number of records.
    pub shipments: u64,
    /// First record.
    pub first_date: NaiveDate,
    /// Last record.
    pub last_date: NaiveDate,
    /// Distinct known suppliers.
    pub suppliers: usize,
    /// Our sales to it, all time.
    pub our_sales_total: Cents,
    /// Our sales to it in the 12 months to the as-of date.
    pub our_sales_12m: Cents,
    /// Its purchases of our catalog codes from everyone in those 12 months.
    pub category_12m: Cents,
    /// Our sales of catalog codes over `category_12m`, when it bought any.
    pub share_12m: Option<f64>,
}

#[derive(Default)]
struct Acc {
    total: Cents,
    shipments: u64,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    suppliers: HashSet<CompanyId>,
    ours: Cents,
    ours_12m: Cents,
    ours_category_12m: Cents,
    category_12m: Cents,
    countries: HashMap<u16, u32>,
}

/// Every customer, most valuable to us first.
pub fn customers(data: &Dataset, as_of: NaiveDate) -> Vec<CustomerSummary> {
    let window = Window::trailing_months(as_of, 12);
    let ours = data.codes_shipped_by_us(as_of);
    let mut catalog_cache: HashMap<crate::model::Hs6, bool> = HashMap::new();
    let mut acc: HashMap<CompanyId, Acc> = HashMap::new();
    for s in &data.shipments {
        let a = acc.entry(s.buyer).or_default();
        a.total += s.value;
        a.shipments += 1;
        a.first = Some(a.first.map_or(s.date.day, |f| f.min(s.date.day)));
        a.last = Some(a.last.map_or(s.date.day, |l| l.max(s.date.day)));
        if let Some(sup) = s.supplier {
            a.suppliers.insert(sup);
        }
        if let Some(c) = s.destination {
            *a.countries.entry(c).or_default() += 1;
        }
        let is_ours = s.supplier.is_some_and(|id| data.me.contains(&id));
        if is_ours {
            a.ours += s.value;
        }
        if window.contains(s.date) {
            if is_ours {
                a.ours_12m += s.value;
            }
            if *catalog_cache.entry(s.hs6).or_insert_with(|| data.in_catalog(s.hs6, &ours)) {
                a.category_12m += s.value;
                if is_ours {
                    a.ours_category_12m += s.value;
                }
            }
        }
    }
    let mut out: Vec<CustomerSummary> = acc
        .into_iter()
        .filter_map(|(id, a)| {
            let company = data.companies.get(&id)?;
            let country = a
                .countries
                .iter()
                .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))
                .and_then(|(c, _)| data.countries.get(*c as usize).cloned());
            Some(CustomerSummary {
                id,
                customer: company.name.clone(),
                aliases: company.aliases.clone(),
                country,
                total_imports: a.total,
                shipments: a.shipments,
                first_date: a.first?,
                last_date: a.last?,
                suppliers: a.suppliers.len(),
                our_sales_total: a.ours,
                our_sales_12m: a.ours_12m,
                category_12m: a.category_12m,
                share_12m: (a.category_12m.0 > 0).then(|| a.ours_category_12m.0 as f64 / a.category_12m.0 as f64),
            })
        })
        .collect();
    out.sort_by(|x, y| y.our_sales_12m.cmp(&x.our_sales_12m).then(y.total_imports.cmp(&x.total_imports)).then(x.customer.cmp(&y.customer)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Company, Hs6, Precision, RecordDate, Shipment};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    fn ship(date: NaiveDate, buyer: i64, supplier: Option<i64>, hs6: u32, dollars: i64) -> Shipment {
        Shipment {
            date: RecordDate { day: date, precision: Precision::Day },
            buyer: CompanyId(buyer),
            supplier: supplier.map(CompanyId),
            hs6: Hs6(hs6),
            value: Cents(dollars * 100),
            weight_kg: None,
            origin: None,
            destination: Some(0),
        }
    }

    /// Buyers 1 and 2; supplier 10 is us, 11 a competitor. Our catalog: 731815.
    fn data(shipments: Vec<Shipment>) -> Dataset {
        let mut d = Dataset { shipments, countries: vec!["UNITED STATES".into()], ..Default::default() };
        for (id, name) in [(1, "ACME INC"), (2, "BETA LTD"), (10, "US CO"), (11, "RIVAL CO")] {
            d.companies.insert(CompanyId(id), Company { id: CompanyId(id), name: name.into(), aliases: vec![name.into()], keys: vec![] });
        }
        d.me.insert(CompanyId(10));
        d.catalog = vec!["731815".into()];
        d
    }

    #[test]
    fn totals_our_sales_and_share() {
        let d = data(vec![
            ship(day(2025, 1, 10), 1, Some(10), 731815, 300),
            ship(day(2025, 6, 10), 1, Some(11), 731815, 100),
            ship(day(2025, 6, 11), 1, None, 940360, 50),
            ship(day(2023, 6, 11), 1, Some(10), 731815, 1000),
            ship(day(2025, 2, 1), 2, Some(11), 731815, 80),
        ]);
        let list = customers(&d, day(2025, 6, 30));
        assert_eq!(list.len(), 2);
        let acme = &list[0];
        assert_eq!(acme.customer, "ACME INC");
        assert_eq!(acme.total_imports, Cents(145_000));
        assert_eq!(acme.our_sales_total, Cents(130_000));
        assert_eq!(acme.our_sales_12m, Cents(30_000), "the 2023 sale is outside the 12 months");
        assert_eq!(acme.category_12m, Cents(40_000), "furniture is not in our catalog");
        assert_eq!(acme.share_12m, Some(0.75));
        assert_eq!(acme.suppliers, 2);
        assert_eq!(acme.country.as_deref(), Some("UNITED STATES"));
        assert_eq!((acme.first_date, acme.last_date), (day(2023, 6, 11), day(2025, 6, 11)));
        let beta = &list[1];
        assert_eq!(beta.our_sales_12m, Cents(0));
        assert_eq!(beta.share_12m, Some(0.0));
    }

    #[test]
    fn no_catalog_purchases_means_no_share() {
        let d = data(vec![ship(day(2025, 1, 10), 2, Some(11), 940360, 80)]);
        let list = customers(&d, day(2025, 6, 30));
        assert_eq!(list[0].share_12m, None);
    }
}
