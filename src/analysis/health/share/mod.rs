//! `share_decline`: our share of the customer's purchases of our kind of products falls — steadily
//! over several quarters, or abruptly — while those purchases hold: the customer is moving orders
//! elsewhere.
//!
//! Our share over the latest one to four quarters is set against the year just before them: the
//! fall counts when it is large in points and large against its own uncertainty, which comes from
//! how much this customer's share usually wanders from quarter to quarter (learnt on the quarters
//! before the ones judged). Taking the best of one to four quarters catches a slide whatever its
//! start, and a share that was rising before it falls is judged against where it had risen to.
//! Shares are ratios, so a customer's season mostly cancels out; where it does not (a customer that
//! takes one big lot from us each year and small ones from others), a fall over fewer than four
//! quarters counts only when the same quarters a year earlier show at least half of it. The
//! category must hold over whole years (a shrinking category is a business decline, not a share loss). One quarter alone counts
//! only when it collapsed (the abrupt threshold) and our sales fell by a third.

mod lost;

use super::signal::{Figures, Severity, ShareFigures, Signal};
use super::thresholds::HealthSettings;
use super::trend::{median, wander};
use super::view::View;
use crate::model::CompanyId;
use crate::text::number::{dollars, pct};
use lost::{Lost, counts, lost, lost_signal};
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

/// Our share over the latest `quarters` quarters against the year before them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Span {
    /// Quarters judged (the latest one to four).
    quarters: usize,
    /// Our share over the year before those quarters, and over them.
    before: f64,
    now: f64,
    /// Our share in the latest quarter.
    last_share: f64,
    /// The fall in units of its uncertainty.
    strength: f64,
    /// The customer's usual quarterly wander (share points as a fraction).
    usual: f64,
    /// Our sales per quarter over the year before and over the quarters judged (USD).
    ours_before: f64,
    ours_now: f64,
    /// The category per quarter over the quarters judged (USD).
    category_quarterly: f64,
    /// Our latest quarter against our average quarter of the year before the span.
    ours_last_vs_year: f64,
}

/// What the rule measured at one month end: every span of one to four latest quarters whose
/// category held (nothing here depends on the thresholds a tuning moves).
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    spans: Vec<Span>,
    /// A share lost and not regained, if so.
    lost: Option<Lost>,
}

/// Our share over quarters, pooled (their sales over their purchases), with our sales and the
/// category per quarter.
fn pooled(quarters: &[QuarterShare]) -> (f64, f64, f64) {
    let (cat, ours) = quarters.iter().fold((0.0, 0.0), |(c, o), q| (c + q.category, o + q.ours));
    let n = quarters.len().max(1) as f64;
    (if cat > 0.0 { ours / cat } else { 0.0 }, ours / n, cat / n)
}

/// How much the customer's quarterly share usually wanders, learnt on the two years of quarters
/// from `back` quarters back: the median over the three ways of cutting months into quarters (ending
/// this month, a month earlier, two months earlier), so the estimate does not swing with where a
/// lot happens to fall at this month end.
fn usual_wander(v: &View, back: usize, typical: f64) -> f64 {
    let mut estimates: Vec<f64> = (0..3)
        .filter_map(|offset| {
            let shares: Vec<f64> = (0..8)
                .map(|j| 3 * (back + j) + offset)
                .filter(|m| v.covers(*m, 3))
                .map(|m| (v.category(m, 3).dollars(), v.ours_category(m, 3).dollars()))
                .filter(|(cat, _)| *cat > 0.0 && *cat >= 0.25 * typical)
                .map(|(cat, ours)| ours / cat)
                .collect();
            wander(&shares)
        })
        .collect();
    estimates.sort_by(f64::total_cmp);
    estimates.get(estimates.len() / 2).copied().unwrap_or(0.0)
}

/// How far the same comparison (the year before against the `k` quarters after it) strayed at
/// earlier quarters of this customer that do not overlap the latest `k` (the root mean square, from
/// two comparisons on): a share that moves in long runs, not quarter by quarter, strays further
/// than its quarter-to-quarter wander says (0 with too little history).
fn past_falls(valid: &[QuarterShare], k: usize) -> f64 {
    let falls: Vec<f64> =
        (k..).take_while(|j| j + k + 4 <= valid.len()).map(|j| pooled(&valid[j + k..j + k + 4]).0 - pooled(&valid[j..j + k]).0).collect();
    if falls.len() < 2 {
        return 0.0;
    }
    (falls.iter().map(|f| f * f).sum::<f64>() / falls.len() as f64).sqrt()
}

