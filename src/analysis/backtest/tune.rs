//! Calibration on a firm's own history: search the thresholds that matter on the earlier part of the
//! replay, and report every candidate on the later part only — a time split, so no figure shown for
//! the later part was ever used to choose.
//!
//! The replay is measured once; each candidate threshold set is judged on the same measures (see
//! [`super::replay::Measured`]). The earlier part knows only what was known at its end: its churn
//! events are the quarters that ended by then, and an alert counts for precision only once 12 months
//! of its outcome lie inside it. The result is a trade-off (events warned against customers alarmed
//! for nothing) from which the user picks an operating point; nothing is applied by this module.

use super::events::churn_quarters;
use super::metrics::{Metrics, Scored, score};
use super::replay::{BacktestOptions, Measured, Replay, measure_replay};
use crate::analysis::health::{HealthSettings, Level, ThresholdSet, TunedOn};
use crate::model::Dataset;
use crate::model::date::months_back;
use chrono::NaiveDate;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

/// How a tuning runs.
#[derive(Debug, Clone, PartialEq)]
pub struct TuneOptions {
    /// The replay (its range and the size of a churn event).
    pub replay: BacktestOptions,
    /// The share of the replayed month ends the search may look at (the earlier part).
    pub earlier_share: f64,
    /// The last month end of the earlier part, instead of `earlier_share` (the later part may then
    /// be empty).
    pub split: Option<NaiveDate>,
    /// Fewer churn events than this in either part: too few to tune on, keep the thresholds.
    pub min_events: usize,
    /// Random candidates drawn before the frontier is refined.
    pub candidates: usize,
    /// Seed of the search (the same seed and data give the same result).
    pub seed: u64,
}

impl Default for TuneOptions {
    fn default() -> Self {
        TuneOptions { replay: BacktestOptions::default(), earlier_share: 0.6, split: None, min_events: 8, candidates: 400, seed: 1 }
    }
}

/// One threshold the search moves, with the range it searches.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Searched {
    /// The threshold's name.
    pub name: &'static str,
    /// Smallest value tried.
    pub min: f64,
    /// Largest value tried.
    pub max: f64,
}

/// The thresholds that matter most for orange and red alerts, and the ranges searched.
pub const SEARCHED: &[Searched] = &[
    Searched { name: "share_drop_orange", min: 0.05, max: 0.20 },
    Searched { name: "share_strength_orange", min: 2.0, max: 5.0 },
    Searched { name: "share_abrupt_drop", min: 0.15, max: 0.50 },
    Searched { name: "business_fall_orange", min: 0.15, max: 0.40 },
    Searched { name: "business_strength", min: 1.5, max: 4.0 },
    Searched { name: "business_quarter_fall", min: 0.05, max: 0.30 },
    Searched { name: "new_supplier_regular_months", min: 2.0, max: 6.0 },
    Searched { name: "new_supplier_orange_share", min: 0.15, max: 0.50 },
    Searched { name: "rhythm_orange_gaps", min: 1.6, max: 5.0 },
];

/// How one threshold set did on one part of the replay (orange or red alerts).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartScore {
    /// Churn events in the part.
    pub events: usize,
    /// Share of them warned in the 12 months before.
    pub recall: Option<f64>,
    /// Share of them warned at least 90 days ahead.
    pub warned_90_days: Option<f64>,
    /// Median days of warning.
    pub median_lead_days: Option<f64>,
    /// Alerted customer-months of the part followed by an event within 12 months inside the part.
    pub precision: Option<f64>,
    /// Customers without an event in the part that were orange or red at one of its month ends.
    pub false_alarm_rate: Option<f64>,
}

impl PartScore {
    /// The figures of a part, counting every month end of it: an alert shortly before the part
    /// ends counts as false even if its loss came later (the part does not know it), the same for
    /// every candidate.
    fn of(m: &Metrics) -> PartScore {
        PartScore {
            events: m.events,
            recall: m.recall,
            warned_90_days: m.warned_90_days_share,
            median_lead_days: m.median_lead_days,
            precision: m.precision_all_months,
            false_alarm_rate: m.false_alarm_rate_all_months,
        }
    }
}

