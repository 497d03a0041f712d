//! `customs-radar changes [--since DATE] [--as-of DATE] [--json]`: what changed since last month —
//! levels, new signals, tiers, the core watchlist, upgrade candidates, the largest moves in our sales.

use super::output::{print_json, table};
use crate::app::digest::{Digest, Settings, digest, last_month};
use crate::app::view::View;
use crate::preferences;
use crate::store::Workspace;
use crate::text::number::dollars;
use chrono::NaiveDate;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `changes`.
#[derive(Debug, Args)]
pub struct ChangesArgs {
    /// Compare with this date (default: the end of the month before the as-of date).
    #[arg(long)]
    pub since: Option<NaiveDate>,
    /// The later date (default: the latest shipment).
    #[arg(long)]
    pub as_of: Option<NaiveDate>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `changes`.
pub fn run(ws: &Workspace, args: &ChangesArgs) -> anyhow::Result<ExitCode> {
    let View { data, as_of } = View::ours(ws, args.as_of)?;
    let since = args.since.unwrap_or_else(|| last_month(as_of));
    anyhow::ensure!(since < as_of, "--since ({since}) must come before the as-of date ({as_of})");
    let cfg = preferences::health_thresholds(ws)?;
    let profile = preferences::checked(preferences::tier_profiles(ws)?.active())?;
    let rules = preferences::tier_rules(ws)?;
    let manual = ws.customer_attributes()?;
    let d = digest(&data, since, as_of, &Settings { cfg: &cfg, profile: &profile, rules: &rules, manual: &manual });
    if args.json {
        print_json(&d)?;
    } else {
        print(&d);
    }
    Ok(ExitCode::SUCCESS)
}

fn print(d: &Digest) {
    println!("what changed from {} to {}", d.since, d.as_of);
    println!("\nhealth levels ({} changed)", d.level_changes.len());
    if !d.level_changes.is_empty() {
        let mut t = table(&["customer", "was", "now", "why"]);
        for c in &d.level_changes {
            t.add_row(vec![
                c.customer.clone(),
                c.before.key().into(),
                c.now.key().into(),
                c.reason.clone().map(|r| r.0).unwrap_or_default(),
            ]);
        }
        println!("{t}");
    }
    println!("\nnew signals ({})", d.new_signals.len());
    for s in &d.new_signals {
        println!("  {} — {}: {}", s.customer, s.kind.key(), s.reason.0);
    }
    println!("\ntier changes ({})", d.tier_changes.len());
    let tier = |t: Option<crate::analysis::tiers::Tier>| t.map_or("–".to_string(), |t| t.to_string());
    for c in &d.tier_changes {
        println!("  {}: {} → {}", c.customer, tier(c.before), tier(c.now));
    }
    for (title, list) in [
        ("newly on the core watchlist", &d.watchlist_on),
        ("off the core watchlist", &d.watchlist_off),
        ("new upgrade candidates", &d.new_candidates),
    ] {
        println!("\n{title} ({})", list.len());
        for c in list {
            println!("  {} ({} over 12 months)", c.customer, dollars(c.our_sales_12m));
        }
    }
    println!("\nlargest moves in our 12-month sales");
    for m in &d.sales_moves {
        println!("  {}: {} → {}", m.customer, dollars(m.before), dollars(m.now));
    }
}
