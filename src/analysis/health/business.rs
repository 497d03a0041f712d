//! `business_decline`: the customer's whole business shrinks — all products, all suppliers. The
//! response is credit control, not a sales push.
//!
//! Year on year only, so a seasonal customer's low season is never compared with its high one: the
//! last six months against the same months a year earlier, judged against how far this customer's
//! year-on-year change usually strays, with both of the last two quarters down (a dip that has
//! recovered is no decline, and one lot moved by a month changes one quarter, not two). A
//! compounding fall of a fifth a quarter shows within two quarters; a deep fall over a year is red.
//! The whole business means its purchases of our kind of products fall too: one other product line
//! swinging is not a customer in trouble.

use super::signal::{BusinessFigures, Figures, Severity, Signal};
use super::thresholds::HealthSettings;
use super::trend::median;
use super::view::View;
use crate::text::number::{dollars, pct};

/// What the rule measured at one month end (nothing here depends on the thresholds a tuning moves).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    figures: BusinessFigures,
    /// The quarter before the latest against the same quarter a year earlier.
    change_previous_quarter: f64,
    /// Its purchases of our kind of products over the last six months against the same months
    /// before (as the total's): a whole business in trouble buys less of those too.
    change_6m_category: f64,
    /// The customer imports every month in like amounts: one month end cannot mislead.
    regular: bool,
}

/// Measures one customer at the view's month end (`None`: nothing to judge).
pub fn measure(v: &View, cfg: &HealthSettings) -> Option<Stats> {
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
    // The same months a year earlier — and two years earlier too, when the customer bought then,
    // averaged with them: one exceptional quarter last year must not make an ordinary one look
    // like a collapse.
    let history = v.history_months();
    let two_years_back = |back: usize, len: usize| history >= back + 24 + len && v.covers(back + 24, len) && v.total(back + 24, len).0 > 0;
    let same_months = |back: usize, len: usize| {
        let last_year = v.total(back + 12, len).dollars();
        if two_years_back(back, len) { (last_year + v.total(back + 24, len).dollars()) / 2.0 } else { last_year }
    };
    let quarter = |q: usize| v.total(q * 3, 3).dollars();
    // Year-on-year change of each trailing quarter that has its year-earlier quarter.
    let yoy = |q: usize| {
        let before = same_months(q * 3, 3);
        (v.covers(q * 3 + 12, 3) && before > 0.0).then(|| quarter(q) / before)
    };
    let (half, half_before) = (v.total(0, 6).dollars(), same_months(0, 6));
    if half_before <= 0.0 {
        return None;
    }
    // Against its market when that fell: a customer falling with all our customers is not in trouble
    // of its own (a market that grew does not make a steady customer a declining one).
    let market = v.s.cycle.get(v.t).copied().unwrap_or(1.0).clamp(0.05, 1.0);
    let change_6m = half / half_before / market - 1.0;
    // How far the year-on-year change of a quarter usually strays from its own typical value, learnt
    // on the six quarters before the half-year judged (medians, so one odd quarter does not count):
    // a buyer of a few lots, or of lots that slip from one quarter to the next, strays far; a decline
    // under way does not widen it.
    let past: Vec<f64> = (2..8).filter_map(yoy).map(|r| r.clamp(0.05, 20.0).ln()).collect();
    let typical = median(&past).unwrap_or(0.0);
    let spread: Vec<f64> = past.iter().map(|x| (x - typical).abs()).collect();
    let usual = (median(&spread).unwrap_or(0.0) / 0.6745).max(cfg.business_wander_floor);
    let falling = (0..4).take_while(|q| yoy(*q).is_some_and(|r| r < 1.0)).count();
    let figures = BusinessFigures {
        imports_6m: half,
        imports_6m_year_before: half_before,
        change_6m,
        two_years: two_years_back(0, 6),
        change_latest_quarter: yoy(0)? / market - 1.0,
        imports_12m: year,
        imports_prior_12m: year_before,
        change_12m: year / year_before / market - 1.0,
        market_change_6m: market - 1.0,
        usual_wander: usual,
        // The half-year sums two quarters: its usual wander is smaller by √2.
        strength: -(1.0 + change_6m).max(1e-9).ln() / (usual / std::f64::consts::SQRT_2),
        falling_quarters: falling,
    };
    let category_before = {
        let (last_year, two_years) = (v.category(12, 6).dollars(), v.category(24, 6).dollars());
        if history >= 30 && v.covers(24, 6) && two_years > 0.0 { (last_year + two_years) / 2.0 } else { last_year }
    };
    let change_6m_category = if category_before > 0.0 { v.category(0, 6).dollars() / category_before / market - 1.0 } else { 0.0 };
    Some(Stats { figures, change_previous_quarter: yoy(1).map_or(0.0, |r| r / market - 1.0), change_6m_category, regular: regular(v) })
}

