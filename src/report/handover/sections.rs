//! The handover report's history (our sales and share by quarter, its imports, our order rhythm) and
//! its suggestions for the new owner: the introduction, the notes to read, the open signals to raise.

use super::Handover;
use crate::report::Context;
use crate::report::cover::empty;
use crate::report::health::growth;
use crate::report::health::sections::kind_name;
use crate::report::pdf::{Flow, Style};
use crate::text::number::{change, dollars, quarter_short};

/// Height of the chart with its legend.
const CHART_H: f32 = 165.0;

/// Since when and how much we sold, the share curve, the quarters in a table, the order rhythm.
pub(super) fn history(flow: &mut Flow, ctx: &Context, ho: &Handover) {
    flow.heading(ctx.t("ho.sec.history"));
    let (h, t) = (&ho.h, &ho.h.trailing);
    if let Some(first) = ho.rel.first_order {
        let text = ctx.tf(
            "ho.history.text",
            &[
                ("since", &first),
                ("total", &dollars(ho.rel.ours_total)),
                ("now", &dollars(t.ours.0)),
                ("before", &dollars(t.ours.1)),
                ("change", &change(growth(t.ours.0, t.ours.1))),
            ],
        );
        flow.paragraph(&text, Style::BODY);
    }
    let Some(p) = &h.profile else {
        return empty(flow, ctx, "ho.history.none");
    };
    if let (Some(last), Some(days)) = (p.rhythm.last_order, p.rhythm.days_since_last) {
        let text = match p.rhythm.usual_gap_days {
            Some(gap) => ctx.tf("business.rhythm", &[("date", &last), ("days", &days), ("gap", &format!("{gap:.0}"))]),
            None => ctx.tf("business.rhythm_no_gap", &[("date", &last), ("days", &days)]),
        };
        flow.paragraph(&text, Style::BODY);
    }
    let labels: Vec<String> =
        p.share_curve.iter().map(|q| format!("{}{}", quarter_short(q.quarter), if q.partial { "*" } else { "" })).collect();
    let chart = crate::report::health::dimensions::share_chart(ctx, p, &labels);
    let curve = &p.share_curve;
    flow.block(CHART_H, |face, area| chart.draw(face, area));
    if curve.iter().any(|q| q.partial) {
        flow.paragraph(ctx.t("chart.partial"), Style::SMALL);
    }
    flow.subheading(ctx.t("ho.by_quarter"));
    flow.table(&crate::report::health::dimensions::quarters_table(ctx, p));
}

/// What the new owner does first: be introduced, read the notes, raise each open signal; then the
/// health report's next actions (the playbook's, the largest gaps, the group referrals, the review).
pub(super) fn suggestions(flow: &mut Flow, ctx: &Context, ho: &Handover) {
    flow.heading(ctx.t("ho.sec.suggestions"));
    let h = &ho.h;
    let card = h.crm.card.tidy();
    let mut items = vec![match (card.owner.is_empty(), card.contacts.len()) {
        (true, _) => ctx.t("ho.sugg.intro_nobody").to_string(),
        (false, 0) => ctx.tf("ho.sugg.intro_no_contacts", &[("owner", &card.owner)]),
        (false, _) => ctx.tf("ho.sugg.intro", &[("owner", &card.owner)]),
    }];
    match h.crm.notes.first() {
        Some(latest) => items.push(ctx.tf("ho.sugg.notes", &[("n", &h.crm.notes.len()), ("date", &latest.date)])),
        None => items.push(ctx.t("ho.sugg.no_notes").to_string()),
    }
    items.extend(h.health.signals.iter().map(|s| {
        let since = s.since.unwrap_or(s.from).format("%Y-%m");
        let key = if s.kind.is_risk() { "ho.sugg.risk" } else { "ho.sugg.growth" };
        ctx.tf(key, &[("kind", &kind_name(ctx, s.kind)), ("date", &since)])
    }));
    if !card.backup_owner.is_empty() {
        items.push(ctx.tf("ho.sugg.backup", &[("backup", &card.backup_owner)]));
    }
    flow.list(&items, true, Style::BODY);
    crate::report::health::sections::actions(flow, ctx, h);
}
