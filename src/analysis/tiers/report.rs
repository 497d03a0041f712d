//! The tier report: every customer's tier and score with each metric's raw value, 0–1 value,
//! weight and points, so a user can see why a customer landed where it did; the distribution, the
//! core watchlist, the history and its events, upgrade candidates and the suggested weights.

use super::candidates::{UpgradeCandidate, upgrade_candidates};
use super::history::{TierEvent, TierHistory, tier_history};
use super::metric::{METRICS, Metric};
use super::profile::WeightProfile;
use super::rules::{Split, Tier, TierRules, assign};
use super::suggest::{PerMetric, Suggestion};
use super::watchlist::core_watchlist;
use super::{HISTORY_QUARTERS, LEARNING_HORIZON_MONTHS, TierModel};
use crate::analysis::health::Level;
use crate::model::CompanyId;
use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// One metric of one customer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct MetricValue {
    /// The raw value (USD, days, months, fractions, levels 0–3, ratings 1–5); `None` when missing.
    pub raw: Option<f64>,
    /// The 0–1 value (1 best) the score uses.
    pub normalized: f64,
    /// The profile's weight.
    pub weight: f64,
    /// Points it adds to the score (0–100 in all).
    pub points: f64,
}

/// One customer's place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerTier {
    /// Company id.
    #[serde(skip)]
    pub id: CompanyId,
    /// Display name.
    pub customer: String,
    /// Its tier.
    pub tier: Tier,
    /// The tier is last quarter's, kept by the grace band (its score alone would place it elsewhere).
    pub held: bool,
    /// Its score, 0–100.
    pub score: f64,
    /// 1 for the best score.
    pub rank: usize,
    /// Our sales over the last 12 months (USD).
    pub our_sales_12m: f64,
    /// Health colour.
    pub level: Level,
    /// On the core watchlist.
    pub core: bool,
    /// Valuable (tier A or B, or on the watchlist) and its health orange or red: keep its tier and
    /// act to retain it (降级保护), rather than let it slide out of sight.
    pub protect: bool,
    /// The tier its score alone would give (differs from `tier` when `held`).
    pub fresh: Tier,
    /// Every metric, by name.
    pub metrics: PerMetric<MetricValue>,
}

impl CustomerTier {
    /// The metrics adding the most points where it scores well (0–1 above ½), best first.
    pub fn strongest(&self, n: usize) -> Vec<Metric> {
        let v = |m: &Metric| self.metrics.0[m.index()];
        let mut ms: Vec<Metric> =
            Metric::ALL.into_iter().filter(|m| v(m).weight > 0.0 && v(m).raw.is_some() && v(m).normalized > 0.5).collect();
        ms.sort_by(|a, b| v(b).points.total_cmp(&v(a).points));
        ms.truncate(n);
        ms
    }

    /// The weighted metrics where it scores poorly (0–1 below ½), weakest first; missing values are
    /// neutral, not weak, and left out.
    pub fn weakest(&self, n: usize) -> Vec<Metric> {
        let v = |m: &Metric| self.metrics.0[m.index()];
        let mut ms: Vec<Metric> =
            Metric::ALL.into_iter().filter(|m| v(m).weight > 0.0 && v(m).raw.is_some() && v(m).normalized < 0.5).collect();
        ms.sort_by(|a, b| v(a).normalized.total_cmp(&v(b).normalized).then(v(b).weight.total_cmp(&v(a).weight)));
        ms.truncate(n);
        ms
    }
}

/// How many customers, and how much of our sales, each tier holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierCount {
    /// The tier.
    pub tier: Tier,
    /// Customers in it.
    pub customers: usize,
    /// Our sales to them over the last 12 months (USD).
    pub our_sales_12m: f64,
    /// Their share of our sales.
    pub share_of_sales: f64,
}

/// The top customers making up most of our sales (see [`super::WatchlistRules`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Watchlist {
    /// Their names, largest first.
    pub customers: Vec<String>,
    /// How many.
    pub count: usize,
    /// Out of how many customers.
    pub of_customers: usize,
    /// The share of our sales they make up (at least the rules' cover unless the cap cut it).
    pub share_of_sales: f64,
    /// The cap stopped the list before it reached the share of sales asked for.
    pub capped: bool,
}

/// The whole tier report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierReport {
    /// The as-of date.
    pub as_of: NaiveDate,
    /// The weights used.
    pub profile: WeightProfile,
    /// The tier rules used.
    pub rules: TierRules,
    /// Customers, best score first.
    pub customers: Vec<CustomerTier>,
    /// Per tier, A to D.
    pub distribution: Vec<TierCount>,
    /// The score that reaches A, B and C: the cut-offs, or under quantiles the lowest score its score
    /// alone placed in each (`None` for an empty tier).
    pub floors: [Option<f64>; 3],
    /// The core watchlist.
    pub watchlist: Watchlist,
    /// Tiers at past quarter ends and now.
    pub history: TierHistory,
    /// Tier changes, newest first.
    pub events: Vec<TierEvent>,
    /// Customers below A whose business with us is taking off.
    pub upgrade_candidates: Vec<UpgradeCandidate>,
    /// Weights learnt from history, beside the profile's; `None` without enough history.
    pub suggested: Option<Suggestion>,
    /// Why there is no suggestion, when there is none.
    pub suggestion_note: Option<String>,
}

