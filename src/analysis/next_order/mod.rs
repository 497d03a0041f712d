//! Seasons and the next order: from the orders a customer placed with us, its usual rhythm (the
//! days between orders: median and the middle half of them), the date its next order is expected
//! with a range, whether it is due soon or already overdue beyond its usual range, and its seasonal
//! profile (which quarter of the year it buys most in, how strongly, how sure — or that the history
//! is too short to tell). `replay` measures the forecast at past month ends against what happened,
//! beside "same time as last year".
//!
//! An order is a day on which we shipped to the customer (a month, for files dated by month), so
//! several lines of one shipment count once.

mod replay;
mod season;
#[cfg(test)]
mod tests;

pub use replay::{Accuracy, replay};
pub use season::{Season, season};

use crate::model::{CompanyId, Dataset};
use chrono::{Duration, NaiveDate};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// Shipping days this close to the one before belong to the same order.
pub const SAME_LOT_DAYS: i64 = 3;
/// Orders needed before a rhythm is read (three gaps between them).
pub const MIN_ORDERS: usize = 4;
/// Orders expected within this many days are "due": time to call.
pub const DUE_DAYS: i64 = 30;
/// A customer with no order from us for a year, and for twice its longest usual gap, is not
/// forecast: it is lost (the health check says so), not late.
const LOST_DAYS: f64 = 365.0;

/// A customer's usual gap between orders, in days.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rhythm {
    /// Orders counted.
    pub orders: usize,
    /// The median gap.
    pub median: f64,
    /// The middle half of the gaps: from the 25th to the 75th percentile.
    pub low: f64,
    /// See `low`.
    pub high: f64,
    /// The 90th percentile: later than this is beyond its usual range.
    pub late: f64,
}

/// Where a customer's next order stands at the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderState {
    /// Orders so often (a median gap of [`DUE_DAYS`] or less) that it needs no call to prompt it.
    Regular,
    /// Its range opens within [`DUE_DAYS`] (or is open now): time to call.
    Due,
    /// Past its usual range, not yet beyond its longest usual gaps: a call is overdue.
    Late,
    /// Expected later.
    Later,
    /// Past its usual range (the 90th percentile of its gaps): already a concern.
    Overdue,
}

impl OrderState {
    /// Its short name's text key (a table cell).
    pub fn text_key(self) -> &'static str {
        match self {
            OrderState::Regular => "order.state.regular",
            OrderState::Due => "order.state.due",
            OrderState::Late => "order.state.late",
            OrderState::Later => "order.state.later",
            OrderState::Overdue => "order.state.overdue",
        }
    }
}

/// The next order of one customer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextOrder {
    /// The customer.
    #[serde(skip)]
    pub id: CompanyId,
    /// Its name.
    pub customer: String,
    /// The first day of its last order with us.
    pub last: NaiveDate,
    /// Its rhythm.
    pub rhythm: Rhythm,
    /// The expected day: the last order plus the median gap.
    pub expected: NaiveDate,
    /// The range: the last order plus the middle half of the gaps.
    pub earliest: NaiveDate,
    /// See `earliest`.
    pub latest: NaiveDate,
    /// Later than this is overdue.
    pub overdue_after: NaiveDate,
    /// Due, later or overdue at the as-of date.
    pub state: OrderState,
    /// Its seasonal profile (or why none can be told).
    pub season: Season,
}

impl NextOrder {
    /// The usual gap in a sentence.
    pub fn rhythm_message(&self) -> crate::text::Message {
        let r = &self.rhythm;
        let days = |d: f64| format!("{d:.0}");
        crate::msg!("order.rhythm", median = days(r.median), low = days(r.low), high = days(r.high), n = r.orders)
    }

    /// When the next order is expected, in a sentence.
    pub fn expected_message(&self) -> crate::text::Message {
        let day = |d: NaiveDate| d.to_string();
        crate::msg!("order.expected", date = day(self.expected), from = day(self.earliest), to = day(self.latest), last = day(self.last))
    }

    /// Due, not yet due, or overdue since when, in a sentence.
    pub fn state_message(&self) -> crate::text::Message {
        match self.state {
            OrderState::Due => crate::msg!("order.due"),
            OrderState::Later => crate::msg!("order.later"),
            OrderState::Late => crate::msg!("order.late", date = self.latest.to_string()),
            OrderState::Regular => crate::msg!("order.regular"),
            OrderState::Overdue => crate::msg!("order.overdue", date = self.overdue_after.to_string()),
        }
    }
}

/// The `p`-quantile (0–1) of sorted values, interpolated.
pub(crate) fn quantile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at = p.clamp(0.0, 1.0) * (sorted.len() - 1) as f64;
    let (i, frac) = (at.floor() as usize, at.fract());
    let next = sorted.get(i + 1).copied().unwrap_or(sorted[i]);
    sorted[i] + (next - sorted[i]) * frac
}

