//! The early-warning promise, measured: replay history at every month end, run the health check as
//! of that date seeing only what was known then, and score its alerts against the churn events that
//! followed — beside what a firm sees from its own sales alone.
//!
//! Shipments are aggregated once into calendar-month series; every month end is evaluated on those
//! series (the same rules and persistence as a single health check), not by reloading data.

mod events;
mod metrics;

pub use events::{QuarterValues, churn_quarters};
pub use metrics::{Metrics, Scored, score};

use crate::analysis::health::{HealthSettings, Level, Severity, SignalKind, View, persist, raw_signals};
use crate::analysis::series::{CustomerSeries, MonthGrid, build};
use crate::model::date::{last_day_of_month, months_back};
use crate::model::{CompanyId, Dataset, Quarter};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::BTreeMap;

/// Settings of a replay.
#[derive(Debug, Clone, PartialEq)]
pub struct BacktestOptions {
    /// First month end replayed (default: a year after the data starts).
    pub from: Option<NaiveDate>,
    /// Last month end replayed (default: the last in the data).
    pub to: Option<NaiveDate>,
    /// A churn event needs our average quarter before it to reach this (USD).
    pub min_event_quarter_usd: f64,
}

impl Default for BacktestOptions {
    fn default() -> Self {
        BacktestOptions { from: None, to: None, min_event_quarter_usd: 5_000.0 }
    }
}

/// How the churn events are defined, for the report.
pub const EVENT_DEFINITION: &str = "a quarter in which our value to the customer falls below half of its average over the four quarters before (at least the minimum size), or to zero; for a customer that did not buy from us in at least three of those four quarters, a year and a half without any order from us after a year with orders";

/// One churn event and how it was warned.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    /// The customer.
    pub customer: String,
    /// The event quarter.
    pub churn_quarter: Quarter,
    /// First alert (orange or red) in the 12 months before the quarter.
    pub first_alert: Option<NaiveDate>,
    /// Days from that alert to the quarter's start.
    pub lead_days: Option<i64>,
    /// First alert of any colour (yellow or worse).
    pub first_yellow_alert: Option<NaiveDate>,
    /// Days from that alert to the quarter's start.
    pub lead_days_yellow: Option<i64>,
    /// Days of warning each own-sales baseline gave.
    pub baseline_lead_days: BTreeMap<&'static str, Option<i64>>,
}

/// One own-sales baseline's scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BaselineScore {
    /// Short name.
    pub name: &'static str,
    /// What it alerts on.
    pub rule: &'static str,
    /// Its scores.
    pub metrics: Metrics,
}

/// The replay's results. The top-level `recall`, `precision` and `median_lead_days` are those of
/// orange-or-red alerts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BacktestReport {
    /// First month end replayed.
    pub from: NaiveDate,
    /// Last month end replayed.
    pub to: NaiveDate,
    /// Month ends replayed.
    pub month_ends: usize,
    /// Customers of ours at some month end.
    pub customers: usize,
    /// How churn events are defined.
    pub event_definition: &'static str,
    /// Orange-or-red recall.
    pub recall: Option<f64>,
    /// Orange-or-red precision.
    pub precision: Option<f64>,
    /// Orange-or-red median lead.
    pub median_lead_days: Option<f64>,
    /// Orange or red alerts.
    pub orange_or_red: Metrics,
    /// Yellow or worse alerts.
    pub yellow_or_worse: Metrics,
    /// Each signal kind alone (yellow or worse of that kind).
    pub by_signal: BTreeMap<SignalKind, Metrics>,
    /// What a firm sees from its own sales alone, on the same replay.
    pub baselines: Vec<BaselineScore>,
    /// Every event with its first alerts.
    pub events: Vec<EventRow>,
    /// Every customer's worst level over the replay.
    pub outcomes: Vec<Outcome>,
}

/// How one customer fared over the replay.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// The customer.
    pub customer: String,
    /// The worst level at any month end.
    pub worst_level: Level,
    /// The first month end at orange or worse.
    pub first_orange: Option<NaiveDate>,
    /// The first month end at yellow or worse.
    pub first_yellow: Option<NaiveDate>,
    /// Its churn events.
    pub events: usize,
}

