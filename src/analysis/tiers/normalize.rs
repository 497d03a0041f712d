//! Putting every metric on a common 0–1 scale where 1 is best, robust to a few giant customers.
//!
//! Three ways, chosen per metric ([`Metric::scale`]):
//! - **Percentile rank** for money (our sales, wallet, headroom), which is skewed: one customer
//!   buying a hundred times the median would squash everyone else near zero on a linear scale.
//!   The score is the mid-rank `(rank − ½) / n`, ties sharing their average rank, so the giant
//!   scores just under 1 and the order of the others is kept.
//! - **Clipped** for rates and counts whose range depends on the portfolio (growth, growth
//!   against the market, products, variation): linear between the portfolio's 5th and 95th
//!   percentiles, values beyond clipped. Differences keep their size — a 2% and a 3% growth score
//!   almost the same — while an outlier cannot stretch the scale.
//! - **Fixed range** for measures whose meaning does not depend on the other customers: share and
//!   supplier concentration (0–1), health (green 1 … red 0), the 1–5 ratings, orders a year (12 or
//!   more is full marks), months as a customer (36 or more is full marks) and days since the last
//!   order (a year or more scores 0).
//!
//! Rank scaling spreads customers evenly even where they barely differ; using it only for money
//! keeps the tiers from flickering between quarters on noise such as an order falling a few days
//! either side of a quarter end. Metrics where less is better (days since the last order,
//! variation, level, risk, complexity) are flipped. A missing value (no prior year, no category
//! purchases, a rating not set) scores ½: neutral.

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
        Scale::Clipped => {
            let mut present: Vec<f64> = raw.iter().flatten().copied().collect();
            present.sort_by(f64::total_cmp);
            if let (Some(lo), Some(hi)) = (percentile(&present, 0.05), percentile(&present, 0.95)) {
                linear(&mut out, raw, lo, hi);
            }
        }
        Scale::Fixed { lo, hi } => linear(&mut out, raw, lo, hi),
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

/// The value at quantile `q` of sorted values (nearest rank).
fn percentile(sorted: &[f64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    sorted.get((q * last as f64).round() as usize).copied()
}

/// Scores present values linearly from `lo` (0) to `hi` (1), clipped; all neutral when `hi ≤ lo`.
fn linear(out: &mut [f64], raw: &[Option<f64>], lo: f64, hi: f64) {
    if hi <= lo {
        return;
    }
    for (o, v) in out.iter_mut().zip(raw) {
        if let Some(v) = v {
            *o = ((v - lo) / (hi - lo)).clamp(0.0, 1.0);
        }
    }
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
        let days = [Some(0.0), Some(400.0), None, Some(73.0)];
        let scores = normalize_metric(Metric::Recency, &days);
        assert_eq!(scores[0], 1.0, "an order today");
        assert_eq!(scores[1], 0.0, "over a year ago");
        assert_eq!(scores[2], NEUTRAL);
        assert!((scores[3] - 0.8).abs() < 1e-9, "{scores:?}");
    }

    #[test]
    fn rates_are_clipped_at_the_5th_and_95th_percentiles() {
        // 21 growth rates from -50% to +50% in 5-point steps, and one outlier at +5000%.
        let mut raw: Vec<Option<f64>> = (0..21).map(|i| Some(-0.5 + 0.05 * i as f64)).collect();
        raw.push(Some(50.0));
        let scores = normalize_metric(Metric::SalesGrowth, &raw);
        assert_eq!(scores[21], 1.0, "the outlier is clipped, not stretching the scale");
        assert_eq!(scores[0], 0.0);
        let step = scores[11] - scores[10];
        assert!((step - scores[12] + scores[11]).abs() < 1e-9 && step > 0.04, "equal steps keep equal distances: {scores:?}");
        assert_eq!(normalize_metric(Metric::Diversity, &[Some(3.0), Some(3.0)]), vec![NEUTRAL, NEUTRAL], "no spread: neutral");
    }

    #[test]
    fn levels_and_ratings_use_their_own_scale() {
        // Everyone green: green is the best, not the middle of a rank.
        assert_eq!(normalize_metric(Metric::Health, &[Some(0.0), Some(0.0), Some(3.0)]), vec![1.0, 1.0, 0.0]);
        assert_eq!(normalize_metric(Metric::Margin, &[Some(1.0), Some(3.0), Some(5.0), None]), vec![0.0, 0.5, 1.0, 0.5]);
        assert_eq!(normalize_metric(Metric::PaymentRisk, &[Some(5.0), Some(2.0)]), vec![0.0, 0.75]);
    }
}
