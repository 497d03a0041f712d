//! The four dimensions of a customer's health, each with its figures in a sentence and the signal
//! that concerns it: our share (with the share curve), its suppliers (with the stacked structure),
//! its demand by product, its whole business and our order rhythm.

use super::{FALL, Health, explanation, growth, loss};
use crate::analysis::health::{Signal, SignalKind};
use crate::analysis::profile::{Profile, SupplierQuarter};
use crate::report::Context;
use crate::report::palette::{SupplierColors, level_name, severity_color};
use crate::report::pdf::{
    Axis, CONTENT_BOTTOM, CONTENT_TOP, Cell, Color, Column, Flow, LineChart, Mark, Scale, Series, StackedBars, Style, Table,
};
use crate::text::number::{change, money, percent, quarter, quarter_short};
use crate::text::tr as t;
use std::collections::HashMap;

/// Suppliers drawn by name in the structure chart; the rest are stacked as one.
const SHOWN: usize = 5;
/// Height of a chart with its legend.
const CHART_H: f32 = 150.0;
/// Product codes listed under demand.
const CODES_SHOWN: usize = 6;
/// Quarters listed under business.
const QUARTERS_SHOWN: usize = 8;

/// The four dimensions in one table: each one's figure over the last 12 months and the 12 before,
/// and the signals that concern it. Left out without a risk signal: the level's box, the key figures
/// above and the dimensions below already say all it would.
pub(super) fn glance(flow: &mut Flow, ctx: &Context, h: &Health) {
    if !h.health.signals.iter().any(|s| s.kind.is_risk()) {
        return;
    }
    flow.heading(ctx.t("sec.glance"));
    let lang = ctx.lang;
    let p = h.profile.as_ref();
    let year_ago = |n: usize| n.checked_sub(5);
    let suppliers = |q: Option<&SupplierQuarter>| q.map_or_else(|| "–".to_string(), |q| format!("{} ({:.2})", q.count, q.hhi));
    let structure = p.map(|p| &p.supplier_structure[..]).unwrap_or_default();
    let share_before = p.and_then(|p| year_ago(p.share_curve.len()).and_then(|i| p.share_curve.get(i))).and_then(|q| q.share_12m);
    let t12 = &h.trailing;
    let rows: [(&str, String, String, &[SignalKind]); 4] = [
        ("glance.share", percent(h.health.share), percent(share_before), &[SignalKind::ShareDecline]),
        (
            "glance.suppliers",
            suppliers(structure.last()),
            suppliers(year_ago(structure.len()).and_then(|i| structure.get(i))),
            &[SignalKind::NewSupplier],
        ),
        (
            "glance.demand",
            money(ctx.lang, t12.category.0),
            money(ctx.lang, t12.category.1),
            &[SignalKind::DemandGap, SignalKind::GrowthOpportunity],
        ),
        (
            "glance.business",
            money(ctx.lang, t12.total.0),
            money(ctx.lang, t12.total.1),
            &[SignalKind::BusinessDecline, SignalKind::OrderFrequencyDrop],
        ),
    ];
    let table = Table {
        columns: vec![
            Column::text(t(lang, "col.dimension"), 3.0),
            Column::figure(t(lang, "col.now"), 1.1),
            Column::figure(t(lang, "col.year_before"), 1.1),
            Column::text(t(lang, "col.signal"), 1.9),
        ],
        rows: rows
            .iter()
            .map(|(label, now, before, kinds)| {
                let found: Vec<&Signal> = h.health.signals.iter().filter(|s| kinds.contains(&s.kind)).collect();
                let signal = match found.first() {
                    Some(s) => Cell {
                        text: found.iter().map(|s| signal_name(ctx, s)).collect::<Vec<_>>().join("; "),
                        color: Some(severity_color(s.severity)),
                    },
                    None => Cell { text: t(lang, "glance.none").into(), color: Some(Color::MUTED) },
                };
                vec![Cell::from(t(lang, label)), Cell::from(now.clone()), Cell::from(before.clone()), signal]
            })
            .collect(),
    };
    flow.table(&table);
}

/// A signal's kind and severity: `Share decline · Orange`.
fn signal_name(ctx: &Context, s: &Signal) -> String {
    format!("{} · {}", super::sections::kind_name(ctx, s.kind), level_name(crate::analysis::health::Level::from(s.severity), ctx.lang))
}

/// Writes the four dimensions.
pub(super) fn write(flow: &mut Flow, ctx: &Context, h: &Health) {
    flow.heading(ctx.t("sec.dimensions"));
    let Some(p) = &h.profile else { return };
    let labels: Vec<String> =
        p.share_curve.iter().map(|q| format!("{}{}", quarter_short(q.quarter), if q.partial { "*" } else { "" })).collect();
    share(flow, ctx, h, p, &labels);
    suppliers(flow, ctx, h, p, &labels);
    demand(flow, ctx, h, p);
    business(flow, ctx, h, p);
}

