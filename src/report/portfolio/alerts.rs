//! The portfolio report's alerts: the ten that matter most in full, the rest in an appendix.

use super::*;

/// The ten alerts with the most of our sales at stake, each in full: level, tier, what to do, the
/// money at stake and our share, then every risk signal with its explanation.
pub(super) fn alerts(flow: &mut Flow, ctx: &Context, p: &Portfolio) {
    flow.heading(ctx.t("pf.sec.top_alerts"));
    if p.alerts.is_empty() {
        return empty(flow, ctx, "pf.alerts.none");
    }
    let shown = p.alerts.len().min(ALERTS_IN_FULL);
    let rest = p.alerts.len() - shown;
    let text = if rest > 0 {
        ctx.tf("pf.top.text", &[("n", &p.alerts.len()), ("shown", &shown), ("rest", &rest)])
    } else {
        ctx.tf("pf.top.text_all", &[("n", &p.alerts.len())])
    };
    flow.paragraph(&text, Style::BODY);
    for (i, alert) in p.alerts.iter().take(ALERTS_IN_FULL).enumerate() {
        let Some(h) = p.health_of(alert.id) else { continue };
        let tier = p.tier_of(alert.id).map_or_else(|| "–".to_string(), |t| t.tier.to_string());
        let stake = match alert.action {
            Action::AlreadyLost => ctx.tf("dash.lost_before", &[("value", &money(ctx.lang, alert.at_stake))]),
            _ => ctx.tf("dash.at_stake", &[("value", &money(ctx.lang, alert.at_stake))]),
        };
        let mut body = vec![ctx.tf(
            "pf.alert.line",
            &[
                ("level", &level_name(h.level, ctx.lang)),
                ("tier", &tier),
                ("action", &ctx.t(alert.action.text_key())),
                ("stake", &stake),
                ("share", &percent(h.share)),
            ],
        )];
        for s in h.signals.iter().filter(|s| s.kind.is_risk()) {
            let severity = level_name(Level::from(s.severity), ctx.lang);
            let since = s.since.unwrap_or(s.from).format("%Y-%m");
            let kind = crate::report::health::sections::kind_name(ctx, s.kind);
            let title = ctx.tf("signal.title", &[("kind", &kind), ("severity", &severity), ("date", &since)]);
            body.push(ctx.tf("pf.alert.signal", &[("signal", &title), ("why", &ctx.lang.pick(&s.explanation, &s.explanation_zh))]));
        }
        flow.callout(level_color(h.level), &format!("{}. {}", i + 1, h.customer), &body);
    }
}

/// The alerts not written out in full, in the same order, one line each: customer, level, tier, our
/// sales over 12 months and the risk signals by name (for a customer already lost, what we sold it
/// the year before).
pub(super) fn appendix(flow: &mut Flow, ctx: &Context, p: &Portfolio) {
    let rest = p.alerts.get(ALERTS_IN_FULL..).unwrap_or_default();
    if rest.is_empty() {
        return;
    }
    flow.heading(ctx.t("pf.sec.appendix"));
    flow.paragraph(&ctx.tf("pf.appendix.text", &[("n", &rest.len())]), Style::BODY);
    let wider = money_wider(ctx);
    let line = |header: &str, weight: f32| Column { wrap: false, ..Column::text(header, weight) };
    let table = Table {
        columns: vec![
            Column::figure("#", 0.35),
            line(ctx.t("col.company"), 3.4),
            short(ctx.t("col.level"), 0.7),
            short(ctx.t("col.tier"), 0.45),
            Column::figure(ctx.t("detail.ours"), 1.0 + wider),
            line(ctx.t("pdf.col.reason"), 2.8 - wider),
        ],
        rows: rest
            .iter()
            .enumerate()
            .filter_map(|(i, alert)| {
                let h = p.health_of(alert.id)?;
                let kinds: Vec<&str> = h
                    .signals
                    .iter()
                    .filter(|s| s.kind.is_risk())
                    .map(|s| crate::report::health::sections::kind_name(ctx, s.kind))
                    .collect();
                let reason = match alert.action {
                    Action::AlreadyLost => ctx.tf("pf.reason.lost", &[("value", &money(ctx.lang, alert.at_stake))]),
                    _ => kinds.join(ctx.lang.pick("; ", "；")),
                };
                Some(vec![
                    Cell::from((ALERTS_IN_FULL + i + 1).to_string()),
                    Cell::from(h.customer.clone()),
                    level_cell(ctx, h.level),
                    p.tier_of(alert.id).map_or_else(|| Cell::from("–"), |t| tier_cell(t.tier)),
                    Cell::from(money(ctx.lang, h.ours_12m.dollars())),
                    Cell::from(reason),
                ])
            })
            .collect(),
    };
    flow.table(&table);
}
