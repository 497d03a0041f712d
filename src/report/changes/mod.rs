//! The monthly "what changed" briefing (本月客户变化), for the owner's sales meeting: the portfolio at
//! an earlier date (a month back by default) against the as-of date, on one page when it can —
//! health level changes (worse first), new signals, tier changes, the core watchlist's newcomers and
//! leavers, new upgrade candidates and the largest moves in our 12-month sales.
//!
//! The figures are `app::digest`'s under the workspace's settings, exactly as the `changes` command
//! computes them, so the page and the command line agree.

mod fit;
mod sections;

use super::cover::{cover, empty, level_cell};
use super::pdf::{Cell, Color, Column, Flow, Op, Style, Table};
use super::{Context, Rendered, ReportError, ReportKind};
use crate::analysis::health::assess;
use crate::app::digest::{Digest, Settings, digest, last_month};
use crate::model::{CompanyId, Lang};
use crate::preferences;
use crate::store::Workspace;
use crate::text::number::money;
use chrono::NaiveDate;
use fit::{FITS, Fit, clip};
use std::collections::HashMap;

/// Customers listed in each of the watchlist's and the candidates' lines; the rest are counted.
const NAMED_SHOWN: usize = 10;

/// Everything the briefing shows.
struct Changes {
    /// What changed between the two dates.
    digest: Digest,
    /// Our sales over the 12 months to the as-of date, by customer (the digest's "now").
    sales: HashMap<CompanyId, f64>,
}

impl Changes {
    /// Our 12-month sales to a customer now (none: it is no longer a customer of ours).
    fn sales_of(&self, id: CompanyId) -> f64 {
        self.sales.get(&id).copied().unwrap_or(0.0)
    }
}

/// The digest between `since` and the context's as-of date under the workspace's settings, as
/// `customs-radar changes` computes it.
fn gather(ws: &Workspace, ctx: &Context, since: Option<NaiveDate>) -> Result<Changes, ReportError> {
    let since = since.unwrap_or_else(|| last_month(ctx.as_of));
    if since >= ctx.as_of {
        return Err(ReportError::SinceNotBefore { since, as_of: ctx.as_of });
    }
    let profile = preferences::checked(preferences::tier_profiles(ws)?.active())?;
    let rules = preferences::tier_rules(ws)?;
    let manual = ws.customer_attributes()?;
    let settings = Settings { cfg: &ctx.thresholds, profile: &profile, rules: &rules, manual: &manual };
    let digest = digest(&ctx.data, since, ctx.as_of, &settings);
    // The digest keeps our sales only for the customers it lists under sales moves and names; the
    // level and tier tables show them for every customer, from the same health check it ran.
    let sales = assess(&ctx.data, ctx.as_of, &ctx.thresholds).customers.iter().map(|c| (c.id, c.ours_12m.dollars())).collect();
    Ok(Changes { digest, sales })
}

/// Writes the changes briefing between `since` (default: a month before the as-of date) and the
/// context's as-of date.
pub(super) fn render(ws: &Workspace, ctx: &Context, since: Option<NaiveDate>) -> Result<Rendered, ReportError> {
    ctx.finish(ReportKind::Changes, &layout(ws, ctx, since)?)
}

/// The briefing's pages, laid out.
fn layout(ws: &Workspace, ctx: &Context, since: Option<NaiveDate>) -> Result<Vec<Vec<Op>>, ReportError> {
    let c = gather(ws, ctx, since)?;
    Ok(pages(ctx, &c))
}

/// The pages of a gathered digest, as much of it as fits on the fewest pages.
fn pages(ctx: &Context, c: &Changes) -> Vec<Vec<Op>> {
    let least = laid_out(ctx, c, FITS[FITS.len() - 1]).len();
    FITS.iter().map(|fit| laid_out(ctx, c, *fit)).find(|pages| pages.len() <= least).unwrap_or_default()
}

/// The pages under one fit: each section after the levels left out when it has nothing.
fn laid_out(ctx: &Context, c: &Changes, fit: Fit) -> Vec<Vec<Op>> {
    let mut flow = ctx.flow();
    let d = &c.digest;
    // The two dates are what this briefing is about; the firm is in every page's header.
    let dates = ctx.tf("chg.dates", &[("since", &d.since), ("as_of", &d.as_of)]);
    cover(&mut flow, ctx, ReportKind::Changes, &dates, &[]);
    summary(&mut flow, ctx, d);
    levels(&mut flow, ctx, c, fit);
    sections::signals(&mut flow, ctx, c, fit);
    sections::tiers(&mut flow, ctx, c, fit);
    sections::lists(&mut flow, ctx, c);
    sections::moves(&mut flow, ctx, c, fit);
    flow.finish()
}

/// One line of counts: customers worse and better, new risk signals, tier changes.
fn summary(flow: &mut Flow, ctx: &Context, d: &Digest) {
    let worse = d.level_changes.iter().filter(|l| l.now > l.before).count();
    let better = d.level_changes.len() - worse;
    let signals = d.new_signals.iter().filter(|s| s.kind.is_risk()).count();
    let line = ctx.tf("chg.summary", &[("worse", &worse), ("better", &better), ("signals", &signals), ("tiers", &d.tier_changes.len())]);
    flow.paragraph(&line, Style::BODY.bolder());
}

/// How much wider a money column is in Chinese, where money reads `11.4万美元`, not `$11.4k`.
fn money_wider(lang: Lang) -> f32 {
    match lang {
        Lang::En => 0.0,
        Lang::Zh => 0.35,
    }
}

/// A column of one short word (a level, a tier): cut, never broken inside the word.
fn short(header: &str, weight: f32) -> Column {
    Column { wrap: false, ..Column::text(header, weight) }
}

/// The sentence under a capped table: how many more there are.
fn more(flow: &mut Flow, ctx: &Context, key: &'static str, total: usize, shown: usize) {
    if total > shown {
        flow.paragraph(&ctx.tf(key, &[("n", &(total - shown))]), Style::SMALL);
    }
}

/// Customers whose health level changed, worse first: was, now, our sales, the reason now.
fn levels(flow: &mut Flow, ctx: &Context, c: &Changes, fit: Fit) {
    flow.heading(ctx.t("chg.sec.levels"));
    let list = &c.digest.level_changes;
    if list.is_empty() {
        return empty(flow, ctx, "chg.levels.none");
    }
    let wider = money_wider(ctx.lang);
    let columns = vec![
        Column::text(ctx.t("chg.col.customer"), 2.5),
        short(ctx.t("chg.col.was"), 0.75),
        short(ctx.t("chg.col.now"), 0.75),
        Column::figure(ctx.t("chg.col.sales"), 1.2 + wider),
        Column::text(ctx.t("chg.col.why"), 4.5 - wider),
    ];
    let table = Table {
        rows: list
            .iter()
            .take(fit.levels)
            .map(|l| {
                let reason = match &l.reason {
                    Some((en, zh)) => Cell::from(clip(&ctx.face, ctx.lang.pick(en, zh), &columns, 4, fit.level_lines)),
                    None => Cell { text: ctx.t("chg.reason.none").into(), color: Some(Color::MUTED) },
                };
                vec![
                    Cell::from(l.customer.clone()),
                    level_cell(ctx, l.before),
                    level_cell(ctx, l.now),
                    Cell::from(money(ctx.lang, c.sales_of(l.id))),
                    reason,
                ]
            })
            .collect(),
        columns,
    };
    flow.table(&table);
    more(flow, ctx, "chg.more", list.len(), fit.levels);
}

#[cfg(test)]
mod tests;
