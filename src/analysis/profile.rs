//! One customer in detail, for its health page and briefing: the share curve, its supplier structure,
//! its demand by product, its whole business and our order rhythm — by calendar quarter, the last one
//! marked partial when the as-of date falls inside it.

use crate::analysis::health::order_rhythm;
use crate::analysis::series::{CustomerSeries, MonthGrid, build_filtered};
use crate::model::{CompanyId, Dataset, Hs6, Quarter};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

/// Quarters of history shown.
const QUARTERS: usize = 12;

/// One quarter of the share curve.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShareQuarter {
    /// The quarter.
    pub quarter: Quarter,
    /// True when the as-of date falls inside it (its figures are not a whole quarter).
    pub partial: bool,
    /// Our sales of catalog codes (USD).
    pub ours: f64,
    /// Its category purchases from everyone (USD).
    pub category: f64,
    /// Our share, when it bought any.
    pub share: Option<f64>,
    /// Our share over the 12 months to the quarter's end.
    pub share_12m: Option<f64>,
}

/// One supplier's part in a quarter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupplierPart {
    /// Name.
    pub supplier: String,
    /// Value (USD).
    pub value: f64,
    /// Share of the quarter's category purchases.
    pub share: f64,
    /// It is us.
    pub us: bool,
    /// A known competitor.
    pub competitor: bool,
}

/// The supplier structure of a quarter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupplierQuarter {
    /// The quarter.
    pub quarter: Quarter,
    /// Suppliers, largest first.
    pub suppliers: Vec<SupplierPart>,
    /// How many.
    pub count: usize,
    /// The largest one's share.
    pub top_share: f64,
    /// Herfindahl–Hirschman index of shares (0–1; 1 = a single source).
    pub hhi: f64,
}

/// A supplier first seen in the last 24 months.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewSupplier {
    /// Name.
    pub supplier: String,
    /// First shipment (month start).
    pub first: NaiveDate,
    /// Value since (USD).
    pub value: f64,
    /// Origin country.
    pub origin: Option<String>,
    /// A known competitor.
    pub competitor: bool,
}

/// One product code's trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodeTrend {
    /// The code.
    pub hs6: String,
    /// Last 12 months (USD).
    pub value_12m: f64,
    /// The 12 before (USD).
    pub value_prior_12m: f64,
    /// Growth, when it bought any before.
    pub growth: Option<f64>,
    /// Not bought in the 12 months before.
    pub new: bool,
    /// In our catalog.
    pub in_catalog: bool,
}

/// The whole business in a quarter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BusinessQuarter {
    /// The quarter.
    pub quarter: Quarter,
    /// True when the as-of date falls inside it.
    pub partial: bool,
    /// All its imports (USD).
    pub total: f64,
    /// Change on the same quarter a year earlier.
    pub yoy: Option<f64>,
}

/// Our order rhythm.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rhythm {
    /// Our last shipment.
    pub last_order: Option<NaiveDate>,
    /// Days from it to the as-of date.
    pub days_since_last: Option<i64>,
    /// The usual interval between orders over the last two years (days), as the rhythm rule uses it.
    pub usual_gap_days: Option<f64>,
    /// The latest intervals between orders, most recent last (days).
    pub recent_gaps_days: Vec<i64>,
}

/// A customer in detail.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    /// Share curve by quarter.
    pub share_curve: Vec<ShareQuarter>,
    /// Supplier structure by quarter.
    pub supplier_structure: Vec<SupplierQuarter>,
    /// Suppliers new in the last 24 months.
    pub new_suppliers: Vec<NewSupplier>,
    /// Codes ranked by growth (new codes first).
    pub demand: Vec<CodeTrend>,
    /// Whole business by quarter.
    pub business: Vec<BusinessQuarter>,
    /// Our order rhythm.
    pub rhythm: Rhythm,
}

