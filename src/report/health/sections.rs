//! The health report after its dimensions: signals with the playbook and talking points, cross-sell
//! opportunities, group siblings and the next actions.

use super::{Health, explanation, pick};
use crate::analysis::health::{Level, SignalKind};
use crate::model::Quarter;
use crate::report::Context;
use crate::report::palette::{level_name, severity_color};
use crate::report::pdf::{Cell, Color, Column, Flow, Style, Table};
use crate::text::number::{change, money, percent, quarter};
use crate::text::tr as t;

/// Cross-sell gaps listed.
const GAPS_SHOWN: usize = 10;
/// Room for a table's header and first row (a product's name takes a few lines).
const FIRST_ROW: f32 = 90.0;
/// Gaps and referrals turned into next actions.
const ACTIONS_FROM_DATA: usize = 2;

/// A signal kind's name in the report's language.
pub(in crate::report) fn kind_name(ctx: &Context, kind: SignalKind) -> &'static str {
    ctx.t(kind.text_key())
}

/// Each signal in its colour, then the playbook: how to open the conversation, the talking points.
/// Left out when there is neither (the level's box says the customer raises nothing).
pub(in crate::report) fn signals(flow: &mut Flow, ctx: &Context, h: &Health) {
    if h.health.signals.is_empty() && h.advice.is_none() {
        return;
    }
    flow.heading(ctx.t("sec.signals"));
    for s in &h.health.signals {
        let severity = level_name(Level::from(s.severity), ctx.lang);
        let since = s.since.unwrap_or(s.from).format("%Y-%m");
        let title = ctx.tf("signal.title", &[("kind", &kind_name(ctx, s.kind)), ("severity", &severity), ("date", &since)]);
        flow.callout(severity_color(s.severity), &title, &[explanation(ctx.lang, s).to_string()]);
    }
    let Some(a) = &h.advice else { return };
    let lang = ctx.lang;
    flow.subheading(&ctx.tf("playbook.title", &[("title", &lang.pick(&a.play.title_en, &a.play.title_zh))]));
    flow.paragraph_at(0.0, ctx.t("detail.script"), Style::SMALL.bolder());
    // The embedded font's curly quotes are full-width Chinese ones: English gets straight quotes.
    let script = match lang {
        crate::model::Lang::En => format!("\"{}\"", a.play.script_en),
        crate::model::Lang::Zh => format!("“{}”", a.play.script_zh),
    };
    flow.paragraph(&script, Style::BODY.colored(Color::ACCENT));
    let points = pick(lang, &a.talking_points_en, &a.talking_points_zh);
    if !points.is_empty() {
        flow.paragraph_at(0.0, ctx.t("detail.talking_points"), Style::SMALL.bolder());
        flow.list(points, false, Style::BODY);
    }
}

/// The customer's cross-sell gaps as a table; left out when there are none.
pub(super) fn crosssell(flow: &mut Flow, ctx: &Context, h: &Health) {
    let Some(g) = h.gaps.as_ref().filter(|g| !g.gaps.is_empty()) else { return };
    let text = ctx.tf("crosssell.text", &[("n", &g.gaps.len()), ("value", &money(ctx.lang, g.opportunity)), ("share", &percent(g.share))]);
    // The heading and its sentence stay with the table's header and first row.
    flow.heading_kept(ctx.t("sec.crosssell"), flow.paragraph_height(&text, Style::BODY) + FIRST_ROW);
    flow.paragraph(&text, Style::BODY);
    let lang = ctx.lang;
    let table = Table {
        columns: vec![
            Column::text(t(lang, "col.hs"), 0.9),
            Column::text(t(lang, "col.product"), 2.2),
            Column::figure(t(lang, "col.bought_12m"), 1.3),
            Column::figure(t(lang, "col.growth"), 0.8),
            Column::text(t(lang, "col.main_supplier"), 1.8),
            Column::figure(t(lang, "pdf.col.opportunity"), 1.1),
            Column::text(t(lang, "pdf.col.why"), 1.9),
        ],
        rows: g
            .gaps
            .iter()
            .take(GAPS_SHOWN)
            .map(|gap| {
                let supplier = gap.suppliers.first().map(|s| format!("{} ({})", s.supplier, percent(Some(s.share)))).unwrap_or_default();
                vec![
                    Cell::from(gap.hs.to_string()),
                    Cell::from(product(ctx, gap)),
                    Cell::from(money(ctx.lang, gap.value_12m)),
                    Cell::from(if gap.growth.is_none() { t(lang, "detail.new_code").to_string() } else { change(gap.growth) }),
                    Cell { text: supplier, color: gap.suppliers.first().filter(|s| s.competitor).map(|_| Color(215, 45, 45)) },
                    Cell { text: money(ctx.lang, gap.opportunity), color: Some(Color::US) },
                    Cell::from(lang.pick(&gap.reason, &gap.reason_zh).to_string()),
                ]
            })
            .collect(),
    };
    flow.table(&table);
}