/// The severity of what was measured.
pub fn judge(s: &Stats, cfg: &HealthSettings) -> Option<Severity> {
    let f = &s.figures;
    // The whole business: our kind of products fell too, by at least half as much as the orange fall.
    let down = f.change_latest_quarter <= -cfg.business_quarter_fall
        && s.change_previous_quarter <= -cfg.business_quarter_fall / 2.0
        && s.change_6m_category <= -cfg.business_fall_orange / 2.0
        && f.strength >= cfg.business_strength;
    if down && f.change_6m <= -cfg.business_red_half_year && f.change_12m <= -cfg.business_red_year {
        Some(Severity::Red)
    } else if down && f.change_6m <= -cfg.business_fall_orange {
        Some(Severity::Orange)
    } else {
        None
    }
}

/// The signal of what was measured, at `severity`.
pub fn signal(v: &View, s: &Stats, severity: Severity) -> Signal {
    let mut signal = Signal::new(severity, v.window_start(12, 12), v.as_of(), Figures::BusinessDecline(s.figures));
    signal.since = Some(v.window_start(s.figures.falling_quarters.max(1) * 3, 3));
    signal.confirm = confirm(s);
    (signal.explanation, signal.explanation_zh) = explain(&s.figures);
    signal
}

/// True when a decline must hold at two month ends before it counts: a customer that imports every
/// month in like amounts cannot be misled by one month end, a lumpier one can.
pub fn confirm(s: &Stats) -> bool {
    !s.regular
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
    let raw = f.imports_6m / f.imports_6m_year_before.max(1e-9) - 1.0;
    let (change_en, change_zh) = if f.market_change_6m < -0.005 {
        (
            format!("{}, or {} beyond the {} of our customers' imports as a whole", pct(raw), pct(f.change_6m), pct(f.market_change_6m)),
            format!("{}，扣除我司客户整体进口{}的影响后为{}", pct(raw), pct(f.market_change_6m), pct(f.change_6m)),
        )
    } else {
        (pct(f.change_6m), pct(f.change_6m))
    };
    let (when_en, when_zh) = if f.two_years {
        ("in the same months of the two years before, on average", "前两年同期平均")
    } else {
        ("in the same months a year earlier", "上年同期")
    };
    (
        format!(
            "Its total imports over the last six months were {}, against {} {when_en} ({change_en}; the latest quarter {}, the last 12 months {}), where its year-on-year change usually strays about {} a quarter.",
            dollars(f.imports_6m),
            dollars(f.imports_6m_year_before),
            pct(f.change_latest_quarter),
            pct(f.change_12m),
            pct(f.usual_wander)
        ),
        format!(
            "该客户近6个月进口总额{}，{when_zh}为{}（{change_zh}；最近一个季度{}，近12个月{}），而其同比变化平常每季度只偏离约{}。",
            dollars(f.imports_6m),
            dollars(f.imports_6m_year_before),
            pct(f.change_latest_quarter),
            pct(f.change_12m),
            pct(f.usual_wander)
        ),
    )
}
