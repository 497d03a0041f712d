//! `order_frequency_drop`: our orders come far more rarely than this customer's own rhythm — the
//! gap since our last shipment, or the spacing of the latest ones, is well beyond the longest of its
//! usual gaps.
//!
//! Gaps are the intervals between our orders over the last two years (shipments within two weeks of
//! each other count as one order). Judging against the longest usual gap, not the typical one, lets a
//! customer whose orders come irregularly — or a buyer of one or two big lots a year — be judged on
//! its own long gaps and never flagged before they have clearly passed. A silence is orange sooner
//! when the customer keeps buying our kind of products from others meanwhile: its orders go elsewhere.
//!
//! An order the forecast (`analysis::next_order`) holds overdue — past the 90th percentile of the
//! customer's gaps — is yellow once a whole usual order has been missed and the silence is long
//! enough to matter, even when the customer once paused longer: a regular buyer's overdue order on
//! the dashboard is a concern in its health too.

use super::signal::{Figures, Overdue, RhythmFigures, Severity, Signal};
use super::thresholds::HealthSettings;
use super::view::View;
use crate::analysis::next_order::{OrderState, forecast};
use chrono::NaiveDate;

/// Orders from shipment days: a run of days each within `same_order_days` of the one before is one
/// order (a lot split over several containers or days), dated to its first day.
pub fn orders(days: &[NaiveDate], same_order_days: i64) -> Vec<NaiveDate> {
    let mut out: Vec<NaiveDate> = Vec::new();
    let mut last: Option<NaiveDate> = None;
    for d in days {
        if last.is_none_or(|l| (*d - l).num_days() > same_order_days) {
            out.push(*d);
        }
        last = Some(*d);
    }
    out
}

/// Intervals (days) between consecutive orders.
fn gaps(days: &[NaiveDate]) -> Vec<i64> {
    days.windows(2).map(|w| (w[1] - w[0]).num_days()).collect()
}

/// The `q` quantile (0–1) by nearest rank.
fn quantile(mut xs: Vec<i64>, q: f64) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_unstable();
    let rank = ((xs.len() - 1) as f64 * q).round() as usize;
    Some(xs[rank] as f64)
}

/// A customer's order rhythm with us as of a date, as the rule and the customer's page both show it.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderRhythm {
    /// Our orders in the two years to the date (first day of each).
    pub orders: Vec<NaiveDate>,
    /// The usual interval (days): the median of the intervals before the latest three.
    pub usual_gap: f64,
    /// The longest interval between our orders in the two years (days).
    pub longest_gap: f64,
    /// The longest of the intervals before the latest three (their 90th percentile, days).
    pub longest_before: f64,
    /// The latest three intervals' median (days).
    pub recent_gap: f64,
    /// Intervals between the orders (days), oldest first.
    pub gaps: Vec<i64>,
    /// Our last shipment on or before the date.
    pub last: NaiveDate,
    /// Days from it to the date.
    pub days_since: i64,
}

/// The rhythm of our shipment days up to `as_of` (`None` without at least two orders).
pub fn order_rhythm(our_days: &[NaiveDate], as_of: NaiveDate, same_order_days: i64) -> Option<OrderRhythm> {
    let since = crate::model::date::months_back(as_of, 24);
    let known = our_days.partition_point(|d| *d <= as_of);
    let days: Vec<NaiveDate> = orders(&our_days[..known], same_order_days).into_iter().filter(|d| *d > since).collect();
    let all = gaps(&days);
    // The latest three intervals against the ones before them.
    let split = all.len().saturating_sub(3);
    let base = if split > 0 { &all[..split] } else { &all[..] };
    let usual = quantile(base.to_vec(), 0.5)?.max(1.0);
    // The longest gap it has had in the two years: a customer that once waited that long may again.
    let longest = all.iter().copied().max().map_or(usual, |g| g as f64).max(usual);
    let longest_before = quantile(base.to_vec(), 0.9)?.max(usual);
    let recent = quantile(all[split..].to_vec(), 0.5).unwrap_or(usual);
    let last = *our_days[..known].last()?;
    Some(OrderRhythm {
        orders: days,
        usual_gap: usual,
        longest_gap: longest,
        longest_before,
        recent_gap: recent,
        gaps: all,
        last,
        days_since: (as_of - last).num_days(),
    })
}

