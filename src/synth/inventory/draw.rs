//! Random draws of the `inventory` family: normal, a cheap near-normal for the weekly simulation,
//! lognormal, log-uniform and a shuffle.

use rand::RngExt;
use rand_chacha::ChaCha8Rng;

/// A standard normal draw (Box–Muller).
pub(super) fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u = 1.0 - rng.random::<f64>();
    let v = rng.random::<f64>();
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

/// A cheap near-normal draw (sum of four uniforms, unit variance) from one random word: the
/// simulation needs many, and a debug build must stay fast.
pub(super) fn gauss(rng: &mut ChaCha8Rng) -> f64 {
    let [a, b, c, d] = quarters(rng);
    (a + b + c + d - 2.0) * 3.0_f64.sqrt()
}

/// Four uniforms in [0, 1) from one random word.
pub(super) fn quarters(rng: &mut ChaCha8Rng) -> [f64; 4] {
    let x = rng.random::<u64>();
    std::array::from_fn(|i| ((x >> (16 * i)) & 0xFFFF) as f64 / 65_536.0)
}

/// A lognormal draw with the given median.
pub(super) fn lognormal(rng: &mut ChaCha8Rng, median: f64, sigma: f64) -> f64 {
    median * (sigma * normal(rng)).exp()
}

/// A draw spread evenly in log between `lo` and `hi`.
pub(super) fn log_uniform(rng: &mut ChaCha8Rng, lo: f64, hi: f64) -> f64 {
    (lo.ln() + rng.random::<f64>() * (hi / lo).ln()).exp()
}

/// Fisher–Yates.
pub(super) fn shuffle<T>(items: &mut [T], rng: &mut ChaCha8Rng) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.random_range(0..=i));
    }
}