/// The signals of these kinds, each as a coloured line under the dimension's figures.
fn signal_lines(ctx: &Context, h: &Health, kinds: &[SignalKind]) -> Vec<(String, Style)> {
    let found = h.health.signals.iter().filter(|s| kinds.contains(&s.kind));
    found.map(|s: &Signal| (format!("▲ {}", explanation(ctx.lang, s)), Style::BODY.colored(severity_color(s.severity)))).collect()
}

/// Starts a new page unless the subsection's heading, its paragraphs and `then` (its chart) fit on
/// this one, so a chart is not parted from what it illustrates; then writes heading and paragraphs.
fn open(flow: &mut Flow, heading: &str, texts: &[(String, Style)], then: f32) {
    let height = flow.subheading_height(heading) + texts.iter().map(|(t, s)| flow.paragraph_height(t, *s)).sum::<f32>() + then;
    if height < CONTENT_BOTTOM - CONTENT_TOP {
        flow.ensure(height);
    }
    flow.subheading(heading);
    for (text, style) in texts {
        flow.paragraph(text, *style);
    }
}

fn share(flow: &mut Flow, ctx: &Context, h: &Health, p: &Profile, labels: &[String]) {
    let mut texts = Vec::new();
    if let Some(last) = p.share_curve.last() {
        let before = p.share_curve.iter().rev().nth(4).and_then(|q| q.share_12m);
        let text = ctx.tf(
            "share.text",
            &[
                ("q", &percent(last.share)),
                ("quarter", &quarter(last.quarter, ctx.lang)),
                ("y", &percent(h.health.share)),
                ("before", &percent(before)),
            ],
        );
        texts.push((text, Style::BODY));
    }
    texts.extend(signal_lines(ctx, h, &[SignalKind::ShareDecline]));
    open(flow, ctx.t("dim.share"), &texts, CHART_H);
    let chart = share_chart(ctx, p, labels);
    flow.block(CHART_H, |face, area| chart.draw(face, area));
    if p.share_curve.iter().any(|q| q.partial) {
        flow.paragraph(ctx.t("chart.partial"), Style::SMALL);
    }
}

/// The share curve: the customer's purchases of our kind and ours as areas, our share per quarter
/// and over 12 months on the right; a quarter in which our sales fell on a year earlier marked as a
/// loss (the health and handover reports draw the same chart).
pub(crate) fn share_chart(ctx: &Context, p: &Profile, labels: &[String]) -> LineChart {
    let series = |name: &'static str, color: Color, values: Vec<Option<f64>>, mark: Mark, axis: Axis| Series {
        name: ctx.t(name).to_string(),
        color,
        values,
        mark,
        axis,
    };
    let mut chart = LineChart {
        labels: labels.to_vec(),
        series: vec![
            series("chart.category", Color::CATEGORY, p.share_curve.iter().map(|q| Some(q.category)).collect(), Mark::Area, Axis::Left),
            series("detail.ours", Color::US, p.share_curve.iter().map(|q| Some(q.ours)).collect(), Mark::Area, Axis::Left),
            series("chart.share_q", Color::SHARE_Q, p.share_curve.iter().map(|q| q.share).collect(), Mark::Line, Axis::Right),
            series("chart.share_12m", Color::SHARE_12M, p.share_curve.iter().map(|q| q.share_12m).collect(), Mark::Dashed, Axis::Right),
        ],
        money: crate::text::number::money_axis(ctx.lang),
    };
    // A quarter in which our sales fell on a year earlier: a loss, marked in its colour on our sales.
    let fell: Vec<Option<f64>> = p.share_curve.iter().zip(ours_fell(p)).map(|(q, fell)| fell.then_some(q.ours)).collect();
    if fell.iter().any(Option::is_some) {
        chart.series.insert(2, series("chart.ours_fell", Color::of(crate::palette::BAD), fell, Mark::Dots, Axis::Left));
    }
    chart
}

