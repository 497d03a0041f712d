//! The handover report (交接报告): one customer handed to a new owner — who owns it and who stands
//! in, how to reach the people there, the relationship's history and figures, the signals still open
//! with the playbook, the dated notes, and suggestions for the new owner.
//!
//! The customer's figures are gathered once, as the health report gathers them (`health::gather`);
//! the handover adds what the relationship's history needs: the first order, all-time sales,
//! country and the spellings in the files.

mod sections;

use super::cover::{cover, empty};
use super::health::{Health, explanation, gather, growth};
use super::palette::{level_color, level_name};
use super::pdf::{Cell, Color, Column, Figure, Flow, Op, Style, Table};
use super::{Context, Rendered, ReportError, ReportKind};
use crate::analysis::customers::customers;
use crate::model::CompanyId;
use crate::store::Workspace;
use crate::text::number::{change, money, percent};
use chrono::NaiveDate;

/// Spellings listed.
const SPELLINGS: usize = 6;

/// What the relationship's history adds to the health figures.
#[derive(Debug, Default)]
struct Relationship {
    /// Our first shipment to it.
    first_order: Option<NaiveDate>,
    /// Our sales to it, all time to the as-of date (USD).
    ours_total: f64,
    /// The country it imports into most.
    country: Option<String>,
    /// Its names in the files, the display name first.
    spellings: Vec<String>,
}

/// Everything the report shows.
struct Handover {
    /// As the health report gathers it: level, signals, playbook, profile, gaps, CRM card and notes.
    h: Health,
    /// First order, all-time sales, country, spellings.
    rel: Relationship,
}

fn relationship(ctx: &Context, id: CompanyId) -> Relationship {
    let data = &ctx.data;
    let first_order = data
        .shipments
        .iter()
        .filter(|s| s.buyer == id && s.date.day <= ctx.as_of && s.supplier.is_some_and(|x| data.me.contains(&x)))
        .map(|s| s.date.day)
        .min();
    let summary = customers(data, ctx.as_of).into_iter().find(|c| c.id == id);
    Relationship {
        first_order,
        ours_total: summary.as_ref().map_or(0.0, |c| c.our_sales_total.dollars()),
        country: summary.as_ref().and_then(|c| c.country.clone()),
        spellings: summary.map(|c| c.aliases).unwrap_or_default(),
    }
}

/// Writes the handover report of customer `id`.
pub(super) fn render(ws: &Workspace, ctx: &Context, id: CompanyId) -> Result<Rendered, ReportError> {
    ctx.finish(ReportKind::Handover, &layout(ws, ctx, id)?)
}

/// The report's pages, laid out.
fn layout(ws: &Workspace, ctx: &Context, id: CompanyId) -> Result<Vec<Vec<Op>>, ReportError> {
    let ho = Handover { h: gather(ws, ctx, id)?, rel: relationship(ctx, id) };
    let mut flow = ctx.flow();
    let card = ho.h.crm.card.tidy();
    let named = |s: &str| if s.is_empty() { ctx.t("report.nobody").to_string() } else { s.to_string() };
    let owners = ctx.tf("report.owner_line", &[("owner", &named(&card.owner)), ("backup", &named(&card.backup_owner))]);
    cover(&mut flow, ctx, ReportKind::Handover, &ho.h.name, &[owners]);
    level(&mut flow, ctx, &ho.h);
    key_figures(&mut flow, ctx, &ho);
    account(&mut flow, ctx, &ho);
    sections::history(&mut flow, ctx, &ho);
    if ho.h.health.signals.is_empty() && ho.h.advice.is_none() {
        // The new owner is told there is nothing open, not left to wonder whether it was checked.
        flow.heading(ctx.t("sec.signals"));
        flow.paragraph(ctx.t("ho.no_signals"), Style::BODY);
    } else {
        super::health::sections::signals(&mut flow, ctx, &ho.h);
    }
    notes(&mut flow, ctx, &ho.h);
    sections::suggestions(&mut flow, ctx, &ho);
    Ok(flow.finish())
}

/// The level with the play's title, and its reason: the worst risk signal's explanation.
fn level(flow: &mut Flow, ctx: &Context, h: &Health) {
    let level = h.health.level;
    let name = level_name(level, ctx.lang);
    let heading = match &h.advice {
        Some(a) => ctx.tf("report.level_title_play", &[("level", &name), ("play", &ctx.lang.pick(&a.play.title_en, &a.play.title_zh))]),
        None => ctx.tf("report.level_title", &[("level", &name)]),
    };
    let reason = match h.health.signals.iter().find(|s| s.kind.is_risk()) {
        Some(s) => explanation(ctx.lang, s).to_string(),
        None => ctx.t("report.reason_green").to_string(),
    };
    flow.callout(level_color(level), &heading, &[reason]);
}

