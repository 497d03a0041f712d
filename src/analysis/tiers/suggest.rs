//! Suggested weights learnt from the workspace's own history: at past quarter ends, which metrics
//! ranked customers in the order of what they bought from us four quarters later?
//!
//! The model is deliberately plain so a user can check it. The evidence shown per metric is its
//! rank (Spearman) correlation with our sales in the quarter a year later, averaged over the
//! quarters learnt from. The weights come from a standardised rank regression of those later sales
//! on all metrics at once ([`super::regression`]): each metric gets its own contribution once the
//! others are known, so metrics that move together (our sales, wallet, headroom) are not counted
//! several times over. Only metrics that on their own point the right way take part. The weights
//! are scaled back to the 0–1 values profiles weigh and rounded to sum 100.
//!
//! Its fit is the rank correlation between the suggested score and the later sales, measured on
//! each quarter with weights learnt from the *other* quarters, so the fit is not flattered by
//! fitting itself (neighbouring quarters share customers, so it is still somewhat optimistic). The
//! user's weights get the same measurement beside it, with the manual 1–5 attributes left neutral:
//! they are today's judgements, made with hindsight, and have no history to learn from.

use super::metric::{METRICS, Metric};
use super::normalize::{NEUTRAL, ranks};
use super::profile::Weights;
use super::regression::{Moments, fit, standardise};
use super::snapshot::{Snapshot, score};
use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::SerializeMap;

/// Metrics whose average correlation with later sales is below this take no part in the regression.
pub const MIN_RHO: f64 = 0.05;
/// Ridge strength of the regression (per row, on standardised columns).
const RIDGE: f64 = 0.05;
/// The strongest metrics named in the explanation need at least this weight.
const NAMED_WEIGHT: f64 = 5.0;
/// A quarter needs this many customers to be learnt from.
pub const MIN_CUSTOMERS: usize = 8;

/// What each customer of a past quarter end bought from us four quarters later, with its ranks
/// (computed once: every fit compares against them).
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Index of the quarter end in the model's quarters.
    pub quarter: usize,
    /// Our sales to each of its customers in the quarter four quarters later (USD), rows as the
    /// snapshot's.
    pub sales: Vec<f64>,
    /// Their ranks.
    pub ranks: Vec<f64>,
}

impl Outcome {
    /// The outcome of quarter `quarter`.
    pub fn new(quarter: usize, sales: Vec<f64>) -> Outcome {
        Outcome { quarter, ranks: ranks(&sales), sales }
    }
}

/// A past quarter end and what each of its customers bought from us four quarters later.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LearningPoint<'a> {
    /// The portfolio at the quarter end.
    pub snapshot: &'a Snapshot,
    /// The later sales, rows as the snapshot's.
    pub outcome: &'a Outcome,
}

/// One value per metric, written as a JSON object by metric name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PerMetric<T>(pub [T; METRICS]);

impl<T: Serialize> Serialize for PerMetric<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(METRICS))?;
        for m in Metric::ALL {
            map.serialize_entry(m.key(), &self.0[m.index()])?;
        }
        map.end()
    }
}

/// The suggestion, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// The quarter ends learnt from.
    pub quarters: Vec<NaiveDate>,
    /// Customer-quarters learnt from.
    pub observations: usize,
    /// Each metric's average rank correlation with our sales a year later (`None`: not learnt).
    pub correlations: PerMetric<Option<f64>>,
    /// The suggested weights (sum 100).
    pub weights: Weights,
    /// Rank correlation of the suggested score with our sales a year later, on quarters held out
    /// (in-sample when only one quarter could be learnt from).
    pub fit: f64,
    /// The same for the user's weights.
    pub your_fit: f64,
    /// False when the fit could only be measured on the quarter learnt from.
    pub held_out: bool,
    /// The suggestion in plain English.
    pub explanation: String,
    /// The suggestion in Chinese.
    pub explanation_zh: String,
}

/// Rank correlation of two equally long series; `None` when either is constant.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    pearson(&ranks(x), &ranks(y))
}

/// Linear correlation; `None` when either series is constant.
fn pearson(rx: &[f64], ry: &[f64]) -> Option<f64> {
    let n = rx.len() as f64;
    if n < 2.0 {
        return None;
    }
    let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in rx.iter().zip(ry) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx).powi(2);
        syy += (b - my).powi(2);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// Each learnable metric's correlation at each point (rows: points).
fn correlations(points: &[&LearningPoint]) -> Vec<[Option<f64>; METRICS]> {
    points
        .iter()
        .map(|p| {
            let mut row = [None; METRICS];
            for m in Metric::ALL.into_iter().filter(|m| !m.is_manual()) {
                let column: Vec<f64> = p.snapshot.norm.iter().map(|r| r[m.index()]).collect();
                row[m.index()] = pearson(&ranks(&column), &p.outcome.ranks);
            }
            row
        })
        .collect()
}

