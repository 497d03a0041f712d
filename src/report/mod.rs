//! PDF briefings: a customer's quarterly health report, the portfolio report, an industry insight
//! brief for a customer, a handover report and the monthly "what changed" briefing, all on the same
//! engine ([`pdf`]) and context.
//!
//! A report gathers its figures from the workspace through `store`, `preferences` and `analysis`,
//! lays them out in the chosen language on A4 pages and returns the PDF's bytes; the caller writes
//! them (the CLI at once, the window on its worker thread). Never depends on `ui` or `cli`.

mod changes;
mod context;
mod cover;
mod handover;
mod health;
mod insight;
pub mod palette;
pub mod pdf;
mod portfolio;
pub mod review;

pub use context::Context;

use crate::model::{CompanyId, Lang};
use crate::preferences::PreferenceError;
use crate::store::StoreError;
use chrono::NaiveDate;
use thiserror::Error;

/// The kinds of report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportKind {
    /// One customer's quarterly health: level and reason, the four dimensions, signals and playbook,
    /// cross-sell, group siblings, next actions.
    Health,
    /// Levels over the last quarters and sales by tier (charts), levels against tiers, the ten alerts
    /// with the most at stake in full, upgrade candidates, the watchlist, the other alerts.
    Portfolio,
    /// One customer's markets, for the customer: trends of its codes, the other suppliers (named
    /// only when the user chooses, [`ReportRequest::competitors`]) and new entrants, unit values.
    Insight,
    /// One customer handed to a new owner: contacts, history and figures, open signals, notes.
    Handover,
    /// What changed in the portfolio since an earlier date (a month back by default): health
    /// levels, new signals, tiers, the core watchlist, upgrade candidates, the largest sales moves.
    Changes,
}

impl ReportKind {
    /// Every kind.
    pub const ALL: [ReportKind; 5] =
        [ReportKind::Health, ReportKind::Portfolio, ReportKind::Insight, ReportKind::Handover, ReportKind::Changes];

    /// The name on the command line and in file names.
    pub fn key(self) -> &'static str {
        match self {
            ReportKind::Health => "health",
            ReportKind::Portfolio => "portfolio",
            ReportKind::Insight => "insight",
            ReportKind::Handover => "handover",
            ReportKind::Changes => "changes",
        }
    }

    /// True when the report is about one customer (all but the portfolio and changes reports).
    pub fn needs_customer(self) -> bool {
        !matches!(self, ReportKind::Portfolio | ReportKind::Changes)
    }

    /// The report's title in a language.
    pub fn title(self, lang: Lang) -> &'static str {
        crate::text::tr(
            lang,
            match self {
                ReportKind::Health => "report.health",
                ReportKind::Portfolio => "pdf.report.portfolio",
                ReportKind::Insight => "report.kind.insight",
                ReportKind::Handover => "report.kind.handover",
                ReportKind::Changes => "chg.title",
            },
        )
    }
}

/// What to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRequest {
    /// Which report.
    pub kind: ReportKind,
    /// The customer (required by every kind but the portfolio report).
    pub customer: Option<CompanyId>,
    /// Its language.
    pub lang: Lang,
    /// See only shipments on or before this date (default: the latest shipment).
    pub as_of: Option<NaiveDate>,
    /// Name the suppliers other than us and print their unit prices in the industry insight brief,
    /// which goes to the customer. Off by default: each is a letter and its usual country of origin
    /// ("Supplier B (VIETNAM)") and their prices are left out. The other reports are internal and
    /// ignore it.
    pub competitors: bool,
    /// The earlier date the changes report compares with (default: the end of the month before the as-of date);
    /// the other reports ignore it.
    pub since: Option<NaiveDate>,
}

