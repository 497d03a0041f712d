//! Customer health (DESIGN.md, "Health"): six rules over a customer's monthly series, each raising
//! a signal with its figures and a plain explanation; persistence and hysteresis over month ends;
//! the level is the worst risk signal.
//!
//! Pure functions over [`crate::analysis::series`]: no I/O. Thresholds live in [`HealthSettings`].

mod business;
mod demand;
mod growth;
mod persistence;
mod rhythm;
mod share;
mod signal;
mod suppliers;
mod thresholds;
mod trend;
mod view;

#[cfg(test)]
mod tests;

pub use persistence::{Raw, WARM_UP, persist};
pub use rhythm::{OrderRhythm, order_rhythm, orders};
pub use signal::{
    BusinessFigures, DemandGapFigures, Figures, GrowthFigures, Level, NewSupplierFigures, RhythmFigures, Severity, ShareFigures, Signal,
    SignalKind, pct, usd,
};
pub use thresholds::{Bounds, HealthSettings, THRESHOLDS, Threshold, ThresholdError, Unit};
pub use view::View;

use crate::analysis::series::{CustomerSeries, MonthGrid, build};
use crate::model::{Cents, CompanyId, Dataset};
use chrono::NaiveDate;
use serde::Serialize;

/// The raw signals of a customer at bucket `t`, before persistence.
pub fn raw_signals(s: &CustomerSeries, t: usize, grid: MonthGrid, data: &Dataset, cfg: &HealthSettings) -> Vec<Signal> {
    let v = View::new(s, t, grid, data);
    [share::assess, suppliers::assess, demand::assess, business::assess, rhythm::assess, growth::assess]
        .iter()
        .filter_map(|rule| rule(&v, cfg))
        .collect()
}

/// The signals that count at bucket `t`: raw signals through persistence and hysteresis (see
/// [`persist`]), each with the figures of the latest month that had it.
pub fn signals_at(s: &CustomerSeries, t: usize, grid: MonthGrid, data: &Dataset, cfg: &HealthSettings) -> Vec<Signal> {
    // Raw results of the warm-up months and the as-of month, newest first.
    let raws: Vec<Vec<Signal>> = (0..=WARM_UP.min(t)).map(|k| raw_signals(s, t - k, grid, data, cfg)).collect();
    let mut out: Vec<Signal> = SignalKind::ALL
        .iter()
        .filter_map(|kind| {
            let history: Vec<Option<Raw>> = raws.iter().rev().map(|list| list.iter().find(|x| x.kind == *kind).map(Signal::raw)).collect();
            let effective = persist(&history)?;
            let mut signal = raws.iter().flatten().find(|x| x.kind == *kind)?.clone();
            signal.severity = effective;
            Some(signal)
        })
        .collect();
    out.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.kind.cmp(&b.kind)));
    out
}

/// The level of a set of signals: the worst risk, green when none.
pub fn level_of(signals: &[Signal]) -> Level {
    signals.iter().filter(|s| s.kind.is_risk()).map(|s| Level::from(s.severity)).max().unwrap_or(Level::Green)
}

/// One customer's health at the as-of date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CustomerHealth {
    /// Company id.
    pub id: CompanyId,
    /// Display name.
    pub customer: String,
    /// Health colour.
    pub level: Level,
    /// Our share of its category purchases over the last 12 months, when it bought any.
    pub share: Option<f64>,
    /// Our sales to it over the last 12 months.
    pub ours_12m: Cents,
    /// Its category purchases over the last 12 months.
    pub category_12m: Cents,
    /// The signals that count, worst first.
    pub signals: Vec<Signal>,
}

/// Every customer's health at one date, worst first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HealthReport {
    /// The as-of date.
    pub as_of: NaiveDate,
    /// Customers of ours (bought from us in the two years to the as-of date).
    pub customers: Vec<CustomerHealth>,
}

/// Assesses every customer who bought from us in the two years to `as_of`, seeing only shipments on
/// or before it.
pub fn assess(data: &Dataset, as_of: NaiveDate, cfg: &HealthSettings) -> HealthReport {
    let grid = MonthGrid::new(as_of, cfg.history_months() + WARM_UP);
    let portfolio = build(data, grid);
    let t = grid.months - 1;
    let mut customers: Vec<CustomerHealth> = portfolio
        .customers
        .iter()
        .filter(|s| View::new(s, t, grid, data).ours(0, 24).0 > 0)
        .map(|s| customer_health(s, t, grid, data, cfg))
        .collect();
    customers.sort_by(|a, b| b.level.cmp(&a.level).then(b.ours_12m.cmp(&a.ours_12m)).then(a.customer.cmp(&b.customer)));
    HealthReport { as_of, customers }
}

/// One customer's health at bucket `t`.
pub fn customer_health(s: &CustomerSeries, t: usize, grid: MonthGrid, data: &Dataset, cfg: &HealthSettings) -> CustomerHealth {
    let v = View::new(s, t, grid, data);
    let signals = signals_at(s, t, grid, data, cfg);
    let (ours, category) = (v.ours(0, 12), v.category(0, 12));
    CustomerHealth {
        id: s.customer,
        customer: data.name(s.customer).to_string(),
        level: level_of(&signals),
        share: (category.0 > 0).then(|| v.ours_category(0, 12).0 as f64 / category.0 as f64),
        ours_12m: ours,
        category_12m: category,
        signals,
    }
}
