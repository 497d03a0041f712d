//! Everything analysis needs from a workspace, as plain data: shipments, companies, our names,
//! competitors and catalog.

use super::{CompanyId, Hs6, Shipment};
use std::collections::{HashMap, HashSet};

/// A company as analysis sees it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Company {
    /// Its id.
    pub id: CompanyId,
    /// Display name.
    pub name: String,
    /// Every spelling.
    pub aliases: Vec<String>,
    /// The matching keys of its spellings (normalised names without legal forms), distinct.
    pub keys: Vec<String>,
}

/// A workspace's content, loaded for analysis.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Every shipment (any order).
    pub shipments: Vec<Shipment>,
    /// Companies by id.
    pub companies: HashMap<CompanyId, Company>,
    /// Country names; shipments refer to them by index.
    pub countries: Vec<String>,
    /// Companies that are us (by any spelling the user gave).
    pub me: HashSet<CompanyId>,
    /// Known competitors.
    pub competitors: HashSet<CompanyId>,
    /// Catalog entries as digit prefixes (chapter, heading or subheading).
    pub catalog: Vec<String>,
    /// The files' most common product description of each code.
    pub descriptions: HashMap<Hs6, String>,
}

impl Dataset {
    /// The display name of a company.
    pub fn name(&self, id: CompanyId) -> &str {
        self.companies.get(&id).map_or("?", |c| c.name.as_str())
    }

    /// True when `hs6` is in our catalog: listed there (by prefix), or, with no catalog given,
    /// shipped by us at least once (DESIGN.md's default).
    pub fn in_catalog(&self, hs6: Hs6, shipped_by_us: &HashSet<Hs6>) -> bool {
        if self.catalog.is_empty() {
            return shipped_by_us.contains(&hs6);
        }
        let text = hs6.to_string();
        self.catalog.iter().any(|c| text.starts_with(c.as_str()) || c.starts_with(text.as_str()))
    }

    /// The 6-digit codes we had shipped by `until` (an analysis as of a date must not know the
    /// codes we only started selling later).
    pub fn codes_shipped_by_us(&self, until: chrono::NaiveDate) -> HashSet<Hs6> {
        self.shipments.iter().filter(|s| s.date.day <= until && s.supplier.is_some_and(|id| self.me.contains(&id))).map(|s| s.hs6).collect()
    }
}
