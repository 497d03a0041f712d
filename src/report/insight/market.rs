//! One code's market in the insight brief: key figures, imports and unit value by quarter side by
//! side, the suppliers other than us with their share moves (named, with their unit prices, only
//! when the user chose so), new entrants and suppliers that stopped.

use super::{Market, Names, product, scope, unit};
use crate::analysis::market::{MarketReport, SupplierFigures};
use crate::report::Context;
use crate::report::cover::empty;
use crate::report::pdf::{Axis, Cell, Color, Column, Figure, Flow, LineChart, Mark, Series, Style, Table};
use crate::text::number::{change, money, percent, quarter, quarter_short};

/// Height of the charts with their legends.
const CHART_H: f32 = 150.0;
/// Space between the two charts.
const CHART_GAP: f32 = 18.0;
/// A share move smaller than this (a fraction) is no move.
const MOVE: f64 = 0.01;

/// Writes market number `n`.
pub(super) fn write(flow: &mut Flow, ctx: &Context, n: usize, m: &Market, names: &Names) {
    let r = &m.report;
    flow.heading(&ctx.tf("in.market_title", &[("n", &n), ("code", &r.code)]));
    flow.paragraph(&product(ctx.lang, r), Style::BODY.bolder());
    let mut line = scope(ctx, r);
    if let Some(f) = r.file_description.as_ref().filter(|_| r.description.is_some()) {
        line.push_str(&ctx.tf("in.file_words", &[("words", f)]));
    }
    flow.paragraph(&line, Style::SMALL);
    figures(flow, ctx, m);
    charts(flow, ctx, r);
    suppliers(flow, ctx, m, names);
    entrants(flow, ctx, r, names);
}

fn figures(flow: &mut Flow, ctx: &Context, m: &Market) {
    let r = &m.report;
    let last = r.quarters.last();
    let (suppliers, buyers) = last.map_or((0, 0), |q| (q.suppliers, q.buyers));
    let last_q = last.map(|q| quarter(q.quarter, ctx.lang)).unwrap_or_default();
    let share = (r.value_12m > 0.0).then(|| m.theirs / r.value_12m);
    let figures = [
        Figure {
            label: ctx.t("in.fig.imports").into(),
            value: money(ctx.lang, r.value_12m),
            note: Some(ctx.tf("fig.change", &[("change", &change(r.growth))])),
            color: None,
        },
        Figure {
            label: ctx.t("in.fig.unit").into(),
            value: unit(r.unit_value_12m),
            note: Some(ctx.tf("fig.year_before", &[("value", &unit(r.unit_value_prior_12m))])),
            color: None,
        },
        Figure {
            label: ctx.tf("in.fig.suppliers", &[("quarter", &last_q)]),
            value: suppliers.to_string(),
            note: Some(ctx.tf("in.fig.buyers", &[("n", &buyers)])),
            color: None,
        },
        Figure {
            label: ctx.t("in.fig.yours").into(),
            value: money(ctx.lang, m.theirs),
            note: Some(ctx.tf("in.fig.yours_note", &[("share", &percent(share))])),
            color: Some(Color::US),
        },
    ];
    flow.figures(&figures, 4);
}

/// USD per kg on an axis.
fn per_kg(x: f64) -> String {
    format!("${x:.2}")
}

/// Imports by quarter on the left, the unit value on the right (the imports alone, across, when no
/// shipment states a weight).
fn charts(flow: &mut Flow, ctx: &Context, r: &MarketReport) {
    let labels: Vec<String> = r.quarters.iter().map(|q| quarter_short(q.quarter)).collect();
    let series = |key: &'static str, color: Color, values: Vec<Option<f64>>, mark: Mark| Series {
        name: ctx.t(key).to_string(),
        color,
        values,
        mark,
        axis: Axis::Left,
    };
    let imports = LineChart {
        labels: labels.clone(),
        series: vec![series("in.chart.imports", Color::ACCENT, r.quarters.iter().map(|q| Some(q.value)).collect(), Mark::Area)],
        money: crate::text::number::money_axis(ctx.lang),
    };
    let units: Vec<Option<f64>> = r.quarters.iter().map(|q| q.unit_value).collect();
    let prices = units.iter().any(Option::is_some).then(|| LineChart {
        labels,
        series: vec![series("in.chart.unit", Color::SHARE_12M, units, Mark::Line)],
        money: per_kg,
    });
    flow.block(CHART_H, |face, (x, y, w, h)| match &prices {
        Some(prices) => {
            let half = (w - CHART_GAP) / 2.0;
            let mut ops = imports.draw(face, (x, y, half, h));
            ops.extend(prices.draw(face, (x + half + CHART_GAP, y, half, h)));
            ops
        }
        None => imports.draw(face, (x, y, w, h)),
    });
}

/// A share move in points: `+3.2`, `−1.0`.
fn points(s: &SupplierFigures) -> String {
    let d = (s.share - s.share_prior) * 100.0;
    if d < 0.0 { format!("−{:.1}", -d) } else { format!("+{d:.1}") }
}

