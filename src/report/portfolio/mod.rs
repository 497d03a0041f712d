//! The portfolio report (客户组合报告): the whole book of customers at the as-of date — key figures;
//! two charts (customers by health level at each quarter end with our sales, our sales by tier);
//! health levels against tiers; the ten alerts that matter most, in full; the upgrade candidates and
//! the core watchlist; the other alerts in an appendix, one line each.
//!
//! The window's snapshot (`app::snapshot`) at the report's as-of date: the health check of every
//! customer, the tier model evaluated under the weight profile in use and the tier rules, the
//! portfolio's trajectory, and the alerts as the window ranks them (`app::alerts`: our sales at stake).

mod alerts;
mod charts;

use super::cover::{cover, empty, level_cell, tier_cell};
use super::palette::{level_color, level_name, tier_color};
use super::pdf::{Cell, Color, Column, Face, Figure, Flow, Op, Scale, Series, StackedBars, Style, Table, truncate};
use super::{Context, Rendered, ReportError, ReportKind};
use crate::analysis::health::{CustomerHealth, HealthReport, Level};
use crate::analysis::tiers::{CustomerTier, TierReport};
use crate::analysis::trajectory::PortfolioQuarter;
use crate::app::alerts::{Action, grouped};
use crate::app::snapshot::compute;
use crate::model::CompanyId;
use crate::store::Workspace;
use crate::text::number::{change, money, money_axis, percent, quarter_short};
use std::collections::HashMap;
use std::sync::Arc;

/// Alerts written out in full; the rest go to the appendix.
const ALERTS_IN_FULL: usize = 10;
/// Core customers listed; the rest are counted.
const WATCHLIST_SHOWN: usize = 40;
/// Upgrade candidates listed.
const CANDIDATES_SHOWN: usize = 25;
/// Levels, worst first.
const LEVELS: [Level; 4] = [Level::Red, Level::Orange, Level::Yellow, Level::Green];

/// One alert as the window ranks it: the customer, what to do, our sales at stake.
struct Alert {
    /// Whose.
    id: CompanyId,
    /// What to do.
    action: Action,
    /// Our sales at stake (USD): over 12 months, or the year before for a customer already lost.
    at_stake: f64,
}

/// Everything the report shows.
struct Portfolio {
    /// Every customer's level and signals, worst first.
    health: HealthReport,
    /// Tiers, scores, watchlist, candidates.
    tiers: Arc<TierReport>,
    /// Each customer's importing country, when the files say.
    countries: HashMap<CompanyId, String>,
    /// The last quarters: our sales and the customers at each level at their ends.
    trajectory: Vec<PortfolioQuarter>,
    /// Every customer above green, the most of our 12-month sales at stake first (the worse level
    /// first where equal; those already lost last).
    alerts: Vec<Alert>,
}

impl Portfolio {
    fn tier_of(&self, id: CompanyId) -> Option<&CustomerTier> {
        self.tiers.customers.iter().find(|c| c.id == id)
    }

    fn health_of(&self, id: CompanyId) -> Option<&CustomerHealth> {
        self.health.customers.iter().find(|c| c.id == id)
    }

    /// Our sales over 12 months to the customers at a level.
    fn sales_at(&self, levels: &[Level]) -> f64 {
        self.health.customers.iter().filter(|c| levels.contains(&c.level)).map(|c| c.ours_12m.dollars()).sum::<f64>() + 0.0
    }
}