/// One customer's replay.
struct CustomerReplay {
    id: CompanyId,
    active: Vec<bool>,
    level: Vec<Level>,
    kinds: Vec<[Option<Severity>; 6]>,
    silence: Vec<bool>,
    dip: Vec<bool>,
    events: Vec<NaiveDate>,
    event_quarters: Vec<Quarter>,
}

/// Replays the health check at every month end and scores it.
pub fn backtest(data: &Dataset, cfg: &HealthSettings, options: &BacktestOptions) -> Option<BacktestReport> {
    let first = data.shipments.iter().map(|s| s.date.day).min()?;
    let last = data.shipments.iter().map(|s| s.date.day).max()?;
    let until = last_day_of_month(last.year(), last.month())?;
    let months = crate::model::date::month_number_diff(until, first) as usize + 1;
    let grid = MonthGrid::new(until, months);
    let portfolio = build(data, grid);
    let from = options.from.unwrap_or_else(|| months_back(until, months.saturating_sub(13) as u32));
    let to = options.to.unwrap_or(until).min(until);
    let range: Vec<usize> = (0..months).filter(|i| grid.end_of(*i) >= from && grid.end_of(*i) <= to).collect();
    let (start, end) = (*range.first()?, *range.last()?);
    let month_ends: Vec<NaiveDate> = range.iter().map(|i| grid.end_of(*i)).collect();
    let replays: Vec<CustomerReplay> = portfolio
        .customers
        .iter()
        .map(|s| replay_customer(s, grid, data, cfg, options, start, end))
        .filter(|r| r.active.iter().any(|a| *a))
        .collect();
    let scored: Vec<Scored<'_>> = replays.iter().map(|r| Scored { active: &r.active, events: &r.events }).collect();
    let replays = &replays;
    let at = |level: Level| move |c: usize, i: usize| replays[c].level[i] >= level;
    let (orange, orange_leads) = score(&month_ends, &scored, &at(Level::Orange));
    let (yellow, yellow_leads) = score(&month_ends, &scored, &at(Level::Yellow));
    let by_signal = SignalKind::ALL
        .iter()
        .enumerate()
        .map(|(k, kind)| (*kind, score(&month_ends, &scored, &|c: usize, i: usize| replays[c].kinds[i][k].is_some()).0))
        .collect();
    let (silence, silence_leads) = score(&month_ends, &scored, &|c: usize, i: usize| replays[c].silence[i]);
    let (dip, dip_leads) = score(&month_ends, &scored, &|c: usize, i: usize| replays[c].dip[i]);
    let mut events = Vec::new();
    for (c, r) in replays.iter().enumerate() {
        for (e, quarter) in r.event_quarters.iter().enumerate() {
            let lead = |leads: &metrics::Leads| leads[c][e];
            events.push(EventRow {
                customer: data.name(r.id).to_string(),
                churn_quarter: *quarter,
                first_alert: lead(&orange_leads).map(|l| l.0),
                lead_days: lead(&orange_leads).map(|l| l.1),
                first_yellow_alert: lead(&yellow_leads).map(|l| l.0),
                lead_days_yellow: lead(&yellow_leads).map(|l| l.1),
                baseline_lead_days: [
                    ("no_order_180_days", lead(&silence_leads).map(|l| l.1)),
                    ("quarter_below_60_percent", lead(&dip_leads).map(|l| l.1)),
                ]
                .into_iter()
                .collect(),
            });
        }
    }
    events.sort_by(|a, b| a.churn_quarter.cmp(&b.churn_quarter).then(a.customer.cmp(&b.customer)));
    let outcomes = replays
        .iter()
        .map(|r| {
            let first = |level: Level| r.level.iter().zip(&r.active).position(|(l, a)| *a && *l >= level).map(|i| month_ends[i]);
            Outcome {
                customer: data.name(r.id).to_string(),
                worst_level: r.level.iter().zip(&r.active).filter(|(_, a)| **a).map(|(l, _)| *l).max().unwrap_or(Level::Green),
                first_orange: first(Level::Orange),
                first_yellow: first(Level::Yellow),
                events: r.events.len(),
            }
        })
        .collect();
    Some(BacktestReport {
        from: month_ends[0],
        to: *month_ends.last()?,
        month_ends: month_ends.len(),
        customers: replays.len(),
        event_definition: EVENT_DEFINITION,
        recall: orange.recall,
        precision: orange.precision,
        median_lead_days: orange.median_lead_days,
        orange_or_red: orange,
        yellow_or_worse: yellow,
        by_signal,
        baselines: vec![
            BaselineScore { name: "no_order_180_days", rule: "no order from us for 180 days", metrics: silence },
            BaselineScore {
                name: "quarter_below_60_percent",
                rule: "our last quarter below 60% of our average quarter of the year before",
                metrics: dip,
            },
        ],
        events,
        outcomes,
    })
}

