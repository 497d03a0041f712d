//! `customs-radar customers [--as-of DATE] [--json]`

use super::output::{dollars, percent, print_json, table};
use crate::analysis::customers::customers;
use crate::store::Workspace;
use chrono::NaiveDate;
use clap::Args;
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
    if args.json {
        print_json(&serde_json::json!({ "as_of": as_of, "customers": list }))?;
        return Ok(ExitCode::SUCCESS);
    }
    if data.me.is_empty() {
        println!("tip: tell the app which supplier is you with `customs-radar me add NAME` to see our sales and share");
    }
    let mut t = table(&["customer", "country", "total imports", "our sales 12m", "share 12m", "suppliers", "first", "last"]);
    let shown = args.top.unwrap_or(list.len()).min(list.len());
    for c in &list[..shown] {
        t.add_row(vec![
            c.customer.clone(),
            c.country.clone().unwrap_or_default(),
            dollars(c.total_imports),
            dollars(c.our_sales_12m),
            percent(c.share_12m),
            c.suppliers.to_string(),
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
