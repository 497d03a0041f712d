//! `share_decline`: our share of the customer's category purchases falls clearly against its own
//! recent past while those purchases hold — the customer is moving orders elsewhere.
//!
//! Windows: the last `share_recent_months` against the `share_base_months` before them. Shares are
//! ratios, so windows of different lengths compare fairly; the category's monthly average gates the
//! rule (a falling category is a business decline, not a share loss). The fall must beat both a fixed
//! number of points and the customer's own usual quarterly variation, so wandering shares stay quiet.

use super::signal::{Severity, Signal, SignalKind, pct, usd};
use super::thresholds::HealthSettings;
use super::view::View;
use crate::model::CompanyId;
use std::collections::HashMap;

/// Assesses one customer at the view's month end.
pub fn assess(v: &View, cfg: &HealthSettings) -> Option<Signal> {
    let (recent, base) = (cfg.share_recent_months, cfg.share_base_months);
    if !v.covers(0, recent + base) || v.history_months() < cfg.min_history_months + recent {
        return None;
    }
    let (cat_now, cat_before) = (v.category(0, recent).dollars(), v.category(recent, base).dollars());
    if cat_before * 12.0 / (base as f64) < cfg.share_min_category_usd || cat_now <= 0.0 {
        return None;
    }
    let (ours_now, ours_before) = (v.ours_category(0, recent).dollars(), v.ours_category(recent, base).dollars());
    let (share_now, share_before) = (ours_now / cat_now, ours_before / cat_before);
    let (monthly_now, monthly_before) = (cat_now / recent as f64, cat_before / base as f64);
    if monthly_now < cfg.share_category_holds * monthly_before {
        return None;
    }
    let drop = share_before - share_now;
    let spread = usual_spread(v, recent, base);
    if drop < cfg.share_drop_yellow || drop < (cfg.share_drop_sd * spread).min(cfg.share_drop_cap) {
        return None;
    }
    let our_fall = 1.0 - (ours_now / recent as f64) / (ours_before / base as f64).max(1e-9);
    let orange = drop >= cfg.share_drop_orange || our_fall >= cfg.share_our_fall_orange;
    let severity = if orange { Severity::Orange } else { Severity::Yellow };
    let mut signal = Signal::new(SignalKind::ShareDecline, severity, v.window_start(recent, base), v.as_of())
        .with("share_before", share_before)
        .with("share_now", share_now)
        .with("category_monthly_before", monthly_before)
        .with("category_monthly_now", monthly_now)
        .with("ours_monthly_before", ours_before / base as f64)
        .with("ours_monthly_now", ours_now / recent as f64)
        .with("usual_spread", spread);
    signal.since = Some(v.window_start(0, recent));
    signal.subject = biggest_gainer(v, recent, base).map(|id| v.name(id).to_string());
    let gainer = signal.subject.clone();
    signal.explanation = format!(
        "Our share of its purchases fell from {} to {} over the last {recent} months while it kept buying about {} a month{}.",
        pct(share_before),
        pct(share_now),
        usd(monthly_now),
        gainer.as_ref().map(|g| format!("; {g} gained the most")).unwrap_or_default()
    );
    signal.explanation_zh = format!(
        "近{recent}个月我们在该客户同类采购中的份额从{}降到{}，而客户每月仍采购约{}{}。",
        pct(share_before),
        pct(share_now),
        usd(monthly_now),
        gainer.map(|g| format!("，份额主要流向{g}")).unwrap_or_default()
    );
    Some(signal)
}

/// How much this customer's quarterly share usually wanders, over up to eight quarters before the
/// baseline window (where a slide now under way has not begun), or with fewer than three of those,
/// over the baseline's own quarters: the larger of the standard deviation and the median absolute
/// change from one quarter to the next (÷ √2). A past ramp-up inflates the first; the cap on the
/// required fall (`share_drop_cap`) keeps it from silencing the rule for years.
fn usual_spread(v: &View, recent: usize, base: usize) -> f64 {
    let older = quarter_shares(v, recent + base, 8);
    if older.len() >= 3 { spread(&older) } else { spread(&quarter_shares(v, recent, base / 3)) }
}

/// Our share in each of `quarters` quarters ending `back` months before the as-of month, newest first.
fn quarter_shares(v: &View, back: usize, quarters: usize) -> Vec<f64> {
    (0..quarters)
        .filter(|q| v.covers(back + q * 3, 3))
        .filter_map(|q| {
            let cat = v.category(back + q * 3, 3).dollars();
            (cat > 0.0).then(|| v.ours_category(back + q * 3, 3).dollars() / cat)
        })
        .collect()
}

/// The larger of the sample standard deviation and the median absolute successive difference ÷ √2
/// (zero for fewer than two values).
fn spread(shares: &[f64]) -> f64 {
    let mut changes: Vec<f64> = shares.windows(2).map(|w| (w[0] - w[1]).abs()).collect();
    if changes.is_empty() {
        return 0.0;
    }
    changes.sort_by(f64::total_cmp);
    let n = changes.len();
    let median = if n % 2 == 1 { changes[n / 2] } else { (changes[n / 2 - 1] + changes[n / 2]) / 2.0 };
    let mean = shares.iter().sum::<f64>() / shares.len() as f64;
    let sd = (shares.iter().map(|s| (s - mean).powi(2)).sum::<f64>() / (shares.len() - 1) as f64).sqrt();
    sd.max(median / std::f64::consts::SQRT_2)
}

/// The supplier whose share rose the most from the baseline to the recent window.
fn biggest_gainer(v: &View, recent: usize, base: usize) -> Option<CompanyId> {
    let t = v.t;
    let (cat_now, cat_before) = (v.category(0, recent).dollars(), v.category(recent, base).dollars());
    let mut gain: HashMap<CompanyId, f64> = HashMap::new();
    for s in &v.s.suppliers {
        if s.month > t || s.month + recent + base <= t || v.data.me.contains(&s.supplier) {
            continue;
        }
        let share = if s.month + recent > t { s.value.dollars() / cat_now } else { -s.value.dollars() / cat_before };
        *gain.entry(s.supplier).or_default() += share;
    }
    gain.into_iter().filter(|(_, g)| *g > 0.0).max_by(|a, b| a.1.total_cmp(&b.1)).map(|(id, _)| id)
}
