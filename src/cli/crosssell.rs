//! `customs-radar crosssell [CUSTOMER] [--as-of DATE] [--json]`: related products customers buy
//! from others, per customer or ranked across the portfolio.

use super::output::{print_json, table};
use crate::analysis::crosssell::{CustomerGaps, Gap, crosssell};
use crate::app::view::View;
use crate::model::Hs6;
use crate::preferences;
use crate::store::Workspace;
use crate::text::number::{dollars, pct};
use chrono::NaiveDate;
use clap::Args;
use std::process::ExitCode;

/// Rows shown in the portfolio table.
const SHOWN: usize = 30;

/// Arguments of `crosssell`.
#[derive(Debug, Args)]
pub struct CrossSellArgs {
    /// One customer (any spelling or a distinctive part of it); without it, the whole portfolio.
    pub customer: Option<String>,
    /// See only shipments on or before this date (default: the latest shipment).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// A code with its HS text, and the files' own description when they give one.
fn name(hs: Hs6, description: Option<&str>, file: Option<&str>) -> String {
    let short = |t: &str, n: usize| t.chars().take(n).collect::<String>();
    let mut out = format!("{hs} {}", description.map_or(String::new(), |d| short(d, 40)));
    if let Some(f) = file.filter(|f| Some(*f) != description) {
        out.push_str(&format!("\n“{}”", short(f, 40)));
    }
    out
}

fn suppliers(g: &Gap) -> String {
    g.suppliers
        .iter()
        .take(3)
        .map(|s| format!("{} {}{}", s.supplier, pct(s.share), if s.competitor { " (competitor)" } else { "" }))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runs `crosssell`.
pub fn run(ws: &Workspace, args: &CrossSellArgs) -> anyhow::Result<ExitCode> {
    let View { data, as_of } = View::ours(ws, args.as_of)?;
    let bundles = preferences::bundles(ws)?;
    let only = match &args.customer {
        Some(n) => Some(ws.find_company(n, None)?),
        None => None,
    };
    if let Some(c) = only.as_ref().filter(|c| data.me.contains(&c.id)) {
        anyhow::bail!("{} is your own company (see `customs-radar me list`): cross-sell is for your customers", c.name);
    }
    let report = crosssell(&data, as_of, &bundles, only.as_ref().map(|c| c.id));
    if args.json {
        print_json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(company) = only {
        match report.customers.first() {
            Some(c) => one_customer(c),
            None => println!("{} did not buy from us in the two years to {as_of}: no cross-sell list.", company.name),
        }
        return Ok(ExitCode::SUCCESS);
    }
    let with_gaps = report.customers.iter().filter(|c| !c.gaps.is_empty()).count();
    let total: f64 = report.customers.iter().map(|c| c.opportunity).sum();
    println!(
        "{with_gaps} of {} customers buy related products from others; estimated opportunity {} a year (at each customer's own share of our products)",
        report.customers.len(),
        dollars(total)
    );
    let mut t = table(&["customer", "product", "bought 12m", "opportunity", "why"]);
    for g in report.portfolio.iter().take(SHOWN) {
        t.add_row(vec![
            g.customer.clone(),
            name(g.hs, g.description.as_deref(), None),
            dollars(g.value_12m),
            dollars(g.opportunity),
            g.label.clone(),
        ]);
    }
    println!("{t}");
    if !bundles.is_empty() {
        println!("bundles: {}", bundles.iter().map(|b| b.name.as_str()).collect::<Vec<_>>().join(", "));
    }
    println!("one customer in detail: customs-radar crosssell NAME; define bundles: customs-radar bundles add NAME CODE…");
    Ok(ExitCode::SUCCESS)
}

fn one_customer(c: &CustomerGaps) {
    println!(
        "{} — {} related products bought from others; opportunity {} a year at its share of our products ({})",
        c.customer,
        c.gaps.len(),
        dollars(c.opportunity),
        c.share.map_or("median of the portfolio".into(), pct)
    );
    let mut t = table(&["product", "bought 12m", "growth", "USD/kg", "suppliers", "why", "opportunity"]);
    for g in &c.gaps {
        t.add_row(vec![
            name(g.hs, g.description.as_deref(), g.file_description.as_deref()),
            dollars(g.value_12m),
            g.growth.map_or("new".into(), |x| format!("{}{}", if x > 0.0 { "+" } else { "" }, pct(x))),
            g.unit_value.map_or("–".into(), |u| format!("{u:.2}")),
            suppliers(g),
            g.relations.iter().map(|r| r.label()).collect::<Vec<_>>().join("\n"),
            dollars(g.opportunity),
        ]);
    }
    println!("{t}");
    if let Some(g) = c.gaps.first() {
        println!("why {}: {}", g.hs, g.relations.iter().map(|r| r.explain()).collect::<Vec<_>>().join("; "));
    }
}
