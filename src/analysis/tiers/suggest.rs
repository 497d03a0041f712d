//! Suggested weights learnt from the workspace's own history: at past quarter ends, which metrics
//! ranked customers in the order of what they bought from us four quarters later?
//!
//! The model is deliberately plain so a user can check it: for each metric, the rank (Spearman)
//! correlation between its 0–1 value at a quarter end and our sales in the quarter a year later,
//! averaged over the quarters learnt from. A metric whose average is below [`MIN_RHO`] gets no
//! weight; the others get weight in proportion to it, summing to 100. Its fit is the same rank
//! correlation between the suggested score and the later sales, measured on each quarter with
//! weights learnt from the *other* quarters, so the fit is not flattered by fitting itself. The
//! user's own weights get the same measurement beside it. The manual 1–5 attributes have no history
//! (they are today's judgements), so they are not learnt.

use super::metric::{METRICS, Metric};
use super::normalize::ranks;
use super::profile::Weights;
use super::snapshot::{Snapshot, score};
use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::SerializeMap;

/// Metrics whose average correlation is below this get no suggested weight.
pub const MIN_RHO: f64 = 0.05;
/// A quarter needs this many customers to be learnt from.
pub const MIN_CUSTOMERS: usize = 8;

/// A past quarter end and what each of its customers bought from us four quarters later.
#[derive(Debug, Clone, PartialEq)]
pub struct LearningPoint<'a> {
    /// The portfolio at the quarter end.
    pub snapshot: &'a Snapshot,
    /// Our sales to each of its customers in the quarter four quarters later (USD), rows as the
    /// snapshot's.
    pub outcome: &'a [f64],
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
    let (rx, ry) = (ranks(x), ranks(y));
    let n = rx.len() as f64;
    if n < 2.0 {
        return None;
    }
    let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in rx.iter().zip(&ry) {
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
                row[m.index()] = spearman(&column, p.outcome);
            }
            row
        })
        .collect()
}

/// The mean of each metric's correlations over the chosen rows.
fn mean_rho(rows: &[[Option<f64>; METRICS]], use_row: impl Fn(usize) -> bool) -> [Option<f64>; METRICS] {
    let mut out = [None; METRICS];
    for (m, slot) in out.iter_mut().enumerate() {
        let values: Vec<f64> = rows.iter().enumerate().filter(|(i, _)| use_row(*i)).filter_map(|(_, r)| r[m]).collect();
        if !values.is_empty() {
            *slot = Some(values.iter().sum::<f64>() / values.len() as f64);
        }
    }
    out
}

/// Weights in proportion to the correlations above [`MIN_RHO`], rounded to whole numbers summing
/// to 100 (largest remainders); `None` when no metric qualifies.
fn weights_from(rho: &[Option<f64>; METRICS]) -> Option<Weights> {
    let raw: Vec<f64> = rho.iter().map(|r| r.filter(|r| *r >= MIN_RHO).unwrap_or(0.0)).collect();
    let total: f64 = raw.iter().sum();
    if total <= 0.0 {
        return None;
    }
    let exact: Vec<f64> = raw.iter().map(|r| r / total * 100.0).collect();
    let mut w: Vec<f64> = exact.iter().map(|x| x.floor()).collect();
    let mut order: Vec<usize> = (0..METRICS).collect();
    order.sort_by(|&a, &b| (exact[b] - w[b]).total_cmp(&(exact[a] - w[a])).then(a.cmp(&b)));
    let missing = 100 - w.iter().sum::<f64>() as usize;
    for &i in order.iter().take(missing) {
        w[i] += 1.0;
    }
    let mut out = [0.0; METRICS];
    out.copy_from_slice(&w);
    Some(Weights(out))
}

