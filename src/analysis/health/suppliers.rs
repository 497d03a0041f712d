//! `new_supplier`: a supplier that had not shipped to the customer for two years starts shipping,
//! even in small trial lots.
//!
//! Yellow from the first month end it ships (a discrete event needs no second month to confirm it).
//! Orange when the newcomer keeps shipping — a plan B being built, not a one-off trial — and it is a
//! known competitor or we held most of the business; or when it already takes a large share of what
//! the customer usually buys. A small newcomer at a customer that always had several other
//! suppliers is an ordinary reshuffle and raises nothing, unless it is a known competitor.

use super::signal::{Figures, NewSupplierFigures, Severity, Signal};
use super::thresholds::HealthSettings;
use super::view::View;
use crate::model::CompanyId;
use crate::text::number::{dollars, pct};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// One newcomer as measured.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Newcomer {
    supplier: CompanyId,
    first: usize,
    months_shipped: usize,
    value: f64,
    /// Its part of the customer's category purchases since its first lot.
    share: f64,
    competitor: bool,
    new_origin: bool,
    /// Other suppliers (not us) in the lookback before its first lot.
    others_before: usize,
    /// Our share of the category in the year before its first lot.
    our_share_before: f64,
}

/// What the rule measured at one month end: every newcomer of the recent months.
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    newcomers: Vec<Newcomer>,
}

/// Measures one customer at the view's month end (`None`: no newcomer).
pub fn measure(v: &View, cfg: &HealthSettings) -> Option<Stats> {
    let t = v.t;
    let recent = cfg.new_supplier_recent_months;
    // Each supplier's first month within the recent window; it is new if it did not ship in the
    // lookback before that month (which `newcomer` checks), whatever happened earlier still.
    let mut first: BTreeMap<CompanyId, usize> = BTreeMap::new();
    for s in v.s.suppliers.iter().filter(|s| s.month <= t && s.month + recent > t && !v.data.me.contains(&s.supplier)) {
        first.entry(s.supplier).or_insert(s.month);
    }
    let history_start = v.s.months.iter().position(|m| m.total.0 != 0)?;
    let newcomers: Vec<Newcomer> = first
        .iter()
        .filter(|(_, f)| **f >= history_start + cfg.min_history_months)
        .filter_map(|(id, f)| newcomer(v, cfg, *id, *f))
        .collect();
    (!newcomers.is_empty()).then_some(Stats { newcomers })
}

/// How serious one newcomer is, if at all.
fn rate(n: &Newcomer, cfg: &HealthSettings) -> Option<Severity> {
    let reshuffle = n.others_before >= 2 && !n.competitor && n.share < cfg.new_supplier_material_share;
    if reshuffle {
        return None;
    }
    let dominant = n.our_share_before >= cfg.new_supplier_dominant_share;
    // Shipping month after month is a plan B; it is serious where we held the business or where the
    // newcomer is a known competitor.
    let regular = n.months_shipped >= cfg.new_supplier_regular_months && (dominant || n.competitor);
    Some(if regular || n.share >= cfg.new_supplier_orange_share { Severity::Orange } else { Severity::Yellow })
}

/// The most serious newcomer (the largest of equals) with its severity.
fn top(s: &Stats, cfg: &HealthSettings) -> Option<(Newcomer, Severity)> {
    s.newcomers.iter().filter_map(|n| rate(n, cfg).map(|sev| (*n, sev))).max_by(|a, b| a.1.cmp(&b.1).then(a.0.value.total_cmp(&b.0.value)))
}

/// The severity of what was measured.
pub fn judge(s: &Stats, cfg: &HealthSettings) -> Option<Severity> {
    top(s, cfg).map(|(_, severity)| severity)
}

/// The signal of what was measured, at `severity`.
pub fn signal(v: &View, s: &Stats, severity: Severity, cfg: &HealthSettings) -> Signal {
    let counted: Vec<&Newcomer> = s.newcomers.iter().filter(|n| rate(n, cfg).is_some()).collect();
    let (top, _) = top(s, cfg).unwrap_or((s.newcomers[0], severity));
    let figures = NewSupplierFigures {
        newcomers: counted.len().max(1),
        value: top.value,
        share: top.share,
        months_shipped: top.months_shipped,
        competitor: top.competitor,
        new_origin: top.new_origin,
        our_share_before: top.our_share_before,
    };
    let before = v.grid.start_of(top.first.saturating_sub(cfg.new_supplier_lookback_months));
    let mut signal = Signal::new(severity, before, v.as_of(), Figures::NewSupplier(figures));
    let name = v.name(top.supplier).to_string();
    let first_day = v.grid.start_of(top.first);
    signal.since = Some(first_day);
    (signal.explanation, signal.explanation_zh) = explain(&figures, &name, first_day);
    signal.subject = Some(name);
    signal
}

