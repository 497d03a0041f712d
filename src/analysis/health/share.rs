//! `share_decline`: our share of the customer's purchases of our kind of products falls — steadily
//! over several quarters, or abruptly — while those purchases hold: the customer is moving orders
//! elsewhere.
//!
//! A straight line through our share in each of the latest quarters says how fast it moves; the
//! fall counts when it is large in points and large against its own uncertainty, which comes from
//! how much this customer's share usually wanders (learnt from the quarters before, and from the
//! scatter around the line). Shares are ratios, so a customer's season mostly cancels out; the
//! category must hold over whole years (a shrinking category is a business decline, not a share
//! loss). A large fall of the latest quarter against the year before is orange at once.

use super::signal::{Figures, Severity, ShareFigures, Signal, pct, usd};
use super::thresholds::HealthSettings;
use super::trend::{fit, median, wander};
use super::view::View;
use crate::model::CompanyId;
use std::collections::HashMap;

/// One trailing quarter: the category bought, our part of it.
#[derive(Clone, Copy)]
struct QuarterShare {
    back: usize,
    category: f64,
    ours: f64,
}

impl QuarterShare {
    fn share(&self) -> f64 {
        self.ours / self.category
    }
}

/// What the rule measured at one month end (nothing here depends on the thresholds a tuning moves).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    /// The trend's share at the start of the quarters judged, and now.
    before: f64,
    now: f64,
    /// Points lost per quarter along the trend.
    fall_per_quarter: f64,
    /// The trend's fall in units of its uncertainty.
    strength: f64,
    /// The customer's usual quarterly wander (share points as a fraction).
    usual: f64,
    /// Our share over the four quarters before the latest, and in the latest.
    year_share: f64,
    last_share: f64,
    /// Quarters of that year with purchases (an abrupt fall needs three).
    year_quarters: usize,
    /// Our sales in the latest quarter against our average quarter of that year.
    ours_vs_year: f64,
    /// Our average quarter of that year, our first quarter judged, our latest quarter (USD).
    ours_year_quarter: f64,
    ours_first: f64,
    ours_last: f64,
    /// The category per quarter lately (USD).
    category_quarterly: f64,
    /// Quarters judged, and how far back the first of them and the fall's start are.
    quarters: usize,
    first_back: usize,
    since_back: usize,
}

/// The trailing quarters `from..from + count` back from the as-of month (0 = the latest), newest first.
fn quarters(v: &View, from: usize, count: usize) -> Vec<QuarterShare> {
    (from..from + count)
        .filter(|q| v.covers(q * 3, 3))
        .map(|q| QuarterShare { back: q, category: v.category(q * 3, 3).dollars(), ours: v.ours_category(q * 3, 3).dollars() })
        .collect()
}

