//! Family `contracts`: (being written).

use super::{PortfolioBuilder, SynthPortfolio};

/// The portfolio of this family for `seed`.
pub fn generate(seed: u64) -> SynthPortfolio {
    let end = chrono::NaiveDate::from_ymd_opt(2025, 9, 30).unwrap_or_default();
    PortfolioBuilder::new("contracts", seed, end).finish()
}
