//! Raw metric values of every customer of ours at one month end, from the monthly series.
//!
//! Missing values: a growth without a prior year, a share without category purchases, a recency
//! without any order are `None`, which normalisation scores as neutral (the middle of the range).
//! So is a figure whose window reaches back before the first shipment in the data: a growth against
//! a year the files do not cover would be a growth against nothing.

use super::metric::{METRICS, Metric, manual_value};
use crate::analysis::health::{HealthSettings, Level, SignalKind, View, level_of, orders, signals_at};
use crate::analysis::market_position::{MarketGrid, Place, Standing};
use crate::analysis::series::{CustomerSeries, MonthGrid};
use crate::model::date::{month_number_diff, months_back};
use crate::model::{CompanyId, Dataset, Hs6, ManualAttributes};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

/// One customer's raw metrics.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    /// The customer.
    pub id: CompanyId,
    /// Raw values, indexed by [`Metric::index`].
    pub raw: [Option<f64>; METRICS],
    /// Its health level at the month end.
    pub level: Level,
    /// The growth opportunity flagged at the month end, if any (its explanation in English and
    /// Chinese).
    pub growth_signal: Option<(String, String)>,
    /// Our sales over the last six months (USD).
    pub ours_6m: f64,
    /// Our sales over the six months before (USD).
    pub ours_prior_6m: f64,
}

impl Measured {
    /// A raw value.
    pub fn get(&self, m: Metric) -> Option<f64> {
        self.raw[m.index()]
    }
}

/// The market's purchases of each code per month (every buyer in the data), for growth comparisons.
pub type MarketByCode = FxHashMap<Hs6, Vec<i64>>;

/// Sums every buyer's purchases per code and month bucket of the grid.
pub fn market_by_code(data: &Dataset, grid: MonthGrid) -> MarketByCode {
    let mut out: MarketByCode = FxHashMap::default();
    let buckets = crate::analysis::series::Buckets::new(grid);
    for s in &data.shipments {
        if let Some(i) = buckets.index(s.date.day) {
            out.entry(s.hs6).or_insert_with(|| vec![0; grid.months])[i] += s.value.0;
        }
    }
    out
}

/// What measuring needs besides the customer: the grid, the data, the health thresholds and the
/// market's monthly purchases per code.
pub struct Context<'a> {
    /// The month grid of the series.
    pub grid: MonthGrid,
    /// Names, competitors, catalog.
    pub data: &'a Dataset,
    /// Health thresholds (the health metric, the order grouping).
    pub cfg: &'a HealthSettings,
    /// Every buyer's purchases per code and month.
    pub market: MarketByCode,
    /// Every importer's purchases of our kind per country and month, for market positions.
    pub markets: MarketGrid,
    /// The first bucket the data cover (0 when they start before the grid).
    first_bucket: usize,
}

impl<'a> Context<'a> {
    /// The context of a grid over `data`.
    pub fn new(grid: MonthGrid, data: &'a Dataset, cfg: &'a HealthSettings) -> Context<'a> {
        let first_day = data.shipments.iter().map(|s| s.date.day).min();
        let first_bucket = first_day.and_then(|d| grid.index(d)).unwrap_or(0);
        let markets = MarketGrid::build(data, grid, &data.codes_shipped_by_us(grid.until));
        Context { grid, data, cfg, market: market_by_code(data, grid), markets, first_bucket }
    }

    /// True when the data cover the whole window `back..back+len` before bucket `t`.
    fn known(&self, t: usize, back: usize, len: usize) -> bool {
        t + 1 >= back + len + self.first_bucket
    }
}

