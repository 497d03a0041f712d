//! `customs-radar market-position [--as-of DATE] [--json]`: each customer's place among its
//! country's importers of our kind of products, its share against the year before, and whether it
//! leads, rises, fades or holds (or the files are too thin to tell).

use super::output::{print_json, table};
use crate::analysis::market_position::positions;
use crate::app::view::View;
use crate::store::Workspace;
use chrono::NaiveDate;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `market-position`.
#[derive(Debug, Args)]
pub struct MarketPositionArgs {
    /// The date (default: the latest shipment).
    #[arg(long)]
    pub as_of: Option<NaiveDate>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Runs `market-position`.
pub fn run(ws: &Workspace, args: &MarketPositionArgs) -> anyhow::Result<ExitCode> {
    let View { data, as_of } = View::ours(ws, args.as_of)?;
    let list = positions(&data, as_of);
    if args.json {
        print_json(&serde_json::json!({ "as_of": as_of, "customers": list }))?;
        return Ok(ExitCode::SUCCESS);
    }
    if list.is_empty() {
        println!(
            "no market positions as of {as_of}: the files do not say which country our customers import into (no destination or importing-country column)"
        );
        return Ok(ExitCode::SUCCESS);
    }
    let mut t = table(&["customer", "country", "rank", "importers", "share", "year before", "standing"]);
    let pct = |s: f64| format!("{:.1}%", s * 100.0);
    for p in &list {
        t.add_row(vec![
            p.customer.clone(),
            p.country.clone(),
            p.rank.to_string(),
            p.importers.to_string(),
            pct(p.share),
            p.share_before.map_or_else(|| "–".into(), pct),
            crate::text::tr(crate::model::Lang::En, p.standing.text_key()).to_string(),
        ]);
    }
    println!("market positions as of {as_of} (among each country's importers of our kind in the files)");
    println!("{t}");
    Ok(ExitCode::SUCCESS)
}