/// True when a fall from `before` (the year before the latest `span` calendar quarters, fewer than
/// four) to `now` (their share) may be the season: the same quarters a year earlier show less than
/// half of it — or, having bought nothing then, cannot tell (a season's low quarters are small or
/// empty ones). A year is seasonally balanced, a part of one is not: a customer that takes one big
/// lot from us each year would otherwise read as slipping away after every lot. A fall the season
/// cannot explain still shows over the whole year (four quarters).
fn seasonal(calendar: &[QuarterShare], span: usize, before: f64, now: f64) -> bool {
    let same: Vec<QuarterShare> = calendar.iter().filter(|q| q.back >= 4 && q.back < 4 + span).copied().collect();
    span < 4 && !same.is_empty() && pooled(&same).0 - now < 0.5 * (before - now)
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
    if v.history_months() < cfg.min_history_months + 3 {
        return None;
    }
    let (year, year_before) = (v.category(0, 12).dollars(), v.category(12, 12).dollars());
    if year < cfg.share_min_category_usd || (v.covers(0, 24) && year < cfg.share_category_holds * year_before) {
        return None;
    }
    // Every quarter, for the years compared: pooled by value, a small quarter weighs little, and
    // leaving it out of one year but not the other would make a fall of a season.
    let calendar = quarters(v, 0, 4 * cfg.share_quarters.max(3));
    let typical = median(&calendar.iter().take(8).map(|q| q.category).collect::<Vec<_>>())?;
    // Quarters with a real part of the usual purchases, for the quarters judged and the wander: a
    // nearly empty quarter has no share to speak of.
    let valid: Vec<QuarterShare> = calendar.iter().copied().filter(|q| q.category > 0.0 && q.category >= 0.25 * typical).collect();
    if valid.first().is_none_or(|q| q.back != 0) {
        return None;
    }
    let floor = |level: f64| cfg.share_wander_floor.max(0.05 * level);
    // The customer must still buy our kind of products as it did a year before (year on year, so
    // seasons compare), over the quarters judged and over the latest two: a falling category is a
    // business decline, not a share loss.
    let holds = |k: usize| {
        let year_earlier: f64 = (0..k).filter(|q| v.covers((q + 4) * 3, 3)).map(|q| v.category((q + 4) * 3, 3).dollars()).sum();
        let now: f64 = (0..k).map(|q| v.category(q * 3, 3).dollars()).sum();
        year_earlier <= 0.0 || now >= cfg.share_category_holds * year_earlier
    };
    if !holds(2) {
        return None;
    }
    let mut spans = Vec::new();
    for k in 1..=cfg.share_quarters.min(valid.len()) {
        // The k latest quarters against the four before them; the wander is learnt on those and older.
        let (recent, rest) = valid.split_at(k);
        if recent.last().is_some_and(|q| q.back > k) || rest.len() < 3 {
            break;
        }
        if !holds(k) {
            continue;
        }
        // The calendar quarters the span covers (one more than `k` when it skipped a nearly empty
        // one), and the four before them.
        let span = recent.last().map_or(k, |q| q.back + 1);
        let base: Vec<QuarterShare> = calendar.iter().filter(|q| q.back >= span && q.back < span + 4).copied().collect();
        let (before, ours_before, _) = pooled(&base);
        let (now, ours_now, category_quarterly) = pooled(recent);
        if seasonal(&calendar, span, before, now) {
            continue;
        }
        let usual = usual_wander(v, rest.first().map_or(k, |q| q.back), typical).max(floor(before));
        let expected = usual * (1.0 / k as f64 + 1.0 / base.len() as f64).sqrt();
        spans.push(Span {
            quarters: k,
            before,
            now,
            last_share: recent[0].share(),
            strength: (before - now) / expected.max(past_falls(&valid, k)),
            usual,
            ours_before,
            ours_now,
            category_quarterly,
            ours_last_vs_year: if ours_before > 0.0 { recent[0].ours / ours_before } else { 1.0 },
        });
    }
    (!spans.is_empty()).then_some(Stats { spans, lost: lost(&valid, cfg) })
}

/// The severity of a fall over several quarters, if any: the quarters' share beyond chance, and the
/// fall to the latest quarter large enough to matter.
fn sustained(s: &Span, cfg: &HealthSettings) -> Option<Severity> {
    let fall = s.before - s.now.min(s.last_share);
    // The latest quarter must not have recovered.
    if s.quarters < 2 || s.last_share > s.before - s.usual {
        return None;
    }
    if fall >= cfg.share_drop_orange && s.strength >= cfg.share_strength_orange {
        Some(Severity::Orange)
    } else if fall >= cfg.share_drop_yellow && s.strength >= cfg.share_strength_yellow {
        Some(Severity::Yellow)
    } else {
        None
    }
}

