//! `customs-radar tier-rules show|quantiles A B C|cutoffs A B C|grace POINTS|watchlist COVER CAP|reset`:
//! how scores become tiers, and how large the core watchlist is.

use super::output::print_json;
use crate::analysis::tiers::{Split, TierRules, WatchlistRules};
use crate::preferences;
use crate::store::Workspace;
use clap::Subcommand;
use std::process::ExitCode;

/// What to do with the tier rules.
#[derive(Debug, Subcommand)]
pub enum TierRulesAction {
    /// The rules in use.
    Show,
    /// Tiers by shares of customers: `quantiles 0.1 0.3 0.6` makes the top 10% A, the next 20% B,
    /// the next 30% C and the rest D.
    Quantiles {
        /// Cumulative share in A.
        a: f64,
        /// Cumulative share in A or B.
        b: f64,
        /// Cumulative share in A, B or C.
        c: f64,
    },
    /// Tiers by score: `cutoffs 70 50 30` makes 70 and above A, 50 B, 30 C, below D.
    Cutoffs {
        /// Lowest A score.
        a: f64,
        /// Lowest B score.
        b: f64,
        /// Lowest C score.
        c: f64,
    },
    /// How many score points a customer may stray outside its last tier's band before it changes
    /// tier (0 turns the grace band off).
    Grace {
        /// Score points.
        points: f64,
    },
    /// How large the core watchlist is: `watchlist 0.8 0.2` takes the largest customers until they
    /// make up 80% of our sales, but at most 20% of customers.
    Watchlist {
        /// Share of our sales to cover (0–1).
        cover: f64,
        /// Most customers, as a share of all (0–1).
        cap: f64,
    },
    /// Back to the default (top 10% A, next 20% B, next 30% C, grace 2 points, watchlist 80% / 20%).
    Reset,
}

/// Runs `tier-rules`.
pub fn run(ws: &mut Workspace, action: TierRulesAction) -> anyhow::Result<ExitCode> {
    // Changing one part keeps the other; a damaged setting is not in the way of repairing it.
    let current = || preferences::tier_rules(ws).unwrap_or_default();
    let rules = match action {
        TierRulesAction::Show => {
            let rules = preferences::tier_rules(ws)?;
            print_json(&rules)?;
            println!("{}", rules.describe());
            return Ok(ExitCode::SUCCESS);
        }
        TierRulesAction::Quantiles { a, b, c } => TierRules { split: Split::Quantiles { a, b, c }, ..current() },
        TierRulesAction::Cutoffs { a, b, c } => TierRules { split: Split::Cutoffs { a, b, c }, ..current() },
        TierRulesAction::Grace { points } => current().with_grace(points),
        TierRulesAction::Watchlist { cover, cap } => TierRules { watchlist: WatchlistRules { cover, cap }, ..current() },
        TierRulesAction::Reset => TierRules::default(),
    };
    preferences::save_tier_rules(ws, &rules)?;
    println!("tier rules: {}", rules.describe());
    Ok(ExitCode::SUCCESS)
}
