//! Which codes relate to what we sell, and why: the same heading or chapter as our codes, bought
//! together with our codes across all buyers in the data, or in one of the user's bundles.
//!
//! Our category is the catalog's codes, or the codes we shipped when no catalog is set (as
//! everywhere in the app); codes we shipped outside the catalog are ours too and never gaps, but
//! they do not widen the headings and chapters that relate.
//!
//! Co-purchase is measured over the 24 months to the as-of date among every buyer in the data (not
//! only our customers), by distinct buyers. Customs files are bought by code, so the buyers in them
//! are chosen by what they import, and most buy our category; "how often do buyers in general buy
//! it" is then not a fair yardstick. So a product is compared with the other products in the files:
//! the share of its buyers that also buy our category, against the same share among the buyers of
//! the other products outside our catalog (both smoothed by one buyer each way). `lift` is the
//! ratio. A code counts when at least [`MIN_PAIR_BUYERS`] category buyers take it, they are at least
//! [`MIN_SUPPORT`] of all category buyers, the lift reaches [`MIN_LIFT`], and category buyers take
//! it more often than the buyers outside our category do (so a product everyone buys, bought by all
//! of ours and all of theirs, never counts) — judged only when the files hold at least
//! [`MIN_OTHER_PRODUCTS`] other products bought by at least [`MIN_OTHER_BUYERS`] buyers; otherwise
//! there is nothing to compare with and co-purchase relates nothing.

use super::bundle::Bundle;
use crate::analysis::window::Window;
use crate::model::{CompanyId, Dataset, Hs6};
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

/// Category buyers that must also buy a code for co-purchase to count.
pub const MIN_PAIR_BUYERS: usize = 3;
/// Share of category buyers that must also buy it.
pub const MIN_SUPPORT: f64 = 0.02;
/// How many times as often its buyers buy our category as buyers of other products do.
pub const MIN_LIFT: f64 = 1.2;
/// Other products (outside our catalog) the files must hold for a comparison.
pub const MIN_OTHER_PRODUCTS: usize = 3;
/// Buyers of those other products needed for a comparison.
pub const MIN_OTHER_BUYERS: usize = 20;
/// Months of co-purchase evidence.
pub const CO_PURCHASE_MONTHS: u32 = 24;

/// Why a code relates to ours, strongest reason first in [`Relation::rank`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Relation {
    /// In a bundle the user defined, together with one of our codes.
    Bundle {
        /// The bundle's name.
        name: String,
    },
    /// Same 4-digit heading as one of our codes.
    SameHeading {
        /// The heading.
        heading: u32,
    },
    /// Bought together with our codes across the data.
    CoPurchase {
        /// Category buyers that also buy it.
        buyers: usize,
        /// Their share of all category buyers.
        support: f64,
        /// The share of its buyers that also buy our category.
        rate: f64,
        /// The same share among buyers of the other products.
        baseline: f64,
        /// The ratio of the two (smoothed).
        lift: f64,
    },
    /// Same 2-digit chapter as one of our codes.
    SameChapter {
        /// The chapter.
        chapter: u32,
    },
}

impl Relation {
    /// Order of strength: a bundle the user drew up first, the chapter last.
    pub fn rank(&self) -> u8 {
        match self {
            Relation::Bundle { .. } => 0,
            Relation::SameHeading { .. } => 1,
            Relation::CoPurchase { .. } => 2,
            Relation::SameChapter { .. } => 3,
        }
    }

    /// A few words for tables, in English.
    pub fn label(&self) -> String {
        match self {
            Relation::Bundle { name } => format!("bundle: {name}"),
            Relation::SameHeading { heading } => format!("same heading {heading:04}"),
            Relation::CoPurchase { rate, baseline, .. } => format!("bought together ({:.0}% vs {:.0}%)", rate * 100.0, baseline * 100.0),
            Relation::SameChapter { chapter } => format!("same chapter {chapter:02}"),
        }
    }

