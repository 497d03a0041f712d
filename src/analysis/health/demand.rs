//! `demand_gap`: the customer buys more and more of related products we do not sell — our range is
//! falling behind its needs.
//!
//! Related means in the same HS chapter as our kind of products (bolts beside the nuts we sell, not
//! the plastics or gaskets a customer also imports). Whole-year windows (the last 12 months against
//! the 12 before), so seasons compare with themselves. A code counts when its purchases are material
//! (in dollars and against what it buys from us) and grew, or are new. Yellow: a conversation about
//! the range; orange only when such purchases outweigh ours while our own sales to it fall.
//!
//! A shift to a dearer grade within our own codes (see [`super::grade`]) is the other half of the
//! dimension: yellow, on its own or beside a gap.

use super::signal::{DemandGapFigures, Figures, Severity, Signal};
use super::thresholds::HealthSettings;
use super::view::View;
use crate::model::Hs6;
use crate::text::number::{dollars, pct};
use std::collections::{BTreeMap, BTreeSet};

/// What the rule measured at one month end: the related purchases that count, and ours.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    figures: DemandGapFigures,
    /// The largest gap's code, else the grade shift's.
    top: Hs6,
    /// The grade shift's code.
    grade: Option<Hs6>,
}

/// Measures one customer at the view's month end (`None`: no related purchases that count).
pub fn measure(v: &View, cfg: &HealthSettings) -> Option<Stats> {
    let t = v.t;
    if !v.covers(0, 24) || v.history_months() < 24 {
        return None;
    }
    let chapters = our_chapters(v);
    let mut by_code: BTreeMap<Hs6, (f64, f64)> = BTreeMap::new();
    for c in v.s.codes.iter().filter(|c| !c.in_catalog && c.month <= t && c.month + 24 > t && chapters.contains(&c.hs6.chapter())) {
        let entry = by_code.entry(c.hs6).or_default();
        if c.month + 12 > t {
            entry.0 += c.value.dollars();
        } else {
            entry.1 += c.value.dollars();
        }
    }
    let (ours, ours_before) = (v.ours(0, 12).dollars(), v.ours(12, 12).dollars());
    let floor = cfg.demand_min_usd.max(cfg.demand_min_vs_ours * ours);
    let gaps: Vec<(Hs6, f64, f64)> = by_code
        .into_iter()
        .filter(|(_, (now, before))| *now >= floor && (*before <= 0.0 || *now >= (1.0 + cfg.demand_growth) * before))
        .map(|(code, (now, before))| (code, now, before))
        .collect();
    let grade = super::grade::measure(v, cfg);
    let largest = gaps.iter().max_by(|a, b| a.1.total_cmp(&b.1)).copied();
    let (top, now, before) = largest.or_else(|| grade.map(|(code, _)| (code, 0.0, 0.0)))?;
    let figures = DemandGapFigures {
        codes: gaps.len(),
        value_12m: gaps.iter().map(|g| g.1).sum(),
        top_value_12m: now,
        top_value_prior_12m: before,
        ours_12m: ours,
        our_change: if ours_before > 0.0 { ours / ours_before - 1.0 } else { 0.0 },
        grade: grade.map(|g| g.1),
    };
    Some(Stats { figures, top, grade: grade.map(|g| g.0) })
}

/// The severity of what was measured.
pub fn judge(s: &Stats, cfg: &HealthSettings) -> Option<Severity> {
    let f = &s.figures;
    // A grade shift alone is never orange: the gap's purchases are nil then.
    let orange = f.codes > 0
        && f.ours_12m > 0.0
        && f.value_12m >= cfg.demand_orange_vs_ours * f.ours_12m
        && f.our_change <= -cfg.demand_our_fall_orange;
    Some(if orange { Severity::Orange } else { Severity::Yellow })
}

/// The signal of what was measured, at `severity`.
pub fn signal(v: &View, s: &Stats, severity: Severity) -> Signal {
    let mut signal = Signal::new(severity, v.window_start(0, 24), v.as_of(), Figures::DemandGap(s.figures));
    signal.since = Some(v.window_start(0, 12));
    signal.subject = Some(format!("HS {}", s.top));
    (signal.explanation, signal.explanation_zh) = explain(&s.figures, s.top, s.grade);
    signal
}

/// The HS chapters of our kind of products: the catalog's, and those of the codes of ours the
/// customer buys.
fn our_chapters(v: &View) -> BTreeSet<u32> {
    let listed = v.data.catalog.iter().filter_map(|c| c.get(..2)).filter_map(|c| c.parse().ok());
    listed.chain(v.s.codes.iter().filter(|c| c.in_catalog).map(|c| c.hs6.chapter())).collect()
}

/// The sentence of a demand gap, English and Chinese, stating the figures that fired.
pub fn explain(f: &DemandGapFigures, top: Hs6, grade_code: Option<Hs6>) -> (String, String) {
    let grade = f.grade.zip(grade_code).map(|(g, code)| super::grade::explain(&g, code));
    if f.codes == 0 {
        return grade.unwrap_or_default();
    }
    let (en, zh) = gap_sentence(f, top);
    match grade {
        Some((grade_en, grade_zh)) => (format!("{en} {grade_en}"), format!("{zh}{grade_zh}")),
        None => (en, zh),
    }
}

/// The gap's own sentence.
fn gap_sentence(f: &DemandGapFigures, top: Hs6) -> (String, String) {
    let growth = if f.top_value_prior_12m > 0.0 { Some(f.top_value_12m / f.top_value_prior_12m - 1.0) } else { None };
    let growth_en = growth.map_or("new this year".to_string(), |g| format!("up {} on the year before", pct(g)));
    let growth_zh = growth.map_or("为今年新增".to_string(), |g| format!("比上一年增长{}", pct(g)));
    let ours_en = if f.our_change < 0.0 { format!(" ({} on the year before)", pct(f.our_change)) } else { String::new() };
    let ours_zh = if f.our_change < 0.0 { format!("（比上一年{}）", pct(f.our_change)) } else { String::new() };
    (
        format!(
            "It bought {} of related products we do not sell in the last 12 months ({} code{}; HS {top} alone {}, {growth_en}), against {} from us{ours_en}.",
            dollars(f.value_12m),
            f.codes,
            if f.codes == 1 { "" } else { "s" },
            dollars(f.top_value_12m),
            dollars(f.ours_12m)
        ),
        format!(
            "近12个月该客户采购了{}我们不经营的相关产品（{}个编码；其中HS {top}为{}，{growth_zh}），而向我们采购{}{ours_zh}。",
            dollars(f.value_12m),
            f.codes,
            dollars(f.top_value_12m),
            dollars(f.ours_12m)
        ),
    )
}