/// Evaluates one customer at the month ends `start..=end`, and finds its churn events there.
fn replay_customer(
    s: &CustomerSeries,
    grid: MonthGrid,
    data: &Dataset,
    cfg: &HealthSettings,
    options: &BacktestOptions,
    start: usize,
    end: usize,
) -> CustomerReplay {
    let n = end - start + 1;
    let first_raw = start.saturating_sub(2);
    let raw: Vec<[Option<Severity>; 6]> = (first_raw..=end)
        .map(|t| {
            let mut kinds = [None; 6];
            for signal in raw_signals(s, t, grid, data, cfg) {
                let k = SignalKind::ALL.iter().position(|x| *x == signal.kind).unwrap_or(0);
                kinds[k] = Some(signal.severity);
            }
            kinds
        })
        .collect();
    let raw_at = |t: usize, k: usize| if t >= first_raw { raw[t - first_raw][k] } else { None };
    let mut out = CustomerReplay {
        id: s.customer,
        active: Vec::with_capacity(n),
        level: Vec::with_capacity(n),
        kinds: Vec::with_capacity(n),
        silence: Vec::with_capacity(n),
        dip: Vec::with_capacity(n),
        events: Vec::new(),
        event_quarters: Vec::new(),
    };
    for t in start..=end {
        let v = View::new(s, t, grid, data);
        out.active.push(v.ours(0, 24).0 > 0);
        let mut kinds = [None; 6];
        for (k, slot) in kinds.iter_mut().enumerate() {
            *slot = persist(raw_at(t, k), t.checked_sub(1).and_then(|p| raw_at(p, k)), t.checked_sub(2).and_then(|p| raw_at(p, k)));
        }
        let level = SignalKind::ALL
            .iter()
            .zip(&kinds)
            .filter(|(kind, _)| kind.is_risk())
            .filter_map(|(_, s)| s.map(Level::from))
            .max()
            .unwrap_or(Level::Green);
        out.level.push(level);
        out.kinds.push(kinds);
        let as_of = v.as_of();
        let last_order = s.our_days[..s.our_days.partition_point(|d| *d <= as_of)].last();
        out.silence.push(last_order.is_some_and(|d| (as_of - *d).num_days() >= 180));
        let (quarter, year_before) = (v.ours(0, 3).dollars(), v.ours(3, 12).dollars() / 4.0);
        out.dip.push(v.covers(0, 15) && year_before >= options.min_event_quarter_usd && quarter < 0.6 * year_before);
    }
    let quarters = quarter_values(s, grid);
    let (range_start, range_end) = (grid.start_of(start), grid.end_of(end));
    for q in churn_quarters(&quarters, options.min_event_quarter_usd) {
        let day = quarters.starts[q];
        if day > range_start && day <= range_end {
            out.events.push(day);
            out.event_quarters.push(Quarter::of(day));
        }
    }
    out
}

/// Our value and active months per whole calendar quarter of the grid.
fn quarter_values(s: &CustomerSeries, grid: MonthGrid) -> QuarterValues {
    let mut starts = Vec::new();
    let mut ours = Vec::new();
    let mut months_active = Vec::new();
    let mut i = 0;
    while i < grid.months {
        let first_day = grid.start_of(i);
        if first_day.day() == 1 && first_day.month() % 3 == 1 && i + 3 <= grid.months {
            starts.push(first_day);
            ours.push(s.months[i..i + 3].iter().map(|m| m.ours.dollars()).sum());
            months_active.push(s.months[i..i + 3].iter().filter(|m| m.ours.0 > 0).count() as u32);
            i += 3;
        } else {
            i += 1;
        }
    }
    QuarterValues { starts, ours, months_active }
}
