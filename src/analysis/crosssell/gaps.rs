//! A customer's cross-sell gaps: related codes it bought from other suppliers over the last 12
//! months, with growth, suppliers, unit value, reasons and an estimated opportunity.
//!
//! The opportunity assumes the customer could give us the same share of the code as it gives us of
//! our own products (its share of its category purchases over the last 12 months; the portfolio's
//! median share when it buys none of our category). It is a sizing, not a forecast. Gaps related
//! only by chapter, the weakest reason, come after the others whatever their size.

use super::relations::{OurCodes, Relation, Relations};
use crate::analysis::window::Window;
use crate::model::nomenclature::Nomenclature;
use crate::model::{CompanyId, Dataset, Hs6};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// Gaps below this value over 12 months are left out (a few samples are not a lead).
pub const MIN_GAP_USD: f64 = 1_000.0;

/// One supplier's part of a customer's purchases of a code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupplierShare {
    /// The supplier's name (or "unknown" when the file hides it).
    pub supplier: String,
    /// Value over the last 12 months (USD).
    pub value: f64,
    /// Share of the customer's purchases of the code.
    pub share: f64,
    /// A known competitor of ours.
    pub competitor: bool,
}

/// One cross-sell gap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    /// The code.
    pub hs: Hs6,
    /// Its HS 2022 text (English), or the files' description when the code is not in HS 2022.
    pub description: Option<String>,
    /// The Chinese name of its chapter.
    pub chapter_zh: Option<String>,
    /// The files' most common description of it.
    pub file_description: Option<String>,
    /// The customer's purchases of it over the last 12 months (USD).
    pub value_12m: f64,
    /// Over the 12 months before (USD).
    pub value_prior_12m: f64,
    /// Growth against the 12 months before (`None` when it bought none then).
    pub growth: Option<f64>,
    /// Its suppliers, largest first.
    pub suppliers: Vec<SupplierShare>,
    /// USD per kg over the last 12 months, when the files give weights.
    pub unit_value: Option<f64>,
    /// Why it relates to what we sell, strongest first.
    pub relations: Vec<Relation>,
    /// The strongest reason in English.
    pub reason: String,
    /// The strongest reason in Chinese.
    pub reason_zh: String,
    /// Estimated yearly sales to us if it bought this from us at its usual share (USD).
    pub opportunity: f64,
}

impl Gap {
    /// True when the chapter is its only link to what we sell (the weakest reason).
    pub fn chapter_only(&self) -> bool {
        self.relations.iter().all(|r| matches!(r, Relation::SameChapter { .. }))
    }
}

/// A customer's gaps.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerGaps {
    /// Company id.
    #[serde(skip)]
    pub id: CompanyId,
    /// Display name.
    pub customer: String,
    /// The share of its category purchases it gives us (the basis of the opportunity).
    pub share: Option<f64>,
    /// Its gaps, largest opportunity first.
    pub gaps: Vec<Gap>,
    /// The sum of their opportunities (USD).
    pub opportunity: f64,
}

/// Per customer and code: purchases now and a year before, by supplier, with weights.
#[derive(Default)]
struct CodeFigures {
    now: f64,
    before: f64,
    by_supplier: FxHashMap<Option<CompanyId>, f64>,
    weighed_value: f64,
    weight: f64,
}

/// Per customer: our category sales and its category purchases over the last 12 months.
#[derive(Default)]
struct CustomerFigures {
    ours_cat: f64,
    category: f64,
    codes: FxHashMap<Hs6, CodeFigures>,
}

