//! Supply risk: how dependent each customer of ours is on one supplier and on one origin country
//! for its purchases of our kind of products — the largest share, the concentration (HHI: 1 is a
//! single source) and how both moved against the year before. A customer buying 90% from one origin
//! is exposed to that country's tariffs and disruptions: our opening when we ship from elsewhere,
//! our risk when it is our own origin. The portfolio view sums our sales by how dependent our
//! customers are. Origins the files do not give are counted apart, and a customer whose origins are
//! mostly unknown is said to be so, never judged.

#[cfg(test)]
mod tests;

use crate::analysis::window::Window;
use crate::model::{CompanyId, Dataset};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// One origin (or supplier) this share of the purchases or more is a dependence.
pub const DEPENDENT: f64 = 0.8;
/// Below this share of the value with a known origin, origins are not judged.
pub const ORIGINS_KNOWN: f64 = 0.5;

/// Shares of one year's purchases.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Spread {
    /// Purchases of our kind over the year (USD).
    pub total: f64,
    /// The largest supplier and its share.
    pub top_supplier: Option<(String, f64)>,
    /// Concentration over suppliers (HHI, 0–1).
    pub supplier_hhi: f64,
    /// The largest origin and its share of the value with a known origin.
    pub top_origin: Option<(String, f64)>,
    /// Concentration over origins (HHI, 0–1).
    pub origin_hhi: f64,
    /// Share of the value whose origin the files give.
    pub origin_known: f64,
}

impl Spread {
    /// The origins are known well enough to judge.
    pub fn origins_known(&self) -> bool {
        self.top_origin.is_some() && self.origin_known >= ORIGINS_KNOWN
    }

    /// Buys at least [`DEPENDENT`] from one origin (when origins are known).
    pub fn origin_dependent(&self) -> bool {
        self.origins_known() && self.top_origin.as_ref().is_some_and(|(_, s)| *s >= DEPENDENT)
    }
}

/// One customer's supply risk.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupplyRisk {
    /// The customer.
    #[serde(skip)]
    pub id: CompanyId,
    /// Its name.
    pub customer: String,
    /// The 12 months to the as-of date.
    pub now: Spread,
    /// The 12 months before.
    pub before: Spread,
    /// Its largest origin is ours.
    pub our_origin: bool,
    /// Our sales to it over the 12 months (USD).
    pub our_sales_12m: f64,
}

/// Our sales by how dependent our customers are on one origin.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct PortfolioRisk {
    /// Our main origin (the country most of our own shipments come from), when the files say.
    pub our_origin: Option<String>,
    /// Customers, and our sales to them (USD): dependent on our own origin.
    pub on_our_origin: (usize, f64),
    /// Dependent on another origin: where we could offer a second source.
    pub on_other_origin: (usize, f64),
    /// Spread over origins.
    pub spread: (usize, f64),
    /// Origins mostly unknown in the files.
    pub unknown: (usize, f64),
}

/// Running sums of one customer-year.
#[derive(Default)]
struct Acc {
    total: f64,
    suppliers: FxHashMap<Option<CompanyId>, f64>,
    origins: FxHashMap<u16, f64>,
}

impl Acc {
    fn spread(&self, data: &Dataset) -> Spread {
        let known: f64 = self.origins.values().sum();
        let hhi =
            |parts: &mut dyn Iterator<Item = f64>, whole: f64| if whole > 0.0 { parts.map(|v| (v / whole).powi(2)).sum() } else { 0.0 };
        let top_supplier = self
            .suppliers
            .iter()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
            .filter(|_| self.total > 0.0)
            .map(|(id, v)| (id.map_or_else(|| "?".to_string(), |id| data.name(id).to_string()), v / self.total));
        let top_origin = self
            .origins
            .iter()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
            .filter(|_| known > 0.0)
            .map(|(o, v)| (data.countries.get(usize::from(*o)).cloned().unwrap_or_default(), v / known));
        Spread {
            total: self.total,
            top_supplier,
            supplier_hhi: hhi(&mut self.suppliers.values().copied(), self.total),
            top_origin,
            origin_hhi: hhi(&mut self.origins.values().copied(), known),
            origin_known: if self.total > 0.0 { known / self.total } else { 0.0 },
        }
    }
}

/// Every customer of ours (bought from us in the 12 months) with its supply risk, the most of our
/// sales first, and the portfolio view.
pub fn supply_risk(data: &Dataset, as_of: NaiveDate) -> (Vec<SupplyRisk>, PortfolioRisk) {
    let (now_w, before_w) = (Window::trailing_months(as_of, 12), Window::trailing_months(crate::model::date::months_back(as_of, 12), 12));
    let ours = data.codes_shipped_by_us(as_of);
    let mut kind_cache: FxHashMap<crate::model::Hs6, bool> = FxHashMap::default();
    let mut acc: FxHashMap<CompanyId, [Acc; 2]> = FxHashMap::default();
    let mut our_sales: FxHashMap<CompanyId, f64> = FxHashMap::default();
    let mut our_origins: FxHashMap<u16, f64> = FxHashMap::default();
    for s in &data.shipments {
        let year = if now_w.contains(s.date) {
            0
        } else if before_w.contains(s.date) {
            1
        } else {
            continue;
        };
        let us = s.supplier.is_some_and(|id| data.me.contains(&id));
        if us && year == 0 {
            *our_sales.entry(s.buyer).or_default() += s.value.dollars();
            if let Some(o) = s.origin {
                *our_origins.entry(o).or_default() += s.value.dollars();
            }
        }
        if !*kind_cache.entry(s.hs6).or_insert_with(|| data.in_catalog(s.hs6, &ours)) {
            continue;
        }
        let a = &mut acc.entry(s.buyer).or_default()[year];
        let v = s.value.dollars();
        a.total += v;
        *a.suppliers.entry(s.supplier).or_default() += v;
        if let Some(o) = s.origin {
            *a.origins.entry(o).or_default() += v;
        }
    }
    let our_origin = our_origins
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
        .and_then(|(o, _)| data.countries.get(usize::from(*o)).cloned());
    let mut list: Vec<SupplyRisk> = our_sales
        .iter()
        .filter(|(_, v)| **v > 0.0)
        .map(|(id, v)| {
            let years = acc.get(id);
            let spread = |y: usize| years.map(|a| a[y].spread(data)).unwrap_or_default();
            let now = spread(0);
            let our = our_origin.as_ref().is_some_and(|o| now.top_origin.as_ref().is_some_and(|(t, _)| t == o));
            SupplyRisk { id: *id, customer: data.name(*id).to_string(), before: spread(1), our_origin: our, now, our_sales_12m: *v }
        })
        .collect();
    list.sort_by(|a, b| b.our_sales_12m.total_cmp(&a.our_sales_12m).then(a.customer.cmp(&b.customer)));
    let mut view = PortfolioRisk { our_origin, ..PortfolioRisk::default() };
    for r in &list {
        let slot = if !r.now.origins_known() {
            &mut view.unknown
        } else if !r.now.origin_dependent() {
            &mut view.spread
        } else if r.our_origin {
            &mut view.on_our_origin
        } else {
            &mut view.on_other_origin
        };
        slot.0 += 1;
        slot.1 += r.our_sales_12m;
    }
    (list, view)
}