/// One candidate threshold set with its scores on both parts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OperatingPoint {
    /// The thresholds (the searched ones moved, the rest as given).
    #[serde(skip)]
    pub settings: HealthSettings,
    /// The searched thresholds' values.
    pub values: Vec<(&'static str, f64)>,
    /// On the earlier part (what the search saw).
    pub earlier: PartScore,
    /// On the later part (never seen by the search).
    pub later: PartScore,
}

/// What a tuning found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tuning {
    /// The last month end of the earlier part.
    pub split: NaiveDate,
    /// The first and last month ends replayed.
    pub from: NaiveDate,
    /// Last month end.
    pub to: NaiveDate,
    /// The thresholds in use, scored the same way.
    pub current: OperatingPoint,
    /// The best trade-offs found, from fewest false alarms to most events warned.
    pub frontier: Vec<OperatingPoint>,
    /// The frontier point that warns the most events on the earlier part without more false alarms
    /// there than the thresholds in use (`None`: none does better).
    pub recommended: Option<usize>,
    /// False when either part holds fewer than the minimum events: nothing should be changed.
    pub enough_events: bool,
    /// Candidates judged.
    pub candidates: usize,
}

impl Tuning {
    /// The operating point `point` of the frontier as a threshold set to save, remembering how it
    /// did on the later part.
    pub fn threshold_set(&self, point: &OperatingPoint) -> ThresholdSet {
        let tuned = TunedOn {
            split: self.split,
            to: self.to,
            later_events: point.later.events,
            later_recall: point.later.recall,
            later_warned_90_days: point.later.warned_90_days,
            later_false_alarms: point.later.false_alarm_rate,
        };
        ThresholdSet { thresholds: point.settings.clone(), tuned: Some(tuned) }
    }
}

/// Why a tuning stopped without a result.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TuneError {
    /// The data holds no month end to replay, or no customer of ours.
    #[error("not enough history to replay")]
    NoHistory,
    /// The user cancelled.
    #[error("cancelled")]
    Cancelled,
}

impl TuneError {
    /// The error in words, for the reader's language.
    pub fn message(&self) -> crate::text::Message {
        match self {
            TuneError::NoHistory => crate::msg!("error.tune.no_history"),
            TuneError::Cancelled => crate::msg!("error.tune.cancelled"),
        }
    }
}

/// Tunes the searched thresholds of `cfg` on the earlier part of the replay. `progress` gets the
/// share done (0–1) and returns false to cancel.
pub fn tune(
    data: &Dataset,
    cfg: &HealthSettings,
    options: &TuneOptions,
    progress: &mut dyn FnMut(f64) -> bool,
) -> Result<Tuning, TuneError> {
    let measured = measure_replay(data, cfg, &options.replay).ok_or(TuneError::NoHistory)?;
    if !progress(0.2) {
        return Err(TuneError::Cancelled);
    }
    let parts = Parts::new(&measured, options).ok_or(TuneError::NoHistory)?;
    let judge = |settings: HealthSettings| parts.point(&measured, settings);
    let current = judge(cfg.clone());
    let enough_events = current.earlier.events >= options.min_events && current.later.events >= options.min_events;
    if !enough_events {
        // Nothing to learn from, nothing to check a choice on: no search.
        let (from, to) = (measured.month_ends[0], *measured.month_ends.last().unwrap_or(&parts.split));
        return Ok(Tuning { split: parts.split, from, to, current, frontier: Vec::new(), recommended: None, enough_events, candidates: 1 });
    }
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let mut points: Vec<OperatingPoint> = vec![current.clone()];
    let total = options.candidates + options.candidates / 2;
    for i in 0..options.candidates {
        if let Some(settings) = candidate(cfg, &mut rng, None) {
            points.push(judge(settings));
        }
        if i % 20 == 0 && !progress(0.2 + 0.8 * i as f64 / total as f64) {
            return Err(TuneError::Cancelled);
        }
    }
    // Refine: small moves around the frontier found so far.
    let rounds = options.candidates / 2;
    for i in 0..rounds {
        let frontier = pareto(&points);
        let around = &frontier[i % frontier.len().max(1)];
        if let Some(settings) = candidate(&around.settings, &mut rng, Some(0.15)) {
            points.push(judge(settings));
        }
        if i % 20 == 0 && !progress(0.2 + 0.8 * (options.candidates + i) as f64 / total as f64) {
            return Err(TuneError::Cancelled);
        }
    }
    let frontier = pareto(&points);
    let recommended = recommend(&frontier, &current);
    Ok(Tuning {
        split: parts.split,
        from: measured.month_ends[0],
        to: *measured.month_ends.last().unwrap_or(&parts.split),
        current,
        frontier,
        recommended,
        enough_events,
        candidates: points.len(),
    })
}

