//! Market intelligence for the industry insight brief (DESIGN.md, "Growth"): for one code (a
//! chapter, heading or subheading), optionally one importing country, everyone's imports in the
//! data — the quarterly trend, the top suppliers and how their shares moved, new entrants, and unit
//! values (USD/kg) as a price signal.
//!
//! Quarters are whole calendar quarters up to the as-of date (a quarter still running is left out
//! so it does not read as a fall). A new entrant is a supplier whose first shipment of the code
//! falls in the last 12 months, judged only when the data on this code (and country) reach a year
//! further back: files are bought per code, so the workspace's oldest row says nothing about when
//! this code's data begin.

use crate::analysis::window::Window;
use crate::model::date::months_back;
use crate::model::nomenclature::Nomenclature;
use crate::model::{CompanyId, Dataset, Hs6, Quarter};
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

/// Quarters in the trend.
pub const QUARTERS: usize = 8;
/// Suppliers listed.
pub const TOP_SUPPLIERS: usize = 10;

/// One quarter of the market.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuarterFigures {
    /// The quarter.
    pub quarter: Quarter,
    /// Imports (USD).
    pub value: f64,
    /// USD per kg over the shipments with a weight.
    pub unit_value: Option<f64>,
    /// Distinct buyers.
    pub buyers: usize,
    /// Distinct suppliers.
    pub suppliers: usize,
}

/// A supplier's place in the market and how it moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupplierFigures {
    /// Its name.
    pub supplier: String,
    /// Its sales over the last 12 months (USD).
    pub value_12m: f64,
    /// Its share of the market over the last 12 months.
    pub share: f64,
    /// Its share over the 12 months before.
    pub share_prior: f64,
    /// Its USD per kg over the last 12 months.
    pub unit_value: Option<f64>,
    /// Us.
    pub us: bool,
    /// A known competitor.
    pub competitor: bool,
}

/// A supplier new to the code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewEntrant {
    /// Its name.
    pub supplier: String,
    /// Its first shipment of the code.
    pub first_date: NaiveDate,
    /// Its sales since (USD).
    pub value_12m: f64,
    /// Buyers it reached.
    pub buyers: usize,
    /// A known competitor.
    pub competitor: bool,
}

/// The market of one code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MarketReport {
    /// The as-of date.
    pub as_of: NaiveDate,
    /// The code asked for (2, 4 or 6 digits).
    pub code: String,
    /// The code's HS 2022 text (English): subheading, heading or chapter.
    pub description: Option<String>,
    /// The Chinese name of its chapter.
    pub chapter_zh: Option<String>,
    /// The files' most common description (6-digit codes).
    pub file_description: Option<String>,
    /// The importing country, when one was asked for.
    pub country: Option<String>,
    /// Imports over the last 12 months (USD).
    pub value_12m: f64,
    /// Over the 12 months before.
    pub value_prior_12m: f64,
    /// Growth (`None` without a prior year).
    pub growth: Option<f64>,
    /// USD per kg over the last 12 months.
    pub unit_value_12m: Option<f64>,
    /// Over the 12 months before.
    pub unit_value_prior_12m: Option<f64>,
    /// Our share over the last 12 months.
    pub our_share: f64,
    /// Our share over the 12 months before.
    pub our_share_prior: f64,
    /// The last whole quarters, oldest first.
    pub quarters: Vec<QuarterFigures>,
    /// The largest suppliers over the last 12 months.
    pub top_suppliers: Vec<SupplierFigures>,
    /// Suppliers new to the code in the last 12 months, largest first (`None`: the data do not
    /// reach far enough back to tell).
    pub new_entrants: Option<Vec<NewEntrant>>,
    /// Suppliers that sold in the 12 months before but not in the last 12, largest first.
    pub departed: Vec<SupplierFigures>,
}

#[derive(Default, Clone, Copy)]
struct Sum {
    value: f64,
    weighed: f64,
    kg: f64,
}

