//! The quarterly review's reports: every core customer's health report for the quarter under
//! review, one PDF each and one combined PDF that opens with the list of them (tier, level, owner,
//! our sales) — made in one action, with progress and cancel, and recorded as made in the workspace.
//!
//! Reports are made at the reviewed quarter's last day (at the latest shipment when the data stop
//! earlier), so they say how the quarter ended; the core customers are those of the window's
//! review (`app::review`) at the latest shipment.

use super::cover::{level_cell, tier_cell};
use super::pdf::{Cell, Column, Op, Style, Table};
use super::{Context, Rendered, ReportError, file_name, health};
use crate::app::review::Review;
use crate::app::snapshot::compute_people;
use crate::app::view::View;
use crate::model::{CompanyId, Lang};
use crate::store::Workspace;
use crate::text::number::{money, quarter};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// What was written.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewFiles {
    /// The combined PDF.
    pub combined: PathBuf,
    /// One PDF per core customer, in the review's order.
    pub each: Vec<PathBuf>,
    /// Pages of the combined PDF.
    pub pages: usize,
}

/// The review at the workspace's latest shipment (the window's), with the date its reports are made at.
pub fn current(ws: &Workspace) -> Result<(Review, NaiveDate), ReportError> {
    let View { data, as_of } = View::ours(ws, None)?;
    let snap = compute_people(ws, std::sync::Arc::new(data), Some(as_of))?;
    let review = snap.review.ok_or(ReportError::NoMe)?;
    Ok((review.clone(), review.quarter.last_day().min(as_of)))
}

/// Makes every core customer's quarterly health report into `dir` — one combined PDF and one per
/// customer — and records them as made today. `progress(done, total)` is told after each customer;
/// returning `false` stops, leaving nothing written or recorded.
pub fn write(
    ws: &mut Workspace,
    lang: Lang,
    dir: &Path,
    today: NaiveDate,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<ReviewFiles, ReportError> {
    let (review, at) = current(ws)?;
    let ctx = Context::load(ws, Some(at), lang)?;
    let total = review.rows.len();
    let mut each: Vec<(CompanyId, String, Vec<Vec<Op>>)> = Vec::with_capacity(total);
    for (i, row) in review.rows.iter().enumerate() {
        match health::layout_core(ws, &ctx, row.id) {
            Ok(pages) => each.push((row.id, row.customer.clone(), pages)),
            // Not ours at the quarter's end (a customer that came later): no report to make.
            Err(ReportError::NotOurs { .. }) => {}
            Err(e) => return Err(e),
        }
        if !progress(i + 1, total) {
            return Err(ReportError::Cancelled);
        }
    }
    let title = ctx.tf("review.pdf.title", &[("quarter", &quarter(review.quarter, lang))]);
    // The list's own length decides where each report starts: laid out once to count its pages.
    let mut starts = std::collections::HashMap::new();
    let list_pages = contents(&ctx, &review, &title, &each, &starts).len();
    let mut page = list_pages + 1;
    for (id, _, p) in &each {
        starts.insert(*id, page);
        page += p.len();
    }
    let mut pages = contents(&ctx, &review, &title, &each, &starts);
    for (_, _, p) in &each {
        pages.extend(p.iter().cloned());
    }
    let combined: Rendered = ctx.finish_titled(&title, &pages)?;
    let single = ctx.t("report.health_core");
    let rendered: Vec<(CompanyId, String, Rendered)> =
        each.iter().map(|(id, name, p)| Ok((*id, name.clone(), ctx.finish_titled(single, p)?))).collect::<Result<_, ReportError>>()?;
    // Written only once everything rendered, so a failure or a cancel leaves no half folder.
    std::fs::create_dir_all(dir).map_err(|e| write_error(dir, &e))?;
    let combined_path = dir.join(format!("review-{}-{}.pdf", review.quarter, lang_tag(lang)));
    std::fs::write(&combined_path, &combined.pdf).map_err(|e| write_error(&combined_path, &e))?;
    let mut paths = Vec::with_capacity(rendered.len());
    for (_, name, r) in &rendered {
        let path = dir.join(file_name(super::ReportKind::Health, Some(name), lang));
        std::fs::write(&path, &r.pdf).map_err(|e| write_error(&path, &e))?;
        paths.push(path);
    }
    let ids: Vec<CompanyId> = rendered.iter().map(|(id, _, _)| *id).collect();
    ws.mark_reports_made(&ids, review.quarter, today)?;
    Ok(ReviewFiles { combined: combined_path, each: paths, pages: combined.pages })
}

fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    }
}

fn write_error(path: &Path, e: &std::io::Error) -> ReportError {
    ReportError::Write { path: path.to_path_buf(), detail: e.to_string() }
}

/// The combined PDF's first pages: the review's title and the customers in it, in order.
fn contents(
    ctx: &Context,
    review: &Review,
    title: &str,
    made: &[(CompanyId, String, Vec<Vec<Op>>)],
    starts: &std::collections::HashMap<CompanyId, usize>,
) -> Vec<Vec<Op>> {
    let mut flow = ctx.flow();
    flow.paragraph(title, Style::TITLE);
    flow.paragraph(&ctx.firm, super::cover::SUBJECT);
    flow.paragraph_at(0.0, &ctx.tf("review.pdf.lead", &[("n", &made.len()), ("date", &ctx.as_of)]), Style::SMALL);
    flow.space(8.0);
    let short = |h: &str, w: f32| Column { wrap: false, ..Column::text(h, w) };
    let made: std::collections::HashSet<CompanyId> = made.iter().map(|(id, _, _)| *id).collect();
    let table = Table {
        columns: vec![
            Column::figure("#", 0.4),
            Column::text(ctx.t("col.company"), 3.2),
            short(ctx.t("col.tier"), 0.55),
            short(ctx.t("col.level"), 0.85),
            Column::text(ctx.t("review.col.owner"), 1.4),
            Column::figure(ctx.t("detail.ours"), 1.3),
            Column::figure(ctx.t("review.col.page"), 0.6),
        ],
        rows: review
            .rows
            .iter()
            .filter(|r| made.contains(&r.id))
            .enumerate()
            .map(|(i, r)| {
                vec![
                    Cell::from((i + 1).to_string()),
                    Cell::from(r.customer.clone()),
                    tier_cell(r.tier),
                    level_cell(ctx, r.level),
                    Cell::from(if r.owner.is_empty() { ctx.t("report.nobody").to_string() } else { r.owner.clone() }),
                    Cell::from(money(ctx.lang, r.our_sales_12m)),
                    Cell::from(starts.get(&r.id).map(|p| p.to_string()).unwrap_or_else(|| "000".into())),
                ]
            })
            .collect(),
    };
    flow.table(&table);
    flow.finish()
}