/// What the rule measured at one month end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    figures: RhythmFigures,
    /// The latest orders' spacing against the longest gap before them, when enough older orders
    /// set the rhythm (else 0).
    spacing: f64,
    /// What the customer bought of our kind of products from others in the whole months since our
    /// last order, against its usual monthly purchases over as many months (0 when none passed).
    elsewhere: f64,
    last: NaiveDate,
    since: NaiveDate,
}

/// Measures one customer at the view's month end (`None`: no rhythm to judge).
pub fn measure(v: &View, cfg: &HealthSettings) -> Option<Stats> {
    let as_of = v.as_of();
    let r = order_rhythm(&v.s.our_days, as_of, cfg.rhythm_same_order_days)?;
    if r.orders.len() < cfg.rhythm_min_orders || v.ours(0, 24).dollars() / 2.0 < cfg.rhythm_min_usd {
        return None;
    }
    // The spacing of the latest orders, against the longest of the gaps before them, counts only
    // with enough older orders to set the rhythm.
    let spacing = if r.gaps.len() >= 6 { r.recent_gap / r.longest_before } else { 0.0 };
    let figures = RhythmFigures {
        by_spacing: false,
        days_since_last: r.days_since as f64,
        usual_gap_days: r.usual_gap,
        longest_usual_gap_days: r.longest_gap,
        recent_gap_days: r.recent_gap,
        orders_24m: r.orders.len(),
        overdue: overdue(&v.s.our_days, as_of, cfg.rhythm_same_order_days),
    };
    let since = crate::model::date::months_back(as_of, 24);
    Some(Stats { figures, spacing, elsewhere: elsewhere(v, r.last), last: r.last, since: since.succ_opt().unwrap_or(since) })
}

/// The order the forecast holds overdue at `as_of`, if any, on orders as this rule groups them (a
/// lot spread over a fortnight is one order here) — for a regular buyer only: the middle half of
/// its gaps within a factor of [`REGULAR_SPREAD`]. A buyer whose lots arrive in several
/// shipments weeks apart, or whose gaps wander, has short and long gaps mixed, and "overdue" past
/// their 90th percentile would call it late on its ordinary pauses.
fn overdue(our_days: &[NaiveDate], as_of: NaiveDate, same_order_days: i64) -> Option<Overdue> {
    let known = &our_days[..our_days.partition_point(|d| *d <= as_of)];
    let (r, expected, _, latest, after, state) = forecast(&orders(known, same_order_days), as_of)?;
    (state == OrderState::Overdue && r.high <= REGULAR_SPREAD * r.low).then_some(Overdue { expected, latest, after })
}

/// A buyer whose middle half of gaps spans no more than this factor orders regularly.
const REGULAR_SPREAD: f64 = 2.0;

/// The customer's purchases of our kind of products from others in the whole months after the one
/// of our last order, against its usual monthly purchases (the year before) over as many months.
fn elsewhere(v: &View, last: NaiveDate) -> f64 {
    let Some(m) = v.grid.index(last) else { return 0.0 };
    let after = v.t.saturating_sub(m);
    if after == 0 || !v.covers(after, 12) {
        return 0.0;
    }
    let others: f64 = v.window(0, after).iter().map(|x| (x.category - x.ours_category).dollars()).sum();
    let usual = v.category(after, 12).dollars() / 12.0;
    if usual > 0.0 { others / (usual * after as f64) } else { 0.0 }
}

/// Whether the silence reaches `gaps` times the longest gap of the two years, and whether the latest
/// orders' spacing reaches `gaps` times the longest gap before them; either also `floor` days.
fn beyond(s: &Stats, gaps: f64, floor: f64) -> (bool, bool) {
    let f = &s.figures;
    let silence = f.days_since_last >= gaps * f.longest_usual_gap_days && f.days_since_last >= floor;
    (silence, s.spacing >= gaps && f.recent_gap_days >= floor)
}

