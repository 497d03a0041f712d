//! The early-warning promise, measured: replay history at every month end, run the health check as
//! of that date seeing only what was known then, and score its alerts against the churn events that
//! followed — beside what a firm sees from its own sales alone.
//!
//! Shipments are aggregated once into calendar-month series; every month end is evaluated on those
//! series (the same rules and persistence as a single health check), not by reloading data.

mod events;
mod metrics;
mod replay;
mod tune;

pub use events::{QuarterValues, churn_quarters};
pub use metrics::{Leads, Metrics, Scored, score};
pub use replay::{BacktestOptions, CustomerReplay, Measured, MeasuredCustomer, Replay, measure_replay, replay};
pub use tune::{OperatingPoint, PartScore, SEARCHED, Searched, TuneError, TuneOptions, Tuning, tune};

use crate::analysis::health::{HealthSettings, Level, Severity, SignalKind};
use crate::model::date::months_back;
use crate::model::{Dataset, Quarter};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// How the churn events are defined, for the report.
pub const EVENT_DEFINITION: &str = "a quarter in which our value to the customer falls below half of its average over the four quarters before (at least the minimum size), or to zero; for a customer that did not buy from us in at least three of those four quarters, a year and a half without any order from us after a year with orders";

/// How the figures are counted, for the report.
pub const METRIC_DEFINITIONS: &str = "recall: events with an alert in the 12 months before the event quarter starts; lead: from the first such alert to the quarter's start; precision: alerted customer-months followed by an event within 12 months, over alerted months with a known 12-month outcome, leaving out the 12 months from an event on (precision_all_months keeps them); false-alarm rate: customers without any event that were ever alerted at a month end with a known outcome (false_alarm_rate_all_months counts every month end)";

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
    /// A churn event needs our average quarter before it to reach this (USD).
    pub min_event_quarter_usd: f64,
    /// How precision and the false-alarm rate are counted.
    pub metric_definitions: &'static str,
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
    /// Each signal kind alone, yellow or worse of that kind.
    pub by_signal: BTreeMap<SignalKind, Metrics>,
    /// Each signal kind alone, orange or red of that kind.
    pub by_signal_orange: BTreeMap<SignalKind, Metrics>,
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

/// A customer's churn events: inside the replayed range (scored) and before it.
#[derive(Default)]
struct Found {
    events: Vec<NaiveDate>,
    quarters: Vec<Quarter>,
    earlier: Vec<NaiveDate>,
}

