//! `customs-radar market [--hs CODE] [--country NAME] [--as-of DATE] [--json]`: the market of a
//! code for the insight brief, or of each of our codes.

use super::output::{percent, print_json, table};
use crate::analysis::market::{MarketReport, market, our_markets};
use crate::app::view::View;
use crate::model::Dataset;
use crate::store::Workspace;
use crate::text::number::{dollars, pct};
use anyhow::bail;
use chrono::NaiveDate;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `market`.
#[derive(Debug, Args)]
pub struct MarketArgs {
    /// A chapter, heading or subheading (2, 4 or 6 digits); without it, each of our codes.
    #[arg(long, value_name = "CODE")]
    pub hs: Option<String>,
    /// Only imports into this country (as the files name it).
    #[arg(long, value_name = "NAME")]
    pub country: Option<String>,
    /// See only shipments on or before this date (default: the latest shipment).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// The index of a country the user named: exact first, else the one name containing it.
fn country_index(data: &Dataset, name: &str) -> anyhow::Result<u16> {
    let wanted = name.trim().to_uppercase();
    let exact = data.countries.iter().position(|c| c.to_uppercase() == wanted);
    let matches: Vec<usize> =
        data.countries.iter().enumerate().filter(|(_, c)| c.to_uppercase().contains(&wanted)).map(|(i, _)| i).collect();
    let found = match (exact, matches.as_slice()) {
        (Some(i), _) => i,
        (None, [one]) => *one,
        (None, []) => bail!("no country '{name}' in the data; countries: {}", data.countries.join(", ")),
        (None, many) => bail!(
            "'{name}' matches {}: give more of the name",
            many.iter().map(|i| data.countries[*i].as_str()).collect::<Vec<_>>().join(", ")
        ),
    };
    Ok(u16::try_from(found)?)
}

/// Runs `market`.
pub fn run(ws: &Workspace, args: &MarketArgs) -> anyhow::Result<ExitCode> {
    let View { data, as_of } = View::load(ws, args.as_of)?;
    let country = args.country.as_deref().map(|c| country_index(&data, c)).transpose()?;
    let Some(code) = &args.hs else {
        if country.is_some() {
            bail!("--country needs --hs CODE");
        }
        let markets = our_markets(&data, as_of);
        if args.json {
            print_json(&serde_json::json!({ "as_of": as_of, "markets": markets }))?;
            return Ok(ExitCode::SUCCESS);
        }
        let mut t = table(&["code", "product", "imports 12m", "growth", "our share", "before", "USD/kg", "top supplier"]);
        for m in &markets {
            t.add_row(vec![
                m.code.clone(),
                m.description.as_deref().unwrap_or("").chars().take(40).collect(),
                dollars(m.value_12m),
                m.growth.map_or("–".into(), pct),
                pct(m.our_share),
                pct(m.our_share_prior),
                m.unit_value_12m.map_or("–".into(), |u| format!("{u:.2}")),
                m.top_suppliers.first().map(|s| s.supplier.clone()).unwrap_or_default(),
            ]);
        }
        println!("{t}");
        println!("one market in detail: customs-radar market --hs CODE [--country NAME]");
        return Ok(ExitCode::SUCCESS);
    };
    let mut digits: String = code.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    if digits.len() > 6 && digits.bytes().all(|b| b.is_ascii_digit()) {
        // National tariff lines (8 or 10 digits) share the first six with the HS subheading.
        eprintln!("note: {code} is a national tariff line; the market is that of its HS subheading {}", &digits[..6]);
        digits.truncate(6);
    }
    let chapter: Option<u32> = digits.get(..2).and_then(|c| c.parse().ok());
    if !(digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(digits.len(), 2 | 4 | 6)
        && chapter.is_some_and(|c| (1..=97).contains(&c) && c != 77))
    {
        bail!("'{code}' is not an HS code: give 2, 4 or 6 digits of chapters 01–97 (e.g. 7318 or 731815)");
    }
    if data.me.is_empty() {
        eprintln!("note: without your own company's names (customs-radar me add NAME) the report cannot show your share");
    }
    let report = market(&data, as_of, &digits, country);
    if args.json {
        print_json(&report)?;
    } else {
        print_market(&report);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_market(r: &MarketReport) {
    let place = r.country.as_deref().map(|c| format!(" into {c}")).unwrap_or_default();
    println!("{} {}{place} — {} {}", r.code, r.description.as_deref().unwrap_or(""), r.chapter_zh.as_deref().unwrap_or(""), r.as_of);
    if let Some(f) = &r.file_description {
        println!("in your files: “{f}”");
    }
    println!(
        "imports 12 months {} ({}), unit value {} (before {}), our share {} (before {})",
        dollars(r.value_12m),
        r.growth.map_or("no prior year".into(), |g| format!("{}{} on the year before", if g > 0.0 { "+" } else { "" }, pct(g))),
        r.unit_value_12m.map_or("–".into(), |u| format!("${u:.2}/kg")),
        r.unit_value_prior_12m.map_or("–".into(), |u| format!("${u:.2}/kg")),
        pct(r.our_share),
        pct(r.our_share_prior)
    );
    let mut q = table(&["quarter", "imports", "USD/kg", "buyers", "suppliers"]);
    for f in &r.quarters {
        q.add_row(vec![
            f.quarter.to_string(),
            dollars(f.value),
            f.unit_value.map_or("–".into(), |u| format!("{u:.2}")),
            f.buyers.to_string(),
            f.suppliers.to_string(),
        ]);
    }
    println!("{q}");
    let mut t = table(&["supplier", "sales 12m", "share", "before", "USD/kg"]);
    for s in &r.top_suppliers {
        let tag = if s.us {
            " (us)"
        } else if s.competitor {
            " (competitor)"
        } else {
            ""
        };
        t.add_row(vec![
            format!("{}{tag}", s.supplier),
            dollars(s.value_12m),
            pct(s.share),
            percent(Some(s.share_prior)),
            s.unit_value.map_or("–".into(), |u| format!("{u:.2}")),
        ]);
    }
    println!("{t}");
    if !r.departed.is_empty() {
        let gone: Vec<String> = r.departed.iter().map(|s| format!("{} (had {})", s.supplier, pct(s.share_prior))).collect();
        println!("stopped selling in the last 12 months: {}", gone.join(", "));
    }
    match &r.new_entrants {
        None => println!("new entrants: the data do not reach a year before the last 12 months"),
        Some(list) if list.is_empty() => println!("new entrants: none in the last 12 months"),
        Some(list) => {
            println!("new entrants in the last 12 months:");
            for e in list {
                println!(
                    "  {} since {}: {} to {} buyers{}",
                    e.supplier,
                    e.first_date,
                    dollars(e.value_12m),
                    e.buyers,
                    if e.competitor { " (competitor)" } else { "" }
                );
            }
        }
    }
}