/// The gaps of every customer of ours (bought from us in the two years to `as_of`), or of `only`
/// (measured against the whole portfolio all the same: the median share is the portfolio's).
pub fn customer_gaps(data: &Dataset, as_of: NaiveDate, ours: &OurCodes, related: &Relations, only: Option<CompanyId>) -> Vec<CustomerGaps> {
    let (year, prior, two) = (
        Window::trailing_months(as_of, 12),
        Window { after: crate::model::date::months_back(as_of, 24), until: crate::model::date::months_back(as_of, 12) },
        Window::trailing_months(as_of, 24),
    );
    let is_us = |s: Option<CompanyId>| s.is_some_and(|id| data.me.contains(&id));
    let customers: rustc_hash::FxHashSet<CompanyId> =
        data.shipments.iter().filter(|s| is_us(s.supplier) && two.contains(s.date)).map(|s| s.buyer).collect();
    let mut figures: FxHashMap<CompanyId, CustomerFigures> = FxHashMap::default();
    for s in data.shipments.iter().filter(|s| customers.contains(&s.buyer) && two.contains(s.date)) {
        let f = figures.entry(s.buyer).or_default();
        let value = s.value.dollars();
        if ours.in_category(s.hs6) {
            if year.contains(s.date) {
                f.category += value;
                if is_us(s.supplier) {
                    f.ours_cat += value;
                }
            }
            continue;
        }
        if ours.sells(s.hs6) || !related.by_code.contains_key(&s.hs6) || is_us(s.supplier) || only.is_some_and(|o| o != s.buyer) {
            continue;
        }
        let c = f.codes.entry(s.hs6).or_default();
        if year.contains(s.date) {
            c.now += value;
            *c.by_supplier.entry(s.supplier).or_default() += value;
            // A shipment without a value says nothing about the price per kilogram.
            if let Some(kg) = s.weight_kg.filter(|kg| *kg > 0.0 && value > 0.0) {
                c.weighed_value += value;
                c.weight += kg;
            }
        } else if prior.contains(s.date) {
            c.before += value;
        }
    }
    let mut shares: Vec<f64> = figures.values().filter(|f| f.category > 0.0).map(|f| f.ours_cat / f.category).collect();
    shares.sort_by(f64::total_cmp);
    let median_share = shares.get(shares.len() / 2).copied().unwrap_or(0.0);
    let mut out: Vec<CustomerGaps> = figures
        .into_iter()
        .filter(|(id, _)| only.is_none_or(|o| o == *id))
        .map(|(id, f)| {
            let share = (f.category > 0.0).then(|| f.ours_cat / f.category);
            let basis = share.unwrap_or(median_share);
            let mut gaps: Vec<Gap> =
                f.codes.into_iter().filter(|(_, c)| c.now >= MIN_GAP_USD).map(|(code, c)| gap(data, code, c, related, basis)).collect();
            gaps.sort_by(|a, b| {
                a.chapter_only().cmp(&b.chapter_only()).then(b.opportunity.total_cmp(&a.opportunity)).then(a.hs.cmp(&b.hs))
            });
            let opportunity = gaps.iter().map(|g| g.opportunity).sum::<f64>() + 0.0;
            CustomerGaps { id, customer: data.name(id).to_string(), share, gaps, opportunity }
        })
        .collect();
    out.sort_by(|a, b| b.opportunity.total_cmp(&a.opportunity).then(a.customer.cmp(&b.customer)));
    out
}

fn gap(data: &Dataset, code: Hs6, c: CodeFigures, related: &Relations, basis: f64) -> Gap {
    let mut suppliers: Vec<SupplierShare> = c
        .by_supplier
        .iter()
        .map(|(id, v)| SupplierShare {
            supplier: id.map_or_else(|| "unknown".to_string(), |id| data.name(id).to_string()),
            value: *v,
            share: v / c.now,
            competitor: id.is_some_and(|id| data.competitors.contains(&id)),
        })
        .collect();
    suppliers.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.supplier.cmp(&b.supplier)));
    let relations = related.by_code.get(&code).cloned().unwrap_or_default();
    let (reason, reason_zh) = relations.first().map(|r| (r.explain(), r.explain_zh())).unwrap_or_default();
    let names = Nomenclature::builtin().describe(code);
    let file_description = data.descriptions.get(&code).cloned();
    Gap {
        hs: code,
        description: names.en.map(str::to_string).or_else(|| file_description.clone()),
        chapter_zh: names.chapter_zh.map(str::to_string),
        file_description,
        value_12m: c.now,
        value_prior_12m: c.before,
        growth: (c.before > 0.0).then(|| c.now / c.before - 1.0),
        suppliers,
        unit_value: (c.weight > 0.0).then(|| c.weighed_value / c.weight),
        relations,
        reason,
        reason_zh,
        opportunity: c.now * basis,
    }
}