fn gather(ws: &Workspace, ctx: &Context) -> Result<Portfolio, ReportError> {
    let (snap, _) = compute(ws, ctx.data.clone(), false, Some(ctx.as_of), &mut |_| {})?;
    // The window's alerts (grouped by what to do, each group by money at stake) in one list: the
    // most of our 12-month sales at stake first, the worse level first where equal. A customer
    // already lost has none at stake over 12 months (the window counts the year before for it, in a
    // list of its own): it comes after every customer we still sell to.
    let mut alerts: Vec<(Alert, Level)> = grouped(&snap)
        .into_iter()
        .flat_map(|(_, list)| list)
        .map(|a| (Alert { id: a.health.id, action: a.action, at_stake: a.at_stake }, a.health.level))
        .collect();
    let stake_12m = |a: &Alert| if a.action == Action::AlreadyLost { 0.0 } else { a.at_stake };
    alerts.sort_by(|(a, la), (b, lb)| stake_12m(b).total_cmp(&stake_12m(a)).then(lb.cmp(la)));
    let countries = snap.customers.iter().filter_map(|c| Some((c.id, c.country.clone()?))).collect();
    let (Some(health), Some(tiers)) = (snap.health, snap.tiers) else { return Err(ReportError::NoMe) };
    Ok(Portfolio { health, tiers, countries, trajectory: snap.trajectory, alerts: alerts.into_iter().map(|(a, _)| a).collect() })
}

/// How much wider a money column is in Chinese, where money reads `11.4万美元`, not `$11.4k`.
fn money_wider(ctx: &Context) -> f32 {
    match ctx.lang {
        crate::model::Lang::En => 0.0,
        crate::model::Lang::Zh => 0.35,
    }
}

/// Writes the portfolio report.
pub(super) fn render(ws: &Workspace, ctx: &Context) -> Result<Rendered, ReportError> {
    ctx.finish(ReportKind::Portfolio, &layout(ws, ctx)?)
}

/// The report's pages, laid out.
fn layout(ws: &Workspace, ctx: &Context) -> Result<Vec<Vec<Op>>, ReportError> {
    let p = gather(ws, ctx)?;
    let mut flow = ctx.flow();
    let rules = ctx.lang.pick(&p.tiers.rules.describe(), &p.tiers.rules.describe_zh()).to_string();
    // A built-in profile by its name in the report's language, never its internal key.
    let profile = p.tiers.profile.text_key().map_or_else(|| p.tiers.profile.name.clone(), |key| ctx.t(key).to_string());
    let line = ctx.tf("pf.tiers_line", &[("profile", &profile), ("rules", &rules)]);
    cover(&mut flow, ctx, ReportKind::Portfolio, &ctx.firm, &[line]);
    key_figures(&mut flow, ctx, &p);
    charts::charts(&mut flow, ctx, &p);
    levels(&mut flow, ctx, &p);
    alerts::alerts(&mut flow, ctx, &p);
    candidates(&mut flow, ctx, &p);
    watchlist(&mut flow, ctx, &p);
    alerts::appendix(&mut flow, ctx, &p);
    Ok(flow.finish())
}

/// Customers, our sales, our share of their purchases, the core watchlist.
fn key_figures(flow: &mut Flow, ctx: &Context, p: &Portfolio) {
    let all = &p.health.customers;
    let sales = p.sales_at(&LEVELS);
    let category: f64 = all.iter().map(|c| c.category_12m.dollars()).sum();
    let ours_category: f64 = all.iter().map(|c| c.share.unwrap_or(0.0) * c.category_12m.dollars()).sum();
    let w = &p.tiers.watchlist;
    let figures = [
        Figure {
            label: ctx.t("tiers.col.customers").into(),
            value: all.len().to_string(),
            note: Some(ctx.t("pf.fig.customers_note").into()),
            color: None,
        },
        Figure { label: ctx.t("dash.our_sales").into(), value: money(ctx.lang, sales), note: None, color: Some(super::pdf::Color::US) },
        Figure {
            label: ctx.t("pf.fig.share").into(),
            value: percent((category > 0.0).then(|| ours_category / category)),
            note: Some(ctx.tf("pf.fig.share_note", &[("value", &money(ctx.lang, category))])),
            color: None,
        },
        Figure {
            label: ctx.t("pf.fig.core").into(),
            value: w.count.to_string(),
            note: Some(ctx.tf("pf.fig.core_note", &[("share", &percent(Some(w.share_of_sales)))])),
            color: None,
        },
    ];
    flow.figures(&figures, 4);
}

