//! Customer health (DESIGN.md, "Health"): six rules over a customer's monthly series, each raising
//! a signal with its figures and a plain explanation; persistence and hysteresis over month ends;
//! the level is the worst risk signal.
//!
//! Pure functions over [`crate::analysis::series`]: no I/O. Thresholds live in [`HealthSettings`].

mod business;
mod demand;
mod grade;
mod growth;
mod persistence;
mod rhythm;
mod share;
mod signal;
mod suppliers;
pub mod threshold_sets;
mod thresholds;
mod trend;
mod view;

#[cfg(test)]
mod tests;

pub use persistence::{Raw, WARM_UP, persist};

pub use rhythm::{OrderRhythm, order_rhythm, orders};
pub use signal::{
    BusinessFigures, DemandGapFigures, Figures, GrowthFigures, Level, NewSupplierFigures, RhythmFigures, Severity, ShareFigures, Signal,
    SignalKind,
};
pub use threshold_sets::{SetError, ThresholdSet, ThresholdSets, TunedOn};
pub use thresholds::{Bounds, HealthSettings, THRESHOLDS, Threshold, ThresholdError, Unit};
pub use view::View;

use crate::analysis::series::{CustomerSeries, MonthGrid, build};
use crate::model::{Cents, CompanyId, Dataset};
use chrono::NaiveDate;
use serde::Serialize;

/// What every rule measured about a customer at one month end: the part of a health check that
/// does not depend on the thresholds a tuning moves ([`TUNABLE`]), so a replay can be measured once
/// and judged under many threshold sets.
#[derive(Debug, Clone, PartialEq)]
pub struct Measures {
    share: Option<share::Stats>,
    suppliers: Option<suppliers::Stats>,
    demand: Option<demand::Stats>,
    business: Option<business::Stats>,
    rhythm: Option<rhythm::Stats>,
    growth: Option<growth::Stats>,
    /// Whether a business decline here must hold at two month ends (a lumpy customer's must).
    business_confirm: bool,
}

/// The thresholds [`Measures::judge`] reads; every other threshold shapes what is measured.
pub const TUNABLE: &[&str] = &[
    "share_drop_yellow",
    "share_drop_orange",
    "share_strength_yellow",
    "share_strength_orange",
    "share_abrupt_drop",
    "new_supplier_regular_months",
    "new_supplier_dominant_share",
    "new_supplier_material_share",
    "new_supplier_orange_share",
    "demand_orange_vs_ours",
    "demand_our_fall_orange",
    "business_fall_orange",
    "business_strength",
    "business_quarter_fall",
    "business_red_half_year",
    "business_red_year",
    "rhythm_yellow_gaps",
    "rhythm_orange_gaps",
    "rhythm_elsewhere_orange",
    "rhythm_min_days",
    "rhythm_overdue_gaps",
    "growth_ratio",
    "growth_min_increase_usd",
];

/// Measures a customer at bucket `t`.
pub fn measure(s: &CustomerSeries, t: usize, grid: MonthGrid, data: &Dataset, cfg: &HealthSettings) -> Measures {
    let v = View::new(s, t, grid, data);
    let business = business::measure(&v, cfg);
    Measures {
        share: share::measure(&v, cfg),
        suppliers: suppliers::measure(&v, cfg),
        demand: demand::measure(&v, cfg),
        business_confirm: business.as_ref().is_none_or(business::confirm),
        business,
        rhythm: rhythm::measure(&v, cfg),
        growth: growth::measure(&v, cfg),
    }
}

impl Measures {
    /// Each kind's raw finding under `cfg` (in [`SignalKind::ALL`] order), before persistence.
    pub fn judge(&self, cfg: &HealthSettings) -> [Option<Raw>; 6] {
        let raw = |kind: SignalKind, severity: Option<Severity>, confirm: bool| {
            severity.map(|severity| Raw { severity, confirm: confirm && kind.needs_confirmation() })
        };
        [
            raw(SignalKind::ShareDecline, self.share.as_ref().and_then(|s| share::judge(s, cfg)), true),
            raw(SignalKind::NewSupplier, self.suppliers.as_ref().and_then(|s| suppliers::judge(s, cfg)), true),
            raw(SignalKind::DemandGap, self.demand.as_ref().and_then(|s| demand::judge(s, cfg)), true),
            raw(SignalKind::BusinessDecline, self.business.as_ref().and_then(|s| business::judge(s, cfg)), self.business_confirm),
            raw(SignalKind::OrderFrequencyDrop, self.rhythm.as_ref().and_then(|s| rhythm::judge(s, cfg)), true),
            raw(SignalKind::GrowthOpportunity, self.growth.as_ref().and_then(|s| growth::judge(s, cfg)), true),
        ]
    }
}

/// The raw signals of a customer at bucket `t`, before persistence.
pub fn raw_signals(s: &CustomerSeries, t: usize, grid: MonthGrid, data: &Dataset, cfg: &HealthSettings) -> Vec<Signal> {
    let v = View::new(s, t, grid, data);
    let m = measure(s, t, grid, data, cfg);
    let mut out = Vec::new();
    if let Some(x) = &m.share
        && let Some(severity) = share::judge(x, cfg)
    {
        out.push(share::signal(&v, x, severity, cfg));
    }
    if let Some(x) = &m.suppliers
        && let Some(severity) = suppliers::judge(x, cfg)
    {
        out.push(suppliers::signal(&v, x, severity, cfg));
    }
    if let Some(x) = &m.demand
        && let Some(severity) = demand::judge(x, cfg)
    {
        out.push(demand::signal(&v, x, severity));
    }
    if let Some(x) = &m.business
        && let Some(severity) = business::judge(x, cfg)
    {
        out.push(business::signal(&v, x, severity));
    }
    if let Some(x) = &m.rhythm
        && let Some(severity) = rhythm::judge(x, cfg)
    {
        out.push(rhythm::signal(&v, x, severity, cfg));
    }
    if let Some(x) = &m.growth
        && let Some(severity) = growth::judge(x, cfg)
    {
        out.push(growth::signal(&v, x, severity));
    }
    out
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
    level_from(signals.iter().map(|s| (s.kind, s.severity)))
}

/// The level of signals given by kind and severity: the worst risk, green when none (a growth
/// opportunity never raises it).
pub fn level_from(signals: impl Iterator<Item = (SignalKind, Severity)>) -> Level {
    signals.filter(|(kind, _)| kind.is_risk()).map(|(_, s)| Level::from(s)).max().unwrap_or(Level::Green)
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
