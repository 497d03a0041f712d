//! `share_decline`: our share of the customer's purchases of our kind of products falls — steadily
//! over several quarters, or abruptly — while those purchases hold: the customer is moving orders
//! elsewhere.
//!
//! A straight line through our share in each of the latest quarters says how fast it moves; the
//! fall counts when it is large in points and large against its own uncertainty, which comes from
//! how much this customer's share usually wanders (learnt from the quarters before, or from the
//! scatter around the line). Shares are ratios, so a customer's season mostly cancels out; the
//! category must hold over whole years (a shrinking category is a business decline, not a share
//! loss). A large fall of the latest quarter against the year before is orange at once.

use super::signal::{Figures, Severity, ShareFigures, Signal, pct, usd};
use super::thresholds::HealthSettings;
use super::trend::{fit, median, wander};
use super::view::View;
use crate::model::CompanyId;
use std::collections::HashMap;

/// One trailing quarter: the category bought, our part of it, our share.
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

/// The trailing quarters `from..from + count` back from the as-of month (0 = the latest), with
/// purchases of the category, newest first.
fn quarters(v: &View, from: usize, count: usize) -> Vec<QuarterShare> {
    (from..from + count)
        .filter(|q| v.covers(q * 3, 3))
        .map(|q| QuarterShare { back: q, category: v.category(q * 3, 3).dollars(), ours: v.ours_category(q * 3, 3).dollars() })
        .collect()
}

/// Assesses one customer at the view's month end.
pub fn assess(v: &View, cfg: &HealthSettings) -> Option<Signal> {
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
    let floor = cfg.share_wander_floor.max(0.05 * level);
    // Two estimates of the usual wander, each from a handful of quarters: the quarters before the
    // window, and the scatter around the line; their mean is steadier than either.
    let usual = match wander(&older) {
        Some(before) => (before + line.residual_sd) / 2.0,
        None => line.residual_sd,
    }
    .max(floor);
    let span = (n - 1) as f64;
    let (now, before) = (line.intercept, line.intercept - line.slope * span);
    let fall = before - now;
    let strength = fall / (usual * line.slope_se_per_sd * span);
    let trend = if fall >= cfg.share_drop_orange && strength >= cfg.share_strength_orange {
        Some(Severity::Orange)
    } else if fall >= cfg.share_drop_yellow && strength >= cfg.share_strength_yellow {
        Some(Severity::Yellow)
    } else {
        None
    };
    // The latest quarter against the four before it: one quarter's collapse does not wait for a trend.
    let last = window[0];
    let year_quarters: Vec<&QuarterShare> = window.iter().filter(|q| (1..=4).contains(&q.back)).collect();
    let (base_cat, base_ours) = year_quarters.iter().fold((0.0, 0.0), |(c, o), q| (c + q.category, o + q.ours));
    let base_share = if base_cat > 0.0 { base_ours / base_cat } else { 0.0 };
    let base_ours_quarter = base_ours / year_quarters.len().max(1) as f64;
    let abrupt = year_quarters.len() >= 3
        && base_share - last.share() >= cfg.share_abrupt_drop.max(4.0 * usual)
        && last.ours <= 2.0 / 3.0 * base_ours_quarter;
    let severity = if abrupt { Some(Severity::Orange) } else { trend }?;
    let by_trend = trend.is_some() && !abrupt;
    let (share_before, share_now) = if by_trend { (before, now.max(0.0)) } else { (base_share, last.share()) };
    let quarters_judged = if by_trend { n } else { 1 };
    let first_quarter = *window.last()?;
    let figures = ShareFigures {
        share_before,
        share_now,
        quarters: quarters_judged,
        fall_per_quarter: if by_trend { -line.slope } else { share_before - share_now },
        usual_wander: usual,
        strength: if by_trend { strength } else { (share_before - share_now) / usual },
        category_quarterly: window.iter().take(2).map(|q| q.category).sum::<f64>() / window.len().min(2) as f64,
        ours_quarterly_before: if by_trend { first_quarter.ours } else { base_ours_quarter },
        ours_quarterly_now: last.ours,
        abrupt: !by_trend,
    };
    let start_back = if by_trend { first_quarter.back } else { 0 };
    let mut signal = Signal::new(severity, v.window_start(start_back * 3, 3), v.as_of(), Figures::ShareDecline(figures));
    signal.since = Some(v.window_start(since_back(&window, by_trend.then_some(before), usual) * 3, 3));
    signal.subject = biggest_gainer(v, 3 * quarters_judged, 3 * quarters_judged.max(4)).map(|id| v.name(id).to_string());
    (signal.explanation, signal.explanation_zh) = explain(&figures, signal.subject.as_deref());
    Some(signal)
}

/// The quarter (back from the latest) the fall began in: the oldest of the latest run of quarters
/// clearly below where the share started.
fn since_back(window: &[QuarterShare], start: Option<f64>, usual: f64) -> usize {
    let Some(start) = start else { return 0 };
    window.iter().take_while(|q| q.share() < start - usual).last().map_or(0, |q| q.back)
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
