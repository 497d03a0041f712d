//! The customer health report (客户健康度报告; for a customer on the core watchlist, the core
//! customer health report, 核心客户健康度报告): who and when, the level with its reason in one
//! sentence and the key figures; the four dimensions with their charts; signals with the playbook and
//! talking points; cross-sell opportunities; group siblings; next actions. A section with nothing to
//! say is left out, so a quiet customer's report stays short; a fall in our sales is drawn in the
//! loss colour.
//!
//! The figures are the window's customer detail (`app::detail::gather`), at the report's as-of date.

pub(super) mod dimensions;
pub(super) mod sections;

use super::palette::{level_color, level_name};
use super::pdf::{Color, Figure, Flow, Op, Style};
use super::{Context, Rendered, ReportError, ReportKind};
use crate::analysis::health::{CustomerHealth, assess};
use crate::analysis::tiers::core_watchlist;
use crate::app::detail::CustomerDetail;
use crate::model::{CompanyId, Lang, Quarter};
use crate::store::Workspace;
use crate::text::number::{change, money, percent, quarter};

/// Everything the report shows about one customer: the window's detail of it (`app::detail`), with
/// the health a report requires.
#[derive(Debug)]
pub(super) struct Health {
    /// The customer's detail, gathered as the window's customer page gathers it.
    pub detail: CustomerDetail,
    /// Level, signals, 12-month figures.
    pub health: CustomerHealth,
}

impl std::ops::Deref for Health {
    type Target = CustomerDetail;
    fn deref(&self) -> &CustomerDetail {
        &self.detail
    }
}

pub(super) fn gather(ws: &Workspace, ctx: &Context, id: CompanyId) -> Result<Health, ReportError> {
    let mut detail = crate::app::detail::gather(ws, &ctx.data, ctx.as_of, &ctx.thresholds, id)?;
    let health = detail.health.take().ok_or_else(|| ReportError::NotOurs { customer: detail.name.clone(), as_of: ctx.as_of })?;
    Ok(Health { detail, health })
}

/// A change from `before` to `now`, when there was a before.
pub(super) fn growth(now: f64, before: f64) -> Option<f64> {
    (before > 0.0).then(|| now / before - 1.0)
}

/// A change below this (a fraction) is a fall, drawn in the loss colour.
pub(super) const FALL: f64 = -0.1;

/// The loss colour (the palette's), when `change` is a fall.
pub(super) fn loss(change: Option<f64>) -> Option<Color> {
    change.filter(|c| *c < FALL).map(|_| Color::of(crate::palette::BAD))
}

/// True when the customer is on the core watchlist: the tier report's rule (`core_watchlist` under
/// the workspace's tier rules) over every customer's sales, without scoring the whole portfolio.
pub(super) fn on_watchlist(ws: &Workspace, ctx: &Context, id: CompanyId) -> Result<bool, ReportError> {
    let health = assess(&ctx.data, ctx.as_of, &ctx.thresholds);
    let ours: Vec<f64> = health.customers.iter().map(|c| c.ours_12m.dollars()).collect();
    let rules = crate::preferences::tier_rules(ws)?;
    Ok(core_watchlist(&ours, &rules.watchlist).into_iter().any(|i| health.customers[i].id == id))
}

/// The report's title: the core customer health report for a customer on the core watchlist.
fn title_of(lang: Lang, core: bool) -> &'static str {
    if core { crate::text::tr(lang, "report.health_core") } else { ReportKind::Health.title(lang) }
}