/// Replays the health check at every month end and scores it.
pub fn backtest(data: &Dataset, cfg: &HealthSettings, options: &BacktestOptions) -> Option<BacktestReport> {
    let Replay { month_ends, customers: replays } = replay(data, cfg, options)?;
    let (range_start, range_end) = (months_back(*month_ends.first()?, 1), *month_ends.last()?);
    // Each customer's churn events: scored inside the range, remembered before it.
    let mut found: Vec<Found> = Vec::with_capacity(replays.len());
    for r in &replays {
        let mut f = Found::default();
        for q in churn_quarters(&r.quarters, options.min_event_quarter_usd) {
            let day = r.quarters.starts[q];
            if day > range_start && day <= range_end {
                f.events.push(day);
                f.quarters.push(Quarter::of(day));
            } else if day <= range_start {
                f.earlier.push(day);
            }
        }
        found.push(f);
    }
    let scored: Vec<Scored<'_>> =
        replays.iter().zip(&found).map(|(r, f)| Scored { active: &r.active, events: &f.events, earlier_events: &f.earlier }).collect();
    let replays = &replays;
    let at = |level: Level| move |c: usize, i: usize| replays[c].level[i] >= level;
    let (orange, orange_leads) = score(&month_ends, &scored, &at(Level::Orange));
    let (yellow, yellow_leads) = score(&month_ends, &scored, &at(Level::Yellow));
    let by_signal = SignalKind::ALL
        .iter()
        .enumerate()
        .map(|(k, kind)| (*kind, score(&month_ends, &scored, &|c: usize, i: usize| replays[c].kinds[i][k].is_some()).0))
        .collect();
    let by_signal_orange = SignalKind::ALL
        .iter()
        .enumerate()
        .map(|(k, kind)| (*kind, score(&month_ends, &scored, &|c: usize, i: usize| replays[c].kinds[i][k] >= Some(Severity::Orange)).0))
        .collect();
    let (silence, silence_leads) = score(&month_ends, &scored, &|c: usize, i: usize| replays[c].silence[i]);
    let (dip, dip_leads) = score(&month_ends, &scored, &|c: usize, i: usize| replays[c].dip[i]);
    let mut events = Vec::new();
    for (c, r) in replays.iter().enumerate() {
        for (e, quarter) in found[c].quarters.iter().enumerate() {
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
        .zip(&found)
        .map(|(r, f)| {
            let first = |level: Level| r.level.iter().zip(&r.active).position(|(l, a)| *a && *l >= level).map(|i| month_ends[i]);
            Outcome {
                customer: data.name(r.id).to_string(),
                worst_level: r.level.iter().zip(&r.active).filter(|(_, a)| **a).map(|(l, _)| *l).max().unwrap_or(Level::Green),
                first_orange: first(Level::Orange),
                first_yellow: first(Level::Yellow),
                events: f.events.len(),
            }
        })
        .collect();
    Some(BacktestReport {
        from: month_ends[0],
        to: *month_ends.last()?,
        month_ends: month_ends.len(),
        customers: replays.len(),
        event_definition: EVENT_DEFINITION,
        min_event_quarter_usd: options.min_event_quarter_usd,
        metric_definitions: METRIC_DEFINITIONS,
        recall: orange.recall,
        precision: orange.precision,
        median_lead_days: orange.median_lead_days,
        orange_or_red: orange,
        yellow_or_worse: yellow,
        by_signal,
        by_signal_orange,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cents, Company, CompanyId, Hs6, Precision, RecordDate, Shipment};

    fn ship(y: i32, m: u32, buyer: i64, supplier: i64, dollars: f64) -> Shipment {
        Shipment {
            date: RecordDate { day: NaiveDate::from_ymd_opt(y, m, 15).expect("date"), precision: Precision::Day },
            buyer: CompanyId(buyer),
            supplier: Some(CompanyId(supplier)),
            hs6: Hs6(731815),
            value: Cents::from_dollars(dollars).expect("c"),
            weight_kg: None,
            origin: None,
            destination: None,
        }
    }

    /// Two customers over 2023–2024, computed by hand: LOST buys 10k a month from us until June
    /// 2024, then only from a rival (an event in 2024Q3, nothing warns of it beforehand); STEADY buys
    /// from us every month (no event, never alerted).
    #[test]
    fn a_tiny_replay_end_to_end() {
        let mut data = Dataset { catalog: vec!["7318".into()], ..Default::default() };
        for (id, name) in [(1, "LOST"), (2, "STEADY"), (10, "US"), (20, "RIVAL")] {
            data.companies
                .insert(CompanyId(id), Company { id: CompanyId(id), name: name.into(), aliases: vec![name.into()], keys: vec![] });
        }
        data.me.insert(CompanyId(10));
        for (y, m) in (2023..=2024).flat_map(|y| (1..=12).map(move |m| (y, m))) {
            let supplier = if (y, m) < (2024, 7) { 10 } else { 20 };
            data.shipments.push(ship(y, m, 1, supplier, 10_000.0));
            data.shipments.push(ship(y, m, 2, 10, 5_000.0));
        }
        let r = backtest(&data, &HealthSettings::default(), &BacktestOptions::default()).expect("replay");
        // The data ends on 15 December: December is not whole, so the replay stops at 30 November.
        assert_eq!((r.from.to_string(), r.to.to_string(), r.month_ends, r.customers), ("2024-01-31".into(), "2024-11-30".into(), 11, 2));
        let events: Vec<(String, String)> = r.events.iter().map(|e| (e.customer.clone(), e.churn_quarter.to_string())).collect();
        assert_eq!(events, [("LOST".to_string(), "2024Q3".to_string())]);
        assert_eq!((r.orange_or_red.events, r.orange_or_red.warned), (1, 0), "nothing in the data announced the switch");
        assert_eq!(r.events[0].baseline_lead_days["no_order_180_days"], None, "180 days of silence come only after the loss");
        let steady = r.outcomes.iter().find(|o| o.customer == "STEADY").expect("steady");
        assert_eq!((steady.worst_level, steady.events), (Level::Green, 0));
        let lost = r.outcomes.iter().find(|o| o.customer == "LOST").expect("lost");
        assert!(lost.worst_level >= Level::Orange && lost.first_orange > Some(NaiveDate::from_ymd_opt(2024, 7, 1).expect("d")));
        // Every month end replayed is within 12 months of the data's end: no alert has a known outcome.
        assert_eq!((r.orange_or_red.alerted_months, r.orange_or_red.precision), (0, None));
    }
}