/// Measures one customer at bucket `t`, given its place in its market then (if it has one).
pub fn measure(s: &CustomerSeries, t: usize, ctx: &Context, manual: &ManualAttributes, place: Option<&Place>) -> Measured {
    let v = View::new(s, t, ctx.grid, ctx.data);
    let mut raw = [None; METRICS];
    let mut set = |m: Metric, x: Option<f64>| raw[m.index()] = x.filter(|x| x.is_finite());
    let as_of = v.as_of();
    let (ours, ours_before) = (v.ours(0, 12).dollars(), v.ours(12, 12).dollars());
    let (wallet, ours_cat) = (v.category(0, 12).dollars(), v.ours_category(0, 12).dollars());
    set(Metric::Monetary, Some(ours));
    let known_days = &s.our_days[..s.our_days.partition_point(|d| *d <= as_of)];
    let year_ago = months_back(as_of, 12);
    let orders_last_year = orders(known_days, ctx.cfg.rhythm_same_order_days).iter().filter(|d| **d > year_ago).count();
    set(Metric::Frequency, Some(orders_last_year as f64));
    set(Metric::Recency, known_days.last().map(|d| (as_of - *d).num_days() as f64));
    set(Metric::Tenure, known_days.first().map(|d| month_number_diff(as_of, *d) as f64));
    set(Metric::SalesGrowth, (ours_before > 0.0 && ctx.known(t, 12, 12)).then(|| ours / ours_before - 1.0));
    set(Metric::CategoryVsMarket, category_vs_market(&v, ctx));
    set(Metric::Wallet, Some(wallet));
    set(Metric::Share, (wallet > 0.0).then(|| ours_cat / wallet));
    set(Metric::Headroom, Some((wallet - ours_cat).max(0.0)));
    let codes: BTreeSet<Hs6> = s.our_codes.iter().filter(|(m, _)| *m <= t && m + 12 > t).map(|(_, c)| *c).collect();
    set(Metric::Diversity, Some(codes.len() as f64));
    let first_ours = known_days.first().and_then(|d| ctx.grid.index(*d)).unwrap_or(0);
    set(Metric::Stability, stability(&v, first_ours.max(ctx.first_bucket)));
    set(Metric::Concentration, concentration(&v));
    // A share of a market the files barely cover says nothing; a market of one is always "100%".
    set(Metric::MarketPosition, place.filter(|p| p.standing != Standing::Thin).map(|p| p.share));
    let signals = signals_at(s, t, ctx.grid, ctx.data, ctx.cfg);
    let level = level_of(&signals);
    set(Metric::Health, Some(level as u8 as f64));
    for m in Metric::ALL.into_iter().filter(|m| m.is_manual()) {
        set(m, manual_value(manual, m).map(f64::from));
    }
    let growth_signal =
        signals.iter().find(|x| x.kind == SignalKind::GrowthOpportunity).map(|x| (x.explanation.clone(), x.explanation_zh.clone()));
    let (ours_6m, ours_prior_6m) = (v.ours(0, 6).dollars(), v.ours(6, 6).dollars());
    Measured { id: s.customer, raw, level, growth_signal, ours_6m, ours_prior_6m }
}

/// The customer's category growth minus the market's growth for the codes it bought the year
/// before (weighted by what it bought of each).
fn category_vs_market(v: &View, ctx: &Context) -> Option<f64> {
    let (now, before) = (v.category(0, 12).dollars(), v.category(12, 12).dollars());
    if before <= 0.0 || !v.covers(0, 24) || !ctx.known(v.t, 12, 12) {
        return None;
    }
    let t = v.t;
    let mut weights: BTreeMap<Hs6, f64> = BTreeMap::new();
    for c in v.s.codes.iter().filter(|c| c.in_catalog && c.month <= t.saturating_sub(12) && c.month + 24 > t) {
        *weights.entry(c.hs6).or_default() += c.value.dollars();
    }
    let total: f64 = weights.values().sum();
    if total <= 0.0 {
        return None;
    }
    let mut market_growth = 0.0;
    for (code, w) in &weights {
        let series = ctx.market.get(code)?;
        let sum = |from: usize, to: usize| series[from..=to].iter().sum::<i64>() as f64;
        let (m_now, m_before) = (sum(t - 11, t), sum(t - 23, t - 12));
        if m_before > 0.0 {
            market_growth += w / total * (m_now / m_before - 1.0);
        }
    }
    Some((now / before - 1.0) - market_growth)
}

/// The coefficient of variation of our quarterly sales over the last eight quarters, counting only
/// whole quarters from bucket `from` on (the first purchase from us, or the data's start): the
/// quarters before a customer's first order are not variation.
fn stability(v: &View, from: usize) -> Option<f64> {
    let quarters: Vec<f64> =
        (0..8).filter(|q| v.covers(q * 3, 3) && v.t + 1 >= q * 3 + 3 + from).map(|q| v.ours(q * 3, 3).dollars()).collect();
    if quarters.len() < 4 {
        return None;
    }
    let mean = quarters.iter().sum::<f64>() / quarters.len() as f64;
    if mean <= 0.0 {
        return None;
    }
    let sd = (quarters.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (quarters.len() - 1) as f64).sqrt();
    Some(sd / mean)
}

/// The Herfindahl index of its category suppliers' shares over the last 12 months (summed in id
/// order, so the result is the same on every run).
fn concentration(v: &View) -> Option<f64> {
    let t = v.t;
    let mut by: BTreeMap<CompanyId, f64> = BTreeMap::new();
    for s in v.s.suppliers.iter().filter(|s| s.month <= t && s.month + 12 > t) {
        *by.entry(s.supplier).or_default() += s.value.dollars();
    }
    let total: f64 = by.values().sum();
    (total > 0.0).then(|| by.values().map(|x| (x / total).powi(2)).sum())
}
