//! The portfolio measured at one date, normalised once; scoring it with any weights is then a few
//! multiplications per customer, fast enough to re-tier on every slider move.

use super::measure::{Context, Measured, measure};
use super::metric::{METRICS, Metric};
use super::normalize::normalize;
use super::profile::Weights;
use super::rules::{Tier, TierRules, assign};
use crate::analysis::health::{Level, View};
use crate::analysis::series::Portfolio;
use crate::model::{CompanyId, ManualAttributes};
use chrono::NaiveDate;
use rustc_hash::FxHashMap;

/// Every customer of ours at one date, with raw and 0–1 metrics.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The date measured.
    pub as_of: NaiveDate,
    /// Raw metrics per customer.
    pub measured: Vec<Measured>,
    /// 0–1 metrics per customer (1 best), rows as `measured`.
    pub norm: Vec<[f64; METRICS]>,
}

impl Snapshot {
    /// Normalises measured customers.
    pub fn new(as_of: NaiveDate, measured: Vec<Measured>) -> Snapshot {
        let raw: Vec<[Option<f64>; METRICS]> = measured.iter().map(|m| m.raw).collect();
        Snapshot { as_of, norm: normalize(&raw), measured }
    }

    /// Measures every customer who bought from us in the two years to bucket `t`.
    pub fn measure(portfolio: &Portfolio, t: usize, ctx: &Context, manual: &FxHashMap<CompanyId, ManualAttributes>) -> Snapshot {
        let none = ManualAttributes::default();
        let customers: Vec<_> = portfolio.customers.iter().filter(|s| View::new(s, t, ctx.grid, ctx.data).ours(0, 24).0 > 0).collect();
        let places = ctx.markets.at(t, &customers.iter().map(|s| s.customer).collect());
        let measured =
            customers.into_iter().map(|s| measure(s, t, ctx, manual.get(&s.customer).unwrap_or(&none), places.get(&s.customer))).collect();
        Snapshot::new(ctx.grid.end_of(t), measured)
    }

    /// Number of customers.
    pub fn len(&self) -> usize {
        self.measured.len()
    }

    /// True when no customer bought from us.
    pub fn is_empty(&self) -> bool {
        self.measured.is_empty()
    }

    /// Our sales to each customer over the last 12 months (USD).
    pub fn ours_12m(&self) -> Vec<f64> {
        self.measured.iter().map(|m| m.get(Metric::Monetary).unwrap_or(0.0)).collect()
    }

    /// Each customer's score, 0–100: the weighted mean of its 0–1 metrics.
    pub fn scores(&self, weights: &Weights) -> Vec<f64> {
        let shares = weights.shares();
        self.norm.iter().map(|row| score(row, &shares)).collect()
    }

    /// Scores and tiers under the given weights and rules; `previous` holds last quarter's tiers
    /// for the grace band (empty for none).
    ///
    /// A customer that was A or B last quarter and whose health is now orange or red keeps that
    /// tier (降级保护): a falling score is the trouble the alert describes, and dropping it to C or D
    /// would take it out of sight just when it needs the senior manager.
    pub fn rank(&self, weights: &Weights, rules: &TierRules, previous: &FxHashMap<CompanyId, Tier>) -> (Vec<f64>, Vec<Tier>) {
        let scores = self.scores(weights);
        let before: Vec<Option<Tier>> = self.measured.iter().map(|m| previous.get(&m.id).copied()).collect();
        let ours = self.ours_12m();
        let mut tiers = assign(rules, &scores, &ours, &before);
        // A customer with nothing from us in a year is already lost, not one to protect.
        for (((tier, was), m), ours) in tiers.iter_mut().zip(&before).zip(&self.measured).zip(&ours) {
            if let Some(was) = *was
                && was <= Tier::B
                && *tier > was
                && m.level >= Level::Orange
                && *ours > 0.0
            {
                *tier = was;
            }
        }
        (scores, tiers)
    }
}

/// A score, 0–100, from 0–1 metrics and weight shares.
pub fn score(norm: &[f64; METRICS], shares: &[f64; METRICS]) -> f64 {
    100.0 * norm.iter().zip(shares).map(|(v, w)| v * w).sum::<f64>()
}
