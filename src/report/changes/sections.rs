//! The briefing after its health levels: new signals, tier changes, the watchlist's and the
//! candidates' lists, the largest moves in our sales. Each is left out when it has nothing to show.

use super::{Changes, Fit, NAMED_SHOWN, clip, money_wider, more, short};
use crate::analysis::tiers::Tier;
use crate::app::digest::{Named, TierChange};
use crate::report::Context;
use crate::report::cover::tier_cell;
use crate::report::health::growth;
use crate::report::health::sections::kind_name;
use crate::report::pdf::{Cell, Color, Column, Flow, Style, Table};
use crate::text::number::{change, money};

/// The palette's colour for a fall.
const FALL: Color = Color::of(crate::palette::BAD);
/// The palette's colour for a rise.
const RISE: Color = Color::of(crate::palette::GOOD);

/// Signals present now that were not at the earlier date, risks first: customer, signal, reason
/// (a reason the health levels above already gave is not repeated).
pub(super) fn signals(flow: &mut Flow, ctx: &Context, c: &Changes, fit: Fit) {
    let list = &c.digest.new_signals;
    if list.is_empty() {
        return;
    }
    flow.heading(ctx.t("chg.sec.signals"));
    let columns = vec![
        Column::text(ctx.t("chg.col.customer"), 2.5),
        Column::text(ctx.t("chg.col.signal"), 1.8),
        Column::text(ctx.t("chg.col.why"), 5.2),
    ];
    let given = |id, reason: &(String, String)| {
        c.digest.level_changes.iter().take(fit.levels).any(|l| l.id == id && l.reason.as_ref() == Some(reason))
    };
    let table = Table {
        rows: list
            .iter()
            .take(fit.signals)
            .map(|s| {
                // An opportunity reads apart from the risks above it.
                let color = (!s.kind.is_risk()).then_some(RISE);
                let reason = if given(s.id, &s.reason) {
                    Cell { text: ctx.t("chg.reason.above").into(), color: Some(Color::MUTED) }
                } else {
                    Cell::from(clip(&ctx.face, ctx.lang.pick(&s.reason.0, &s.reason.1), &columns, 2, fit.signal_lines))
                };
                vec![Cell::from(s.customer.clone()), Cell { text: kind_name(ctx, s.kind).into(), color }, reason]
            })
            .collect(),
        columns,
    };
    flow.table(&table);
    more(flow, ctx, "chg.more_signals", list.len(), fit.signals);
}

/// What a tier change means, in words and colour: up, down, a new customer, one no longer buying.
fn direction(ctx: &Context, before: Option<Tier>, now: Option<Tier>) -> Cell {
    let (key, color) = match (before, now) {
        (None, _) => ("chg.tier.new", None),
        (_, None) => ("chg.tier.gone", Some(FALL)),
        // A is the best tier: a letter earlier in the alphabet is a step up.
        (Some(b), Some(n)) if n < b => ("chg.tier.up", Some(RISE)),
        _ => ("chg.tier.down", Some(FALL)),
    };
    Cell { text: ctx.t(key).into(), color }
}

/// Customers whose tier changed, best new tier first: was, now, which way, our sales. When there
/// are more than the fit lists, those with the most of our sales are shown (a downgrade of a large
/// customer matters more than an upgrade of a small one), still best new tier first.
pub(super) fn tiers(flow: &mut Flow, ctx: &Context, c: &Changes, fit: Fit) {
    let all = &c.digest.tier_changes;
    if all.is_empty() {
        return;
    }
    let mut by_sales: Vec<usize> = (0..all.len()).collect();
    by_sales.sort_by(|a, b| c.sales_of(all[*b].id).total_cmp(&c.sales_of(all[*a].id)).then(a.cmp(b)));
    by_sales.truncate(fit.tiers);
    by_sales.sort_unstable();
    let list: Vec<&TierChange> = by_sales.iter().map(|i| &all[*i]).collect();
    flow.heading(ctx.t("chg.sec.tiers"));
    let tier = |t: Option<Tier>| t.map_or_else(|| Cell::from("–"), tier_cell);
    let table = Table {
        columns: vec![
            Column::text(ctx.t("chg.col.customer"), 3.6),
            short(ctx.t("chg.col.was"), 0.7),
            short(ctx.t("chg.col.now"), 0.7),
            short(ctx.t("chg.col.move"), 1.8),
            Column::figure(ctx.t("chg.col.sales"), 1.5 + money_wider(ctx.lang)),
        ],
        rows: list
            .iter()
            .map(|t| {
                vec![
                    Cell::from(t.customer.clone()),
                    tier(t.before),
                    tier(t.now),
                    direction(ctx, t.before, t.now),
                    Cell::from(money(ctx.lang, c.sales_of(t.id))),
                ]
            })
            .collect(),
    };
    flow.table(&table);
    more(flow, ctx, "chg.more_smaller", all.len(), list.len());
}