/// Us first (at the bottom of each stack), then the largest suppliers over the span, the rest as one.
fn structure_chart(ctx: &Context, structure: &[SupplierQuarter], labels: &[String]) -> StackedBars {
    let mut totals: HashMap<&str, (f64, bool, bool)> = HashMap::new();
    for part in structure.iter().flat_map(|q| &q.suppliers) {
        totals.entry(part.supplier.as_str()).or_insert((0.0, part.us, part.competitor)).0 += part.value;
    }
    let mut ranked: Vec<(&str, (f64, bool, bool))> = totals.into_iter().collect();
    ranked.sort_by(|a, b| b.1.1.cmp(&a.1.1).then(b.1.0.total_cmp(&a.1.0)).then(a.0.cmp(b.0)));
    let shown: Vec<(&str, bool, bool)> = ranked
        .iter()
        .filter(|(_, (_, us, _))| *us)
        .chain(ranked.iter().filter(|(_, (_, us, _))| !us).take(SHOWN))
        .map(|(name, (_, us, competitor))| (*name, *us, *competitor))
        .collect();
    let mut colors = SupplierColors::default();
    let mut series: Vec<Series> = shown
        .iter()
        .map(|(name, us, competitor)| {
            let label = match (us, competitor) {
                (true, _) => ctx.tf("detail.tag_us", &[("name", name)]),
                (false, true) => ctx.tf("detail.tag_competitor", &[("name", name)]),
                _ => (*name).to_string(),
            };
            let values =
                structure.iter().map(|q| Some(q.suppliers.iter().filter(|s| s.supplier == *name).map(|s| s.share).sum())).collect();
            Series { name: label, color: colors.next(*us, *competitor), values, mark: Mark::Area, axis: Axis::Left }
        })
        .collect();
    let rest: Vec<Option<f64>> = structure
        .iter()
        .map(|q| Some(q.suppliers.iter().filter(|s| !shown.iter().any(|(n, _, _)| *n == s.supplier)).map(|s| s.share).sum()))
        .collect();
    if rest.iter().flatten().any(|v| *v > 0.0) {
        series.push(Series {
            name: ctx.t("detail.other_suppliers").into(),
            color: Color::REST,
            values: rest,
            mark: Mark::Area,
            axis: Axis::Left,
        });
    }
    let hhi = structure.iter().map(|q| (q.count > 0).then_some(q.hhi)).collect();
    let line = Series { name: ctx.t("suppliers.hhi").into(), color: Color(40, 40, 40), values: hhi, mark: Mark::Line, axis: Axis::Left };
    StackedBars { labels: labels.to_vec(), series, scale: Scale::Shares, line: Some(line), line_axis: None }
}

fn suppliers(flow: &mut Flow, ctx: &Context, h: &Health, p: &Profile, labels: &[String]) {
    let mut texts = Vec::new();
    match p.supplier_structure.last().filter(|q| q.count > 0) {
        Some(last) => texts.push((
            ctx.tf(
                "suppliers.text",
                &[
                    ("count", &last.count),
                    ("quarter", &quarter(last.quarter, ctx.lang)),
                    ("top", &percent(Some(last.top_share))),
                    ("hhi", &format!("{:.2}", last.hhi)),
                ],
            ),
            Style::BODY,
        )),
        None => texts.push((ctx.t("detail.no_suppliers").to_string(), Style::BODY)),
    }
    texts.extend(signal_lines(ctx, h, &[SignalKind::NewSupplier]));
    let items: Vec<String> = p
        .new_suppliers
        .iter()
        .map(|n| {
            let origin = n.origin.as_ref().map(|c| ctx.tf("detail.origin", &[("country", &ctx.country(c))])).unwrap_or_default();
            let name = if n.competitor { ctx.tf("detail.tag_competitor", &[("name", &n.supplier)]) } else { n.supplier.clone() };
            ctx.tf(
                "suppliers.new_line",
                &[("name", &name), ("date", &n.first.format("%Y-%m")), ("value", &money(ctx.lang, n.value)), ("origin", &origin)],
            )
        })
        .collect();
    texts.push((ctx.t(if items.is_empty() { "detail.no_new_suppliers" } else { "suppliers.new" }).to_string(), Style::BODY));
    let list_h: f32 = items.iter().map(|i| flow.paragraph_height(i, Style::BODY)).sum();
    open(flow, ctx.t("dim.suppliers"), &texts, list_h + CHART_H);
    flow.list(&items, false, Style::BODY);
    if p.supplier_structure.iter().any(|q| q.count > 0) {
        let chart = structure_chart(ctx, &p.supplier_structure, labels);
        flow.block(CHART_H, |face, area| chart.draw(face, area));
    }
}