/// The rhythm of sorted, distinct order days; `None` with fewer than [`MIN_ORDERS`].
pub fn rhythm(orders: &[NaiveDate]) -> Option<Rhythm> {
    if orders.len() < MIN_ORDERS {
        return None;
    }
    let mut gaps: Vec<f64> = orders.windows(2).map(|w| (w[1] - w[0]).num_days() as f64).collect();
    gaps.sort_by(f64::total_cmp);
    Some(Rhythm {
        orders: orders.len(),
        median: quantile(&gaps, 0.5),
        low: quantile(&gaps, 0.25),
        high: quantile(&gaps, 0.75),
        late: quantile(&gaps, 0.9),
    })
}

fn plus(day: NaiveDate, days: f64) -> NaiveDate {
    day + Duration::days(days.round() as i64)
}

/// The forecast at `as_of` from sorted, distinct order days up to it: `None` with too few orders or
/// none for two years. The range is at least a week either side of the expected day, so a very
/// regular customer is not overdue the day after.
pub fn forecast(orders: &[NaiveDate], as_of: NaiveDate) -> Option<(Rhythm, NaiveDate, NaiveDate, NaiveDate, NaiveDate, OrderState)> {
    let r = rhythm(orders)?;
    let last = *orders.last()?;
    if (as_of - last).num_days() as f64 > LOST_DAYS.max(2.0 * r.late) {
        return None;
    }
    let expected = plus(last, r.median);
    let earliest = plus(last, r.low.min(r.median - 7.0).max(1.0));
    let latest = plus(last, r.high.max(r.median + 7.0));
    let overdue_after = plus(last, r.late).max(latest);
    let state = if as_of > overdue_after {
        OrderState::Overdue
    } else if r.median <= DUE_DAYS as f64 {
        OrderState::Regular
    } else if as_of > latest {
        OrderState::Late
    } else if (earliest - as_of).num_days() <= DUE_DAYS {
        OrderState::Due
    } else {
        OrderState::Later
    };
    Some((r, expected, earliest, latest, overdue_after, state))
}

/// Our sales to each customer (or to `only`) by day (USD), up to `as_of`, sorted by day.
fn our_sales(data: &Dataset, as_of: NaiveDate, only: Option<CompanyId>) -> FxHashMap<CompanyId, Vec<(NaiveDate, f64)>> {
    let mut out: FxHashMap<CompanyId, Vec<(NaiveDate, f64)>> = FxHashMap::default();
    for s in &data.shipments {
        if s.date.day <= as_of && only.is_none_or(|id| s.buyer == id) && s.supplier.is_some_and(|id| data.me.contains(&id)) {
            out.entry(s.buyer).or_default().push((s.date.day, s.value.dollars()));
        }
    }
    for list in out.values_mut() {
        list.sort_by_key(|(d, _)| *d);
    }
    out
}

/// The orders in sales by day: shipping days each within [`SAME_LOT_DAYS`] of the one before are
/// one order (a lot split over several containers), dated to its first day; a shipment whose value
/// the files do not give is an order all the same. The window is short on purpose: a customer we
/// ship to every week places weekly orders, not one long one.
fn days_of(sales: &[(NaiveDate, f64)]) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = sales.iter().map(|(d, _)| *d).collect();
    days.dedup();
    crate::analysis::health::orders(&days, SAME_LOT_DAYS)
}

/// Each customer's orders with us up to `as_of` (see `days_of`), sorted.
pub fn order_days(data: &Dataset, as_of: NaiveDate) -> FxHashMap<CompanyId, Vec<NaiveDate>> {
    our_sales(data, as_of, None).into_iter().map(|(id, sales)| (id, days_of(&sales))).collect()
}

/// One customer's forecast from its sales with us.
fn next_of(data: &Dataset, id: CompanyId, sales: &[(NaiveDate, f64)], as_of: NaiveDate) -> Option<NextOrder> {
    let days = days_of(sales);
    let (rhythm, expected, earliest, latest, overdue_after, state) = forecast(&days, as_of)?;
    let last = *days.last()?;
    let season = season(sales, as_of);
    Some(NextOrder { id, customer: data.name(id).to_string(), last, rhythm, expected, earliest, latest, overdue_after, state, season })
}

/// Every customer of ours whose next order can be forecast at `as_of`, the soonest first.
pub fn next_orders(data: &Dataset, as_of: NaiveDate) -> Vec<NextOrder> {
    let sales = our_sales(data, as_of, None);
    let mut out: Vec<NextOrder> = sales.iter().filter_map(|(id, sales)| next_of(data, *id, sales, as_of)).collect();
    out.sort_by(|a, b| a.expected.cmp(&b.expected).then(a.customer.cmp(&b.customer)));
    out
}

/// One customer's next order at `as_of`, when it can be forecast.
pub fn next_order_of(data: &Dataset, id: CompanyId, as_of: NaiveDate) -> Option<NextOrder> {
    next_of(data, id, our_sales(data, as_of, Some(id)).get(&id)?, as_of)
}

/// One customer's season at `as_of` (too short to tell without sales).
pub fn season_of(data: &Dataset, id: CompanyId, as_of: NaiveDate) -> Season {
    season(our_sales(data, as_of, Some(id)).get(&id).map_or(&[][..], Vec::as_slice), as_of)
}