    /// A few words for tables, in Chinese.
    pub fn label_zh(&self) -> String {
        match self {
            Relation::Bundle { name } => format!("组合：{name}"),
            Relation::SameHeading { heading } => format!("同税目 {heading:04}"),
            Relation::CoPurchase { rate, baseline, .. } => format!("常被一起采购（{:.0}% 对 {:.0}%）", rate * 100.0, baseline * 100.0),
            Relation::SameChapter { chapter } => format!("同章 {chapter:02}"),
        }
    }

    /// One phrase in English.
    pub fn explain(&self) -> String {
        match self {
            Relation::Bundle { name } => format!("in your bundle \"{name}\""),
            Relation::SameHeading { heading } => format!("same heading {heading:04} as our products"),
            Relation::CoPurchase { buyers, rate, baseline, .. } => format!(
                "{:.0}% of its buyers also buy our kind of products, against {:.0}% of the buyers of other products in your files ({buyers} buyers of our kind buy it)",
                rate * 100.0,
                baseline * 100.0
            ),
            Relation::SameChapter { chapter } => format!("same chapter {chapter:02} as our products"),
        }
    }

    /// The same in Chinese.
    pub fn explain_zh(&self) -> String {
        match self {
            Relation::Bundle { name } => format!("属于您设定的组合“{name}”"),
            Relation::SameHeading { heading } => format!("与我方产品同属税目 {heading:04}"),
            Relation::CoPurchase { buyers, rate, baseline, .. } => format!(
                "其买家中 {:.0}% 也采购我方品类，而数据中其他产品的买家只有 {:.0}%（{buyers} 家采购我方品类的买家购买此产品）",
                rate * 100.0,
                baseline * 100.0
            ),
            Relation::SameChapter { chapter } => format!("与我方产品同属第 {chapter:02} 章"),
        }
    }
}

/// What we sell: our category (the catalog, or the codes we shipped when there is none), its
/// headings and chapters, and every code we shipped.
#[derive(Debug, Clone, Default)]
pub struct OurCodes {
    /// Per code in the data: in our category.
    category: FxHashMap<Hs6, bool>,
    shipped: FxHashSet<Hs6>,
    headings: FxHashSet<u32>,
    chapters: FxHashSet<u32>,
}

impl OurCodes {
    /// Our codes as of a date (codes first shipped later are not known yet).
    pub fn new(data: &Dataset, as_of: NaiveDate) -> OurCodes {
        let shipped_set = data.codes_shipped_by_us(as_of);
        let mut category: FxHashMap<Hs6, bool> = FxHashMap::default();
        for s in &data.shipments {
            category.entry(s.hs6).or_insert_with(|| data.in_catalog(s.hs6, &shipped_set));
        }
        let (mut headings, mut chapters) = (FxHashSet::default(), FxHashSet::default());
        if data.catalog.is_empty() {
            headings.extend(shipped_set.iter().map(|c| c.heading()));
            chapters.extend(shipped_set.iter().map(|c| c.chapter()));
        }
        for entry in &data.catalog {
            if let Some(h) = entry.get(..4).and_then(|h| h.parse().ok()) {
                headings.insert(h);
            }
            if let Some(c) = entry.get(..2).and_then(|c| c.parse().ok()) {
                chapters.insert(c);
            }
        }
        OurCodes { category, shipped: shipped_set.into_iter().collect(), headings, chapters }
    }

    /// True for a code of our category (what our share is measured on).
    pub fn in_category(&self, hs6: Hs6) -> bool {
        self.category.get(&hs6).copied().unwrap_or(false)
    }

    /// True for a code we sell: of our category, or shipped by us.
    pub fn sells(&self, hs6: Hs6) -> bool {
        self.in_category(hs6) || self.shipped.contains(&hs6)
    }

    /// True when a bundle holds one of our codes (otherwise it relates nothing to us).
    pub fn holds_any_of(&self, bundle: &Bundle) -> bool {
        self.category.iter().any(|(c, ours)| *ours && bundle.covers(*c)) || self.shipped.iter().any(|c| bundle.covers(*c))
    }
}

