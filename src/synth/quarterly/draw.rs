//! The family's random draws: uniform, normal, bounded noise, a weighted pick and sub-streams.

use super::Rng;
use rand::RngExt;
use std::f64::consts::TAU;

/// A uniform draw in [a, b).
pub(super) fn uni(rng: &mut Rng, a: f64, b: f64) -> f64 {
    a + (b - a) * rng.random::<f64>()
}

/// A standard normal draw (Box–Muller).
pub(super) fn normal(rng: &mut Rng) -> f64 {
    let u1 = 1.0 - rng.random::<f64>();
    let u2 = rng.random::<f64>();
    (-2.0 * u1.ln()).sqrt() * (TAU * u2).cos()
}

/// A multiplicative noise term 1 + N(0, sd), bounded to ±cap.
pub(super) fn noise(rng: &mut Rng, sd: f64, cap: f64) -> f64 {
    1.0 + (sd * normal(rng)).clamp(-cap, cap)
}

/// An index into `items` drawn with probability proportional to `weight`.
pub(super) fn pick<T>(rng: &mut Rng, items: &[T], weight: impl Fn(&T) -> f64) -> usize {
    let mut x = uni(rng, 0.0, items.iter().map(&weight).sum());
    for (i, item) in items.iter().enumerate() {
        x -= weight(item);
        if x < 0.0 {
            return i;
        }
    }
    items.len().saturating_sub(1)
}

/// A sub-stream seed (splitmix64), so each buyer's draws depend on the seed and its index only.
pub(super) fn stream(seed: u64, i: u64) -> u64 {
    let mut z = seed.wrapping_add(i.wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
