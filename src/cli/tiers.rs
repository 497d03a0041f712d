//! `customs-radar tiers [--profile NAME] [--weights FILE.json] [--as-of DATE] [--customer NAME] [--json]`

use super::output::{print_json, table};
use crate::analysis::tiers::{CustomerTier, Direction, Metric, TierModel, TierReport, WeightProfile, Weights};
use crate::app::view::View;
use crate::preferences;
use crate::store::Workspace;
use anyhow::Context;
use chrono::NaiveDate;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `tiers`.
#[derive(Debug, Args)]
pub struct TiersArgs {
    /// Score with this weight profile (default: the one in use; see `profiles list`).
    #[arg(long, value_name = "NAME", conflicts_with = "weights")]
    pub profile: Option<String>,
    /// Score with the weights in this JSON file: {"monetary": 30, "share": 20, …}.
    #[arg(long, value_name = "FILE.json")]
    pub weights: Option<PathBuf>,
    /// See only shipments on or before this date (default: the latest shipment).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<NaiveDate>,
    /// One customer in detail: every metric, its tier history and its service plan.
    #[arg(long, value_name = "NAME")]
    pub customer: Option<String>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// The profile the arguments ask for.
fn chosen_profile(ws: &Workspace, args: &TiersArgs) -> anyhow::Result<WeightProfile> {
    if let Some(file) = &args.weights {
        let text = std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
        let weights = Weights::from_json(&text).with_context(|| format!("reading weights from {}", file.display()))?;
        let name = file.file_stem().map_or("weights".into(), |s| s.to_string_lossy().into_owned());
        return Ok(WeightProfile { name, weights, builtin: false });
    }
    let profiles = preferences::tier_profiles(ws)?;
    let profile = match &args.profile {
        Some(name) => profiles.find(name)?,
        None => profiles.active(),
    };
    Ok(preferences::checked(profile)?)
}

/// Runs `tiers`.
pub fn run(ws: &Workspace, args: &TiersArgs) -> anyhow::Result<ExitCode> {
    let View { data, as_of } = View::ours(ws, args.as_of)?;
    warn_outside_data(&data, as_of);
    let profile = chosen_profile(ws, args)?;
    let rules = preferences::tier_rules(ws)?;
    let plan = preferences::service_plan(ws)?;
    let model = TierModel::build(&data, as_of, &preferences::health_thresholds(ws)?, &ws.customer_attributes()?);
    let report = model.evaluate(&profile, &rules);
    if let Some(name) = &args.customer {
        let found = ws.find_company(name, None)?;
        let Some(c) = report.customers.iter().find(|c| c.id == found.id) else {
            anyhow::bail!("{} did not buy from us in the two years to {as_of}: it has no tier", found.name);
        };
        return one_customer(&report, c, &plan, args.json);
    }
    if args.json {
        let mut json = serde_json::to_value(&report)?;
        json["service_plan"] = serde_json::to_value(&plan)?;
        print_json(&json)?;
        return Ok(ExitCode::SUCCESS);
    }
    print_summary(&report, &profile);
    print_customers(&report);
    print_changes(&report);
    print_suggestion(&report);
    println!("one customer in detail: customs-radar tiers --customer NAME; weights: customs-radar profiles list");
    Ok(ExitCode::SUCCESS)
}

/// Says so when the as-of date lies outside the data (the report would be empty or stale).
fn warn_outside_data(data: &crate::model::Dataset, as_of: NaiveDate) {
    let first = data.shipments.iter().map(|s| s.date.day).min();
    match (first, crate::app::view::as_of(data, None)) {
        (Some(first), _) if as_of < first => eprintln!("note: {as_of} is before the first shipment in the workspace ({first})"),
        (_, Some(last)) if as_of > last => {
            eprintln!("note: {as_of} is after the latest shipment in the workspace ({last}); later months count as empty")
        }
        _ => {}
    }
}

fn print_summary(report: &TierReport, profile: &WeightProfile) {
    let about = profile.description().map(|(en, _)| format!(" ({en})")).unwrap_or_default();
    println!("{} customers as of {}, profile {}{about}", report.customers.len(), report.as_of, profile.name);
    println!("rules: {}", report.rules.describe());
    for t in &report.distribution {
        println!(
            "  {}  {:>4} customers  {:>14}  {:>4.0}% of our sales",
            t.tier,
            t.customers,
            crate::text::number::dollars(t.our_sales_12m),
            t.share_of_sales * 100.0
        );
    }
    let w = &report.watchlist;
    let capped = if w.capped { format!(" (capped at {:.0}% of customers)", report.rules.watchlist.cap * 100.0) } else { String::new() };
    println!(
        "core watchlist (★): {} of {} customers make up {:.0}% of our sales{capped}",
        w.count,
        w.of_customers,
        w.share_of_sales * 100.0
    );
    let protect = report.customers.iter().filter(|c| c.protect).count();
    if protect > 0 {
        println!("protect (!): {protect} valuable customers whose health is orange or red keep their tier; act to retain them");
    }
}

fn why(c: &CustomerTier, metrics: Vec<Metric>) -> String {
    metrics.iter().map(|m| format!("{} {}", m.key(), m.format(c.metrics.0[m.index()].raw))).collect::<Vec<_>>().join(", ")
}

fn print_customers(report: &TierReport) {
    let mut t = table(&["tier", "#", "customer", "score", "our sales 12m", "health", "★", "strongest", "weakest"]);
    for c in &report.customers {
        t.add_row(vec![
            if c.held { format!("{} ↺", c.tier) } else { c.tier.to_string() },
            c.rank.to_string(),
            c.customer.clone(),
            format!("{:.1}", c.score),
            Metric::Monetary.format(Some(c.our_sales_12m)),
            c.level.key().to_string(),
            format!("{}{}", if c.core { "★" } else { "" }, if c.protect { "!" } else { "" }),
            why(c, c.strongest(3)),
            why(c, c.weakest(2)),
        ]);
    }
    println!("{t}");
    if report.customers.iter().any(|c| c.held) {
        println!("↺ kept last quarter's tier: its score is within the grace band of that tier ({:.1} points)", report.rules.grace);
    }
}

fn print_changes(report: &TierReport) {
    if let Some(latest) = report.events.first().map(|e| e.date) {
        println!("tier changes at {latest}:");
        for e in report.events.iter().filter(|e| e.date == latest) {
            let arrow = if e.direction == Direction::Upgrade { "▲" } else { "▼" };
            println!("  {arrow} {}  {} → {}", e.customer, e.from, e.to);
        }
        let earlier = report.events.iter().filter(|e| e.date != latest).count();
        if earlier > 0 {
            println!("  ({earlier} earlier changes over the last {} quarter ends: see --json)", report.history.dates.len() - 1);
        }
    }
    if !report.upgrade_candidates.is_empty() {
        println!("upgrade candidates:");
        for c in &report.upgrade_candidates {
            println!("  {} ({}): {}", c.customer, c.tier, c.reason);
        }
    }
}

fn print_suggestion(report: &TierReport) {
    let Some(s) = &report.suggested else {
        println!("suggested weights: {}", report.suggestion_note.as_deref().unwrap_or("none"));
        return;
    };
    let mut t = table(&["metric", "your weight", "suggested", "ρ with sales a year later"]);
    for m in Metric::ALL {
        let (yours, theirs, rho) = (report.profile.weights.get(m), s.weights.get(m), s.correlations.0[m.index()]);
        if yours > 0.0 || theirs > 0.0 {
            t.add_row(vec![
                m.key().to_string(),
                format!("{yours:.0}"),
                format!("{theirs:.0}"),
                rho.map_or_else(
                    || if m.is_manual() { "set by hand: not learnt".into() } else { "no variation".into() },
                    |r| format!("{r:.2}"),
                ),
            ]);
        }
    }
    println!("suggested weights (never applied; copy them into a profile with `profiles set`):");
    println!("{t}");
    println!("{}", s.explanation);
}

fn one_customer(report: &TierReport, c: &CustomerTier, plan: &crate::analysis::tiers::ServicePlan, json: bool) -> anyhow::Result<ExitCode> {
    let history = report.history.customers.iter().find(|r| r.id == c.id);
    let events: Vec<_> = report.events.iter().filter(|e| e.id == c.id).collect();
    let service = plan.tier(c.tier);
    if json {
        let mut entry = serde_json::to_value(c)?;
        entry["history"] = serde_json::json!({ "dates": report.history.dates, "tiers": history.map(|h| &h.tiers) });
        entry["events"] = serde_json::to_value(&events)?;
        entry["service"] = serde_json::to_value(service)?;
        print_json(&serde_json::json!({ "as_of": report.as_of, "profile": report.profile, "customers": [entry] }))?;
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} — tier {}{} (rank {} of {}), score {:.1} under {}{}",
        c.customer,
        c.tier,
        if c.held { ", kept from last quarter by the grace band" } else { "" },
        c.rank,
        report.customers.len(),
        c.score,
        report.profile.name,
        if c.core { ", on the core watchlist" } else { "" }
    );
    println!("{}", report.why(c));
    let mut t = table(&["metric", "指标", "value", "0–1", "weight", "points"]);
    for m in Metric::ALL {
        let v = c.metrics.0[m.index()];
        t.add_row(vec![
            m.label_en().to_string(),
            m.label_zh().to_string(),
            m.format(v.raw),
            format!("{:.2}", v.normalized),
            format!("{:.0}", v.weight),
            format!("{:.1}", v.points),
        ]);
    }
    println!("{t}");
    if let Some(h) = history {
        let cells: Vec<String> =
            report.history.dates.iter().zip(&h.tiers).map(|(d, t)| format!("{d} {}", t.map_or("–".into(), |t| t.to_string()))).collect();
        println!("history: {}", cells.join("  "));
    }
    for e in events {
        println!("  {} {} → {} at {}", if e.direction == Direction::Upgrade { "▲" } else { "▼" }, e.from, e.to, e.date);
    }
    if let Some(u) = report.upgrade_candidates.iter().find(|u| u.customer == c.customer) {
        println!("upgrade candidate: {}", u.reason);
    }
    println!("service for tier {}: {}; {}; {}; {}", c.tier, service.owner, service.visits, service.response, service.credit);
    Ok(ExitCode::SUCCESS)
}
