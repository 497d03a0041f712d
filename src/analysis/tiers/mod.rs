//! Customer value scoring and tiers A/B/C/D (DESIGN.md, "Value scoring and tiers").
//!
//! Building a [`TierModel`] does the slow part once: it measures every customer's metrics
//! ([`measure`]) at the as-of date and at past quarter ends, and normalises them across the
//! portfolio ([`normalize`]); it also learns suggested weights from those quarters ([`suggest`]).
//! [`TierModel::evaluate`] then scores and tiers under any weight profile and tier rules in
//! milliseconds, so a weight form can re-tier on every slider move.

mod candidates;
mod history;
pub mod measure;
pub mod metric;
pub mod normalize;
mod profile;
mod regression;
mod report;
mod rules;
mod service;
mod snapshot;
pub mod suggest;
mod watchlist;
mod why;

#[cfg(test)]
mod tests;

pub use candidates::{CandidateSource, GROWTH_MULTIPLE, UpgradeCandidate};
pub use history::{Direction, HistoryRow, TierEvent, TierHistory};
pub use metric::{METRICS, Metric};
pub use profile::{POTENTIAL_FIRST, ProfileError, Profiles, STABILITY_FIRST, VALUE_FIRST, WeightProfile, Weights};
pub use report::{CustomerTier, MetricValue, TierCount, TierReport, Watchlist};
pub use rules::{DEFAULT_GRACE, RulesError, Split, Tier, TierRules, assign};
pub use service::{SERVICE_FIELDS, ServicePlan, TierService};
pub use snapshot::Snapshot;
pub use suggest::{LearningPoint, Learnt, Outcome, Suggestion};
pub use watchlist::{WatchlistRules, core_watchlist};

use crate::analysis::health::{HealthSettings, View, WARM_UP};
use crate::analysis::series::{MonthGrid, build};
use crate::model::date::months_back;
use crate::model::{CompanyId, Dataset, ManualAttributes, Quarter};
use chrono::NaiveDate;
use measure::Context;
use rustc_hash::FxHashMap;

/// Past quarter ends shown in the tier history (the as-of date makes one more column).
pub const HISTORY_QUARTERS: usize = 7;
/// Past quarter ends learnt from, at most.
pub const LEARNING_QUARTERS: usize = 8;
/// How far after a quarter end the outcome is measured: the quarter ending 12 months later.
pub const LEARNING_HORIZON_MONTHS: usize = 12;
/// Quarter ends measured before the as-of date: enough for the learning quarters, which also give
/// the grace band a few quarters to settle before the history shown begins.
const QUARTERS_BACK: usize = LEARNING_HORIZON_MONTHS / 3 + LEARNING_QUARTERS - 1;

/// The portfolio measured at the as-of date and at past quarter ends.
#[derive(Debug, Clone)]
pub struct TierModel {
    /// The as-of date.
    pub as_of: NaiveDate,
    /// Customers at the as-of date.
    pub current: Snapshot,
    /// Customers at past quarter ends with a year of data before them, oldest first. Tiers are
    /// chained through all of them (the grace band needs last quarter's tier); the history shows
    /// the last [`HISTORY_QUARTERS`].
    pub quarters: Vec<Snapshot>,
    /// Quarter ends with a whole horizon after them and what their customers bought later.
    pub learning: Vec<Outcome>,
    /// What the learning quarters taught.
    pub learnt: Option<Learnt>,
    /// Display names of every customer in any snapshot.
    pub names: FxHashMap<CompanyId, String>,
}

impl TierModel {
    /// Measures every customer of ours at `as_of` and at past quarter ends, seeing only shipments
    /// on or before `as_of`. The user's 1–5 attributes are today's judgements; past quarters use
    /// them too (they have no history).
    pub fn build(data: &Dataset, as_of: NaiveDate, cfg: &HealthSettings, manual: &FxHashMap<CompanyId, ManualAttributes>) -> TierModel {
        // Five years at least: tenure and stability look further back than the health rules.
        let span = cfg.history_months().max(60) + WARM_UP;
        let ctx = Context::new(MonthGrid::new(as_of, span), data, cfg);
        let current = Snapshot::measure(&build(data, ctx.grid), ctx.grid.months - 1, &ctx, manual);

        // Past quarter ends on a calendar grid anchored at the last quarter end on or before as_of.
        let quarter = Quarter::of(as_of);
        let anchor = if quarter.last_day() == as_of { as_of } else { quarter.prev().last_day() };
        let ctx = Context::new(MonthGrid::new(anchor, span + 3 * QUARTERS_BACK), data, cfg);
        let portfolio = build(data, ctx.grid);
        let first_day = data.shipments.iter().map(|s| s.date.day).min().unwrap_or(as_of);
        let tq = ctx.grid.months - 1;
        let mut quarters = Vec::new();
        let mut learning = Vec::new();
        for k in (0..=QUARTERS_BACK).rev() {
            let t = tq - 3 * k;
            let date = ctx.grid.end_of(t);
            // A quarter end needs a year of data before it for its metrics to mean anything.
            if months_back(date, 12) < first_day || date >= as_of {
                continue;
            }
            let snapshot = Snapshot::measure(&portfolio, t, &ctx, manual);
            if snapshot.is_empty() {
                continue;
            }
            let later = t + LEARNING_HORIZON_MONTHS;
            if later <= tq {
                let outcome = snapshot
                    .measured
                    .iter()
                    .map(|m| {
                        let i = portfolio.customers.binary_search_by_key(&m.id, |s| s.customer).ok();
                        i.map_or(0.0, |i| View::new(&portfolio.customers[i], later, ctx.grid, data).ours(0, 3).dollars())
                    })
                    .collect();
                learning.push(Outcome::new(quarters.len(), outcome));
            }
            quarters.push(snapshot);
        }
        let mut names: FxHashMap<CompanyId, String> = FxHashMap::default();
        for s in quarters.iter().chain([&current]) {
            for m in &s.measured {
                names.entry(m.id).or_insert_with(|| data.name(m.id).to_string());
            }
        }
        TierModel::from_parts(as_of, current, quarters, learning, names)
    }

    /// A model from measured snapshots (learns the suggested weights).
    pub fn from_parts(
        as_of: NaiveDate,
        current: Snapshot,
        quarters: Vec<Snapshot>,
        learning: Vec<Outcome>,
        names: FxHashMap<CompanyId, String>,
    ) -> TierModel {
        let mut model = TierModel { as_of, current, quarters, learning, learnt: None, names };
        model.learnt = suggest::learn(&model.learning_points());
        model
    }

    /// The learning quarters as the suggestion reads them.
    pub fn learning_points(&self) -> Vec<LearningPoint<'_>> {
        self.learning.iter().filter_map(|outcome| Some(LearningPoint { snapshot: self.quarters.get(outcome.quarter)?, outcome })).collect()
    }

    /// A customer's display name.
    pub fn name(&self, id: CompanyId) -> String {
        self.names.get(&id).cloned().unwrap_or_else(|| format!("#{}", id.0))
    }
}
