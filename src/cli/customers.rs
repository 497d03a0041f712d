//! `customs-radar customers [--as-of DATE] [--json]`

use super::output::{dollars, percent, print_json, table};
use crate::analysis::customers::customers;
use crate::app::snapshot::{CustomerRow, compute_people};
use crate::model::{CompanyId, ReviewState};
use crate::store::Workspace;
use chrono::NaiveDate;
use clap::Args;
use std::collections::HashMap;
use std::process::ExitCode;

/// Arguments of `customers`.
#[derive(Debug, Args)]
pub struct CustomersArgs {
    /// Analysis date for the 12-month figures (default: the latest shipment).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// Show only the first N customers.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Lists every customer.
pub fn run(ws: &Workspace, args: &CustomersArgs) -> anyhow::Result<ExitCode> {
    let data = ws.load_dataset()?;
    let Some(as_of) = crate::app::view::as_of(&data, args.as_of) else {
        if args.json {
            print_json(&serde_json::json!({ "as_of": null, "customers": [] }))?;
        } else {
            println!("the workspace holds no shipments yet: import files with `customs-radar import FILE...`");
        }
        return Ok(ExitCode::SUCCESS);
    };
    let list = customers(&data, as_of);
    let me_known = !data.me.is_empty();
    // Health, tier, owner and review come from the window's snapshot, so a firm's own CRM can
    // carry the same columns over.
    let rows: HashMap<CompanyId, CustomerRow> = if me_known {
        let snap = compute_people(ws, std::sync::Arc::new(data), Some(as_of))?;
        snap.customers.into_iter().map(|r| (r.id, r)).collect()
    } else {
        HashMap::new()
    };
    if args.json {
        let out: Vec<serde_json::Value> = list
            .iter()
            .map(|c| {
                let mut v = serde_json::to_value(c)?;
                if let Some(r) = rows.get(&c.id) {
                    v["level"] = serde_json::to_value(r.level.map(|l| l.key()))?;
                    v["tier"] = serde_json::to_value(r.tier.map(|t| t.0.to_string()))?;
                    v["core"] = r.core.into();
                    v["owner"] = r.owner.clone().into();
                    v["review"] = serde_json::to_value(r.review)?;
                }
                Ok(v)
            })
            .collect::<Result<_, serde_json::Error>>()?;
        print_json(&serde_json::json!({ "as_of": as_of, "customers": out }))?;
        return Ok(ExitCode::SUCCESS);
    }
    if !me_known {
        println!("tip: tell the app which supplier is you with `customs-radar me add NAME` to see our sales and share");
    }
    let mut t = table(&[
        "customer",
        "country",
        "total imports",
        "our sales 12m",
        "share 12m",
        "suppliers",
        "level",
        "tier",
        "owner",
        "review",
        "first",
        "last",
    ]);
    let shown = args.top.unwrap_or(list.len()).min(list.len());
    for c in &list[..shown] {
        let r = rows.get(&c.id);
        t.add_row(vec![
            c.customer.clone(),
            c.country.clone().unwrap_or_default(),
            dollars(c.total_imports),
            dollars(c.our_sales_12m),
            percent(c.share_12m),
            c.suppliers.to_string(),
            r.and_then(|r| r.level).map(|l| l.key().to_string()).unwrap_or_default(),
            r.and_then(|r| r.tier).map(|t| t.0.to_string()).unwrap_or_default(),
            r.map(|r| r.owner.clone()).unwrap_or_default(),
            r.and_then(|r| r.review).map(review_text).unwrap_or_default(),
            c.first_date.to_string(),
            c.last_date.to_string(),
        ]);
    }
    println!("{} customers, as of {as_of} (amounts in USD)", list.len());
    println!("{t}");
    if shown < list.len() {
        println!("… and {} more: customs-radar customers", list.len() - shown);
    }
    Ok(ExitCode::SUCCESS)
}

/// A review state in a few words.
fn review_text(s: ReviewState) -> String {
    match s {
        ReviewState::ToReview => "to review".into(),
        ReviewState::ReportMade(d) => format!("report {d}"),
        ReviewState::Reviewed(d) => format!("reviewed {d}"),
    }
}