impl Sum {
    fn add(&mut self, value: f64, kg: Option<f64>) {
        self.value += value;
        // A shipment without a value (bills of lading) says nothing about the price per kilogram.
        if let Some(kg) = kg.filter(|k| *k > 0.0 && value > 0.0) {
            self.weighed += value;
            self.kg += kg;
        }
    }

    fn unit_value(&self) -> Option<f64> {
        (self.kg > 0.0).then(|| self.weighed / self.kg)
    }
}

/// One quarter's sums while scanning: value and weight, distinct buyers and suppliers.
#[derive(Default)]
struct QuarterSums {
    sum: Sum,
    buyers: FxHashSet<CompanyId>,
    suppliers: FxHashSet<Option<CompanyId>>,
}

/// The HS text of a 2-, 4- or 6-digit code and its chapter's Chinese name.
fn describe(code: &str) -> (Option<String>, Option<String>) {
    let n = Nomenclature::builtin();
    let number: Option<u32> = code.parse().ok();
    let chapter = number.map(|x| x / 10u32.pow(code.len().saturating_sub(2) as u32));
    let en = match (code.len(), number) {
        (6, Some(x)) => n.describe(Hs6(x)).en,
        (4, Some(x)) => n.heading(x),
        (2, Some(x)) => n.chapter(x),
        _ => None,
    };
    (en.map(str::to_string), chapter.and_then(|c| n.chapter_zh(c)).map(str::to_string))
}

/// The markets of our own codes (the catalog's entries, or the codes we shipped when it is empty),
/// largest first.
pub fn our_markets(data: &Dataset, as_of: NaiveDate) -> Vec<MarketReport> {
    let mut codes: Vec<String> = if data.catalog.is_empty() {
        data.codes_shipped_by_us(as_of).into_iter().map(|c| c.to_string()).collect()
    } else {
        data.catalog.iter().map(|c| c.chars().take(6).collect()).collect()
    };
    codes.sort();
    codes.dedup();
    let mut out: Vec<MarketReport> = codes.iter().map(|c| market(data, as_of, c, None)).collect();
    out.sort_by(|a, b| b.value_12m.total_cmp(&a.value_12m).then(a.code.cmp(&b.code)));
    out
}