/// True when the latest quarter alone collapsed against the year before it.
fn abrupt(s: &Span, cfg: &HealthSettings) -> bool {
    s.quarters == 1
        && s.before - s.now >= cfg.share_abrupt_drop
        && s.strength >= cfg.share_strength_orange
        && s.ours_last_vs_year <= 2.0 / 3.0
}

/// The span that decides, with its severity: the most severe sustained fall (the strongest of
/// equals), else an abrupt one.
fn decisive<'a>(s: &'a Stats, cfg: &HealthSettings) -> Option<(&'a Span, Severity)> {
    let sustained = s
        .spans
        .iter()
        .filter_map(|x| sustained(x, cfg).map(|sev| (x, sev)))
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.strength.total_cmp(&b.0.strength)));
    sustained.or_else(|| s.spans.iter().find(|x| abrupt(x, cfg)).map(|x| (x, Severity::Orange)))
}

/// The severity of what was measured: a fall under way, else a share lost and not regained (yellow).
pub fn judge(s: &Stats, cfg: &HealthSettings) -> Option<Severity> {
    decisive(s, cfg).map(|(_, severity)| severity).or(s.lost.filter(|l| counts(l, cfg)).map(|_| Severity::Yellow))
}

/// The signal of what was measured, at `severity`.
pub fn signal(v: &View, s: &Stats, severity: Severity, cfg: &HealthSettings) -> Signal {
    if let (None, Some(lost)) = (decisive(s, cfg), s.lost.filter(|l| counts(l, cfg))) {
        return lost_signal(v, s, &lost, severity);
    }
    let span = decisive(s, cfg).map_or(s.spans[0], |(x, _)| *x);
    let figures = ShareFigures {
        share_before: span.before,
        share_now: span.now,
        quarters: span.quarters,
        usual_wander: span.usual,
        strength: span.strength,
        category_quarterly: span.category_quarterly,
        ours_quarterly_before: span.ours_before,
        ours_quarterly_now: span.ours_now,
        abrupt: span.quarters == 1,
        lost: false,
    };
    share_signal(v, figures, severity, span.quarters)
}

/// A share signal from its figures: the year before the latest `quarters` quarters against them,
/// since the first of those, with the supplier that gained the most.
fn share_signal(v: &View, figures: ShareFigures, severity: Severity, quarters: usize) -> Signal {
    let mut signal = Signal::new(severity, v.window_start(quarters * 3, 12), v.as_of(), Figures::ShareDecline(figures));
    signal.since = Some(v.window_start(0, quarters * 3));
    signal.subject = biggest_gainer(v, 3 * quarters, 12).map(|id| v.name(id).to_string());
    (signal.explanation, signal.explanation_zh) = explain(&figures, signal.subject.as_deref());
    signal
}

/// The sentence of a share decline, English and Chinese, stating the figures that fired.
pub fn explain(f: &ShareFigures, gainer: Option<&str>) -> (String, String) {
    let gainer_en = gainer.map(|g| format!("; {g} gained the most")).unwrap_or_default();
    let gainer_zh = gainer.map(|g| format!("，份额主要流向{g}")).unwrap_or_default();
    if f.lost {
        return (
            format!(
                "Our share of its purchases has been {} over the last four quarters, against {} in its best year of the two before — lost, and not won back, while it kept buying about {} a quarter{gainer_en}.",
                pct(f.share_now),
                pct(f.share_before),
                dollars(f.category_quarterly)
            ),
            format!(
                "近四个季度我们在该客户同类采购中的份额为{}，而此前两年中最好的一年为{}——份额已流失且未能收回，客户每季度仍采购约{}{gainer_zh}。",
                pct(f.share_now),
                pct(f.share_before),
                dollars(f.category_quarterly)
            ),
        );
    }
    let (span_en, span_zh) = if f.quarters == 1 {
        ("in the latest quarter".to_string(), "最近一个季度".to_string())
    } else {
        (format!("over the last {} quarters", f.quarters), format!("近{}个季度", f.quarters))
    };
    (
        format!(
            "Our share of its purchases was {} {span_en} against {} in the year before — {} points down, where its quarterly share usually moves about {} — while it kept buying about {} a quarter{gainer_en}.",
            pct(f.share_now),
            pct(f.share_before),
            points(f.share_before - f.share_now),
            points(f.usual_wander),
            dollars(f.category_quarterly)
        ),
        format!(
            "{span_zh}我们在该客户同类采购中的份额为{}，此前一年为{}，下降{}个百分点，而其季度份额平常只波动约{}个百分点；客户每季度仍采购约{}{gainer_zh}。",
            pct(f.share_now),
            pct(f.share_before),
            points(f.share_before - f.share_now),
            points(f.usual_wander),
            dollars(f.category_quarterly)
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
