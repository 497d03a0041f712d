//! `new_supplier`: a supplier that had not shipped to the customer for two years starts shipping,
//! even in small trial lots.
//!
//! Yellow from the first month end it ships (a discrete event needs no second month to confirm it).
//! Orange when the newcomer keeps shipping — a plan B being built, not a one-off trial — and it is a
//! known competitor or we held most of the business; or when it already takes a large share of what
//! the customer usually buys. A small newcomer at a customer that always had several other
//! suppliers is an ordinary reshuffle and raises nothing, unless it is a known competitor.

use super::signal::{Figures, NewSupplierFigures, Severity, Signal, pct, usd};
use super::thresholds::HealthSettings;
use super::view::View;
use crate::model::CompanyId;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// One newcomer and what makes it serious.
struct Newcomer {
    supplier: CompanyId,
    first: usize,
    months_shipped: usize,
    value: f64,
    share: f64,
    competitor: bool,
    new_origin: bool,
    severity: Severity,
}

/// Assesses one customer at the view's month end.
pub fn assess(v: &View, cfg: &HealthSettings) -> Option<Signal> {
    let t = v.t;
    let recent = cfg.new_supplier_recent_months;
    // Each supplier's first month within the recent window; it is new if it did not ship in the
    // lookback before that month (which the rule checks), whatever happened earlier still.
    let mut first: BTreeMap<CompanyId, usize> = BTreeMap::new();
    for s in v.s.suppliers.iter().filter(|s| s.month <= t && s.month + recent > t && !v.data.me.contains(&s.supplier)) {
        first.entry(s.supplier).or_insert(s.month);
    }
    let history_start = v.s.months.iter().position(|m| m.total.0 != 0)?;
    let newcomers: Vec<Newcomer> =
        first.iter().filter(|(_, f)| **f >= history_start + cfg.min_history_months).filter_map(|(id, f)| judge(v, cfg, *id, *f)).collect();
    let top = newcomers.iter().max_by(|a, b| a.severity.cmp(&b.severity).then(a.value.total_cmp(&b.value)))?;
    let before = v.grid.start_of(top.first.saturating_sub(cfg.new_supplier_lookback_months));
    let our_share_before = our_share(v, top.first, 12);
    let figures = NewSupplierFigures {
        newcomers: newcomers.len(),
        value: top.value,
        share: top.share,
        months_shipped: top.months_shipped,
        competitor: top.competitor,
        new_origin: top.new_origin,
        our_share_before,
    };
    let mut signal = Signal::new(top.severity, before, v.as_of(), Figures::NewSupplier(figures));
    let name = v.name(top.supplier).to_string();
    let first_day = v.grid.start_of(top.first);
    signal.since = Some(first_day);
    let others = newcomers.len() - 1;
    let traits_en = traits(top, "a known competitor", "from a new origin country");
    let traits_zh = traits(top, "已知竞争对手", "来自新的原产国");
    signal.explanation = format!(
        "{name}{} started shipping to it in {} ({} so far, {} of its purchases in {} month{}){}; before, we held {} of its business.",
        if traits_en.is_empty() { String::new() } else { format!(" ({traits_en})") },
        first_day.format("%Y-%m"),
        usd(top.value),
        pct(top.share),
        top.months_shipped,
        if top.months_shipped == 1 { "" } else { "s" },
        if others > 0 { format!(", and {others} other new supplier{}", if others == 1 { "" } else { "s" }) } else { String::new() },
        pct(our_share_before)
    );
    signal.explanation_zh = format!(
        "{name}{}自{}起开始向该客户供货（至今{}，占其采购{}，共{}个月）{}；此前我们占其业务{}。",
        if traits_zh.is_empty() { String::new() } else { format!("（{traits_zh}）") },
        first_day.format("%Y年%m月"),
        usd(top.value),
        pct(top.share),
        top.months_shipped,
        if others > 0 { format!("，另有{others}家新供应商") } else { String::new() },
        pct(our_share_before)
    );
    signal.subject = Some(name);
    Some(signal)
}

fn traits(n: &Newcomer, competitor: &str, origin: &str) -> String {
    let mut t = Vec::new();
    if n.competitor {
        t.push(competitor);
    }
    if n.new_origin {
        t.push(origin);
    }
    t.join(", ")
}

/// Whether a supplier first seen at bucket `first` is worth a signal, and how serious.
fn judge(v: &View, cfg: &HealthSettings, supplier: CompanyId, first: usize) -> Option<Newcomer> {
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
    if year_before < cfg.share_min_category_usd {
        return None;
    }
    // Against what the customer usually buys over as many months: a small trial lot in a lumpy
    // buyer's quiet month is a small share of its business, not all of it.
    let months_since = (t + 1 - first) as f64;
    let category: f64 = v.s.months[first..=t].iter().map(|m| m.category.dollars()).sum::<f64>().max(year_before / 12.0 * months_since);
    let share = if category > 0.0 { value / category } else { 0.0 };
    let competitor = v.data.competitors.contains(&supplier);
    let reshuffle = others_before.len() >= 2 && !competitor && share < cfg.new_supplier_material_share;
    if reshuffle || value <= 0.0 {
        return None;
    }
    let dominant = our_share(v, first, 12) >= cfg.new_supplier_dominant_share;
    let new_origin = origin.is_some_and(|o| !origins_before.is_empty() && !origins_before.contains(&o));
    // Shipping month after month is a plan B; it is serious where we held the business or where the
    // newcomer is a known competitor.
    let regular = months.len() >= cfg.new_supplier_regular_months && (dominant || competitor);
    let severity = if regular || share >= cfg.new_supplier_orange_share { Severity::Orange } else { Severity::Yellow };
    Some(Newcomer { supplier, first, months_shipped: months.len(), value, share, competitor, new_origin, severity })
}

/// Our share of the customer's category purchases over the `len` months before bucket `first`.
fn our_share(v: &View, first: usize, len: usize) -> f64 {
    let start = first.saturating_sub(len);
    let (ours, cat) =
        v.s.months[start..first].iter().fold((0.0, 0.0), |(o, c), m| (o + m.ours_category.dollars(), c + m.category.dollars()));
    if cat > 0.0 { ours / cat } else { 0.0 }
}
