//! `customs-radar health [--as-of DATE] [--customer NAME] [--json]`

use super::output::{dollars, percent, print_json, table};
use crate::analysis::health::{CustomerHealth, Level, assess};
use crate::analysis::playbook::{Playbook, advise};
use crate::analysis::profile::profile;
use crate::app::view::View;
use crate::model::Dataset;
use crate::preferences;
use crate::store::Workspace;
use chrono::NaiveDate;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `health`.
#[derive(Debug, Args)]
pub struct HealthArgs {
    /// See only shipments on or before this date (default: the latest shipment).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// One customer in detail: signals, playbook and its series.
    #[arg(long, value_name = "NAME")]
    pub customer: Option<String>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Runs the health check.
pub fn run(ws: &Workspace, args: &HealthArgs) -> anyhow::Result<ExitCode> {
    let View { data, as_of } = View::ours(ws, args.as_of)?;
    let cfg = preferences::health_thresholds(ws)?;
    let report = assess(&data, as_of, &cfg);
    if let Some(name) = &args.customer {
        let found = ws.find_company(name, None)?;
        let health = report.customers.iter().find(|c| c.id == found.id);
        return one_customer(&data, ws, as_of, &found.name, found.id, health, args.json, cfg.rhythm_same_order_days);
    }
    if args.json {
        print_json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    let counts = |l: Level| report.customers.iter().filter(|c| c.level == l).count();
    println!(
        "{} customers as of {as_of}: {} red, {} orange, {} yellow, {} green",
        report.customers.len(),
        counts(Level::Red),
        counts(Level::Orange),
        counts(Level::Yellow),
        counts(Level::Green)
    );
    let mut t = table(&["level", "customer", "share 12m", "our sales 12m", "signals", "why"]);
    for c in report.customers.iter().filter(|c| c.level > Level::Green || !c.signals.is_empty()) {
        let kinds: Vec<String> = c.signals.iter().map(|s| format!("{} ({:?})", s.kind, s.severity).to_lowercase()).collect();
        t.add_row(vec![
            c.level.key().to_string(),
            c.customer.clone(),
            percent(c.share),
            dollars(c.ours_12m),
            kinds.join("\n"),
            c.signals.first().map(|s| s.explanation.clone()).unwrap_or_default(),
        ]);
    }
    println!("{t}");
    println!("green customers are not listed; one customer in detail: customs-radar health --customer NAME");
    Ok(ExitCode::SUCCESS)
}

#[allow(clippy::too_many_arguments)]
fn one_customer(
    data: &Dataset,
    ws: &Workspace,
    as_of: NaiveDate,
    name: &str,
    id: crate::model::CompanyId,
    health: Option<&CustomerHealth>,
    json: bool,
    same_order_days: i64,
) -> anyhow::Result<ExitCode> {
    let playbook: Playbook = preferences::playbook(ws)?;
    let advice = health.and_then(|h| advise(&playbook, h));
    let series = profile(data, id, as_of, same_order_days);
    if json {
        let mut entry = serde_json::to_value(health)?;
        if entry.is_null() {
            entry =
                serde_json::json!({ "customer": name, "level": null, "note": "not a customer of ours in the two years to the as-of date" });
        }
        entry["playbook"] = serde_json::to_value(&advice)?;
        entry["series"] = serde_json::to_value(&series)?;
        print_json(&serde_json::json!({ "as_of": as_of, "customers": [entry] }))?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(h) = health else {
        println!("{name} did not buy from us in the two years to {as_of}: no health check.");
        return Ok(ExitCode::SUCCESS);
    };
    println!("{} — {} as of {as_of}", h.customer, h.level.key().to_uppercase());
    println!(
        "our sales 12m {} · its category purchases 12m {} · our share {}",
        dollars(h.ours_12m),
        dollars(h.category_12m),
        percent(h.share)
    );
    for s in &h.signals {
        println!("\n● {} ({:?})\n  {}\n  {}", s.kind, s.severity, s.explanation, s.explanation_zh);
    }
    if let Some(a) = &advice {
        println!("\nPlaybook: {} / {}", a.play.title_en, a.play.title_zh);
        for (en, zh) in a.play.actions_en.iter().zip(&a.play.actions_zh) {
            println!("  - {en}\n    {zh}");
        }
        for (en, zh) in a.talking_points_en.iter().zip(&a.talking_points_zh) {
            println!("  » {en}\n    {zh}");
        }
    }
    if let Some(p) = series {
        let mut t = table(&["quarter", "ours", "category", "share", "share 12m", "suppliers", "HHI", "total imports", "YoY"]);
        for ((s, sup), b) in p.share_curve.iter().zip(&p.supplier_structure).zip(&p.business) {
            t.add_row(vec![
                format!("{}{}", s.quarter, if s.partial { " (partial)" } else { "" }),
                format!("{:.0}", s.ours),
                format!("{:.0}", s.category),
                percent(s.share),
                percent(s.share_12m),
                sup.count.to_string(),
                format!("{:.2}", sup.hhi),
                format!("{:.0}", b.total),
                percent(b.yoy),
            ]);
        }
        println!("\n{t}");
        if let (Some(last), Some(usual)) = (p.rhythm.days_since_last, p.rhythm.usual_gap_days) {
            println!("rhythm: last order {last} days ago, usually every {usual:.0} days");
        }
    }
    Ok(ExitCode::SUCCESS)
}
