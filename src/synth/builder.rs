//! What a family uses to make a portfolio: companies, countries and shipments in, a
//! [`SynthPortfolio`] with the truth out. The result is what analysis would load from a workspace
//! after importing the same rows (one spelling per company, no merges needed).

use super::truth::{baseline, event_quarter, our_quarters};
use super::{Behaviour, CustomerTruth, SynthPortfolio};
use crate::model::{Cents, Company, CompanyId, Dataset, Hs6, RecordDate, Shipment};
use chrono::NaiveDate;
use std::collections::HashMap;

/// A story counts only for a customer whose average quarter with us before it reached this (USD):
/// the backtest's minimum size of a churn event.
pub const MIN_EVENT_QUARTER_USD: f64 = 5_000.0;

/// Collects a family's portfolio.
#[derive(Debug)]
pub struct PortfolioBuilder {
    family: &'static str,
    seed: u64,
    data: Dataset,
    ids: HashMap<String, CompanyId>,
    countries: HashMap<String, u16>,
    truth: Vec<(CompanyId, Behaviour, Option<NaiveDate>)>,
    end: NaiveDate,
}

impl PortfolioBuilder {
    /// An empty portfolio of `family` made with `seed`, whose data ends on `end` (the last day of
    /// the last month generated; events are only counted in quarters ending by then).
    pub fn new(family: &'static str, seed: u64, end: NaiveDate) -> PortfolioBuilder {
        PortfolioBuilder { family, seed, data: Dataset::default(), ids: HashMap::new(), countries: HashMap::new(), truth: Vec::new(), end }
    }

    /// The company spelled `name` (the same id for the same name).
    pub fn company(&mut self, name: &str) -> CompanyId {
        if let Some(id) = self.ids.get(name) {
            return *id;
        }
        let id = CompanyId(self.ids.len() as i64 + 1);
        self.ids.insert(name.to_string(), id);
        let company = Company { id, name: name.to_string(), aliases: vec![name.to_string()], keys: vec![name.to_lowercase()] };
        self.data.companies.insert(id, company);
        id
    }

    /// The name a company was created with.
    pub fn name(&self, id: CompanyId) -> &str {
        self.data.name(id)
    }

    /// Our own firm, under the spelling `name` (call once per spelling).
    pub fn us(&mut self, name: &str) -> CompanyId {
        let id = self.company(name);
        self.data.me.insert(id);
        id
    }

    /// A rival supplier; `declared` when the user told the app it is a competitor.
    pub fn rival(&mut self, name: &str, declared: bool) -> CompanyId {
        let id = self.company(name);
        if declared {
            self.data.competitors.insert(id);
        }
        id
    }

    /// The index of a country (origin or destination).
    pub fn country(&mut self, name: &str) -> u16 {
        if let Some(i) = self.countries.get(name) {
            return *i;
        }
        let i = self.data.countries.len() as u16;
        self.data.countries.push(name.to_string());
        self.countries.insert(name.to_string(), i);
        i
    }

    /// Declares a catalog entry (a digit prefix: "7318", "731815"); without any, the catalog is
    /// every code we shipped, as for a user who never set one.
    pub fn catalog(&mut self, prefix: &str) {
        self.data.catalog.push(prefix.to_string());
    }

    /// One shipment of `usd` dollars of the 6-digit code `hs6` on `day`. Shipments after the
    /// portfolio's end or of no value are ignored.
    #[allow(clippy::too_many_arguments)]
    pub fn ship(
        &mut self,
        day: NaiveDate,
        buyer: CompanyId,
        supplier: Option<CompanyId>,
        hs6: u32,
        usd: f64,
        weight_kg: Option<f64>,
        origin: Option<u16>,
        destination: Option<u16>,
    ) {
        let Some(value) = Cents::from_dollars(usd) else { return };
        if day > self.end || value.0 <= 0 {
            return;
        }
        self.data.shipments.push(Shipment {
            date: RecordDate::day(day),
            buyer,
            supplier,
            hs6: Hs6(hs6),
            value,
            weight_kg,
            origin,
            destination,
        });
    }

    /// Records what a customer of ours was made to do; `onset` for stories (when the change began).
    pub fn customer(&mut self, id: CompanyId, behaviour: Behaviour, onset: Option<NaiveDate>) {
        self.truth.push((id, behaviour, onset));
    }

    /// The portfolio, with each story's churn event derived from the shipments.
    pub fn finish(self) -> SynthPortfolio {
        let quarters = our_quarters(&self.data);
        let empty = HashMap::new();
        let customers = self
            .truth
            .into_iter()
            .map(|(id, behaviour, onset)| {
                let ours = quarters.get(&id).unwrap_or(&empty);
                let story = onset.filter(|_| behaviour.is_story());
                let event = story.and_then(|o| event_quarter(ours, o, self.end));
                let scored = story.is_none_or(|o| baseline(ours, o) >= MIN_EVENT_QUARTER_USD);
                CustomerTruth { id, behaviour, onset, event, scored }
            })
            .collect();
        SynthPortfolio { family: self.family, seed: self.seed, dataset: self.data, customers }
    }
}