fn demand(flow: &mut Flow, ctx: &Context, h: &Health, p: &Profile) {
    let mut texts = Vec::new();
    if p.demand.is_empty() {
        texts.push((ctx.t("demand.none").to_string(), Style::BODY));
    } else {
        let (new, ours) = (p.demand.iter().filter(|c| c.new).count(), p.demand.iter().filter(|c| c.in_catalog).count());
        texts.push((ctx.tf("demand.text", &[("n", &p.demand.len()), ("new", &new), ("ours", &ours)]), Style::BODY));
    }
    texts.extend(signal_lines(ctx, h, &[SignalKind::DemandGap]));
    open(flow, ctx.t("dim.demand"), &texts, 60.0);
    if p.demand.is_empty() {
        return;
    }
    let lang = ctx.lang;
    let table = Table {
        columns: vec![
            Column::text(t(lang, "col.hs"), 1.2),
            Column::figure(t(lang, "col.bought_12m"), 1.4),
            Column::figure(t(lang, "col.prior_12m"), 1.4),
            Column::figure(t(lang, "col.growth"), 1.0),
            Column::text(t(lang, "col.in_range"), 1.0),
        ],
        rows: p
            .demand
            .iter()
            .take(CODES_SHOWN)
            .map(|c| {
                vec![
                    Cell::from(c.hs6.clone()),
                    Cell::from(money(ctx.lang, c.value_12m)),
                    Cell::from(money(ctx.lang, c.value_prior_12m)),
                    if c.new { Cell::from(t(lang, "detail.new_code")) } else { Cell::from(change(c.growth)) },
                    Cell {
                        text: if c.in_catalog { t(lang, "report.yes").into() } else { "–".into() },
                        color: c.in_catalog.then_some(Color::US),
                    },
                ]
            })
            .collect(),
    };
    flow.table(&table);
}

fn business(flow: &mut Flow, ctx: &Context, h: &Health, p: &Profile) {
    let t12 = &h.trailing;
    let mut texts = vec![(
        ctx.tf(
            "business.text",
            &[
                ("now", &money(ctx.lang, t12.total.0)),
                ("before", &money(ctx.lang, t12.total.1)),
                ("change", &change(growth(t12.total.0, t12.total.1))),
            ],
        ),
        Style::BODY,
    )];
    if let (Some(last), Some(days)) = (p.rhythm.last_order, p.rhythm.days_since_last) {
        let text = match p.rhythm.usual_gap_days {
            Some(gap) => ctx.tf("business.rhythm", &[("date", &last), ("days", &days), ("gap", &format!("{gap:.0}"))]),
            None => ctx.tf("business.rhythm_no_gap", &[("date", &last), ("days", &days)]),
        };
        texts.push((text, Style::BODY));
    }
    texts.extend(signal_lines(ctx, h, &[SignalKind::BusinessDecline, SignalKind::OrderFrequencyDrop, SignalKind::GrowthOpportunity]));
    open(flow, ctx.t("dim.business"), &texts, 60.0);
    flow.table(&quarters_table(ctx, p));
}

/// For each quarter of the share curve: our sales in it fell by over 10% on the same quarter a year
/// earlier (a partial quarter is not compared: it would read as a fall).
fn ours_fell(p: &Profile) -> Vec<bool> {
    let curve = &p.share_curve;
    (0..curve.len())
        .map(|i| {
            let before = i.checked_sub(4).map(|j| curve[j].ours);
            !curve[i].partial && before.and_then(|b| growth(curve[i].ours, b)).is_some_and(|c| c < FALL)
        })
        .collect()
}

/// The latest quarters, newest first: the customer's imports, their change on a year earlier, our
/// sales and share; a fall of over 10% on a year earlier (its imports, our sales) in the loss colour.
/// The handover report shows the same table.
pub(in crate::report) fn quarters_table(ctx: &Context, p: &Profile) -> Table {
    let lang = ctx.lang;
    let from = p.business.len().saturating_sub(QUARTERS_SHOWN);
    let ours_fell = ours_fell(p);
    Table {
        columns: vec![
            Column::text(t(lang, "col.quarter"), 1.6),
            Column::figure(t(lang, "col.total"), 1.3),
            Column::figure(t(lang, "col.yoy"), 1.1),
            Column::figure(t(lang, "detail.ours"), 1.3),
            Column::figure(t(lang, "col.share"), 1.0),
        ],
        rows: p.business[from..]
            .iter()
            .zip(p.share_curve.iter().zip(&ours_fell).skip(from))
            .rev()
            .map(|(b, (s, fell))| {
                let q = if b.partial { format!("{}*", quarter(b.quarter, lang)) } else { quarter(b.quarter, lang) };
                vec![
                    Cell::from(q),
                    Cell::from(money(lang, b.total)),
                    Cell { text: change(b.yoy), color: loss(b.yoy) },
                    Cell { text: money(lang, s.ours), color: fell.then(|| Color::of(crate::palette::BAD)) },
                    Cell::from(percent(s.share)),
                ]
            })
            .collect(),
    }
}