/// How many suppliers besides us shipped, and from where; then a table of them (us left out: the
/// brief never prints our own share moves) and who gained and lost the most.
fn suppliers(flow: &mut Flow, ctx: &Context, m: &Market, who: &Names) {
    let (r, parties) = (&m.report, &m.parties);
    flow.subheading(ctx.t("in.sub.suppliers"));
    if r.top_suppliers.is_empty() {
        return empty(flow, ctx, "in.no_suppliers");
    }
    let others: Vec<&SupplierFigures> = r.top_suppliers.iter().filter(|s| !s.us && !who.is_us(&s.supplier)).collect();
    if others.is_empty() {
        return empty(flow, ctx, "in.only_us");
    }
    let sep = ctx.lang.pick(", ", "、");
    let from = if parties.origins.is_empty() {
        String::new()
    } else {
        let list: Vec<String> =
            parties.origins.iter().map(|(c, n)| ctx.tf("in.origin_count", &[("country", &ctx.country(c)), ("n", n)])).collect();
        ctx.tf("in.others_from", &[("list", &list.join(sep))])
    };
    flow.paragraph(&ctx.tf("in.others", &[("n", &parties.others), ("origins", &from)]), Style::BODY);
    let mut columns = vec![
        Column::text(ctx.t("settings.col_supplier"), 3.4),
        Column::figure(ctx.t("col.sales_12m"), 1.3),
        Column::figure(ctx.t("col.market_share"), 0.9),
        Column::figure(ctx.t("col.share_before"), 0.9),
        Column::figure(ctx.t("col.points"), 1.0),
    ];
    if who.named {
        columns.push(Column::figure(ctx.t("pdf.col.unit_value"), 0.9));
    }
    let table = Table {
        columns,
        rows: others
            .iter()
            .map(|s| {
                let moved = (s.share - s.share_prior).abs() >= MOVE;
                let color = moved.then_some(if s.share > s.share_prior { Color(46, 130, 67) } else { Color(200, 45, 45) });
                let mut row = vec![
                    Cell::from(who.label(ctx, &s.supplier)),
                    Cell::from(money(ctx.lang, s.value_12m)),
                    Cell::from(percent(Some(s.share))),
                    Cell::from(percent(Some(s.share_prior))),
                    Cell { text: points(s), color },
                ];
                if who.named {
                    row.push(Cell::from(s.unit_value.map_or_else(|| "–".into(), |u| format!("{u:.2}"))));
                }
                row
            })
            .collect(),
    };
    flow.table(&table);
    let theirs = |s: &&SupplierFigures| !s.us && !who.is_us(&s.supplier);
    let gainer = others.iter().copied().filter(|s| s.share - s.share_prior >= MOVE).max_by(|a, b| move_of(a).total_cmp(&move_of(b)));
    let loser = r
        .top_suppliers
        .iter()
        .chain(&r.departed)
        .filter(theirs)
        .filter(|s| s.share_prior - s.share >= MOVE)
        .min_by(|a, b| move_of(a).total_cmp(&move_of(b)));
    let mut moves = Vec::new();
    for (s, key) in [(gainer, "in.gained"), (loser, "in.lost")] {
        if let Some(s) = s {
            let name = who.label(ctx, &s.supplier);
            moves.push(ctx.tf(key, &[("name", &name), ("before", &percent(Some(s.share_prior))), ("now", &percent(Some(s.share)))]));
        }
    }
    if moves.is_empty() {
        moves.push(ctx.t("in.steady").to_string());
    }
    flow.paragraph(&moves.join(" "), Style::BODY);
}

fn move_of(s: &SupplierFigures) -> f64 {
    s.share - s.share_prior
}

fn entrants(flow: &mut Flow, ctx: &Context, r: &MarketReport, who: &Names) {
    flow.subheading(ctx.t("in.sub.entrants"));
    match &r.new_entrants {
        None => empty(flow, ctx, "in.entrants.unknown"),
        Some(list) if list.iter().all(|e| who.is_us(&e.supplier)) => empty(flow, ctx, "in.entrants.none"),
        Some(list) => {
            let items: Vec<String> = list
                .iter()
                .filter(|e| !who.is_us(&e.supplier))
                .map(|e| {
                    let name = who.label(ctx, &e.supplier);
                    ctx.tf(
                        "in.entrant",
                        &[("name", &name), ("date", &e.first_date), ("value", &money(ctx.lang, e.value_12m)), ("buyers", &e.buyers)],
                    )
                })
                .collect();
            flow.list(&items, false, Style::BODY);
        }
    }
    let departed: Vec<String> = r
        .departed
        .iter()
        .filter(|s| !s.us && !who.is_us(&s.supplier))
        .map(|s| ctx.tf("in.had", &[("name", &who.label(ctx, &s.supplier)), ("share", &percent(Some(s.share_prior)))]))
        .collect();
    if !departed.is_empty() {
        flow.paragraph(&ctx.tf("in.departed", &[("names", &departed.join(ctx.lang.pick(", ", "、")))]), Style::BODY);
    }
}