/// A random threshold set: every searched threshold drawn within its range, or (with `step`) moved
/// from `from` by up to that fraction of its range; `None` when the draw breaks an order rule.
fn candidate(from: &HealthSettings, rng: &mut ChaCha8Rng, step: Option<f64>) -> Option<HealthSettings> {
    let mut s = from.clone();
    for t in SEARCHED {
        let value = match step {
            None => t.min + (t.max - t.min) * rng.random::<f64>(),
            Some(step) => {
                let now = from.get(t.name)?;
                (now + (t.max - t.min) * step * (2.0 * rng.random::<f64>() - 1.0)).clamp(t.min, t.max)
            }
        };
        s.set(t.name, value).ok()?;
    }
    // Yellow must not be above orange: move yellow down with it.
    s.share_drop_yellow = s.share_drop_yellow.min(s.share_drop_orange);
    s.share_strength_yellow = s.share_strength_yellow.min(s.share_strength_orange);
    s.rhythm_yellow_gaps = s.rhythm_yellow_gaps.min(s.rhythm_orange_gaps);
    s.business_red_half_year = s.business_red_half_year.max(s.business_fall_orange);
    s.validate().ok().map(|()| s)
}

/// The points no other point beats on both events warned and false alarms (earlier part), from
/// fewest false alarms up; of equal points, the one warning more events earlier.
fn pareto(points: &[OperatingPoint]) -> Vec<OperatingPoint> {
    let key = |p: &OperatingPoint| {
        (p.earlier.recall.unwrap_or(0.0), p.earlier.warned_90_days.unwrap_or(0.0), -p.earlier.false_alarm_rate.unwrap_or(0.0))
    };
    let mut sorted: Vec<&OperatingPoint> = points.iter().collect();
    // Fewest false alarms first; then most recall, most early recall.
    sorted.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        kb.2.total_cmp(&ka.2).then(kb.0.total_cmp(&ka.0)).then(kb.1.total_cmp(&ka.1))
    });
    let mut out: Vec<OperatingPoint> = Vec::new();
    let mut best = (-1.0, -1.0);
    for p in sorted {
        let (recall, early, _) = key(p);
        if recall > best.0 || (recall == best.0 && early > best.1) {
            best = (recall, early);
            out.push(p.clone());
        }
    }
    out
}

/// The frontier point warning the most events on the earlier part without more false alarms there
/// than the thresholds in use, if it warns more.
fn recommend(frontier: &[OperatingPoint], current: &OperatingPoint) -> Option<usize> {
    let fa = current.earlier.false_alarm_rate.unwrap_or(0.0);
    let key = |p: &OperatingPoint| (p.earlier.recall.unwrap_or(0.0), p.earlier.warned_90_days.unwrap_or(0.0));
    let (best, point) =
        frontier.iter().enumerate().filter(|(_, p)| p.earlier.false_alarm_rate.unwrap_or(0.0) <= fa + 1e-9).max_by(|a, b| {
            let (ka, kb) = (key(a.1), key(b.1));
            ka.0.total_cmp(&kb.0).then(ka.1.total_cmp(&kb.1))
        })?;
    (key(point) > key(current)).then_some(best)
}