impl TierModel {
    /// Scores and tiers every customer under a profile and rules. Cheap: the metrics were measured
    /// and normalised when the model was built.
    pub fn evaluate(&self, profile: &WeightProfile, rules: &TierRules) -> TierReport {
        let weights = &profile.weights;
        let shares = weights.shares();
        // Past quarters in order, each tiered with the grace band from the one before.
        let mut columns: Vec<(NaiveDate, FxHashMap<CompanyId, Tier>)> = Vec::with_capacity(self.quarters.len() + 1);
        let empty = FxHashMap::default();
        for s in &self.quarters {
            let tiers = s.rank(weights, rules, columns.last().map_or(&empty, |(_, t)| t)).1;
            columns.push((s.as_of, s.measured.iter().map(|m| m.id).zip(tiers).collect()));
        }
        let (scores, tiers) = self.current.rank(weights, rules, columns.last().map_or(&empty, |(_, t)| t));
        columns.push((self.as_of, self.current.measured.iter().map(|m| m.id).zip(tiers.iter().copied()).collect()));
        let ours = self.current.ours_12m();
        let fresh = assign(rules, &scores, &ours, &[]);
        let core: Vec<bool> = {
            let mut flags = vec![false; ours.len()];
            core_watchlist(&ours, &rules.watchlist).into_iter().for_each(|i| flags[i] = true);
            flags
        };
        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(ours[b].total_cmp(&ours[a])).then(a.cmp(&b)));
        let customers: Vec<CustomerTier> = order
            .iter()
            .enumerate()
            .map(|(rank, &i)| {
                let m = &self.current.measured[i];
                let norm = &self.current.norm[i];
                let mut metrics = [MetricValue::default(); METRICS];
                for k in Metric::ALL {
                    let j = k.index();
                    metrics[j] =
                        MetricValue { raw: m.raw[j], normalized: norm[j], weight: weights.0[j], points: 100.0 * norm[j] * shares[j] };
                }
                CustomerTier {
                    id: m.id,
                    customer: self.name(m.id),
                    tier: tiers[i],
                    // Kept above where its score alone would place it (a customer pushed down by
                    // another's grace allowance is not "held").
                    held: tiers[i] < fresh[i],
                    fresh: fresh[i],
                    score: scores[i],
                    rank: rank + 1,
                    our_sales_12m: ours[i],
                    level: m.level,
                    core: core[i],
                    protect: (tiers[i] <= Tier::B || core[i]) && m.level >= Level::Orange && ours[i] > 0.0,
                    metrics: PerMetric(metrics),
                }
            })
            .collect();
        let total: f64 = ours.iter().sum();
        let share = |x: f64| if total > 0.0 { x / total } else { 0.0 };
        let distribution = Tier::ALL
            .into_iter()
            .map(|t| {
                // Plus zero: an empty float sum is −0, which would print as "-0%".
                let sales: f64 = customers.iter().filter(|c| c.tier == t).map(|c| c.our_sales_12m).sum::<f64>() + 0.0;
                TierCount {
                    tier: t,
                    customers: customers.iter().filter(|c| c.tier == t).count(),
                    our_sales_12m: sales,
                    share_of_sales: share(sales),
                }
            })
            .collect();
        let mut on_list: Vec<&CustomerTier> = customers.iter().filter(|c| c.core).collect();
        on_list.sort_by(|a, b| b.our_sales_12m.total_cmp(&a.our_sales_12m));
        let covered = share(on_list.iter().map(|c| c.our_sales_12m).sum());
        let watchlist = Watchlist {
            count: on_list.len(),
            of_customers: customers.len(),
            share_of_sales: covered,
            capped: total > 0.0 && covered < rules.watchlist.cover - 1e-9,
            customers: on_list.iter().map(|c| c.customer.clone()).collect(),
        };
        let floors = match rules.split {
            Split::Cutoffs { a, b, c } => [Some(a), Some(b), Some(c)],
            Split::Quantiles { .. } => {
                [Tier::A, Tier::B, Tier::C].map(|t| (0..scores.len()).filter(|&i| fresh[i] == t).map(|i| scores[i]).min_by(f64::total_cmp))
            }
        };
        let shown = columns.len().saturating_sub(HISTORY_QUARTERS + 1);
        let (history, events) = tier_history(&columns[shown..], |id| self.name(id));
        let upgrade_candidates = upgrade_candidates(&self.current.measured, &tiers, |m| self.name(m.id));
        let points = self.learning_points();
        let suggested = self.learnt.as_ref().map(|l| l.against(&points, weights));
        let suggestion_note = suggested.is_none().then(|| {
            format!(
                "not enough history to learn from: it takes quarter ends with at least {} customers, a year of purchases before them and {LEARNING_HORIZON_MONTHS} months after",
                super::suggest::MIN_CUSTOMERS
            )
        });
        TierReport {
            as_of: self.as_of,
            profile: profile.clone(),
            rules: *rules,
            customers,
            distribution,
            floors,
            watchlist,
            history,
            events,
            upgrade_candidates,
            suggested,
            suggestion_note,
        }
    }
}