/// The sentence of a new supplier, English and Chinese, stating the figures that fired.
pub fn explain(f: &NewSupplierFigures, name: &str, first: chrono::NaiveDate) -> (String, String) {
    let traits = |competitor: &str, origin: &str| {
        let t: Vec<&str> = [(f.competitor, competitor), (f.new_origin, origin)].iter().filter(|(on, _)| *on).map(|(_, s)| *s).collect();
        t.join(", ")
    };
    let (traits_en, traits_zh) = (traits("a known competitor", "from a new origin country"), traits("已知竞争对手", "来自新的原产国"));
    let others = f.newcomers - 1;
    (
        format!(
            "{name}{} started shipping to it in {} ({} so far, {} of its purchases in {} month{}){}; before, we held {} of its business.",
            if traits_en.is_empty() { String::new() } else { format!(" ({traits_en})") },
            first.format("%Y-%m"),
            dollars(f.value),
            pct(f.share),
            f.months_shipped,
            if f.months_shipped == 1 { "" } else { "s" },
            if others > 0 { format!(", and {others} other new supplier{}", if others == 1 { "" } else { "s" }) } else { String::new() },
            pct(f.our_share_before)
        ),
        format!(
            "{name}{}自{}起开始向该客户供货（至今{}，占其采购{}，共{}个月）{}；此前我们占其业务{}。",
            if traits_zh.is_empty() { String::new() } else { format!("（{traits_zh}）") },
            first.format("%Y年%m月"),
            dollars(f.value),
            pct(f.share),
            f.months_shipped,
            if others > 0 { format!("，另有{others}家新供应商") } else { String::new() },
            pct(f.our_share_before)
        ),
    )
}

/// A supplier first seen at bucket `first`, measured; `None` when it is not new or the customer is
/// too small for a few lots to mean a plan B.
fn newcomer(v: &View, cfg: &HealthSettings, supplier: CompanyId, first: usize) -> Option<Newcomer> {
    let t = v.t;
    let lookback_start = first.saturating_sub(cfg.new_supplier_lookback_months);
    let mut others_before: HashSet<CompanyId> = HashSet::new();
    let mut origins_before: BTreeSet<u16> = BTreeSet::new();
    let mut months: BTreeSet<usize> = BTreeSet::new();
    let mut value = 0.0;
    let mut origin = None;
    for s in v.s.suppliers.iter().filter(|s| s.month <= t) {
        if s.month >= lookback_start && s.month < first {
            if s.supplier == supplier {
                return None;
            }
            if !v.data.me.contains(&s.supplier) {
                others_before.insert(s.supplier);
            }
            origins_before.extend(s.origin);
        } else if s.supplier == supplier && s.month >= first {
            months.insert(s.month);
            value += s.value.dollars();
            origin = origin.or(s.origin);
        }
    }
    // Small customers: a few lots from anyone are noise, not a plan B.
    let year_before: f64 = v.s.months[first.saturating_sub(12)..first].iter().map(|m| m.category.dollars()).sum();
    if year_before < cfg.share_min_category_usd || value <= 0.0 {
        return None;
    }
    // Against what the customer usually buys over as many months, and at least a quarter: a small
    // trial lot in a lumpy buyer's quiet month is a small share of its business, not all of it.
    let months_since = ((t + 1 - first) as f64).max(3.0);
    let category: f64 = v.s.months[first..=t].iter().map(|m| m.category.dollars()).sum::<f64>().max(year_before / 12.0 * months_since);
    Some(Newcomer {
        supplier,
        first,
        months_shipped: months.len(),
        value,
        share: if category > 0.0 { value / category } else { 0.0 },
        competitor: v.data.competitors.contains(&supplier),
        new_origin: origin.is_some_and(|o| !origins_before.is_empty() && !origins_before.contains(&o)),
        others_before: others_before.len(),
        our_share_before: our_share(v, first, 12),
    })
}

/// Our share of the customer's category purchases over the `len` months before bucket `first`.
fn our_share(v: &View, first: usize, len: usize) -> f64 {
    let start = first.saturating_sub(len);
    let (ours, cat) =
        v.s.months[start..first].iter().fold((0.0, 0.0), |(o, c), m| (o + m.ours_category.dollars(), c + m.category.dollars()));
    if cat > 0.0 { ours / cat } else { 0.0 }
}