/// The replay cut in two, with each customer's churn events.
struct Parts {
    /// Month ends `..cut` are the earlier part.
    cut: usize,
    split: NaiveDate,
    /// Per customer: the first days of its event quarters, and the last days.
    events: Vec<Vec<(NaiveDate, NaiveDate)>>,
}

impl Parts {
    fn new(measured: &Measured, options: &TuneOptions) -> Option<Parts> {
        let n = measured.month_ends.len();
        let cut = match options.split {
            Some(split) => measured.month_ends.partition_point(|d| *d <= split),
            None => (n as f64 * options.earlier_share).round() as usize,
        }
        .clamp(1, n);
        let split = measured.month_ends[cut - 1];
        let events = measured
            .customers
            .iter()
            .map(|c| {
                let q = c.quarter_values();
                churn_quarters(q, options.replay.min_event_quarter_usd)
                    .into_iter()
                    .map(|i| (q.starts[i], crate::model::Quarter::of(q.starts[i]).last_day()))
                    .collect()
            })
            .collect();
        Some(Parts { cut, split, events })
    }

    /// A threshold set judged and scored on both parts.
    fn point(&self, measured: &Measured, settings: HealthSettings) -> OperatingPoint {
        let replay = measured.judge(&settings);
        let n = replay.month_ends.len();
        let earlier = self.score(&replay, 0..self.cut, self.split);
        let later = self.score(&replay, self.cut..n, *replay.month_ends.last().unwrap_or(&self.split));
        let values = SEARCHED.iter().map(|t| (t.name, settings.get(t.name).unwrap_or(0.0))).collect();
        OperatingPoint { settings, values, earlier: PartScore::of(&earlier), later: PartScore::of(&later) }
    }

    /// Orange-or-red alerts at the month ends `months`, against the events whose quarter began in
    /// that span and ended by `known` (the earlier part knows nothing later).
    fn score(&self, replay: &Replay, months: std::ops::Range<usize>, known: NaiveDate) -> Metrics {
        let month_ends = &replay.month_ends[months.clone()];
        let Some(first) = month_ends.first() else { return Metrics::default() };
        let start = months_back(*first, 1);
        let last = *month_ends.last().unwrap_or(first);
        let split: Vec<(Vec<NaiveDate>, Vec<NaiveDate>)> = self
            .events
            .iter()
            .map(|events| {
                let inside = events.iter().filter(|(s, e)| *s > start && *s <= last && *e <= known);
                let earlier = events.iter().filter(|(s, _)| *s <= start);
                (inside.map(|(s, _)| *s).collect(), earlier.map(|(s, _)| *s).collect())
            })
            .collect();
        let scored: Vec<Scored<'_>> = replay
            .customers
            .iter()
            .zip(&split)
            .map(|(c, (events, earlier))| Scored { active: &c.active[months.clone()], events, earlier_events: earlier })
            .collect();
        let levels: Vec<&[Level]> = replay.customers.iter().map(|c| &c.level[months.clone()]).collect();
        score(month_ends, &scored, &|c: usize, i: usize| levels[c][i] >= Level::Orange).0
    }
}

#[cfg(test)]
mod message_tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn tune_errors_speak_chinese() {
        let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for e in [TuneError::NoHistory, TuneError::Cancelled] {
            let (en, zh) = (e.message().render(Lang::En), e.message().render(Lang::Zh));
            assert!(chinese(&zh), "{zh}");
            assert_ne!(en, zh);
        }
        assert!(TuneError::NoHistory.message().render(Lang::Zh).contains("历史"));
    }
}