/// The related codes, each with its reasons, strongest first.
#[derive(Debug, Clone, Default)]
pub struct Relations {
    /// Reasons by code.
    pub by_code: FxHashMap<Hs6, Vec<Relation>>,
}

/// Finds every code bought in the data within the co-purchase window that relates to ours.
pub fn relations(data: &Dataset, as_of: NaiveDate, ours: &OurCodes, bundles: &[Bundle]) -> Relations {
    let window = Window::trailing_months(as_of, CO_PURCHASE_MONTHS);
    let mut buyers_of: FxHashMap<Hs6, FxHashSet<CompanyId>> = FxHashMap::default();
    let mut category_buyers: FxHashSet<CompanyId> = FxHashSet::default();
    for s in data.shipments.iter().filter(|s| window.contains(s.date)) {
        if ours.in_category(s.hs6) {
            category_buyers.insert(s.buyer);
        } else if !ours.sells(s.hs6) {
            buyers_of.entry(s.hs6).or_default().insert(s.buyer);
        }
    }
    // How many other products each buyer takes, so "the buyers of the other products" can be
    // counted for each product without building each union.
    let mut products_of: FxHashMap<CompanyId, usize> = FxHashMap::default();
    for buyers in buyers_of.values() {
        for b in buyers {
            *products_of.entry(*b).or_default() += 1;
        }
    }
    let all_buyers = products_of.len();
    let all_category = products_of.keys().filter(|b| category_buyers.contains(b)).count();
    let outside = all_buyers - all_category;
    let live_bundles: Vec<&Bundle> = bundles.iter().filter(|b| ours.holds_any_of(b)).collect();
    let n_cat = category_buyers.len() as f64;
    let mut by_code: FxHashMap<Hs6, Vec<Relation>> = FxHashMap::default();
    for (code, buyers) in &buyers_of {
        let mut reasons: Vec<Relation> =
            live_bundles.iter().filter(|b| b.covers(*code)).map(|b| Relation::Bundle { name: b.name.clone() }).collect();
        if ours.headings.contains(&code.heading()) {
            reasons.push(Relation::SameHeading { heading: code.heading() });
        }
        let both = buyers.iter().filter(|b| category_buyers.contains(b)).count();
        // Buyers of the other products: everyone but those who buy only this one.
        let only_this = buyers.iter().filter(|b| products_of.get(b) == Some(&1));
        let (only_n, only_cat) = only_this.fold((0, 0), |(n, c), b| (n + 1, c + usize::from(category_buyers.contains(b))));
        let (other_n, other_cat) = (all_buyers - only_n, all_category - only_cat);
        if both >= MIN_PAIR_BUYERS && buyers_of.len() > MIN_OTHER_PRODUCTS && other_n >= MIN_OTHER_BUYERS {
            let support = both as f64 / n_cat;
            let smoothed = |k: usize, n: usize| (k + 1) as f64 / (n + 2) as f64;
            let lift = smoothed(both, buyers.len()) / smoothed(other_cat, other_n);
            let more_often_than_outside = smoothed(both, category_buyers.len()) > smoothed(buyers.len() - both, outside);
            if support >= MIN_SUPPORT && lift >= MIN_LIFT && more_often_than_outside {
                let (rate, baseline) = (both as f64 / buyers.len() as f64, other_cat as f64 / other_n as f64);
                reasons.push(Relation::CoPurchase { buyers: both, support, rate, baseline, lift });
            }
        }
        if ours.chapters.contains(&code.chapter()) && !ours.headings.contains(&code.heading()) {
            reasons.push(Relation::SameChapter { chapter: code.chapter() });
        }
        if !reasons.is_empty() {
            reasons.sort_by_key(Relation::rank);
            by_code.insert(*code, reasons);
        }
    }
    Relations { by_code }
}