/// The profile of `customer` as of `as_of`; `None` when it has no records by then.
pub fn profile(data: &Dataset, customer: CompanyId, as_of: NaiveDate, same_order_days: i64) -> Option<Profile> {
    // Twelve calendar quarters ending with the one holding the as-of date (partial when the date falls
    // inside it); shipments after the date are left out.
    let grid = MonthGrid::new(Quarter::of(as_of).last_day(), QUARTERS * 3);
    let portfolio = build_filtered(data, grid, as_of, Some(customer));
    let s = portfolio.customers.into_iter().next()?;
    let quarters = quarter_starts(grid);
    Some(Profile {
        share_curve: share_curve(&s, grid, &quarters, as_of),
        supplier_structure: supplier_structure(&s, grid, &quarters, data),
        new_suppliers: new_suppliers(&s, grid, data),
        demand: demand(&s, grid.months - 1),
        business: business(&s, grid, &quarters, as_of),
        rhythm: rhythm(&s, as_of, same_order_days),
    })
}

/// The first bucket of each whole calendar quarter in the grid.
fn quarter_starts(grid: MonthGrid) -> Vec<usize> {
    (0..grid.months).filter(|i| grid.start_of(*i).month() % 3 == 1 && i + 3 <= grid.months).collect()
}

fn sum(s: &CustomerSeries, from: usize, len: usize, f: impl Fn(&crate::analysis::series::MonthFigures) -> i64) -> f64 {
    s.months[from..(from + len).min(s.months.len())].iter().map(f).sum::<i64>() as f64 / 100.0
}

fn share_curve(s: &CustomerSeries, grid: MonthGrid, quarters: &[usize], as_of: NaiveDate) -> Vec<ShareQuarter> {
    quarters
        .iter()
        .map(|q| {
            let (ours, category) = (sum(s, *q, 3, |m| m.ours.0), sum(s, *q, 3, |m| m.category.0));
            let year_from = (q + 3).saturating_sub(12);
            let (ours12, cat12) =
                (sum(s, year_from, q + 3 - year_from, |m| m.ours.0), sum(s, year_from, q + 3 - year_from, |m| m.category.0));
            let quarter = Quarter::of(grid.start_of(*q));
            ShareQuarter {
                quarter,
                partial: as_of < quarter.last_day(),
                ours,
                category,
                share: (category > 0.0).then(|| ours / category),
                share_12m: (cat12 > 0.0).then(|| ours12 / cat12),
            }
        })
        .collect()
}

fn supplier_structure(s: &CustomerSeries, grid: MonthGrid, quarters: &[usize], data: &Dataset) -> Vec<SupplierQuarter> {
    quarters
        .iter()
        .map(|q| {
            let mut by: BTreeMap<CompanyId, f64> = BTreeMap::new();
            for sm in s.suppliers.iter().filter(|sm| sm.month >= *q && sm.month < q + 3) {
                *by.entry(sm.supplier).or_default() += sm.value.dollars();
            }
            let total: f64 = by.values().sum();
            let mut suppliers: Vec<SupplierPart> = by
                .into_iter()
                .map(|(id, value)| SupplierPart {
                    supplier: data.name(id).to_string(),
                    value,
                    share: if total > 0.0 { value / total } else { 0.0 },
                    us: data.me.contains(&id),
                    competitor: data.competitors.contains(&id),
                })
                .collect();
            suppliers.sort_by(|a, b| b.value.total_cmp(&a.value));
            SupplierQuarter {
                quarter: Quarter::of(grid.start_of(*q)),
                count: suppliers.len(),
                top_share: suppliers.first().map_or(0.0, |p| p.share),
                hhi: suppliers.iter().map(|p| p.share * p.share).sum(),
                suppliers,
            }
        })
        .collect()
}

