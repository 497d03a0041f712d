//! Seeded random streams.
//!
//! Each part of the data (every story customer, the portfolio's profiles, the background market,
//! bill-of-lading numbers) draws from its own stream derived from the seed, so changing one part,
//! or the number of rows wanted, never shifts the random choices of another.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// The random generator used throughout the demo data.
pub(crate) type DemoRng = ChaCha8Rng;

/// Stream number of the background market.
pub(crate) const MARKET_STREAM: u64 = 1;
/// Stream number of the row sink (bill-of-lading numbers).
pub(crate) const SINK_STREAM: u64 = 2;
/// Stream of the portfolio's profiles (who its customers are, their sizes and onsets).
pub(crate) const PORTFOLIO_STREAM: u64 = 3;
/// Stream numbers of story customers start here (one per customer).
pub(crate) const STORY_STREAM: u64 = 1_000;
/// Stream numbers of the portfolio customers' purchases start here (one per customer).
pub(crate) const MEMBER_STREAM: u64 = 100_000;

/// A generator for one part of the data, independent of every other stream of the same seed.
pub(crate) fn stream(seed: u64, stream: u64) -> DemoRng {
    DemoRng::seed_from_u64(mix(seed ^ mix(stream.wrapping_add(0x5EED))))
}

/// SplitMix64 finaliser: spreads nearby inputs (seed 7 / seed 8, stream 1 / stream 2) far apart.
pub(crate) fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