/// The severity of what was measured.
pub fn judge(s: &Stats, cfg: &HealthSettings) -> Option<Severity> {
    let min_days = cfg.rhythm_min_days as f64;
    let reached = |(silence, spacing): (bool, bool)| silence || spacing;
    let silent = beyond(s, cfg.rhythm_yellow_gaps, min_days).0;
    // Silent with us while buying on from others at a good part of its usual pace: orders go elsewhere.
    if reached(beyond(s, cfg.rhythm_orange_gaps, 2.0 * min_days)) || (silent && s.elsewhere >= cfg.rhythm_elsewhere_orange) {
        Some(Severity::Orange)
    } else if reached(beyond(s, cfg.rhythm_yellow_gaps, min_days)) || forecast_overdue(s, cfg) {
        Some(Severity::Yellow)
    } else {
        None
    }
}

/// The forecast holds the order overdue, and the silence is long enough to matter and at least
/// `rhythm_overdue_gaps` usual gaps (two: a whole order missed): a regular buyer's missed order is
/// overdue within weeks, while a buyer of a few lots a year, whose gaps wander by months, is not
/// called late on the spread of its gaps.
fn forecast_overdue(s: &Stats, cfg: &HealthSettings) -> bool {
    let f = &s.figures;
    f.overdue.is_some() && f.days_since_last >= (cfg.rhythm_min_days as f64).max(cfg.rhythm_overdue_gaps * f.usual_gap_days)
}

/// The signal of what was measured, at `severity`.
pub fn signal(v: &View, s: &Stats, severity: Severity, cfg: &HealthSettings) -> Signal {
    let (silence, spacing) = beyond(s, cfg.rhythm_yellow_gaps, cfg.rhythm_min_days as f64);
    let by_forecast = severity == Severity::Yellow && !silence && !spacing;
    let figures =
        RhythmFigures { by_spacing: !silence && !by_forecast, overdue: if by_forecast { s.figures.overdue } else { None }, ..s.figures };
    let mut signal = Signal::new(severity, s.since, v.as_of(), Figures::OrderFrequencyDrop(figures));
    signal.since = Some(s.last);
    (signal.explanation, signal.explanation_zh) = explain(&figures, s.last);
    signal
}

/// The sentence of an order-rhythm drop, English and Chinese, stating the figures that fired.
pub fn explain(f: &RhythmFigures, last: NaiveDate) -> (String, String) {
    if let Some(o) = f.overdue {
        let gaps = f.days_since_last / f.usual_gap_days.max(1.0);
        return (
            format!(
                "Its next order was expected around {} (by {} at the latest) and has not come: {:.0} days since our last shipment ({}), {gaps:.1} times its usual {:.0}-day gap; overdue since {}.",
                o.expected,
                o.latest,
                f.days_since_last,
                last.format("%Y-%m-%d"),
                f.usual_gap_days,
                o.after
            ),
            format!(
                "预计该客户约在{}下单（最迟{}），至今未到：距我们上次出货（{}）已{:.0}天，是其通常间隔（{:.0}天）的{gaps:.1}倍；自{}起已逾期。",
                o.expected,
                o.latest,
                last.format("%Y-%m-%d"),
                f.days_since_last,
                f.usual_gap_days,
                o.after
            ),
        );
    }
    (
        format!(
            "Our last shipment to it was {:.0} days ago ({}); it used to order from us about every {:.0} days (at most about {:.0}), and the latest orders came every {:.0} days.",
            f.days_since_last,
            last.format("%Y-%m-%d"),
            f.usual_gap_days,
            f.longest_usual_gap_days,
            f.recent_gap_days
        ),
        format!(
            "我们最近一次向该客户出货是{:.0}天前（{}）；以往约每{:.0}天下一次单（最长约{:.0}天），最近几单间隔约{:.0}天。",
            f.days_since_last,
            last.format("%Y-%m-%d"),
            f.usual_gap_days,
            f.longest_usual_gap_days,
            f.recent_gap_days
        ),
    )
}