/// How well a weighting ranks a point's customers by their later sales.
fn fit_at(point: &LearningPoint, weights: &Weights) -> Option<f64> {
    let shares = weights.shares();
    let scores: Vec<f64> = point.snapshot.norm.iter().map(|r| score(r, &shares)).collect();
    spearman(&scores, point.outcome)
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
    let rho = mean_rho(&rows, |_| true);
    let weights = weights_from(&rho)?;
    let held_out = chosen.len() >= 2;
    let fit = if held_out {
        mean((0..chosen.len()).filter_map(|i| fit_at(chosen[i], &weights_from(&mean_rho(&rows, |j| j != i))?)))
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
        let (explanation, explanation_zh) = explain(&quarters, observations, &self.rho, self.fit, your_fit, self.held_out);
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

fn explain(
    quarters: &[NaiveDate],
    observations: usize,
    rho: &[Option<f64>; METRICS],
    fit: f64,
    your_fit: f64,
    held_out: bool,
) -> (String, String) {
    let mut strongest: Vec<(Metric, f64)> =
        Metric::ALL.into_iter().filter_map(|m| rho[m.index()].map(|r| (m, r))).filter(|(_, r)| *r >= MIN_RHO).collect();
    strongest.sort_by(|a, b| b.1.total_cmp(&a.1));
    strongest.truncate(3);
    let en_list: Vec<String> = strongest.iter().map(|(m, r)| format!("{} (ρ {r:.2})", m.label_en().to_lowercase())).collect();
    let zh_list: Vec<String> = strongest.iter().map(|(m, r)| format!("{}（ρ {r:.2}）", m.label_zh())).collect();
    let (first, last) = (quarters.first().copied().unwrap_or_default(), quarters.last().copied().unwrap_or_default());
    let how = if held_out { "on quarters held out" } else { "on the one quarter learnt from" };
    let how_zh = if held_out { "（留出季度检验）" } else { "（仅一个季度，样本内）" };
    let en = format!(
        "Learnt from {} quarter ends ({first} to {last}, {observations} customer-quarters): which metrics ranked customers by what they bought from us four quarters later. Strongest: {}. These weights ranked customers by their sales a year later at ρ {fit:.2} {how}; your weights at ρ {your_fit:.2}. A suggestion only: your weights stay in use until you change them.",
        quarters.len(),
        en_list.join(", ")
    );
    let zh = format!(
        "基于 {} 个季度末（{first} 至 {last}，共 {observations} 个客户季度）学习：哪些指标能按客户四个季度后向我方的采购额排序。最强的是：{}。按建议权重排序与一年后销售额的等级相关为 ρ {fit:.2}{how_zh}；您的权重为 ρ {your_fit:.2}。仅供参考：在您修改之前，仍使用您的权重。",
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
    fn point(rng: &mut ChaCha8Rng, n: usize, day: u32, planted: Metric) -> (Snapshot, Vec<f64>) {
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
        (Snapshot::new(NaiveDate::from_ymd_opt(2024, 3, day).expect("fixture"), measured), outcome)
    }

    #[test]
    fn recovers_a_planted_relation() {
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        let data: Vec<(Snapshot, Vec<f64>)> = (1..=6).map(|d| point(&mut rng, 120, d, Metric::Wallet)).collect();
        let points: Vec<LearningPoint> = data.iter().map(|(s, o)| LearningPoint { snapshot: s, outcome: o }).collect();
        let monetary_only = Weights::of(&[(Metric::Monetary, 100.0)]);
        let s = suggest(&points, &monetary_only).expect("enough history");
        let top = Metric::ALL.into_iter().max_by(|a, b| s.weights.get(*a).total_cmp(&s.weights.get(*b))).expect("fixture");
        assert_eq!(top, Metric::Wallet, "{:?}", s.weights);
        assert!(s.weights.get(Metric::Wallet) >= 80.0, "noise metrics stay small: {:?}", s.weights);
        assert_eq!(s.weights.total(), 100.0);
        assert!(s.fit > 0.8 && s.held_out, "fit {}", s.fit);
        assert!(s.your_fit.abs() < 0.2, "unrelated weights fit poorly: {}", s.your_fit);
        assert_eq!(s.correlations.0[Metric::Margin.index()], None, "manual attributes are not learnt");
        assert_eq!((s.quarters.len(), s.observations), (6, 720));
        assert!(s.explanation.contains("wallet") && s.explanation_zh.contains("采购总盘子"), "{}", s.explanation);
    }

    #[test]
    fn lower_is_better_metrics_are_learnt_the_right_way_round() {
        // Sales a year later are higher for customers who ordered recently (few days since).
        let mut rng = ChaCha8Rng::seed_from_u64(9);
        let data: Vec<(Snapshot, Vec<f64>)> = (1..=4)
            .map(|d| {
                let (s, _) = point(&mut rng, 80, d, Metric::Wallet);
                let outcome = s.measured.iter().map(|m| 5000.0 - m.get(Metric::Recency).unwrap_or(0.0) * 4.0).collect();
                (s, outcome)
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