/// Newly on and off the core watchlist, new upgrade candidates: one item each, its customers with
/// our 12-month sales (the first ten, then how many more).
pub(super) fn lists(flow: &mut Flow, ctx: &Context, c: &Changes) {
    let d = &c.digest;
    let parts = [("chg.watch.on", &d.watchlist_on), ("chg.watch.off", &d.watchlist_off), ("chg.candidates", &d.new_candidates)];
    if parts.iter().all(|(_, list)| list.is_empty()) {
        return;
    }
    flow.heading_kept(ctx.t("chg.sec.lists"), 40.0);
    flow.paragraph(ctx.t("chg.lists.text"), Style::SMALL);
    let items: Vec<String> = parts
        .into_iter()
        .filter(|(_, list)| !list.is_empty())
        .map(|(title, list)| {
            let mut names: Vec<String> = list.iter().take(NAMED_SHOWN).map(|n| named(ctx, n)).collect();
            if list.len() > NAMED_SHOWN {
                names.push(ctx.tf("chg.more_short", &[("n", &(list.len() - NAMED_SHOWN))]));
            }
            ctx.tf("chg.list", &[("title", &ctx.t(title)), ("names", &names.join(ctx.lang.pick("; ", "；")))])
        })
        .collect();
    flow.list(&items, false, Style::BODY);
}

/// A customer with our sales to it over 12 months.
fn named(ctx: &Context, n: &Named) -> String {
    ctx.tf("chg.named", &[("name", &n.customer), ("sales", &money(ctx.lang, n.our_sales_12m))])
}

/// The largest moves in our 12-month sales, up or down: before, now, the change (a fall in the
/// loss colour, as the other reports draw one; a customer new to us has no percentage).
pub(super) fn moves(flow: &mut Flow, ctx: &Context, c: &Changes, fit: Fit) {
    let d = &c.digest;
    if d.sales_moves.is_empty() {
        return;
    }
    flow.heading(ctx.t("chg.sec.moves"));
    let wider = money_wider(ctx.lang);
    let to = |date: chrono::NaiveDate| ctx.tf("chg.col.to_date", &[("date", &date)]);
    let table = Table {
        columns: vec![
            Column::text(ctx.t("chg.col.customer"), 3.0),
            Column::figure(to(d.since), 1.5 + wider),
            Column::figure(to(d.as_of), 1.5 + wider),
            Column::figure(ctx.t("chg.col.change"), 1.3 + wider),
            Column::figure(ctx.t("chg.col.change_pct"), 1.0),
        ],
        rows: d
            .sales_moves
            .iter()
            .take(fit.moves)
            .map(|m| {
                let pct = growth(m.now, m.before);
                // Every fall in the loss colour: these are the largest moves, none of them noise.
                let color = (m.now < m.before).then_some(FALL);
                let diff = m.now - m.before;
                let signed = if diff > 0.0 { format!("+{}", money(ctx.lang, diff)) } else { money(ctx.lang, diff) };
                vec![
                    Cell::from(m.customer.clone()),
                    Cell::from(money(ctx.lang, m.before)),
                    Cell::from(money(ctx.lang, m.now)),
                    Cell { text: signed, color },
                    Cell { text: change(pct), color },
                ]
            })
            .collect(),
    };
    flow.table(&table);
}
