//! Random draws and calendar helpers of the allocation family (there is no rand_distr).

use super::{FIRST_YEAR, MONTHS};
use crate::model::date::last_day_of_month;
use chrono::{Datelike, NaiveDate};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

/// Splits `total` in proportion to `weights` (largest remainders).
pub(super) fn apportion(total: usize, weights: &[f64]) -> Vec<usize> {
    let sum: f64 = weights.iter().sum();
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut out: Vec<usize> = exact.iter().map(|e| e.floor() as usize).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|a, b| (exact[*b] - out[*b] as f64).total_cmp(&(exact[*a] - out[*a] as f64)));
    let short = total - out.iter().sum::<usize>();
    for &k in order.iter().take(short) {
        out[k] += 1;
    }
    out
}

/// A stationary AR(1) series of MONTHS values.
pub(super) fn ar1(rng: &mut ChaCha8Rng, phi: f64, sd: f64) -> Vec<f64> {
    let mut x = sd * normal(rng);
    (0..MONTHS)
        .map(|_| {
            x = phi * x + sd * (1.0 - phi * phi).sqrt() * normal(rng);
            x
        })
        .collect()
}

/// An index drawn in proportion to `weights`.
pub(super) fn pick(rng: &mut ChaCha8Rng, weights: &[f64]) -> usize {
    let mut r = rng.random::<f64>() * weights.iter().sum::<f64>();
    for (i, w) in weights.iter().enumerate() {
        r -= w;
        if r < 0.0 {
            return i;
        }
    }
    weights.len() - 1
}

/// `k` distinct indices drawn in proportion to `weights` (fewer if there are not enough).
pub(super) fn pick_distinct(rng: &mut ChaCha8Rng, weights: &[f64], k: usize) -> Vec<usize> {
    let mut left = weights.to_vec();
    let mut out = Vec::new();
    while out.len() < k.min(weights.len()) {
        let i = pick(rng, &left);
        left[i] = 0.0;
        out.push(i);
    }
    out
}

/// A uniform draw in [lo, hi).
pub(super) fn uniform(rng: &mut ChaCha8Rng, lo: f64, hi: f64) -> f64 {
    lo + (hi - lo) * rng.random::<f64>()
}

/// A standard normal draw (Box–Muller).
pub(super) fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u1 = 1.0 - rng.random::<f64>();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * rng.random::<f64>()).cos()
}

/// The log-odds of a share (clamped away from 0 and 1).
pub(super) fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}

/// A sub-seed for stream `k` (splitmix64 of the seed and the stream).
pub(super) fn mix(seed: u64, k: u64) -> u64 {
    let mut z = seed ^ k.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(0x632B_E59B_D9B4_E019);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The date of day `day` of month `m` (0 = January of the first year).
pub(super) fn month_day(m: usize, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(FIRST_YEAR + (m / 12) as i32, (m % 12) as u32 + 1, day).unwrap_or(NaiveDate::MIN)
}

/// The number of days of month `m`.
pub(super) fn days_in(m: usize) -> u32 {
    last_day_of_month(FIRST_YEAR + (m / 12) as i32, (m % 12) as u32 + 1).map_or(28, |d| d.day())
}
