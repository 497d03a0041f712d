//! Which codes relate to what we sell, and why: the same heading or chapter as our codes, bought
//! together with our codes across all buyers in the data, or in one of the user's bundles.
//!
//! Co-purchase is measured over the 24 months to the as-of date among every buyer in the data (not
//! only our customers). `support` is the share of our category's buyers that also buy the code.
//! `lift` compares the code with the other products in the data: how many times as often its
//! buyers also buy our category as the buyers of the other products outside our catalog do.
//! (Customs files are bought by code, so most buyers in them buy our category: against all buyers,
//! every product would look related; against the other products, tools that fastener importers buy
//! stand out and the tiles that home-goods importers buy do not.) A code counts when at least
//! [`MIN_PAIR_BUYERS`] category buyers take it, support reaches [`MIN_SUPPORT`] and lift
//! [`MIN_LIFT`]. When every buyer in the data buys our category, co-purchase tells nothing and
//! relates nothing.

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
        /// Their share of category buyers.
        support: f64,
        /// How many times as often its buyers buy our category as buyers of other products do.
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
            Relation::CoPurchase { buyers, lift, .. } => format!("bought together ({buyers} buyers, {lift:.1}×)"),
            Relation::SameChapter { chapter } => format!("same chapter {chapter:02}"),
        }
    }

    /// A few words for tables, in Chinese.
    pub fn label_zh(&self) -> String {
        match self {
            Relation::Bundle { name } => format!("组合：{name}"),
            Relation::SameHeading { heading } => format!("同税目 {heading:04}"),
            Relation::CoPurchase { buyers, lift, .. } => format!("常被一起采购（{buyers} 家，{lift:.1} 倍）"),
            Relation::SameChapter { chapter } => format!("同章 {chapter:02}"),
        }
    }

    /// One phrase in English.
    pub fn explain(&self) -> String {
        match self {
            Relation::Bundle { name } => format!("in your bundle \"{name}\""),
            Relation::SameHeading { heading } => format!("same heading {heading:04} as our products"),
            Relation::CoPurchase { buyers, support, lift } => format!(
                "bought by {buyers} buyers of our kind of products ({:.1}% of them); its buyers buy our kind {lift:.1}× as often as buyers of other products",
                support * 100.0
            ),
            Relation::SameChapter { chapter } => format!("same chapter {chapter:02} as our products"),
        }
    }

    /// The same in Chinese.
    pub fn explain_zh(&self) -> String {
        match self {
            Relation::Bundle { name } => format!("属于您设定的组合“{name}”"),
            Relation::SameHeading { heading } => format!("与我方产品同属税目 {heading:04}"),
            Relation::CoPurchase { buyers, support, lift } => format!(
                "{buyers} 家采购我方品类的买家也采购此产品（占 {:.1}%）；其买家同时采购我方品类的比例是其他产品买家的 {lift:.1} 倍",
                support * 100.0
            ),
            Relation::SameChapter { chapter } => format!("与我方产品同属第 {chapter:02} 章"),
        }
    }
}

/// What we sell: the codes we shipped and the catalog's entries, with their headings and chapters.
#[derive(Debug, Clone, Default)]
pub struct OurCodes {
    shipped: FxHashSet<Hs6>,
    headings: FxHashSet<u32>,
    chapters: FxHashSet<u32>,
    catalog: Vec<String>,
}

impl OurCodes {
    /// Our codes as of a date (codes first shipped later are not known yet).
    pub fn new(data: &Dataset, as_of: NaiveDate) -> OurCodes {
        let shipped: FxHashSet<Hs6> = data.codes_shipped_by_us(as_of).into_iter().collect();
        let mut headings: FxHashSet<u32> = shipped.iter().map(|c| c.heading()).collect();
        let mut chapters: FxHashSet<u32> = shipped.iter().map(|c| c.chapter()).collect();
        for entry in &data.catalog {
            if let Some(h) = entry.get(..4).and_then(|h| h.parse().ok()) {
                headings.insert(h);
            }
            if let Some(c) = entry.get(..2).and_then(|c| c.parse().ok()) {
                chapters.insert(c);
            }
        }
        OurCodes { shipped, headings, chapters, catalog: data.catalog.clone() }
    }

    /// True for a code we sell: in the catalog, or shipped by us.
    pub fn contains(&self, hs6: Hs6) -> bool {
        let text = hs6.to_string();
        self.shipped.contains(&hs6) || self.catalog.iter().any(|c| text.starts_with(c.as_str()) || c.starts_with(text.as_str()))
    }

    /// True when a bundle holds one of our codes.
    fn in_bundle(&self, bundle: &Bundle) -> bool {
        self.shipped.iter().any(|c| bundle.covers(*c))
            || self.catalog.iter().any(|entry| bundle.codes.iter().any(|b| entry.starts_with(b.as_str()) || b.starts_with(entry.as_str())))
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
        if ours.contains(s.hs6) {
            category_buyers.insert(s.buyer);
        } else {
            buyers_of.entry(s.hs6).or_default().insert(s.buyer);
        }
    }
    // Per code: its buyers, and those of them that buy our category.
    let counts: FxHashMap<Hs6, (usize, usize)> =
        buyers_of.iter().map(|(code, b)| (*code, (b.len(), b.iter().filter(|x| category_buyers.contains(x)).count()))).collect();
    let (all_n, all_both) = counts.values().fold((0, 0), |(n, both), (a, b)| (n + a, both + b));
    let live_bundles: Vec<&Bundle> = bundles.iter().filter(|b| ours.in_bundle(b)).collect();
    let n_cat = category_buyers.len() as f64;
    let mut by_code: FxHashMap<Hs6, Vec<Relation>> = FxHashMap::default();
    for (code, &(n, both)) in &counts {
        let mut reasons: Vec<Relation> =
            live_bundles.iter().filter(|b| b.covers(*code)).map(|b| Relation::Bundle { name: b.name.clone() }).collect();
        if ours.headings.contains(&code.heading()) {
            reasons.push(Relation::SameHeading { heading: code.heading() });
        }
        // The other products' rate of category buyers among their buyers.
        let (other_n, other_both) = (all_n - n, all_both - both);
        if both >= MIN_PAIR_BUYERS && other_n > 0 && other_both > 0 {
            let support = both as f64 / n_cat;
            let lift = (both as f64 / n as f64) / (other_both as f64 / other_n as f64);
            if support >= MIN_SUPPORT && lift >= MIN_LIFT {
                reasons.push(Relation::CoPurchase { buyers: both, support, lift });
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
