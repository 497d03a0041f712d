//! `customs-radar backtest --tune [--pick N --save NAME] [--json]`: calibration on the firm's own
//! history. The search sees the earlier part only; the table shows every operating point on the
//! later part as well, and nothing is applied unless the user saves a point and then uses it.

use super::backtest::BacktestArgs;
use super::output::{percent, print_json, table};
use crate::analysis::backtest::{BacktestOptions, OperatingPoint, TuneOptions, Tuning, tune};
use crate::analysis::health::HealthSettings;
use crate::model::Dataset;
use crate::store::Workspace;
use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::process::ExitCode;

/// Runs the tuning and prints (or saves) its result.
pub fn run(ws: &mut Workspace, data: &Dataset, cfg: &HealthSettings, args: &BacktestArgs) -> anyhow::Result<ExitCode> {
    let options =
        TuneOptions { replay: BacktestOptions { from: args.from, to: args.to, ..BacktestOptions::default() }, ..TuneOptions::default() };
    let bar = if args.json || !std::io::stderr().is_terminal() { ProgressBar::hidden() } else { ProgressBar::new(100) };
    bar.set_style(ProgressStyle::with_template("{spinner} tuning [{bar:30}] {pos}%").unwrap_or_else(|_| ProgressStyle::default_bar()));
    let tuning = tune(data, cfg, &options, &mut |done| {
        bar.set_position((done * 100.0) as u64);
        true
    })
    .context("tuning")?;
    bar.finish_and_clear();
    if let Some(name) = &args.save {
        return save(ws, &tuning, args.pick, name, args.json);
    }
    if args.json {
        print_json(&tuning)?;
        return Ok(ExitCode::SUCCESS);
    }
    print(&tuning, &options);
    Ok(ExitCode::SUCCESS)
}

/// Saves the picked (or recommended) operating point as a named threshold set.
fn save(ws: &mut Workspace, tuning: &Tuning, pick: Option<usize>, name: &str, json: bool) -> anyhow::Result<ExitCode> {
    if !tuning.enough_events {
        bail!(
            "too few churn events to tune on ({} before {} and {} after); your thresholds stay as they are",
            tuning.current.earlier.events,
            tuning.split,
            tuning.current.later.events
        );
    }
    let index = match pick {
        Some(n) if n >= 1 && n <= tuning.frontier.len() => n - 1,
        Some(n) => bail!("there is no operating point {n}: pick 1 to {}", tuning.frontier.len()),
        None => tuning
            .recommended
            .context("no operating point warns more than your thresholds without more false alarms; pick one with --pick N")?,
    };
    let point = &tuning.frontier[index];
    crate::preferences::save_threshold_set(ws, name, tuning.threshold_set(point))?;
    if json {
        print_json(&serde_json::json!({ "saved": name.trim(), "point": index + 1, "later": point.later }))?;
    } else {
        println!("Saved operating point {} as '{}'. Use it with: customs-radar thresholds use \"{}\"", index + 1, name.trim(), name.trim());
    }
    Ok(ExitCode::SUCCESS)
}

fn print(tuning: &Tuning, options: &TuneOptions) {
    if !tuning.enough_events {
        println!(
            "Your history holds {} churn events up to {} and {} after it: too few to tune on (at least {} in each part are needed). Your thresholds stay as they are.",
            tuning.current.earlier.events, tuning.split, tuning.current.later.events, options.min_events
        );
        return;
    }
    println!(
        "Searched {} threshold sets on {} to {} ({} churn events); every set is shown on {} to {} too ({} churn events), which the search never saw.",
        tuning.candidates,
        tuning.from,
        tuning.split,
        tuning.current.earlier.events,
        tuning.split.succ_opt().unwrap_or(tuning.split),
        tuning.to,
        tuning.current.later.events
    );
    let mut t = table(&["", "later: warned", "≥ 90 days", "false alarms", "earlier: warned", "≥ 90 days", "false alarms"]);
    let row = |label: String, p: &OperatingPoint| {
        vec![
            label,
            format!("{} ({})", percent(p.later.recall), p.later.events),
            percent(p.later.warned_90_days),
            percent(p.later.false_alarm_rate),
            format!("{} ({})", percent(p.earlier.recall), p.earlier.events),
            percent(p.earlier.warned_90_days),
            percent(p.earlier.false_alarm_rate),
        ]
    };
    t.add_row(row("in use".into(), &tuning.current));
    for (i, p) in tuning.frontier.iter().enumerate() {
        let mark = if tuning.recommended == Some(i) { " ★" } else { "" };
        t.add_row(row(format!("{}{mark}", i + 1), p));
    }
    println!("{t}");
    println!("False alarms: customers without a churn event that were orange or red at a month end of that part.");
    for (i, p) in tuning.frontier.iter().enumerate() {
        let changed: Vec<String> = p
            .values
            .iter()
            .zip(&tuning.current.values)
            .filter(|((_, v), (_, now))| (v - now).abs() > 1e-9)
            .map(|((name, v), (_, now))| format!("{name} {} → {}", trim(*now), trim(*v)))
            .collect();
        println!("{}: {}", i + 1, if changed.is_empty() { "as in use".to_string() } else { changed.join(", ") });
    }
    match tuning.recommended {
        Some(i) => println!(
            "★ warns the most churn events on the earlier part without more false alarms there than the thresholds in use. Save it with: customs-radar backtest --tune --pick {} --save NAME, then: customs-radar thresholds use NAME",
            i + 1
        ),
        None if tuning.enough_events => println!("No operating point warns more than the thresholds in use without more false alarms."),
        None => {}
    }
}

fn trim(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