/// Measures one customer at the view's month end (`None`: nothing to judge).
pub fn measure(v: &View, cfg: &HealthSettings) -> Option<Stats> {
    let n = cfg.share_quarters;
    if !v.covers(0, 3 * n) || v.history_months() < cfg.min_history_months + 3 {
        return None;
    }
    let (year, year_before) = (v.category(0, 12).dollars(), v.category(12, 12).dollars());
    if year < cfg.share_min_category_usd || (v.covers(0, 24) && year < cfg.share_category_holds * year_before) {
        return None;
    }
    // Quarters with a real part of the usual purchases: a nearly empty quarter has no share to speak of.
    let recent = quarters(v, 0, n);
    let typical = median(&recent.iter().map(|q| q.category).collect::<Vec<_>>())?;
    let valid = |q: &QuarterShare| q.category > 0.0 && q.category >= 0.25 * typical;
    let window: Vec<QuarterShare> = recent.iter().copied().filter(valid).collect();
    if window.len() + 1 < n || !window.first().is_some_and(|q| q.back == 0) {
        return None;
    }
    let older: Vec<f64> = quarters(v, n, n).iter().filter(|q| valid(q)).map(QuarterShare::share).collect();
    let line = fit(&window.iter().map(|q| (-(q.back as f64), q.share())).collect::<Vec<_>>())?;
    let level = window.iter().map(QuarterShare::share).sum::<f64>() / window.len() as f64;
    // Two estimates of the usual wander, each from a handful of quarters: the quarters before the
    // window, and the scatter around the line; their mean is steadier than either.
    let usual = match wander(&older) {
        Some(before) => (before + line.residual_sd) / 2.0,
        None => line.residual_sd,
    }
    .max(cfg.share_wander_floor.max(0.05 * level));
    let span = (n - 1) as f64;
    let (now, before) = (line.intercept, line.intercept - line.slope * span);
    let last = window[0];
    let year_quarters: Vec<&QuarterShare> = window.iter().filter(|q| (1..=4).contains(&q.back)).collect();
    let (year_cat, year_ours) = year_quarters.iter().fold((0.0, 0.0), |(c, o), q| (c + q.category, o + q.ours));
    let ours_year_quarter = year_ours / year_quarters.len().max(1) as f64;
    let first = *window.last()?;
    Some(Stats {
        before,
        now,
        fall_per_quarter: -line.slope,
        strength: (before - now) / (usual * line.slope_se_per_sd * span),
        usual,
        year_share: if year_cat > 0.0 { year_ours / year_cat } else { 0.0 },
        last_share: last.share(),
        year_quarters: year_quarters.len(),
        ours_vs_year: if ours_year_quarter > 0.0 { last.ours / ours_year_quarter } else { 1.0 },
        ours_year_quarter,
        ours_first: first.ours,
        ours_last: last.ours,
        category_quarterly: window.iter().take(2).map(|q| q.category).sum::<f64>() / window.len().min(2) as f64,
        quarters: n,
        first_back: first.back,
        // The oldest of the latest run of quarters clearly below where the trend started.
        since_back: window.iter().take_while(|q| q.share() < before - usual).last().map_or(0, |q| q.back),
    })
}

/// The trend's severity, if any.
fn trend(s: &Stats, cfg: &HealthSettings) -> Option<Severity> {
    let fall = s.before - s.now;
    if fall >= cfg.share_drop_orange && s.strength >= cfg.share_strength_orange {
        Some(Severity::Orange)
    } else if fall >= cfg.share_drop_yellow && s.strength >= cfg.share_strength_yellow {
        Some(Severity::Yellow)
    } else {
        None
    }
}

/// True when the latest quarter collapsed against the year before it: one quarter's fall does not
/// wait for a trend.
fn abrupt(s: &Stats, cfg: &HealthSettings) -> bool {
    s.year_quarters >= 3 && s.year_share - s.last_share >= cfg.share_abrupt_drop.max(4.0 * s.usual) && s.ours_vs_year <= 2.0 / 3.0
}

/// The severity of what was measured.
pub fn judge(s: &Stats, cfg: &HealthSettings) -> Option<Severity> {
    if abrupt(s, cfg) { Some(Severity::Orange) } else { trend(s, cfg) }
}