/// The market of `code`, optionally in one importing country (an index into `data.countries`).
pub fn market(data: &Dataset, as_of: NaiveDate, code: &str, country: Option<u16>) -> MarketReport {
    let (year, prior) = (Window::trailing_months(as_of, 12), Window { after: months_back(as_of, 24), until: months_back(as_of, 12) });
    let last_whole = {
        let q = Quarter::of(as_of);
        if q.last_day() == as_of { q } else { q.prev() }
    };
    let quarters: Vec<Quarter> =
        std::iter::successors(Some(last_whole), |q| Some(q.prev())).take(QUARTERS).collect::<Vec<_>>().into_iter().rev().collect();
    let is_us = |s: Option<CompanyId>| s.is_some_and(|id| data.me.contains(&id));
    let (mut now, mut before) = (Sum::default(), Sum::default());
    let (mut ours_now, mut ours_before) = (0.0, 0.0);
    let mut per_quarter: FxHashMap<Quarter, QuarterSums> = FxHashMap::default();
    let mut by_supplier: FxHashMap<Option<CompanyId>, (Sum, f64)> = FxHashMap::default();
    let mut first_seen: FxHashMap<CompanyId, NaiveDate> = FxHashMap::default();
    let mut code_start: Option<NaiveDate> = None;
    let mut entrant_buyers: FxHashMap<CompanyId, FxHashSet<CompanyId>> = FxHashMap::default();
    for s in data.shipments.iter().filter(|s| s.date.day <= as_of && s.hs6.under(code) && country.is_none_or(|c| s.destination == Some(c)))
    {
        let value = s.value.dollars();
        code_start = Some(code_start.map_or(s.date.day, |d| d.min(s.date.day)));
        if let Some(id) = s.supplier {
            let first = first_seen.entry(id).or_insert(s.date.day);
            *first = (*first).min(s.date.day);
        }
        let q = Quarter::of(s.date.day);
        if q >= quarters[0] && q <= last_whole {
            let entry = per_quarter.entry(q).or_default();
            entry.sum.add(value, s.weight_kg);
            entry.buyers.insert(s.buyer);
            entry.suppliers.insert(s.supplier);
        }
        if year.contains(s.date) {
            now.add(value, s.weight_kg);
            by_supplier.entry(s.supplier).or_default().0.add(value, s.weight_kg);
            if is_us(s.supplier) {
                ours_now += value;
            }
            if let Some(id) = s.supplier {
                entrant_buyers.entry(id).or_default().insert(s.buyer);
            }
        } else if prior.contains(s.date) {
            before.add(value, s.weight_kg);
            by_supplier.entry(s.supplier).or_default().1 += value;
            if is_us(s.supplier) {
                ours_before += value;
            }
        }
    }
    let share = |x: f64, total: f64| if total > 0.0 { x / total } else { 0.0 };
    let figures = |id: &Option<CompanyId>, s: &Sum, prior_value: f64| SupplierFigures {
        supplier: id.map_or_else(|| "unknown".to_string(), |id| data.name(id).to_string()),
        value_12m: s.value,
        share: share(s.value, now.value),
        share_prior: share(prior_value, before.value),
        unit_value: s.unit_value(),
        us: is_us(*id),
        competitor: id.is_some_and(|id| data.competitors.contains(&id)),
    };
    let mut top: Vec<SupplierFigures> =
        by_supplier.iter().filter(|(_, (s, _))| s.value > 0.0).map(|(id, (s, p))| figures(id, s, *p)).collect();
    let mut departed: Vec<SupplierFigures> =
        by_supplier.iter().filter(|(_, (s, p))| s.value <= 0.0 && *p > 0.0).map(|(id, (s, p))| figures(id, s, *p)).collect();
    departed.sort_by(|a, b| b.share_prior.total_cmp(&a.share_prior).then(a.supplier.cmp(&b.supplier)));
    departed.truncate(TOP_SUPPLIERS);
    top.sort_by(|a, b| b.value_12m.total_cmp(&a.value_12m).then(a.supplier.cmp(&b.supplier)));
    top.truncate(TOP_SUPPLIERS);
    let judged = code_start.is_some_and(|d| d <= months_back(year.after, 12));
    let new_entrants = judged.then(|| {
        let mut list: Vec<NewEntrant> = first_seen
            .iter()
            .filter(|(_, first)| **first > year.after)
            .map(|(id, first)| NewEntrant {
                supplier: data.name(*id).to_string(),
                first_date: *first,
                value_12m: by_supplier.get(&Some(*id)).map_or(0.0, |(s, _)| s.value),
                buyers: entrant_buyers.get(id).map_or(0, |b| b.len()),
                competitor: data.competitors.contains(id),
            })
            .collect();
        list.sort_by(|a, b| b.value_12m.total_cmp(&a.value_12m).then(a.supplier.cmp(&b.supplier)));
        list
    });
    let (description, chapter_zh) = describe(code);
    MarketReport {
        as_of,
        code: code.to_string(),
        description,
        chapter_zh,
        file_description: Hs6::parse(code).filter(|_| code.len() == 6).and_then(|c| data.descriptions.get(&c).cloned()),
        country: country.and_then(|c| data.countries.get(usize::from(c)).cloned()),
        value_12m: now.value,
        value_prior_12m: before.value,
        growth: (before.value > 0.0).then(|| now.value / before.value - 1.0),
        unit_value_12m: now.unit_value(),
        unit_value_prior_12m: before.unit_value(),
        our_share: share(ours_now, now.value),
        our_share_prior: share(ours_before, before.value),
        quarters: quarters
            .iter()
            .map(|q| {
                let sums = per_quarter.remove(q).unwrap_or_default();
                QuarterFigures {
                    quarter: *q,
                    value: sums.sum.value,
                    unit_value: sums.sum.unit_value(),
                    buyers: sums.buyers.len(),
                    suppliers: sums.suppliers.len(),
                }
            })
            .collect(),
        top_suppliers: top,
        new_entrants,
        departed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cents, Company, Precision, RecordDate, Shipment};

    const US: i64 = 100;
    const RIVAL: i64 = 200;
    const NEWCOMER: i64 = 300;

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 11, 20).expect("date")
    }

    /// Bolts into two countries from January 2023 to November 2025: we sell 6k a month with a kg
    /// for every $2; the competitor 4k a month, $4/kg; a newcomer starts in March 2025 with 2k a
    /// month into country 1.
    fn data() -> Dataset {
        let mut d = Dataset { countries: vec!["GERMANY".into(), "POLAND".into()], ..Default::default() };
        for (id, name) in [(US, "US"), (RIVAL, "RIVAL"), (NEWCOMER, "NEWCOMER"), (1, "BUYER A"), (2, "BUYER B")] {
            d.companies.insert(CompanyId(id), Company { id: CompanyId(id), name: name.into(), ..Default::default() });
        }
        d.me.insert(CompanyId(US));
        d.competitors.insert(CompanyId(RIVAL));
        let mut day = NaiveDate::from_ymd_opt(2023, 1, 15).expect("d");
        while day <= as_of() {
            let mut ship = |buyer: i64, supplier: i64, hs: u32, dollars: f64, per_kg: f64, country: u16| {
                d.shipments.push(Shipment {
                    date: RecordDate { day, precision: Precision::Day },
                    buyer: CompanyId(buyer),
                    supplier: Some(CompanyId(supplier)),
                    hs6: Hs6(hs),
                    value: Cents::from_dollars(dollars).expect("dollars"),
                    weight_kg: Some(dollars / per_kg),
                    origin: None,
                    destination: Some(country),
                });
            };
            ship(1, US, 731815, 6_000.0, 2.0, 0);
            ship(2, RIVAL, 731816, 4_000.0, 4.0, 1);
            ship(1, RIVAL, 940360, 9_999.0, 1.0, 0); // furniture: another market
            if day >= NaiveDate::from_ymd_opt(2025, 3, 1).expect("d") {
                ship(2, NEWCOMER, 731815, 2_000.0, 1.0, 1);
            }
            day = day.checked_add_months(chrono::Months::new(1)).expect("d");
        }
        d
    }

    #[test]
    fn a_heading_market_with_its_suppliers_entrants_and_prices() {
        let r = market(&data(), as_of(), "7318", None);
        // Twelve months to 20 November 2025: December 2024 to November 2025; the newcomer sold in
        // nine of them (March to November).
        assert_eq!(r.value_12m, 12.0 * 10_000.0 + 9.0 * 2_000.0);
        assert_eq!(r.value_prior_12m, 120_000.0);
        assert!((r.growth.expect("a prior year") - 0.15).abs() < 1e-12);
        assert!((r.our_share - 72.0 / 138.0).abs() < 1e-12 && (r.our_share_prior - 0.6).abs() < 1e-12);
        assert_eq!(r.quarters.len(), QUARTERS);
        assert_eq!(r.quarters.last().map(|q| q.quarter.to_string()), Some("2025Q3".into()), "the running quarter is left out");
        assert_eq!(r.quarters[0].quarter.to_string(), "2023Q4");
        assert_eq!(r.quarters.last().map(|q| (q.value, q.suppliers)), Some((36_000.0, 3)));
        let names: Vec<&str> = r.top_suppliers.iter().map(|s| s.supplier.as_str()).collect();
        assert_eq!(names, vec!["US", "RIVAL", "NEWCOMER"]);
        assert_eq!(r.top_suppliers[1].unit_value, Some(4.0));
        assert!(r.top_suppliers[0].us && r.top_suppliers[1].competitor);
        let entrants = r.new_entrants.expect("the data reach back far enough");
        assert_eq!(entrants.len(), 1);
        assert_eq!(
            (entrants[0].supplier.as_str(), entrants[0].first_date, entrants[0].buyers),
            ("NEWCOMER", NaiveDate::from_ymd_opt(2025, 3, 15).expect("d"), 1)
        );
        // The cheap newcomer pulls the unit value down: 138k over (36k + 12k + 18k) kg.
        assert!((r.unit_value_12m.expect("weights") - 138.0 / 66.0).abs() < 1e-12);
        assert!((r.unit_value_prior_12m.expect("weights") - 120.0 / 48.0).abs() < 1e-12);
    }

    #[test]
    fn shipments_without_a_value_leave_the_unit_value_alone() {
        let mut d = data();
        let before = market(&d, as_of(), "7318", None).unit_value_12m.expect("weights");
        // A bill of lading with 50 tonnes and no value, in the last month.
        let mut bare = d.shipments.iter().rev().find(|s| s.hs6 == Hs6(731815)).cloned().expect("a bolt shipment");
        (bare.value, bare.weight_kg) = (Cents(0), Some(50_000.0));
        d.shipments.push(bare);
        assert_eq!(market(&d, as_of(), "7318", None).unit_value_12m, Some(before), "no value, no price");
    }

    #[test]
    fn one_code_in_one_country() {
        let r = market(&data(), as_of(), "731815", Some(1));
        assert_eq!(r.country.as_deref(), Some("POLAND"));
        assert!(r.description.as_deref().is_some_and(|d| d.to_lowercase().contains("screws and bolts")), "{:?}", r.description);
        assert_eq!(r.chapter_zh.as_deref(), Some("钢铁制品"));
        assert_eq!(r.value_12m, 18_000.0, "only the newcomer sells 731815 into Poland");
        assert_eq!(r.growth, None);
        assert_eq!(r.our_share, 0.0);
    }

    #[test]
    fn our_markets_are_the_codes_we_ship() {
        let markets = our_markets(&data(), as_of());
        let codes: Vec<&str> = markets.iter().map(|m| m.code.as_str()).collect();
        assert_eq!(codes, vec!["731815"], "we ship bolts only; the catalog is empty");
        assert_eq!(markets[0].value_12m, 72_000.0 + 18_000.0);
    }

    #[test]
    fn entrants_are_not_judged_without_a_year_of_history_before() {
        let mut d = data();
        // Bolts data from June 2024 only; furniture rows still reach back to 2023.
        d.shipments.retain(|s| s.hs6 == Hs6(940360) || s.date.day >= NaiveDate::from_ymd_opt(2024, 6, 1).expect("d"));
        assert_eq!(market(&d, as_of(), "7318", None).new_entrants, None, "the code's own data are too short");
        assert!(market(&d, as_of(), "9403", None).new_entrants.is_some());
    }

    #[test]
    fn a_supplier_that_stopped_is_listed_as_departed() {
        let mut d = data();
        let cut = NaiveDate::from_ymd_opt(2024, 10, 1).expect("d");
        d.shipments.retain(|s| !(s.supplier == Some(CompanyId(RIVAL)) && s.hs6 == Hs6(731816) && s.date.day > cut));
        let r = market(&d, as_of(), "7318", None);
        assert_eq!(r.departed.iter().map(|s| s.supplier.as_str()).collect::<Vec<_>>(), vec!["RIVAL"]);
        assert_eq!(r.departed[0].value_12m, 0.0);
        assert!(r.departed[0].share_prior > 0.0);
    }
}
