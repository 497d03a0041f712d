//! Family `inventory`: (being written).

use super::{PortfolioBuilder, SynthPortfolio};

/// The portfolio of this family for `seed`.
pub fn generate(seed: u64) -> SynthPortfolio {
    let end = chrono::NaiveDate::from_ymd_opt(2024, 3, 31).unwrap_or_default();
    PortfolioBuilder::new("inventory", seed, end).finish()
}