/// A gap's product in the report's language: the HS text, after its Chinese chapter name in Chinese.
fn product(ctx: &Context, gap: &crate::analysis::crosssell::Gap) -> String {
    let text = gap.description.clone().or_else(|| gap.file_description.clone()).unwrap_or_default();
    match (ctx.lang, &gap.chapter_zh) {
        (crate::model::Lang::Zh, Some(chapter)) if text.is_empty() => chapter.clone(),
        (crate::model::Lang::Zh, Some(chapter)) => format!("{chapter}：{text}"),
        _ => text,
    }
}

/// Each group the customer is in: its members' figures, and who buys our kind of products elsewhere;
/// left out when it is in none.
pub(super) fn groups(flow: &mut Flow, ctx: &Context, h: &Health) {
    if h.groups.is_empty() {
        return;
    }
    flow.heading(ctx.t("detail.groups"));
    let lang = ctx.lang;
    for g in &h.groups {
        flow.subheading(&ctx.tf(if g.suggested { "groups.suggested" } else { "groups.title" }, &[("name", &g.name)]));
        let table = Table {
            columns: vec![
                Column::text(t(lang, "col.company"), 3.2),
                Column::text(t(lang, "pdf.col.country"), 1.5),
                Column::figure(t(lang, "detail.ours"), 1.2),
                Column::figure(t(lang, "col.category_12m"), 1.5),
            ],
            rows: g
                .members
                .iter()
                .map(|m| {
                    let this = m.customer == h.name;
                    vec![
                        Cell { text: m.customer.clone(), color: this.then_some(Color::ACCENT) },
                        Cell::from(m.country.as_deref().map(|k| ctx.country(k)).unwrap_or_default()),
                        Cell::from(money(ctx.lang, m.our_sales_12m)),
                        Cell::from(money(ctx.lang, m.category_12m)),
                    ]
                })
                .collect(),
        };
        flow.table(&table);
        let referrals: Vec<String> = g
            .missing_members
            .iter()
            .map(|m| {
                let mostly = m.suppliers.first().map(|s| ctx.tf("groups.mostly", &[("supplier", &s.supplier)])).unwrap_or_default();
                ctx.tf("groups.referral", &[("name", &m.customer), ("value", &money(ctx.lang, m.category_12m)), ("suppliers", &mostly)])
            })
            .collect();
        flow.list(&referrals, false, Style::BODY);
    }
}

/// The playbook's actions, then what the figures suggest: the largest gaps to offer, the group
/// siblings to be introduced to, and when to look again.
pub(in crate::report) fn actions(flow: &mut Flow, ctx: &Context, h: &Health) {
    let lang = ctx.lang;
    let mut items: Vec<String> = h.advice.as_ref().map(|a| pick(lang, &a.play.actions_en, &a.play.actions_zh).clone()).unwrap_or_default();
    if let Some(g) = &h.gaps {
        items.extend(g.gaps.iter().filter(|g| !g.chapter_only()).take(ACTIONS_FROM_DATA).map(|gap| {
            let name = gap.description.clone().or_else(|| gap.file_description.clone()).unwrap_or_else(|| gap.hs.to_string());
            let name = if lang == crate::model::Lang::Zh { gap.chapter_zh.clone().unwrap_or(name) } else { name };
            ctx.tf(
                "action.gap",
                &[
                    ("product", &name),
                    ("code", &gap.hs),
                    ("value", &money(ctx.lang, gap.value_12m)),
                    ("opportunity", &money(ctx.lang, gap.opportunity)),
                ],
            )
        }));
    }
    for g in &h.groups {
        items.extend(
            g.missing_members.iter().take(ACTIONS_FROM_DATA).map(|m| {
                ctx.tf("action.referral", &[("name", &m.customer), ("group", &g.name), ("value", &money(ctx.lang, m.category_12m))])
            }),
        );
    }
    if items.is_empty() {
        items.push(ctx.t("action.keep").to_string());
    }
    let next = Quarter::of(ctx.as_of);
    let next = if ctx.as_of < next.last_day() { next } else { next.next() };
    items.push(ctx.tf("action.review", &[("quarter", &quarter(next, lang))]));
    flow.heading_kept(ctx.t("sec.actions"), flow.list_height(&items, Style::BODY));
    flow.list(&items, true, Style::BODY);
}
