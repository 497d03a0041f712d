//! `business_decline`: the customer's whole business shrinks — all products, all suppliers. The
//! response is credit control, not a sales push.
//!
//! Year on year only, so a seasonal customer's low season is never compared with its high one: the
//! last six months against the same months a year earlier, judged against how much this customer's
//! year-on-year change usually wanders from quarter to quarter, and the latest quarter must still be
//! down (a dip that has recovered is no decline). A compounding fall of a fifth a quarter shows within
//! two quarters; a deep fall over a whole year is red.

use super::signal::{BusinessFigures, Figures, Severity, Signal, pct, usd};
use super::thresholds::HealthSettings;
use super::trend::median;
use super::view::View;

/// Assesses one customer at the view's month end.
pub fn assess(v: &View, cfg: &HealthSettings) -> Option<Signal> {
    if !v.covers(0, 24) || v.history_months() < 24.max(cfg.min_history_months) {
        return None;
    }
    let (year, year_before) = (v.total(0, 12).dollars(), v.total(12, 12).dollars());
    if year_before < cfg.business_min_usd {
        return None;
    }
    // Quarters and half-years only mean something for a customer that bought in most months of the
    // year before: a buyer of a few big lots moves a year's total by shifting one lot by a month.
    if v.window(12, 12).iter().filter(|m| m.total.0 > 0).count() < cfg.business_min_active_months {
        return None;
    }
    let quarter = |q: usize| v.total(q * 3, 3).dollars();
    // Its quarters must each hold a real part of its usual business: a buyer whose total comes in a
    // few big lots has no quarters to compare, whatever its other purchases.
    let typical = median(&(0..8).map(quarter).collect::<Vec<_>>())?;
    if (0..8).any(|q| quarter(q) < 0.2 * typical) && v.window(0, 24).iter().filter(|m| m.total.0 > 0).count() < 18 {
        return None;
    }
    // Year-on-year change of each trailing quarter that has its year-earlier quarter.
    let yoy = |q: usize| (v.covers(q * 3 + 12, 3) && quarter(q + 4) > 0.0).then(|| quarter(q) / quarter(q + 4));
    let (half, half_before) = (v.total(0, 6).dollars(), v.total(12, 6).dollars());
    if half_before <= 0.0 {
        return None;
    }
    let change_6m = half / half_before - 1.0;
    let latest = yoy(0)? - 1.0;
    // How far the year-on-year change of a quarter usually strays from none, learnt on the six
    // quarters before the half-year judged (a median, so one odd quarter does not count): a buyer of a
    // few lots, or of lots that slip from one quarter to the next, strays far.
    let past: Vec<f64> = (2..8).filter_map(yoy).map(|r| r.clamp(0.05, 20.0).ln().abs()).collect();
    let usual = (median(&past).unwrap_or(0.0) / 0.6745).max(cfg.business_wander_floor);
    // The half-year sums two quarters: its usual wander is smaller by √2.
    let strength = -(1.0 + change_6m).max(1e-9).ln() / (usual / std::f64::consts::SQRT_2);
    let change_12m = year / year_before - 1.0;
    let falling = (0..4).take_while(|q| yoy(*q).is_some_and(|r| r <= 1.0 - cfg.business_quarter_fall)).count();
    // Both of the last two quarters down: one lot moved by a month changes one quarter, not two.
    let previous = yoy(1).map_or(0.0, |r| r - 1.0);
    let down = latest <= -cfg.business_quarter_fall && previous <= -cfg.business_quarter_fall / 2.0 && strength >= cfg.business_strength;
    let severity = if down && change_6m <= -cfg.business_red_half_year && change_12m <= -cfg.business_red_year {
        Severity::Red
    } else if down && change_6m <= -cfg.business_fall_orange {
        Severity::Orange
    } else {
        return None;
    };
    let figures = BusinessFigures {
        imports_6m: half,
        imports_6m_year_before: half_before,
        change_6m,
        change_latest_quarter: latest,
        change_12m,
        usual_wander: usual,
        strength,
        falling_quarters: falling,
    };
    let mut signal = Signal::new(severity, v.window_start(12, 12), v.as_of(), Figures::BusinessDecline(figures));
    // A customer that imports every month in like amounts cannot be misled by one month end: its
    // decline counts at once. A lumpier one must show it twice.
    signal.confirm = !regular(v);
    signal.since = Some(v.window_start(falling.max(1) * 3, 3));
    (signal.explanation, signal.explanation_zh) = explain(&figures);
    Some(signal)
}

/// True when the customer imported in every month of the year before the half-year judged, none of
/// them more than twice its average month.
fn regular(v: &View) -> bool {
    let months = v.window(6, 12);
    let mean = months.iter().map(|m| m.total.dollars()).sum::<f64>() / months.len().max(1) as f64;
    mean > 0.0 && months.iter().all(|m| m.total.0 > 0 && m.total.dollars() <= 2.0 * mean)
}

/// The sentence of a business decline, English and Chinese, stating the figures that fired.
pub fn explain(f: &BusinessFigures) -> (String, String) {
    (
        format!(
            "Its total imports fell to {} over the last six months from {} in the same months a year earlier ({}; the latest quarter {}, the last 12 months {}), where its year-on-year change usually moves about {} a quarter.",
            usd(f.imports_6m),
            usd(f.imports_6m_year_before),
            pct(f.change_6m),
            pct(f.change_latest_quarter),
            pct(f.change_12m),
            pct(f.usual_wander)
        ),
        format!(
            "该客户近6个月进口总额{}，上年同期为{}（{}；最近一个季度{}，近12个月{}），而其同比变化平常每季度只波动约{}。",
            usd(f.imports_6m),
            usd(f.imports_6m_year_before),
            pct(f.change_6m),
            pct(f.change_latest_quarter),
            pct(f.change_12m),
            pct(f.usual_wander)
        ),
    )
}
