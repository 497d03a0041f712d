//! The month-end replay: every customer's health at every month end of a range, seeing only what was
//! known then, beside the two own-sales rules a firm would use without the app. Scoring is separate
//! (against the churn events in the data, or a generator's recorded truth).
//!
//! The replay is measured once ([`measure_replay`]: what every rule sees at every month end) and
//! judged under a threshold set ([`Measured::judge`]), so a tuning judges the same measures under
//! many sets in milliseconds each.

use super::events::QuarterValues;
use crate::analysis::health::{HealthSettings, Level, Measures, Raw, Severity, SignalKind, View, WARM_UP, level_from, measure, persist};
use crate::analysis::series::{CustomerSeries, MonthGrid, build};
use crate::model::date::{last_day_of_month, months_back};
use crate::model::{CompanyId, Dataset};
use chrono::{Datelike, NaiveDate};

/// Settings of a replay.
#[derive(Debug, Clone, PartialEq)]
pub struct BacktestOptions {
    /// First month end replayed (default: a year after the data starts).
    pub from: Option<NaiveDate>,
    /// Last month end replayed (default: the last in the data).
    pub to: Option<NaiveDate>,
    /// A churn event needs our average quarter before it to reach this (USD); the own-sales dip
    /// rule uses the same floor.
    pub min_event_quarter_usd: f64,
}

impl Default for BacktestOptions {
    fn default() -> Self {
        BacktestOptions { from: None, to: None, min_event_quarter_usd: 5_000.0 }
    }
}

/// One customer over the replayed month ends.
#[derive(Debug, Clone)]
pub struct CustomerReplay {
    /// The customer.
    pub id: CompanyId,
    /// Per month end: a customer of ours then (bought from us in the two years before).
    pub active: Vec<bool>,
    /// Per month end: its health level.
    pub level: Vec<Level>,
    /// Per month end: each signal kind's severity after persistence (in [`SignalKind::ALL`] order).
    pub kinds: Vec<[Option<Severity>; 6]>,
    /// Per month end: no order from us for 180 days (own-sales rule).
    pub silence: Vec<bool>,
    /// Per month end: our last quarter below 60% of our average quarter of the year before
    /// (own-sales rule).
    pub dip: Vec<bool>,
    /// Our value per whole calendar quarter of the grid (for churn events).
    pub quarters: QuarterValues,
}

/// Every customer of ours at every month end of a range.
#[derive(Debug, Clone)]
pub struct Replay {
    /// The month ends replayed, oldest first.
    pub month_ends: Vec<NaiveDate>,
    /// The customers active at some month end.
    pub customers: Vec<CustomerReplay>,
}

/// One customer measured at the replayed month ends and the warm-up months before them.
#[derive(Debug, Clone)]
pub struct MeasuredCustomer {
    id: CompanyId,
    /// Measures from `WARM_UP` months before the first month end (fewer at the grid's start).
    measures: Vec<Measures>,
    /// How many of `measures` come before the first month end.
    warm_up: usize,
    active: Vec<bool>,
    silence: Vec<bool>,
    dip: Vec<bool>,
    quarters: QuarterValues,
}

/// A replay measured, to be judged under any threshold set whose structural thresholds (those
/// outside [`crate::analysis::health::TUNABLE`]) are the ones it was measured with.
#[derive(Debug, Clone)]
pub struct Measured {
    /// The month ends replayed, oldest first.
    pub month_ends: Vec<NaiveDate>,
    /// Every customer of ours at some month end.
    pub customers: Vec<MeasuredCustomer>,
}

/// Replays the health check at every month end of the options' range (`None` when the data holds
/// no whole month in it).
pub fn replay(data: &Dataset, cfg: &HealthSettings, options: &BacktestOptions) -> Option<Replay> {
    Some(measure_replay(data, cfg, options)?.judge(cfg))
}

/// Measures every customer at every month end of the options' range.
pub fn measure_replay(data: &Dataset, cfg: &HealthSettings, options: &BacktestOptions) -> Option<Measured> {
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
    let customers = portfolio
        .customers
        .iter()
        .map(|s| measure_customer(s, grid, data, cfg, options, start, end))
        .filter(|r| r.active.iter().any(|a| *a))
        .collect();
    Some(Measured { month_ends: range.iter().map(|i| grid.end_of(*i)).collect(), customers })
}

/// Measures one customer at the month ends `start..=end` and the warm-up before them.
fn measure_customer(
    s: &CustomerSeries,
    grid: MonthGrid,
    data: &Dataset,
    cfg: &HealthSettings,
    options: &BacktestOptions,
    start: usize,
    end: usize,
) -> MeasuredCustomer {
    let n = end - start + 1;
    let first_raw = start.saturating_sub(WARM_UP);
    let mut out = MeasuredCustomer {
        id: s.customer,
        measures: (first_raw..=end).map(|t| measure(s, t, grid, data, cfg)).collect(),
        warm_up: start - first_raw,
        active: Vec::with_capacity(n),
        silence: Vec::with_capacity(n),
        dip: Vec::with_capacity(n),
        quarters: quarter_values(s, grid),
    };
    for t in start..=end {
        let v = View::new(s, t, grid, data);
        out.active.push(v.ours(0, 24).0 > 0);
        let as_of = v.as_of();
        let last_order = s.our_days[..s.our_days.partition_point(|d| *d <= as_of)].last();
        out.silence.push(last_order.is_some_and(|d| (as_of - *d).num_days() >= 180));
        let (quarter, year_before) = (v.ours(0, 3).dollars(), v.ours(3, 12).dollars() / 4.0);
        out.dip.push(v.covers(0, 15) && year_before >= options.min_event_quarter_usd && quarter < 0.6 * year_before);
    }
    out
}

impl Measured {
    /// Every customer's level and signal kinds at every month end under `cfg`.
    pub fn judge(&self, cfg: &HealthSettings) -> Replay {
        let customers = self.customers.iter().map(|c| c.judge(cfg)).collect();
        Replay { month_ends: self.month_ends.clone(), customers }
    }
}

impl MeasuredCustomer {
    /// Our value per whole calendar quarter (for churn events).
    pub fn quarter_values(&self) -> &QuarterValues {
        &self.quarters
    }

    /// The customer's replay under `cfg`.
    fn judge(&self, cfg: &HealthSettings) -> CustomerReplay {
        let raw: Vec<[Option<Raw>; 6]> = self.measures.iter().map(|m| m.judge(cfg)).collect();
        let n = self.active.len();
        let mut kinds_out = Vec::with_capacity(n);
        let mut level_out = Vec::with_capacity(n);
        for i in 0..n {
            // Month end `i` is raw index `warm_up + i`; persistence looks back `WARM_UP` months.
            let at = self.warm_up + i;
            let mut kinds = [None; 6];
            for (k, slot) in kinds.iter_mut().enumerate() {
                let history: Vec<Option<Raw>> = raw[at.saturating_sub(WARM_UP)..=at].iter().map(|r| r[k]).collect();
                *slot = persist(&history);
            }
            let level = level_from(SignalKind::ALL.iter().zip(&kinds).filter_map(|(kind, s)| s.map(|s| (*kind, s))));
            level_out.push(level);
            kinds_out.push(kinds);
        }
        CustomerReplay {
            id: self.id,
            active: self.active.clone(),
            level: level_out,
            kinds: kinds_out,
            silence: self.silence.clone(),
            dip: self.dip.clone(),
            quarters: self.quarters.clone(),
        }
    }
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