/// The English or the Chinese of a pair.
pub(super) fn pick<'a, T: ?Sized>(lang: Lang, en: &'a T, zh: &'a T) -> &'a T {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// A signal's explanation in the report's language.
pub(super) fn explanation(lang: Lang, s: &crate::analysis::health::Signal) -> &str {
    lang.pick(&s.explanation, &s.explanation_zh)
}

/// Writes the health report of customer `id`.
pub(super) fn render(ws: &Workspace, ctx: &Context, id: CompanyId) -> Result<Rendered, ReportError> {
    let (title, pages) = layout(ws, ctx, id)?;
    ctx.finish_titled(title, &pages)
}

/// The report's title and pages, laid out.
fn layout(ws: &Workspace, ctx: &Context, id: CompanyId) -> Result<(&'static str, Vec<Vec<Op>>), ReportError> {
    let report_title = title_of(ctx.lang, on_watchlist(ws, ctx, id)?);
    Ok((report_title, layout_titled(ws, ctx, id, report_title)?))
}

/// A core customer's report, laid out (the quarterly review makes one for each).
pub(super) fn layout_core(ws: &Workspace, ctx: &Context, id: CompanyId) -> Result<Vec<Vec<Op>>, ReportError> {
    layout_titled(ws, ctx, id, title_of(ctx.lang, true))
}

/// The pages under a title already decided.
fn layout_titled(ws: &Workspace, ctx: &Context, id: CompanyId, report_title: &str) -> Result<Vec<Vec<Op>>, ReportError> {
    let h = gather(ws, ctx, id)?;
    let mut flow = ctx.flow();
    title(&mut flow, ctx, &h, report_title);
    dimensions::write(&mut flow, ctx, &h);
    // A green customer's growth opportunity is already in the level's box and under its dimension.
    if h.advice.is_some() || h.health.signals.iter().any(|s| s.kind.is_risk()) {
        sections::signals(&mut flow, ctx, &h);
    }
    sections::crosssell(&mut flow, ctx, &h);
    sections::groups(&mut flow, ctx, &h);
    sections::actions(&mut flow, ctx, &h);
    Ok(flow.finish())
}

/// Title, customer, period, owner; the level and its reason; the key figures.
fn title(flow: &mut Flow, ctx: &Context, h: &Health, report_title: &str) {
    let lang = ctx.lang;
    flow.paragraph(report_title, Style::TITLE);
    flow.paragraph(&h.name, Style { size: 15.0, color: Color::TEXT, bold: true, leading: 1.3 });
    let q = Quarter::of(ctx.as_of);
    let q_text = if ctx.as_of < q.last_day() {
        ctx.tf("report.quarter_partial", &[("quarter", &quarter(q, lang)), ("date", &ctx.as_of)])
    } else {
        quarter(q, lang)
    };
    let from = crate::model::date::months_back(ctx.as_of, 12).succ_opt().unwrap_or(ctx.as_of);
    flow.paragraph_at(0.0, &ctx.tf("report.period", &[("quarter", &q_text), ("from", &from), ("to", &ctx.as_of)]), Style::SMALL);
    let card = h.crm.card.tidy();
    if !card.owner.is_empty() || !card.backup_owner.is_empty() {
        let named = |s: &str| if s.is_empty() { ctx.t("report.nobody").to_string() } else { s.to_string() };
        flow.paragraph_at(
            0.0,
            &ctx.tf("report.owner_line", &[("owner", &named(&card.owner)), ("backup", &named(&card.backup_owner))]),
            Style::SMALL,
        );
    }
    flow.space(8.0);
    let level = h.health.level;
    let heading = match &h.advice {
        Some(a) => ctx.tf(
            "report.level_title_play",
            &[("level", &level_name(level, lang)), ("play", &lang.pick(&a.play.title_en, &a.play.title_zh))],
        ),
        None => ctx.tf("report.level_title", &[("level", &level_name(level, lang))]),
    };
    // The reason in one sentence: the worst risk signal's explanation (a growth opportunity is
    // shown, but never the reason for a level).
    let mut reason: Vec<String> = match h.health.signals.iter().find(|s| s.kind.is_risk()) {
        Some(s) => vec![explanation(lang, s).to_string()],
        None => vec![ctx.t("report.reason_green").to_string()],
    };
    if level == crate::analysis::health::Level::Green {
        reason.extend(h.health.signals.iter().filter(|s| !s.kind.is_risk()).map(|s| explanation(lang, s).to_string()));
    }
    flow.callout(level_color(level), &heading, &reason);
    let t = &h.trailing;
    let share_before = h.profile.as_ref().and_then(|p| p.share_curve.iter().rev().nth(4)).and_then(|q| q.share_12m);
    let ours_change = growth(t.ours.0, t.ours.1);
    let figures = [
        Figure {
            label: ctx.t("dash.our_sales").into(),
            value: money(ctx.lang, h.health.ours_12m.dollars()),
            note: Some(ctx.tf("fig.change", &[("change", &change(ours_change))])),
            // Our blue, unless our sales fell: then the loss colour.
            color: Some(loss(ours_change).unwrap_or(Color::US)),
        },
        Figure {
            label: ctx.t("fig.category_12m").into(),
            value: money(ctx.lang, h.health.category_12m.dollars()),
            note: Some(ctx.tf("fig.change", &[("change", &change(growth(t.category.0, t.category.1)))])),
            color: None,
        },
        Figure {
            label: ctx.t("fig.share_12m").into(),
            value: percent(h.health.share),
            note: Some(ctx.tf("fig.year_before", &[("value", &percent(share_before))])),
            color: Some(level_color(level)),
        },
        Figure {
            label: ctx.t("fig.total_12m").into(),
            value: money(ctx.lang, t.total.0),
            note: Some(ctx.tf("fig.change", &[("change", &change(growth(t.total.0, t.total.1)))])),
            color: None,
        },
    ];
    flow.figures(&figures, 4);
    // When the next order is due and the customer's season: what the owner plans the next call by.
    let mut orders: Vec<String> =
        h.next_order.iter().flat_map(|n| [n.expected_message(), n.state_message()]).map(|m| m.render(lang)).collect();
    orders.extend(h.season.iter().map(|s| s.message().render(lang)));
    if !orders.is_empty() {
        flow.paragraph_at(0.0, &orders.join(" "), Style::SMALL);
    }
    if let Some(line) = supply_line(ctx, h) {
        flow.paragraph_at(0.0, &line, Style::SMALL);
    }
    if let Some(m) = &h.market {
        flow.paragraph_at(0.0, &m.message().render(lang), Style::SMALL);
    }
    dimensions::glance(flow, ctx, h);
}

/// The customer's largest origin and what a dependence on it means for us, in a sentence or two
/// (nothing when the files do not give origins well enough to judge).
fn supply_line(ctx: &Context, h: &Health) -> Option<String> {
    let r = h.supply.as_ref()?;
    let (country, share) = r.now.top_origin.as_ref().filter(|_| r.now.origins_known())?;
    let pct = |s: f64| format!("{:.0}%", s * 100.0);
    let before = r.before.top_origin.as_ref().map_or_else(|| "–".to_string(), |(_, s)| pct(*s));
    let mut line = ctx.tf(
        "supply.origin",
        &[("country", &ctx.country(country)), ("share", &pct(*share)), ("hhi", &format!("{:.2}", r.now.origin_hhi)), ("before", &before)],
    );
    if r.now.origin_dependent() {
        line.push(' ');
        line.push_str(ctx.t(if r.our_origin { "supply.dependent_ours" } else { "supply.dependent_other" }));
    }
    Some(line)
}

#[cfg(test)]
mod tests;