/// Our sales, our share, how long it has bought from us, and when it last did.
fn key_figures(flow: &mut Flow, ctx: &Context, ho: &Handover) {
    let (h, t) = (&ho.h, &ho.h.trailing);
    let share_before = h.profile.as_ref().and_then(|p| p.share_curve.iter().rev().nth(4)).and_then(|q| q.share_12m);
    let rhythm = h.profile.as_ref().map(|p| &p.rhythm);
    let last = rhythm.and_then(|r| r.last_order);
    let figures = [
        Figure {
            label: ctx.t("dash.our_sales").into(),
            value: money(ctx.lang, t.ours.0),
            note: Some(ctx.tf("fig.change", &[("change", &change(growth(t.ours.0, t.ours.1)))])),
            // Our blue, unless our sales fell: then the loss colour, as in the health report.
            color: Some(super::health::loss(growth(t.ours.0, t.ours.1)).unwrap_or(Color::US)),
        },
        Figure {
            label: ctx.t("fig.share_12m").into(),
            value: percent(h.health.share),
            note: Some(ctx.tf("fig.year_before", &[("value", &percent(share_before))])),
            color: Some(level_color(h.health.level)),
        },
        Figure {
            label: ctx.t("ho.fig.since").into(),
            value: ho.rel.first_order.map_or_else(|| "–".into(), |d| d.format("%Y-%m").to_string()),
            note: Some(ctx.tf("ho.fig.total", &[("value", &money(ctx.lang, ho.rel.ours_total))])),
            color: None,
        },
        Figure {
            label: ctx.t("ho.fig.last").into(),
            value: last.map_or_else(|| "–".into(), |d| d.to_string()),
            note: rhythm.and_then(|r| r.usual_gap_days).map(|g| ctx.tf("ho.fig.usual", &[("days", &format!("{g:.0}"))])),
            color: None,
        },
    ];
    flow.figures(&figures, 4);
}

/// Owner and backup, country and spellings, then the contacts.
fn account(flow: &mut Flow, ctx: &Context, ho: &Handover) {
    flow.heading(ctx.t("ho.sec.account"));
    let card = ho.h.crm.card.tidy();
    let named = |s: &str| if s.is_empty() { ctx.t("report.nobody").to_string() } else { s.to_string() };
    let mut spellings: Vec<String> = ho.rel.spellings.iter().filter(|s| **s != ho.h.name).take(SPELLINGS).cloned().collect();
    if spellings.is_empty() {
        spellings.push(ctx.t("ho.no_other_names").to_string());
    }
    let rows: Vec<Vec<Cell>> = [
        ("detail.owner", named(&card.owner)),
        ("detail.backup_owner", named(&card.backup_owner)),
        ("pdf.col.country", ho.rel.country.as_deref().map_or_else(|| "–".into(), |k| ctx.country(k))),
        ("ho.spellings", spellings.join("; ")),
    ]
    .into_iter()
    .map(|(key, value)| vec![Cell { text: ctx.t(key).into(), color: Some(Color::MUTED) }, Cell::from(value)])
    .collect();
    flow.table(&Table { columns: vec![Column::text(ctx.t("ho.field"), 1.0), Column::text(ctx.t("ho.value"), 3.5)], rows });
    flow.subheading(ctx.t("detail.contacts"));
    if card.contacts.is_empty() {
        return empty(flow, ctx, "ho.contacts.none");
    }
    flow.list(&card.contacts, false, Style::BODY);
}

/// The dated notes, newest first.
fn notes(flow: &mut Flow, ctx: &Context, h: &Health) {
    flow.heading(ctx.t("ho.sec.notes"));
    if h.crm.notes.is_empty() {
        return empty(flow, ctx, "ho.notes.none");
    }
    let items: Vec<String> = h.crm.notes.iter().map(|n| format!("{} · {}", n.date, n.text.trim())).collect();
    flow.list(&items, false, Style::BODY);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;
    use crate::report::cover::fixture;

    #[test]
    fn long_names_contacts_and_notes_stay_inside_the_page() {
        let dir = tempfile::tempdir().expect("tmp");
        let ws = fixture::workspace(dir.path());
        let id = ws.find_company("INTERNATIONAL BUILDING, CONSTRUCTION", None).expect("the customer").id;
        for lang in [Lang::En, Lang::Zh] {
            let ctx = Context::load(&ws, None, lang).expect("context");
            let texts = fixture::inside(&ctx, &layout(&ws, &ctx, id).expect("layout"));
            let all = texts.concat();
            for expected in ["THE INTERNATIONAL", "欧阳明轩", "Mohammed bin", "王经理", "2026-06-18", "报价已发", "Maria-Fernanda"]
            {
                assert!(all.contains(expected), "{lang:?}: {expected}");
            }
            // The long note is written out whole, over several lines.
            assert!(all.matches("Jebel Ali warehouse").count() >= 7, "{lang:?}: the note is not cut");
        }
    }

    #[test]
    fn a_company_we_never_sold_to_has_no_handover() {
        let dir = tempfile::tempdir().expect("tmp");
        let ws = fixture::workspace(dir.path());
        let rival = ws.find_company(fixture::RIVAL, None).expect("the newcomer").id;
        let ctx = Context::load(&ws, None, Lang::En).expect("context");
        assert!(matches!(layout(&ws, &ctx, rival), Err(ReportError::NotOurs { .. })));
    }
}
