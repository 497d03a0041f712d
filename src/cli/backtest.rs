//! `customs-radar backtest [--json] [--from DATE] [--to DATE] [--tune [--pick N] [--save NAME]]`

use super::output::{percent, print_json, table};
use crate::analysis::backtest::{BacktestOptions, Metrics, backtest};
use crate::store::Workspace;
use chrono::NaiveDate;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `backtest`.
#[derive(Debug, Args)]
pub struct BacktestArgs {
    /// First month end to replay (default: a year after the data starts).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<NaiveDate>,
    /// Last month end to replay (default: the latest).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<NaiveDate>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
    /// Tune the thresholds on the earlier part of the history and show every candidate's figures
    /// on the later part, which the search never saw (nothing is applied).
    #[arg(long)]
    pub tune: bool,
    /// With --tune --save: the operating point to save (its number in the table; default: the
    /// recommended one).
    #[arg(long, value_name = "N", requires = "save")]
    pub pick: Option<usize>,
    /// With --tune: save the picked operating point as a named threshold set (use it with
    /// `thresholds use NAME`).
    #[arg(long, value_name = "NAME", requires = "tune")]
    pub save: Option<String>,
}

/// Replays the health check at every month end and prints how early and how reliably it warned.
pub fn run(ws: &mut Workspace, args: &BacktestArgs) -> anyhow::Result<ExitCode> {
    let data = ws.load_dataset()?;
    if data.me.is_empty() {
        anyhow::bail!("tell the app which supplier is you first: customs-radar me add \"YOUR COMPANY\"");
    }
    let cfg = crate::preferences::health_thresholds(ws)?;
    if args.tune {
        return super::tune::run(ws, &data, &cfg, args);
    }
    let options = BacktestOptions { from: args.from, to: args.to, ..BacktestOptions::default() };
    let Some(report) = backtest(&data, &cfg, &options) else {
        anyhow::bail!("not enough history to replay (the range holds no month end)");
    };
    if args.json {
        print_json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "Replayed {} month ends ({} to {}) over {} customers; {} churn events.",
        report.month_ends, report.from, report.to, report.customers, report.orange_or_red.events
    );
    println!("A churn event: {} (minimum: ${:.0} a quarter).", report.event_definition, report.min_event_quarter_usd);
    println!("How figures are counted: {}.\n", report.metric_definitions);
    let mut t = table(&["alerts", "recall", "≥ 90 days ahead", "median lead", "precision", "false alarms"]);
    let row = |name: String, m: &Metrics| {
        vec![
            name,
            format!("{} ({}/{})", percent(m.recall), m.warned, m.events),
            percent(m.warned_90_days_share),
            m.median_lead_days.map_or("–".into(), |d| format!("{d:.0} days")),
            format!("{} of {} months", percent(m.precision), m.alerted_months),
            format!("{} ({}/{})", percent(m.false_alarm_rate), m.false_alarm_customers, m.customers_without_event),
        ]
    };
    t.add_row(row("Customs Radar, orange or red".into(), &report.orange_or_red));
    t.add_row(row("Customs Radar, yellow or worse".into(), &report.yellow_or_worse));
    for b in &report.baselines {
        t.add_row(row(format!("own sales only: {}", b.rule), &b.metrics));
    }
    for (kind, m) in &report.by_signal {
        t.add_row(row(format!("  {kind} alone"), m));
    }
    println!("{t}");
    let o = &report.orange_or_red;
    println!(
        "Orange or red, literal counts: precision {} over all {} alerted months with a known outcome; false alarms {} counting every month end.",
        percent(o.precision_all_months),
        o.alerted_months_all,
        percent(o.false_alarm_rate_all_months)
    );
    if !report.events.is_empty() {
        let mut e =
            table(&["customer", "churn quarter", "first orange/red", "lead", "first yellow", "lead", "no order 180d", "quarter < 60%"]);
        let days = |d: Option<i64>| d.map_or("–".into(), |d| format!("{d} d"));
        for ev in &report.events {
            e.add_row(vec![
                ev.customer.clone(),
                ev.churn_quarter.to_string(),
                ev.first_alert.map_or("–".into(), |d| d.to_string()),
                days(ev.lead_days),
                ev.first_yellow_alert.map_or("–".into(), |d| d.to_string()),
                days(ev.lead_days_yellow),
                days(ev.baseline_lead_days.get("no_order_180_days").copied().flatten()),
                days(ev.baseline_lead_days.get("quarter_below_60_percent").copied().flatten()),
            ]);
        }
        println!("\n{e}");
    }
    Ok(ExitCode::SUCCESS)
}