/// A box per level with its customers and sales, then tiers against levels in one table.
fn levels(flow: &mut Flow, ctx: &Context, p: &Portfolio) {
    flow.heading(ctx.t("pf.sec.levels"));
    let total = p.sales_at(&LEVELS);
    let at_risk = p.sales_at(&[Level::Red, Level::Orange]);
    let count = p.health.customers.iter().filter(|c| c.level >= Level::Orange).count();
    let share = (total > 0.0).then(|| at_risk / total);
    flow.paragraph(
        &ctx.tf("pf.levels.text", &[("n", &count), ("sales", &money(ctx.lang, at_risk)), ("share", &percent(share))]),
        Style::BODY,
    );
    let figures: Vec<Figure> = LEVELS
        .iter()
        .map(|&level| {
            let n = p.health.customers.iter().filter(|c| c.level == level).count();
            Figure {
                label: level_name(level, ctx.lang).into(),
                value: n.to_string(),
                note: Some(ctx.tf("pf.level_note", &[("sales", &money(ctx.lang, p.sales_at(&[level])))])),
                color: Some(level_color(level)),
            }
        })
        .collect();
    flow.figures(&figures, 4);
    flow.subheading(ctx.t("pf.tiers"));
    let mut columns = vec![
        short(ctx.t("col.tier"), 0.7),
        Column::figure(ctx.t("tiers.col.customers"), 1.0),
        Column::figure(ctx.t("detail.ours"), 1.3),
        Column::figure(ctx.t("col.share_of_sales"), 1.1),
    ];
    columns.extend(LEVELS.iter().map(|l| Column::figure(level_name(*l, ctx.lang), 0.8)));
    let level_of: HashMap<CompanyId, Level> = p.health.customers.iter().map(|c| (c.id, c.level)).collect();
    let rows = p
        .tiers
        .distribution
        .iter()
        .map(|d| {
            let mut row = vec![
                tier_cell(d.tier),
                d.customers.to_string().into(),
                money(ctx.lang, d.our_sales_12m).into(),
                percent(Some(d.share_of_sales)).into(),
            ];
            row.extend(LEVELS.iter().map(|level| {
                let n = p.tiers.customers.iter().filter(|c| c.tier == d.tier && level_of.get(&c.id) == Some(level)).count();
                let color = (n > 0 && *level > Level::Green).then_some(level_color(*level));
                Cell { text: n.to_string(), color }
            }));
            row
        })
        .collect();
    flow.table(&Table { columns, rows });
}

/// A column of one short word (a level, a tier): cut, never broken inside the word.
fn short(header: &str, weight: f32) -> Column {
    Column { wrap: false, ..Column::text(header, weight) }
}