/// The signal of what was measured, at `severity`.
pub fn signal(v: &View, s: &Stats, severity: Severity, cfg: &HealthSettings) -> Signal {
    let by_trend = !abrupt(s, cfg);
    let figures = if by_trend {
        ShareFigures {
            share_before: s.before,
            share_now: s.now.max(0.0),
            quarters: s.quarters,
            fall_per_quarter: s.fall_per_quarter,
            usual_wander: s.usual,
            strength: s.strength,
            category_quarterly: s.category_quarterly,
            ours_quarterly_before: s.ours_first,
            ours_quarterly_now: s.ours_last,
            abrupt: false,
        }
    } else {
        ShareFigures {
            share_before: s.year_share,
            share_now: s.last_share,
            quarters: 1,
            fall_per_quarter: s.year_share - s.last_share,
            usual_wander: s.usual,
            strength: (s.year_share - s.last_share) / s.usual,
            category_quarterly: s.category_quarterly,
            ours_quarterly_before: s.ours_year_quarter,
            ours_quarterly_now: s.ours_last,
            abrupt: true,
        }
    };
    let start_back = if by_trend { s.first_back } else { 4 };
    let mut signal = Signal::new(severity, v.window_start(start_back * 3, 3), v.as_of(), Figures::ShareDecline(figures));
    signal.since = Some(v.window_start(if by_trend { s.since_back } else { 0 } * 3, 3));
    let months = 3 * figures.quarters;
    signal.subject = biggest_gainer(v, months, months.max(12)).map(|id| v.name(id).to_string());
    (signal.explanation, signal.explanation_zh) = explain(&figures, signal.subject.as_deref());
    signal
}

/// The sentence of a share decline, English and Chinese, stating the figures that fired.
pub fn explain(f: &ShareFigures, gainer: Option<&str>) -> (String, String) {
    let gainer_en = gainer.map(|g| format!("; {g} gained the most")).unwrap_or_default();
    let gainer_zh = gainer.map(|g| format!("，份额主要流向{g}")).unwrap_or_default();
    if f.abrupt {
        return (
            format!(
                "Our share of its purchases fell to {} in the latest quarter from {} over the year before (its share usually moves about {} points a quarter) while it kept buying about {} a quarter{gainer_en}.",
                pct(f.share_now),
                pct(f.share_before),
                points(f.usual_wander),
                usd(f.category_quarterly)
            ),
            format!(
                "最近一个季度我们在该客户同类采购中的份额降到{}，此前一年为{}（其份额平常每季度波动约{}个百分点），而客户每季度仍采购约{}{gainer_zh}。",
                pct(f.share_now),
                pct(f.share_before),
                points(f.usual_wander),
                usd(f.category_quarterly)
            ),
        );
    }
    (
        format!(
            "Our share of its purchases fell from {} to {} over the last {} quarters, about {} points a quarter, where it usually moves about {} points; it kept buying about {} a quarter{gainer_en}.",
            pct(f.share_before),
            pct(f.share_now),
            f.quarters,
            points(f.fall_per_quarter),
            points(f.usual_wander),
            usd(f.category_quarterly)
        ),
        format!(
            "近{}个季度我们在该客户同类采购中的份额从{}降到{}，每季度约降{}个百分点，而其份额平常只波动约{}个百分点；客户每季度仍采购约{}{gainer_zh}。",
            f.quarters,
            pct(f.share_before),
            pct(f.share_now),
            points(f.fall_per_quarter),
            points(f.usual_wander),
            usd(f.category_quarterly)
        ),
    )
}

/// A share difference in points: `0.034` as `3`, `0.006` as `0.6`.
fn points(x: f64) -> String {
    let p = x * 100.0;
    if p.abs() < 1.0 { format!("{p:.1}") } else { format!("{p:.0}") }
}

/// The supplier whose share rose the most from the `base` months before the `recent` months to them.
fn biggest_gainer(v: &View, recent: usize, base: usize) -> Option<CompanyId> {
    let t = v.t;
    let (cat_now, cat_before) = (v.category(0, recent).dollars(), v.category(recent, base).dollars());
    if cat_now <= 0.0 || cat_before <= 0.0 {
        return None;
    }
    let mut gain: HashMap<CompanyId, f64> = HashMap::new();
    for s in &v.s.suppliers {
        if s.month > t || s.month + recent + base <= t || v.data.me.contains(&s.supplier) {
            continue;
        }
        let share = if s.month + recent > t { s.value.dollars() / cat_now } else { -s.value.dollars() / cat_before };
        *gain.entry(s.supplier).or_default() += share;
    }
    gain.into_iter().filter(|(_, g)| *g > 0.0).max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0))).map(|(id, _)| id)
}