/// The mean of each metric's correlations over the rows.
fn mean_rho(rows: &[[Option<f64>; METRICS]]) -> [Option<f64>; METRICS] {
    let mut out = [None; METRICS];
    for (m, slot) in out.iter_mut().enumerate() {
        let values: Vec<f64> = rows.iter().filter_map(|r| r[m]).collect();
        if !values.is_empty() {
            *slot = Some(values.iter().sum::<f64>() / values.len() as f64);
        }
    }
    out
}

/// A quarter's regression moments and the spread of each metric's 0–1 values.
fn moments(point: &LearningPoint) -> (Moments, [f64; METRICS]) {
    let mut columns: [Vec<f64>; METRICS] = Default::default();
    let mut spread = [0.0; METRICS];
    for m in Metric::ALL.into_iter().filter(|m| !m.is_manual()) {
        let column: Vec<f64> = point.snapshot.norm.iter().map(|r| r[m.index()]).collect();
        let n = column.len().max(1) as f64;
        let mean = column.iter().sum::<f64>() / n;
        spread[m.index()] = (column.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n).sqrt();
        columns[m.index()] = standardise(&column);
    }
    (Moments::of(&columns, &standardise(&point.outcome.ranks)), spread)
}

/// Profile weights from the regression over the chosen quarters: coefficients of standardised
/// columns divided by the columns' spread (so they weigh 0–1 values), rounded to whole numbers
/// summing to 100 by largest remainders; `None` when nothing predicts. Only metrics that on their
/// own point the right way (average correlation at least [`MIN_RHO`]) take part, so no weight ever
/// sits beside a correlation of the opposite sign.
fn weights_from(parts: &[(Moments, [f64; METRICS])], rows: &[[Option<f64>; METRICS]], use_part: impl Fn(usize) -> bool) -> Option<Weights> {
    let chosen: Vec<&(Moments, [f64; METRICS])> = parts.iter().enumerate().filter(|(i, _)| use_part(*i)).map(|(_, p)| p).collect();
    let pooled = chosen.iter().fold(Moments::default(), |acc, (m, _)| acc.plus(m));
    let kept: Vec<[Option<f64>; METRICS]> = rows.iter().enumerate().filter(|(i, _)| use_part(*i)).map(|(_, r)| *r).collect();
    let rho = mean_rho(&kept);
    let learnable = Metric::ALL.map(|m| !m.is_manual() && rho[m.index()].is_some_and(|r| r >= MIN_RHO));
    let beta = fit(&pooled, &learnable, RIDGE)?;
    let raw: Vec<f64> = (0..METRICS)
        .map(|m| {
            let spread = chosen.iter().map(|(_, s)| s[m]).sum::<f64>() / chosen.len().max(1) as f64;
            if spread > 1e-9 { beta[m] / spread } else { 0.0 }
        })
        .collect();
    let total: f64 = raw.iter().sum();
    if total <= 0.0 {
        return None;
    }
    let exact: Vec<f64> = raw.iter().map(|r| r / total * 100.0).collect();
    let mut w: Vec<f64> = exact.iter().map(|x| x.floor()).collect();
    let mut order: Vec<usize> = (0..METRICS).collect();
    order.sort_by(|&a, &b| (exact[b] - w[b]).total_cmp(&(exact[a] - w[a])).then(a.cmp(&b)));
    let missing = 100usize.saturating_sub(w.iter().sum::<f64>() as usize);
    for &i in order.iter().take(missing) {
        w[i] += 1.0;
    }
    let mut out = [0.0; METRICS];
    out.copy_from_slice(&w);
    Some(Weights(out))
}