/// The core watchlist, largest first: tier, level, score, our sales and share, country.
fn watchlist(flow: &mut Flow, ctx: &Context, p: &Portfolio) {
    flow.heading(ctx.t("pf.sec.watchlist"));
    let w = &p.tiers.watchlist;
    let mut core: Vec<&CustomerTier> = p.tiers.customers.iter().filter(|c| c.core).collect();
    if core.is_empty() {
        return empty(flow, ctx, "pf.watchlist.none");
    }
    core.sort_by(|a, b| b.our_sales_12m.total_cmp(&a.our_sales_12m).then(a.customer.cmp(&b.customer)));
    let text = ctx.tf("pf.watchlist.text", &[("n", &w.count), ("of", &w.of_customers), ("share", &percent(Some(w.share_of_sales)))]);
    flow.paragraph(&text, Style::BODY);
    let share: HashMap<CompanyId, Option<f64>> = p.health.customers.iter().map(|c| (c.id, c.share)).collect();
    let table = Table {
        columns: vec![
            Column::figure("#", 0.4),
            Column::text(ctx.t("col.company"), 2.8),
            Column::text(ctx.t("pdf.col.country"), 1.3),
            short(ctx.t("col.tier"), 0.55),
            short(ctx.t("col.level"), 0.85),
            Column::figure(ctx.t("col.score"), 0.7),
            Column::figure(ctx.t("detail.ours"), 1.1 + money_wider(ctx)),
            Column::figure(ctx.t("col.share"), 0.8),
        ],
        rows: core
            .iter()
            .take(WATCHLIST_SHOWN)
            .enumerate()
            .map(|(i, c)| {
                vec![
                    Cell::from((i + 1).to_string()),
                    Cell::from(c.customer.clone()),
                    Cell::from(p.countries.get(&c.id).map(|k| ctx.country(k)).unwrap_or_default()),
                    tier_cell(c.tier),
                    level_cell(ctx, c.level),
                    Cell::from(format!("{:.1}", c.score)),
                    Cell::from(money(ctx.lang, c.our_sales_12m)),
                    Cell::from(percent(share.get(&c.id).copied().flatten())),
                ]
            })
            .collect(),
    };
    flow.table(&table);
    if core.len() > WATCHLIST_SHOWN {
        let rest = &core[WATCHLIST_SHOWN..];
        let sales: f64 = rest.iter().map(|c| c.our_sales_12m).sum();
        flow.paragraph(&ctx.tf("pf.more", &[("n", &rest.len()), ("sales", &money(ctx.lang, sales))]), Style::SMALL);
    }
}

/// Customers below A whose business with us is taking off, with the reason.
fn candidates(flow: &mut Flow, ctx: &Context, p: &Portfolio) {
    flow.heading(ctx.t("dash.candidates"));
    let list = &p.tiers.upgrade_candidates;
    if list.is_empty() {
        return empty(flow, ctx, "pf.candidates.none");
    }
    flow.paragraph(&ctx.tf("pf.candidates.text", &[("n", &list.len())]), Style::BODY);
    let table = Table {
        columns: vec![
            Column::text(ctx.t("col.company"), 2.4),
            short(ctx.t("col.tier"), 0.55),
            Column::figure(ctx.t("detail.ours"), 1.0 + money_wider(ctx)),
            Column::figure(ctx.t("col.growth_6m"), 1.1),
            Column::text(ctx.t("pdf.col.reason"), 4.5 - money_wider(ctx)),
        ],
        rows: list
            .iter()
            .take(CANDIDATES_SHOWN)
            .map(|c| {
                let sales = p.tier_of(c.id).map_or(0.0, |t| t.our_sales_12m);
                vec![
                    Cell::from(c.customer.clone()),
                    tier_cell(c.tier),
                    Cell::from(money(ctx.lang, sales)),
                    Cell::from(change(c.growth_6m)),
                    Cell::from(ctx.lang.pick(&c.reason, &c.reason_zh).to_string()),
                ]
            })
            .collect(),
    };
    flow.table(&table);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::report::cover::fixture;

    #[test]
    fn long_names_stay_inside_the_page_in_both_languages() {
        let dir = tempfile::tempdir().expect("tmp");
        let ws = fixture::workspace(dir.path());
        for lang in [Lang::En, Lang::Zh] {
            let ctx = Context::load(&ws, None, lang).expect("context");
            let pages = layout(&ws, &ctx).expect("layout");
            let texts = fixture::inside(&ctx, &pages);
            assert!(texts.iter().any(|t| t.starts_with("THE INTERNATIONAL")), "{lang:?}: the alert names the customer");
            assert!(texts.iter().any(|t| t.starts_with("浙江宁波")), "{lang:?}: the firm is the subject");
            let pdf = render(&ws, &ctx).expect("pdf");
            assert!(pdf.pdf.starts_with(b"%PDF") && pdf.pages == pages.len());
        }
    }
}