/// Why a report could not be written.
#[derive(Debug, Error)]
pub enum ReportError {
    /// The workspace holds no shipments.
    #[error("the workspace holds no shipments yet: import files first")]
    NoData,
    /// Our own company is not named, so nobody is a customer of ours.
    #[error("tell the app which supplier is you first: customs-radar me add \"YOUR COMPANY\"")]
    NoMe,
    /// The kind is about one customer and none was given.
    #[error("the {} report is about one customer: name it", .0.key())]
    CustomerRequired(ReportKind),
    /// The company did not buy from us in the two years to the as-of date.
    #[error("{customer} did not buy from us in the two years to {as_of}: it has no health to report")]
    NotOurs {
        /// The company's name.
        customer: String,
        /// The as-of date.
        as_of: NaiveDate,
    },
    /// The changes report's earlier date is not before its as-of date.
    #[error("the comparison date ({since}) must come before the as-of date ({as_of})")]
    SinceNotBefore {
        /// The earlier date asked for.
        since: NaiveDate,
        /// The as-of date.
        as_of: NaiveDate,
    },
    /// The workspace failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A setting is damaged.
    #[error(transparent)]
    Preference(#[from] PreferenceError),
    /// The PDF could not be written.
    #[error("writing the PDF: {0}")]
    Pdf(crate::text::Message),
    /// The user stopped it; nothing was written.
    #[error("stopped: nothing was written")]
    Cancelled,
    /// A file could not be written.
    #[error("could not write {}: {detail}", path.display())]
    Write {
        /// The file.
        path: std::path::PathBuf,
        /// The system's words.
        detail: String,
    },
}

impl From<crate::app::view::ViewError> for ReportError {
    fn from(e: crate::app::view::ViewError) -> ReportError {
        use crate::app::view::ViewError;
        match e {
            ViewError::NoData => ReportError::NoData,
            ViewError::NoMe => ReportError::NoMe,
            ViewError::Store(e) => ReportError::Store(e),
        }
    }
}

impl ReportError {
    /// The error in words, for the reader's language.
    pub fn message(&self) -> crate::text::Message {
        match self {
            ReportError::NoData => crate::msg!("error.report.no_data"),
            ReportError::NoMe => crate::msg!("error.report.no_me"),
            ReportError::CustomerRequired(kind) => {
                let name = match kind {
                    ReportKind::Health => "report.kind.health",
                    ReportKind::Portfolio => "pdf.report.portfolio",
                    ReportKind::Insight => "report.kind.insight",
                    ReportKind::Handover => "report.kind.handover",
                    ReportKind::Changes => "chg.title",
                };
                crate::msg!("error.report.customer_required", report = crate::text::Arg::Term(std::borrow::Cow::Borrowed(name)))
            }
            ReportError::NotOurs { customer, as_of } => {
                crate::msg!("error.report.not_ours", customer = customer, date = as_of.format("%Y-%m-%d").to_string())
            }
            ReportError::SinceNotBefore { since, as_of } => {
                crate::msg!("chg.since_after", since = since.format("%Y-%m-%d").to_string(), as_of = as_of.format("%Y-%m-%d").to_string())
            }
            ReportError::Store(e) => e.message(),
            ReportError::Preference(e) => e.message(),
            ReportError::Pdf(detail) => crate::msg!("error.report.pdf", detail = detail.clone()),
            ReportError::Cancelled => crate::msg!("error.report.cancelled"),
            ReportError::Write { path, detail } => {
                crate::msg!("error.report.write", path = path.display().to_string(), detail = detail.clone())
            }
        }
    }
}

/// A written report: the PDF's bytes and how many pages it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The PDF file's bytes.
    pub pdf: Vec<u8>,
    /// Its pages.
    pub pages: usize,
}

/// Writes the report and returns the PDF's bytes.
pub fn render(ws: &crate::store::Workspace, req: &ReportRequest) -> Result<Vec<u8>, ReportError> {
    render_counted(ws, req).map(|r| r.pdf)
}

/// Writes the report and returns the PDF with its page count.
pub fn render_counted(ws: &crate::store::Workspace, req: &ReportRequest) -> Result<Rendered, ReportError> {
    let customer = || req.customer.ok_or(ReportError::CustomerRequired(req.kind));
    let load = || Context::load(ws, req.as_of, req.lang).map(|ctx| Context { competitors: req.competitors, ..ctx });
    match req.kind {
        ReportKind::Health => {
            let id = customer()?;
            health::render(ws, &load()?, id)
        }
        ReportKind::Portfolio => portfolio::render(ws, &load()?),
        ReportKind::Insight => {
            let id = customer()?;
            insight::render(&load()?, id)
        }
        ReportKind::Handover => {
            let id = customer()?;
            handover::render(ws, &load()?, id)
        }
        ReportKind::Changes => changes::render(ws, &load()?, req.since),
    }
}

/// A safe default file name: `health-MIDLANDS-BUILDERS-MERCHANTS-LTD-en.pdf` (letters and digits of
/// any script kept, everything else a single `-`, the customer's part at most 60 characters); the
/// reports on the whole portfolio have no customer: `portfolio-en.pdf`, `changes-zh.pdf`.
pub fn file_name(kind: ReportKind, customer: Option<&str>, lang: Lang) -> String {
    let lang = lang.code();
    let mut safe = String::new();
    for c in customer.unwrap_or("").chars().take(60) {
        if c.is_alphanumeric() {
            safe.push(c);
        } else if !safe.is_empty() && !safe.ends_with('-') {
            safe.push('-');
        }
    }
    let safe = safe.trim_end_matches('-');
    if safe.is_empty() { format!("{}-{lang}.pdf", kind.key()) } else { format!("{}-{safe}-{lang}.pdf", kind.key()) }
}

#[cfg(test)]
mod tests;
