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

use crate::analysis::health::{HealthSettings, Level, Severity, SignalKind, View, WARM_UP, persist, raw_signals};
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

/// One customer's replay.
struct CustomerReplay {
    id: CompanyId,
    active: Vec<bool>,
    level: Vec<Level>,
    kinds: Vec<[Option<Severity>; 6]>,
    silence: Vec<bool>,
    dip: Vec<bool>,
    events: Vec<NaiveDate>,
    earlier_events: Vec<NaiveDate>,
    event_quarters: Vec<Quarter>,
}

/// Replays the health check at every month end and scores it.
pub fn backtest(data: &Dataset, cfg: &HealthSettings, options: &BacktestOptions) -> Option<BacktestReport> {
    let first = data.shipments.iter().map(|s| s.date.day).min()?;
    let last = data.shipments.iter().map(|s| s.date.day).max()?;
    // The last whole month: data ending on the 12th says nothing yet about the rest of that month.
    let month_end = last_day_of_month(last.year(), last.month())?;
    let until = if last == month_end { month_end } else { months_back(month_end, 1) };
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
    let scored: Vec<Scored<'_>> =
        replays.iter().map(|r| Scored { active: &r.active, events: &r.events, earlier_events: &r.earlier_events }).collect();
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
    let first_raw = start.saturating_sub(WARM_UP);
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
        earlier_events: Vec::new(),
        event_quarters: Vec::new(),
    };
    for t in start..=end {
        let v = View::new(s, t, grid, data);
        out.active.push(v.ours(0, 24).0 > 0);
        let mut kinds = [None; 6];
        for (k, slot) in kinds.iter_mut().enumerate() {
            let history: Vec<Option<Severity>> = (t.saturating_sub(WARM_UP)..=t).map(|p| raw_at(p, k)).collect();
            *slot = persist(&history);
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
        } else if day <= range_start {
            out.earlier_events.push(day);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Cents, Company, Hs6, Precision, RecordDate, Shipment};

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
