//! Putting every metric on a common 0–1 scale where 1 is best, robust to a few giant customers.
//!
//! Money and counts are skewed: one customer buying a hundred times the median would squash
//! everyone else near zero on a min–max scale. So most metrics are scored by **percentile rank**
//! across the portfolio: the customer's mid-rank `(rank − ½) / n`, ties sharing their average rank,
//! so the giant scores just under 1 and the order of the others is kept. The health level and the
//! 1–5 ratings are scored on their **fixed scale** instead (green = 1 … red = 0; rating 1 = 0 …
//! 5 = 1), because their meaning does not depend on the other customers. Metrics where less is
//! better (days since the last order, variation, level, risk, complexity) are flipped. A missing
//! value (no prior year, no category purchases, a rating not set) scores ½: neutral.

use super::metric::{METRICS, Metric, Scale};

/// The neutral score of a missing value.
pub const NEUTRAL: f64 = 0.5;

/// Average ranks (1-based) of `values`, ties sharing the mean of their positions.
pub fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut out = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let mean = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            out[k] = mean;
        }
        i = j + 1;
    }
    out
}

/// The 0–1 scores of one metric's raw values across the portfolio.
pub fn normalize_metric(metric: Metric, raw: &[Option<f64>]) -> Vec<f64> {
    let mut out = vec![NEUTRAL; raw.len()];
    match metric.scale() {
        Scale::Rank => {
            let (at, present): (Vec<usize>, Vec<f64>) = raw.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).unzip();
            let n = present.len() as f64;
            for (i, r) in at.into_iter().zip(ranks(&present)) {
                out[i] = (r - 0.5) / n;
            }
        }
        Scale::Fixed { worst_or_least, most } => {
            for (o, v) in out.iter_mut().zip(raw) {
                if let Some(v) = v {
                    *o = ((v - worst_or_least) / (most - worst_or_least)).clamp(0.0, 1.0);
                }
            }
        }
    }
    if !metric.higher_is_better() {
        for (o, v) in out.iter_mut().zip(raw) {
            if v.is_some() {
                *o = 1.0 - *o;
            }
        }
    }
    out
}

/// The 0–1 scores of every metric of every customer (rows follow `raw`).
pub fn normalize(raw: &[[Option<f64>; METRICS]]) -> Vec<[f64; METRICS]> {
    let mut out = vec![[NEUTRAL; METRICS]; raw.len()];
    let mut column = Vec::with_capacity(raw.len());
    for m in Metric::ALL {
        column.clear();
        column.extend(raw.iter().map(|r| r[m.index()]));
        for (row, v) in out.iter_mut().zip(normalize_metric(m, &column)) {
            row[m.index()] = v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_share_their_average_rank() {
        assert_eq!(ranks(&[10.0, 30.0, 10.0, 20.0]), vec![1.5, 4.0, 1.5, 3.0]);
    }

    #[test]
    fn a_giant_customer_does_not_squash_the_others() {
        let raw = [Some(100.0), Some(200.0), Some(300.0), Some(1e9)];
        let scores = normalize_metric(Metric::Monetary, &raw);
        assert_eq!(scores, vec![0.125, 0.375, 0.625, 0.875]);
    }

    #[test]
    fn less_is_better_metrics_are_flipped_and_missing_is_neutral() {
        let days = [Some(5.0), Some(400.0), None];
        let scores = normalize_metric(Metric::Recency, &days);
        assert!(scores[0] > scores[1], "a recent order scores higher: {scores:?}");
        assert_eq!(scores[2], NEUTRAL);
    }

    #[test]
    fn levels_and_ratings_use_their_own_scale() {
        // Everyone green: green is the best, not the middle of a rank.
        assert_eq!(normalize_metric(Metric::Health, &[Some(0.0), Some(0.0), Some(3.0)]), vec![1.0, 1.0, 0.0]);
        assert_eq!(normalize_metric(Metric::Margin, &[Some(1.0), Some(3.0), Some(5.0), None]), vec![0.0, 0.5, 1.0, 0.5]);
        assert_eq!(normalize_metric(Metric::PaymentRisk, &[Some(5.0), Some(2.0)]), vec![0.0, 0.75]);
    }
}
