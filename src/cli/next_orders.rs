//! `customs-radar next-orders [--as-of DATE] [--json] [--measure]`: each customer's order rhythm,
//! when its next order is expected (with a range), which are due within 30 days and which are
//! overdue, its season; `--measure` replays the forecast at every month end of the last two years
//! beside "same time as last year".

use super::output::{print_json, table};
use crate::analysis::next_order::{OrderState, next_orders, replay};
use crate::app::view::View;
use crate::store::Workspace;
use chrono::NaiveDate;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `next-orders`.
#[derive(Debug, Args)]
pub struct NextOrdersArgs {
    /// The date to forecast from (default: the latest shipment).
    #[arg(long)]
    pub as_of: Option<NaiveDate>,
    /// Also replay the forecast at the month ends of the two years before, and say how often the
    /// next order fell in its range.
    #[arg(long)]
    pub measure: bool,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Runs `next-orders`.
pub fn run(ws: &Workspace, args: &NextOrdersArgs) -> anyhow::Result<ExitCode> {
    let View { data, as_of } = View::ours(ws, args.as_of)?;
    let list = next_orders(&data, as_of);
    let accuracy = args.measure.then(|| replay(&data, crate::model::date::months_back(as_of, 24), as_of));
    if args.json {
        print_json(&serde_json::json!({ "as_of": as_of, "customers": list, "accuracy": accuracy }))?;
        return Ok(ExitCode::SUCCESS);
    }
    let state = |s: OrderState| match s {
        OrderState::Due => "due",
        OrderState::Later => "later",
        OrderState::Late => "late",
        OrderState::Regular => "regular",
        OrderState::Overdue => "overdue",
    };
    let due = list.iter().filter(|n| matches!(n.state, OrderState::Due | OrderState::Late)).count();
    let overdue = list.iter().filter(|n| n.state == OrderState::Overdue).count();
    let regular = list.iter().filter(|n| n.state == OrderState::Regular).count();
    println!(
        "{} customers forecast at {as_of}: {due} due within 30 days, {overdue} overdue beyond their usual range, {regular} ordering every month or more often",
        list.len()
    );
    let mut t = table(&["customer", "last order", "usual gap (days)", "expected", "range", "state", "season"]);
    for n in &list {
        let season = match (n.season.peak, n.season.seasonal()) {
            (None, _) => format!("too short ({} year)", n.season.years),
            (Some(q), true) => format!("Q{q} peak, +{:.0} pts", n.season.strength * 100.0),
            (Some(_), false) => "no clear season".into(),
        };
        t.add_row(vec![
            n.customer.clone(),
            n.last.to_string(),
            format!("{:.0} ({:.0}–{:.0})", n.rhythm.median, n.rhythm.low, n.rhythm.high),
            n.expected.to_string(),
            format!("{} – {}", n.earliest, n.latest),
            state(n.state).into(),
            season,
        ]);
    }
    println!("{t}");
    if let Some(a) = accuracy {
        println!(
            "\nreplayed at the month ends of the two years to {as_of}: {} forecasts, {:.0}% of next orders in their range \
             (same time as last year: {:.0}%); median error {:.0} days (last year: {:.0}); median range {:.0} days",
            a.cases,
            a.in_range * 100.0,
            a.baseline_in_range * 100.0,
            a.median_error_days,
            a.baseline_median_error_days,
            a.median_width_days
        );
    }
    Ok(ExitCode::SUCCESS)
}
