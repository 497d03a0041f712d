//! The portfolio report's opening charts: customers by health level at each quarter end with our
//! sales, and our sales by tier.

use super::*;

/// Height of the charts with their titles and legends.
const CHARTS_H: f32 = 200.0;
/// Space between the two charts.
const CHART_GAP: f32 = 18.0;
/// The style of a chart's title.
const CHART_TITLE: Style = Style { size: 9.5, color: Color::TEXT, bold: true, leading: 1.5 };

/// The customers at each level at each quarter end (stacked, red at the bottom) with our sales in
/// the quarter; beside it our sales over 12 months by tier. Each chart is left out when it has
/// nothing to draw; the other then takes the whole width.
pub(super) fn charts(flow: &mut Flow, ctx: &Context, p: &Portfolio) {
    let levels = levels_chart(ctx, &p.trajectory);
    let tiers = tiers_chart(ctx, &p.tiers);
    let mut charts: Vec<(&str, StackedBars, f32)> = Vec::new();
    if let Some(chart) = levels {
        charts.push((ctx.t("pf.chart.levels"), chart, 0.58));
    }
    if let Some(chart) = tiers {
        charts.push((ctx.t("pf.chart.tiers"), chart, 0.42));
    }
    if charts.is_empty() {
        return;
    }
    let partial = p.trajectory.iter().any(|q| q.levels.is_some() && q.quarter.last_day() > ctx.as_of);
    flow.space(4.0);
    flow.block(CHARTS_H, |face, (x, y, w, h)| {
        let room = w - CHART_GAP * (charts.len() - 1) as f32;
        let total: f32 = charts.iter().map(|(_, _, share)| share).sum();
        let mut ops = Vec::new();
        let mut left = x;
        for (title, chart, share) in &charts {
            let width = room * share / total;
            let title_h = chart_title(face, &mut ops, title, (left, y, width));
            ops.extend(chart.draw(face, (left, y + title_h, width, h - title_h)));
            left += width + CHART_GAP;
        }
        ops
    });
    if partial {
        flow.paragraph(ctx.t("chart.partial"), Style::SMALL);
    }
}

/// A chart's title on one line at the top of its box; returns the height it takes.
fn chart_title(face: &Face, ops: &mut Vec<Op>, title: &str, (x, y, w): (f32, f32, f32)) -> f32 {
    let style = CHART_TITLE;
    let (ascent, descent) = face.extent(style.size);
    let top = y + (style.line_height() - ascent - descent) / 2.0;
    ops.push(Op::Text { x, y: top + ascent, text: truncate(face, title, style.size, w), style });
    style.line_height() + 4.0
}

/// Customers at each level at each quarter end whose levels are known, red at the bottom, with our
/// sales in the quarter on the right axis; `None` when no quarter has levels.
fn levels_chart(ctx: &Context, trajectory: &[PortfolioQuarter]) -> Option<StackedBars> {
    let known: Vec<(&PortfolioQuarter, [usize; 4])> = trajectory.iter().filter_map(|q| Some((q, q.levels?))).collect();
    if known.is_empty() {
        return None;
    }
    let labels = known
        .iter()
        .map(|(q, _)| format!("{}{}", quarter_short(q.quarter), if q.quarter.last_day() > ctx.as_of { "*" } else { "" }))
        .collect();
    // `levels` holds green, yellow, orange, red.
    let index = Level::index;
    let series = LEVELS
        .iter()
        .map(|&level| Series {
            name: level_name(level, ctx.lang).to_string(),
            color: level_color(level),
            values: known.iter().map(|(_, counts)| Some(counts[index(level)] as f64)).collect(),
            mark: crate::report::pdf::Mark::Area,
            axis: crate::report::pdf::Axis::Left,
        })
        .collect();
    let sales = Series {
        name: ctx.t("pf.chart.sales").to_string(),
        color: Color::US,
        values: known.iter().map(|(q, _)| Some(q.ours)).collect(),
        mark: crate::report::pdf::Mark::Line,
        axis: crate::report::pdf::Axis::Right,
    };
    Some(StackedBars { labels, series, scale: Scale::Counts, line: Some(sales), line_axis: Some(money_axis(ctx.lang)) })
}

/// Our sales over 12 months per tier, each bar in its tier's colour, its share of our sales under
/// it; `None` when we sold nothing.
fn tiers_chart(ctx: &Context, tiers: &TierReport) -> Option<StackedBars> {
    let d = &tiers.distribution;
    if d.iter().all(|t| t.our_sales_12m <= 0.0) {
        return None;
    }
    let labels = d.iter().map(|t| format!("{} · {}", t.tier, percent(Some(t.share_of_sales)))).collect();
    let series = d
        .iter()
        .enumerate()
        .map(|(i, t)| Series {
            name: ctx.tf("pf.chart.tier", &[("tier", &t.tier), ("n", &t.customers)]),
            color: tier_color(t.tier),
            values: (0..d.len()).map(|k| (k == i).then_some(t.our_sales_12m)).collect(),
            mark: crate::report::pdf::Mark::Area,
            axis: crate::report::pdf::Axis::Left,
        })
        .collect();
    Some(StackedBars { labels, series, scale: Scale::Money(money_axis(ctx.lang)), line: None, line_axis: None })
}