fn new_suppliers(s: &CustomerSeries, grid: MonthGrid, data: &Dataset) -> Vec<NewSupplier> {
    let t = grid.months - 1;
    let mut first: BTreeMap<CompanyId, usize> = BTreeMap::new();
    let mut value: BTreeMap<CompanyId, f64> = BTreeMap::new();
    let mut origin: BTreeMap<CompanyId, u16> = BTreeMap::new();
    for sm in s.suppliers.iter().filter(|sm| !data.me.contains(&sm.supplier)) {
        first.entry(sm.supplier).or_insert(sm.month);
        if let Some(o) = sm.origin {
            origin.entry(sm.supplier).or_insert(o);
        }
        *value.entry(sm.supplier).or_default() += sm.value.dollars();
    }
    let history = s.months.iter().position(|m| m.total.0 != 0).unwrap_or(0);
    let mut out: Vec<NewSupplier> = first
        .into_iter()
        .filter(|(_, f)| *f + 24 > t && *f >= history + 12)
        .map(|(id, f)| NewSupplier {
            supplier: data.name(id).to_string(),
            first: grid.start_of(f),
            value: value.get(&id).copied().unwrap_or(0.0),
            origin: origin.get(&id).and_then(|o| data.countries.get(*o as usize).cloned()),
            competitor: data.competitors.contains(&id),
        })
        .collect();
    out.sort_by_key(|n| std::cmp::Reverse(n.first));
    out
}

fn demand(s: &CustomerSeries, t: usize) -> Vec<CodeTrend> {
    let mut by: BTreeMap<Hs6, (f64, f64, bool)> = BTreeMap::new();
    for c in s.codes.iter().filter(|c| c.month + 24 > t) {
        let e = by.entry(c.hs6).or_insert((0.0, 0.0, c.in_catalog));
        if c.month + 12 > t {
            e.0 += c.value.dollars();
        } else {
            e.1 += c.value.dollars();
        }
    }
    let mut out: Vec<CodeTrend> = by
        .into_iter()
        .filter(|(_, (now, _, _))| *now > 0.0)
        .map(|(code, (now, before, in_catalog))| CodeTrend {
            hs6: code.to_string(),
            value_12m: now,
            value_prior_12m: before,
            growth: (before > 0.0).then(|| now / before - 1.0),
            new: before <= 0.0,
            in_catalog,
        })
        .collect();
    out.sort_by(|a, b| {
        b.new.cmp(&a.new).then(b.growth.unwrap_or(0.0).total_cmp(&a.growth.unwrap_or(0.0))).then(b.value_12m.total_cmp(&a.value_12m))
    });
    out
}

fn business(s: &CustomerSeries, grid: MonthGrid, quarters: &[usize], as_of: NaiveDate) -> Vec<BusinessQuarter> {
    quarters
        .iter()
        .map(|q| {
            let total = sum(s, *q, 3, |m| m.total.0);
            let year_before = (*q >= 12).then(|| sum(s, q - 12, 3, |m| m.total.0)).filter(|v| *v > 0.0);
            let quarter = Quarter::of(grid.start_of(*q));
            let partial = as_of < quarter.last_day();
            // A partial quarter is not compared with a whole one.
            BusinessQuarter { quarter, partial, total, yoy: year_before.filter(|_| !partial).map(|b| total / b - 1.0) }
        })
        .collect()
}

fn rhythm(s: &CustomerSeries, as_of: NaiveDate, same_order_days: i64) -> Rhythm {
    match order_rhythm(&s.our_days, as_of, same_order_days) {
        Some(r) => Rhythm {
            last_order: Some(r.last),
            days_since_last: Some(r.days_since),
            usual_gap_days: Some(r.usual_gap),
            recent_gaps_days: r.gaps.iter().rev().take(6).rev().copied().collect(),
        },
        None => {
            let last = s.our_days.iter().rev().find(|d| **d <= as_of).copied();
            Rhythm {
                last_order: last,
                days_since_last: last.map(|d| (as_of - d).num_days()),
                usual_gap_days: None,
                recent_gaps_days: Vec::new(),
            }
        }
    }
}
