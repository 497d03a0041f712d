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

/// One report of the review: whose, and how the quarter ended for it.
struct Made {
    /// The customer.
    id: CompanyId,
    /// Its name.
    customer: String,
    /// Its tier (the window's).
    tier: crate::analysis::tiers::Tier,
    /// Its owner.
    owner: String,
    /// Its health level at the quarter's end.
    level: crate::analysis::health::Level,
    /// Our 12-month sales at the quarter's end (USD).
    ours: f64,
    /// The report's pages.
    pages: Vec<Vec<Op>>,
}

/// Makes every core customer's quarterly health report into `dir` — one combined PDF and one per
/// customer — and records them as made today. `progress(done, total)` is told after each step
/// (laying out and painting each report, then the combined one); returning `false` stops, leaving
/// nothing written or recorded. Files are written into a hidden folder inside `dir` and moved out
/// once all are written, so a failure leaves no half set behind.
pub fn write(
    ws: &mut Workspace,
    lang: Lang,
    dir: &Path,
    today: NaiveDate,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<ReviewFiles, ReportError> {
    let (review, at) = current(ws)?;
    let ctx = Context::load(ws, Some(at), lang)?;
    // The contents page reads the quarter's end, as the reports do.
    let health = crate::analysis::health::assess(&ctx.data, at, &ctx.thresholds);
    let at_end: std::collections::HashMap<CompanyId, _> = health.customers.iter().map(|c| (c.id, c)).collect();
    // Laying out and painting each report, then painting the combined one.
    let total = review.rows.len() * 2 + 1;
    let mut done = 0;
    let mut tick = |done: &mut usize| {
        if progress(
            {
                *done += 1;
                *done
            },
            total,
        ) {
            Ok(())
        } else {
            Err(ReportError::Cancelled)
        }
    };
    let mut made: Vec<Made> = Vec::with_capacity(review.rows.len());
    for row in &review.rows {
        // A customer that was not ours at the quarter's end (one that came later) has no report.
        if let Some(h) = at_end.get(&row.id) {
            let pages = health::layout_core(ws, &ctx, row.id)?;
            let (level, ours) = (h.level, h.ours_12m.dollars());
            made.push(Made { id: row.id, customer: row.customer.clone(), tier: row.tier, owner: row.owner.clone(), level, ours, pages });
        }
        tick(&mut done)?;
    }
    made.sort_by(|a, b| b.level.cmp(&a.level).then(b.ours.total_cmp(&a.ours)).then(a.customer.cmp(&b.customer)));
    let title = ctx.tf("review.pdf.title", &[("quarter", &quarter(review.quarter, lang))]);
    // The list's own length decides where each report starts: laid out once to count its pages.
    let mut starts = std::collections::HashMap::new();
    let mut page = contents(&ctx, &title, &made, &starts).len() + 1;
    for m in &made {
        starts.insert(m.id, page);
        page += m.pages.len();
    }
    let mut pages = contents(&ctx, &title, &made, &starts);
    pages.extend(made.iter().flat_map(|m| m.pages.iter().cloned()));
    let single = ctx.t("report.health_core");
    let mut files: Vec<(String, Vec<u8>)> = Vec::with_capacity(made.len() + 1);
    let mut taken = std::collections::HashSet::new();
    for m in &made {
        files.push((
            unique(&mut taken, file_name(super::ReportKind::Health, Some(&m.customer), lang)),
            ctx.finish_titled(single, &m.pages)?.pdf,
        ));
        tick(&mut done)?;
    }
    let combined: Rendered = ctx.finish_titled(&title, &pages)?;
    let combined_name = unique(&mut taken, format!("review-{}-{}.pdf", review.quarter, lang.code()));
    tick(&mut done)?;
    let written = place(dir, review.quarter, &combined_name, &combined.pdf, &files)?;
    let ids: Vec<CompanyId> = made.iter().map(|m| m.id).collect();
    ws.mark_reports_made(&ids, review.quarter, today)?;
    Ok(ReviewFiles { combined: dir.join(&combined_name), each: written, pages: combined.pages })
}

/// `name`, or `name-2.pdf`, `name-3.pdf`… when a customer of a like name already took it.
fn unique(taken: &mut std::collections::HashSet<String>, name: String) -> String {
    let stem = name.strip_suffix(".pdf").unwrap_or(&name).to_string();
    let mut candidate = name;
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{stem}-{n}.pdf");
        n += 1;
    }
    candidate
}

/// Writes the files into a hidden folder inside `dir`, then moves them out: all or none.
fn place(
    dir: &Path,
    q: crate::model::Quarter,
    combined: &str,
    pdf: &[u8],
    files: &[(String, Vec<u8>)],
) -> Result<Vec<PathBuf>, ReportError> {
    let staging = dir.join(format!(".review-{q}-partial"));
    let result = (|| {
        std::fs::create_dir_all(&staging).map_err(|e| write_error(&staging, &e))?;
        for (name, bytes) in std::iter::once((combined, pdf)).chain(files.iter().map(|(n, b)| (n.as_str(), b.as_slice()))) {
            let path = staging.join(name);
            std::fs::write(&path, bytes).map_err(|e| write_error(&path, &e))?;
        }
        let mut written = Vec::with_capacity(files.len());
        for name in std::iter::once(combined).chain(files.iter().map(|(n, _)| n.as_str())) {
            let to = dir.join(name);
            std::fs::rename(staging.join(name), &to).map_err(|e| write_error(&to, &e))?;
            if name != combined {
                written.push(to);
            }
        }
        Ok(written)
    })();
    // Whatever happened, the hidden folder goes.
    let _ = std::fs::remove_dir_all(&staging);
    result
}

fn write_error(path: &Path, e: &std::io::Error) -> ReportError {
    ReportError::Write { path: path.to_path_buf(), detail: e.to_string() }
}

/// The combined PDF's first pages: the review's title and the customers in it, in order.
fn contents(ctx: &Context, title: &str, made: &[Made], starts: &std::collections::HashMap<CompanyId, usize>) -> Vec<Vec<Op>> {
    let mut flow = ctx.flow();
    flow.paragraph(title, Style::TITLE);
    flow.paragraph(&ctx.firm, super::cover::SUBJECT);
    flow.paragraph_at(0.0, &ctx.tf("review.pdf.lead", &[("n", &made.len()), ("date", &ctx.as_of)]), Style::SMALL);
    flow.space(8.0);
    let short = |h: &str, w: f32| Column { wrap: false, ..Column::text(h, w) };
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
        rows: made
            .iter()
            .enumerate()
            .map(|(i, r)| {
                vec![
                    Cell::from((i + 1).to_string()),
                    Cell::from(r.customer.clone()),
                    tier_cell(r.tier),
                    level_cell(ctx, r.level),
                    Cell::from(if r.owner.is_empty() { ctx.t("report.nobody").to_string() } else { r.owner.clone() }),
                    Cell::from(money(ctx.lang, r.ours)),
                    // Before the pages are counted, a placeholder as wide as a page number.
                    Cell::from(starts.get(&r.id).map(|p| p.to_string()).unwrap_or_else(|| "000".into())),
                ]
            })
            .collect(),
    };
    flow.table(&table);
    flow.finish()
}
