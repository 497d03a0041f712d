//! Random draws of the `orders` family: rand 0.10 without rand_distr has no normal, gamma or
//! lognormal, so they are written here.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A sub-stream of randomness for one part of the portfolio.
pub(super) fn stream(seed: u64, tag: u64, i: u64) -> ChaCha8Rng {
    let mut z = seed ^ tag.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (i + 1).wrapping_mul(0xD1B5_4A32_D192_ED03);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    ChaCha8Rng::seed_from_u64(z ^ (z >> 31))
}

/// Uniform on `a..b`.
pub(super) fn uniform(rng: &mut ChaCha8Rng, a: f64, b: f64) -> f64 {
    a + (b - a) * rng.random::<f64>()
}

/// Box–Muller.
pub(super) fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u = rng.random::<f64>().max(1e-12);
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * rng.random::<f64>()).cos()
}

/// Lognormal of mean `mean` and log-sd `sigma`.
pub(super) fn lognormal(rng: &mut ChaCha8Rng, mean: f64, sigma: f64) -> f64 {
    mean * (sigma * normal(rng) - 0.5 * sigma * sigma).exp()
}

/// Gamma of mean `shape` and scale 1 (Marsaglia–Tsang).
pub(super) fn gamma(rng: &mut ChaCha8Rng, shape: f64) -> f64 {
    if shape < 1.0 {
        let u = rng.random::<f64>().max(1e-12);
        return gamma(rng, shape + 1.0) * u.powf(1.0 / shape);
    }
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        let x = normal(rng);
        let v = (1.0 + c * x).powi(3);
        if v > 0.0 && rng.random::<f64>().ln() < 0.5 * x * x + d - d * v + d * v.ln() {
            return d * v;
        }
    }
}

/// An index drawn with probability proportional to `w`.
pub(super) fn pick(rng: &mut ChaCha8Rng, w: &[f64]) -> usize {
    let mut x = rng.random::<f64>() * w.iter().sum::<f64>();
    for (i, &wi) in w.iter().enumerate() {
        if x < wi {
            return i;
        }
        x -= wi;
    }
    w.iter().rposition(|&wi| wi > 0.0).unwrap_or(0)
}

/// Fisher–Yates, so the order depends on the seed only.
pub(super) fn shuffle<T>(rng: &mut ChaCha8Rng, v: &mut [T]) {
    for i in (1..v.len()).rev() {
        v.swap(i, rng.random_range(0..=i));
    }
}

/// A monthly log-weight path over 48 months, pulled back to zero (`rho`), of stationary sd `sd`.
pub(super) fn walk(rng: &mut ChaCha8Rng, rho: f64, sd: f64) -> Vec<f64> {
    let step = sd * (1.0 - rho * rho).sqrt();
    let mut x = sd * normal(rng);
    (0..48)
        .map(|_| {
            x = rho * x + step * normal(rng);
            x
        })
        .collect()
}