/// How well a weighting ranks a point's customers by their later sales, with the manual
/// attributes neutral (they have no history).
fn fit_at(point: &LearningPoint, weights: &Weights) -> Option<f64> {
    let shares = weights.shares();
    let scores: Vec<f64> = point
        .snapshot
        .norm
        .iter()
        .map(|r| {
            let mut row = *r;
            for m in Metric::ALL.into_iter().filter(|m| m.is_manual()) {
                row[m.index()] = NEUTRAL;
            }
            score(&row, &shares)
        })
        .collect();
    pearson(&ranks(&scores), &point.outcome.ranks)
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// What history taught, before comparing with anyone's weights (computed once per portfolio).
#[derive(Debug, Clone, PartialEq)]
pub struct Learnt {
    /// Indices of the points learnt from (those with enough customers).
    pub used: Vec<usize>,
    /// Average correlation per metric.
    pub rho: [Option<f64>; METRICS],
    /// The suggested weights.
    pub weights: Weights,
    /// Held-out (or in-sample) fit of the suggested weights.
    pub fit: f64,
    /// True when the fit was measured on held-out quarters.
    pub held_out: bool,
}

/// Learns suggested weights from the points with enough customers; `None` when there is not enough
/// history (no such point, or no metric related to later sales).
pub fn learn(points: &[LearningPoint]) -> Option<Learnt> {
    let used: Vec<usize> = (0..points.len()).filter(|&i| points[i].snapshot.len() >= MIN_CUSTOMERS).collect();
    let chosen: Vec<&LearningPoint> = used.iter().map(|&i| &points[i]).collect();
    let rows = correlations(&chosen);
    let rho = mean_rho(&rows);
    let parts: Vec<(Moments, [f64; METRICS])> = chosen.iter().map(|p| moments(p)).collect();
    let weights = weights_from(&parts, &rows, |_| true)?;
    let held_out = chosen.len() >= 2;
    let fit = if held_out {
        mean((0..chosen.len()).filter_map(|i| fit_at(chosen[i], &weights_from(&parts, &rows, |j| j != i)?)))
    } else {
        mean(chosen.iter().filter_map(|p| fit_at(p, &weights)))
    };
    Some(Learnt { used, rho, weights, fit, held_out })
}

impl Learnt {
    /// The suggestion shown beside `yours`, with both fits measured on the same quarters.
    pub fn against(&self, points: &[LearningPoint], yours: &Weights) -> Suggestion {
        let chosen: Vec<&LearningPoint> = self.used.iter().filter_map(|&i| points.get(i)).collect();
        let your_fit = mean(chosen.iter().filter_map(|p| fit_at(p, yours)));
        let quarters: Vec<NaiveDate> = chosen.iter().map(|p| p.snapshot.as_of).collect();
        let observations = chosen.iter().map(|p| p.snapshot.len()).sum();
        let (explanation, explanation_zh) = explain(&quarters, observations, self, your_fit);
        Suggestion {
            quarters,
            observations,
            correlations: PerMetric(self.rho),
            weights: self.weights,
            fit: self.fit,
            your_fit,
            held_out: self.held_out,
            explanation,
            explanation_zh,
        }
    }
}

/// Learns and compares in one go (see [`learn`] and [`Learnt::against`]).
pub fn suggest(points: &[LearningPoint], yours: &Weights) -> Option<Suggestion> {
    Some(learn(points)?.against(points, yours))
}

fn explain(quarters: &[NaiveDate], observations: usize, learnt: &Learnt, your_fit: f64) -> (String, String) {
    let mut named: Vec<Metric> = Metric::ALL.into_iter().filter(|m| learnt.weights.get(*m) >= NAMED_WEIGHT).collect();
    named.sort_by(|a, b| learnt.weights.get(*b).total_cmp(&learnt.weights.get(*a)));
    named.truncate(3);
    let rho = |m: Metric| learnt.rho[m.index()].map_or("–".to_string(), |r| format!("{r:.2}"));
    let en_list: Vec<String> =
        named.iter().map(|m| format!("{} (weight {:.0}, ρ {})", m.label_en().to_lowercase(), learnt.weights.get(*m), rho(*m))).collect();
    let zh_list: Vec<String> =
        named.iter().map(|m| format!("{}（权重 {:.0}，ρ {}）", m.label_zh(), learnt.weights.get(*m), rho(*m))).collect();
    let (first, last) = (quarters.first().copied().unwrap_or_default(), quarters.last().copied().unwrap_or_default());
    let fit = learnt.fit;
    let how = if learnt.held_out {
        "on quarters held out (neighbouring quarters share customers, so this is somewhat optimistic)"
    } else {
        "on the one quarter learnt from"
    };
    let how_zh = if learnt.held_out {
        "（留出季度检验；相邻季度客户重叠，结果略偏乐观）"
    } else {
        "（仅一个季度，样本内）"
    };
    let en = format!(
        "Learnt from {} quarter ends ({first} to {last}, {observations} customer-quarters) by a standardised rank regression: which metrics, taken together, ranked customers by what they bought from us four quarters later. Metrics that move together share one contribution. Strongest: {}. These weights ranked customers by their sales a year later at ρ {fit:.2} {how}; your weights at ρ {your_fit:.2} (your 1–5 ratings left neutral: they have no history). A suggestion only: your weights stay in use until you change them.",
        quarters.len(),
        en_list.join(", ")
    );
    let zh = format!(
        "基于 {} 个季度末（{first} 至 {last}，共 {observations} 个客户季度），用标准化等级回归学习：哪些指标合在一起最能按客户四个季度后向我方的采购额排序；相互联动的指标共享一份贡献。最强的是：{}。按建议权重排序与一年后销售额的等级相关为 ρ {fit:.2}{how_zh}；您的权重为 ρ {your_fit:.2}（手工评分没有历史，按中性计）。仅供参考：在您修改之前，仍使用您的权重。",
        quarters.len(),
        zh_list.join("、")
    );
    (en, zh)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::health::Level;
    use crate::analysis::tiers::measure::Measured;
    use crate::model::CompanyId;
    use rand::{RngExt, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn spearman_of_monotone_and_reversed_series() {
        assert_eq!(spearman(&[1.0, 2.0, 3.0], &[10.0, 200.0, 3000.0]), Some(1.0));
        assert_eq!(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), Some(-1.0));
        assert_eq!(spearman(&[1.0, 1.0, 1.0], &[3.0, 2.0, 1.0]), None);
    }

    /// A quarter of `n` customers with random metrics, whose sales a year later follow `planted`.
    fn point(rng: &mut ChaCha8Rng, n: usize, day: u32, planted: Metric) -> (Snapshot, Outcome) {
        let measured: Vec<Measured> = (0..n)
            .map(|i| {
                let mut raw = [None; METRICS];
                for m in Metric::ALL.into_iter().filter(|m| !m.is_manual()) {
                    raw[m.index()] = Some(rng.random_range(0.0..1000.0));
                }
                raw[Metric::Health.index()] = Some(f64::from(rng.random_range(0..4u8)));
                raw[Metric::Recency.index()] = Some(rng.random_range(0.0..360.0));
                Measured { id: CompanyId(i as i64), raw, level: Level::Green, growth_signal: None, ours_6m: 0.0, ours_prior_6m: 0.0 }
            })
            .collect();
        let outcome = measured.iter().map(|m| m.get(planted).unwrap_or(0.0) * 3.0 + rng.random_range(0.0..400.0)).collect();
        (Snapshot::new(NaiveDate::from_ymd_opt(2024, 3, day).expect("fixture"), measured), Outcome::new(0, outcome))
    }

    #[test]
    fn recovers_a_planted_relation() {
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        let data: Vec<(Snapshot, Outcome)> = (1..=6).map(|d| point(&mut rng, 120, d, Metric::Wallet)).collect();
        let points: Vec<LearningPoint> = data.iter().map(|(s, o)| LearningPoint { snapshot: s, outcome: o }).collect();
        let monetary_only = Weights::of(&[(Metric::Monetary, 100.0)]);
        let s = suggest(&points, &monetary_only).expect("enough history");
        let top = Metric::ALL.into_iter().max_by(|a, b| s.weights.get(*a).total_cmp(&s.weights.get(*b))).expect("fixture");
        assert_eq!(top, Metric::Wallet, "{:?}", s.weights);
        assert!(s.weights.get(Metric::Wallet) >= 70.0, "noise metrics stay small: {:?}", s.weights);
        assert_eq!(s.weights.total(), 100.0);
        assert!(s.fit > 0.8 && s.held_out, "fit {}", s.fit);
        assert!(s.your_fit.abs() < 0.2, "unrelated weights fit poorly: {}", s.your_fit);
        assert_eq!(s.correlations.0[Metric::Margin.index()], None, "manual attributes are not learnt");
        assert_eq!((s.quarters.len(), s.observations), (6, 720));
        assert!(s.explanation.contains("all it buys of our kind") && s.explanation_zh.contains("同类产品采购总额"), "{}", s.explanation);
    }

    #[test]
    fn lower_is_better_metrics_are_learnt_the_right_way_round() {
        // Sales a year later are higher for customers who ordered recently (few days since).
        let mut rng = ChaCha8Rng::seed_from_u64(9);
        let data: Vec<(Snapshot, Outcome)> = (1..=4)
            .map(|d| {
                let (s, _) = point(&mut rng, 80, d, Metric::Wallet);
                let outcome = s.measured.iter().map(|m| 5000.0 - m.get(Metric::Recency).unwrap_or(0.0) * 4.0).collect();
                (s, Outcome::new(0, outcome))
            })
            .collect();
        let points: Vec<LearningPoint> = data.iter().map(|(s, o)| LearningPoint { snapshot: s, outcome: o }).collect();
        let s = suggest(&points, &Weights::of(&[(Metric::Recency, 1.0)])).expect("fixture");
        assert!(s.weights.get(Metric::Recency) >= 80.0, "{:?}", s.weights);
        assert!(s.your_fit > 0.95);
    }

    #[test]
    fn no_suggestion_without_enough_customers() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let (s, o) = point(&mut rng, MIN_CUSTOMERS - 1, 1, Metric::Wallet);
        assert!(suggest(&[LearningPoint { snapshot: &s, outcome: &o }], &Weights::of(&[(Metric::Monetary, 1.0)])).is_none());
    }
}
