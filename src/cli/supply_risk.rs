//! `customs-radar supply-risk [--as-of DATE] [--json]`: how dependent each customer of ours is on
//! one supplier and one origin country for its purchases of our kind, against the year before, and
//! our sales by how dependent our customers are.

use super::output::{print_json, table};
use crate::analysis::supply_risk::{Spread, supply_risk};
use crate::app::view::View;
use crate::store::Workspace;
use crate::text::number::dollars;
use chrono::NaiveDate;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `supply-risk`.
#[derive(Debug, Args)]
pub struct SupplyRiskArgs {
    /// The date (default: the latest shipment).
    #[arg(long)]
    pub as_of: Option<NaiveDate>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

fn top(t: &Option<(String, f64)>) -> String {
    t.as_ref().map_or_else(|| "–".to_string(), |(name, share)| format!("{name} {:.0}%", share * 100.0))
}

fn origin(s: &Spread) -> String {
    if s.origins_known() { top(&s.top_origin) } else { format!("unknown ({:.0}% known)", s.origin_known * 100.0) }
}

/// A concentration now, and the year before's when it bought anything then.
fn hhi(now: f64, before: &Spread, was: f64) -> String {
    if before.total > 0.0 { format!("{now:.2} ({was:.2})") } else { format!("{now:.2} (–)") }
}

/// Runs `supply-risk`.
pub fn run(ws: &Workspace, args: &SupplyRiskArgs) -> anyhow::Result<ExitCode> {
    let View { data, as_of } = View::ours(ws, args.as_of)?;
    let (list, view) = supply_risk(&data, as_of);
    if args.json {
        print_json(&serde_json::json!({ "as_of": as_of, "customers": list, "portfolio": view }))?;
        return Ok(ExitCode::SUCCESS);
    }
    let ours = view.our_origin.as_deref().unwrap_or("unknown");
    println!("our sales by our customers' dependence on one origin (80% or more), as of {as_of}; our origin: {ours}");
    for (label, (n, v)) in [
        ("dependent on our origin", view.on_our_origin),
        ("dependent on another origin (our opening)", view.on_other_origin),
        ("spread over origins", view.spread),
        ("origins mostly unknown in the files", view.unknown),
    ] {
        println!("  {label}: {n} customers, {}", dollars(v));
    }
    let mut t =
        table(&["customer", "our sales 12m", "top supplier", "supplier HHI (year before)", "top origin", "origin HHI (year before)"]);
    for r in &list {
        t.add_row(vec![
            r.customer.clone(),
            dollars(r.our_sales_12m),
            top(&r.now.top_supplier),
            hhi(r.now.supplier_hhi, &r.before, r.before.supplier_hhi),
            origin(&r.now),
            hhi(r.now.origin_hhi, &r.before, r.before.origin_hhi),
        ]);
    }
    println!("{t}");
    Ok(ExitCode::SUCCESS)
}
