//! PDF briefings: a customer's quarterly health report, the portfolio report, an industry insight
//! brief for a customer and a handover report, all on the same engine ([`pdf`]) and context.
//!
//! A report gathers its figures from the workspace through `store`, `preferences` and `analysis`,
//! lays them out in the chosen language on A4 pages and returns the PDF's bytes; the caller writes
//! them (the CLI at once, the window on its worker thread). Never depends on `ui` or `cli`.

mod context;
mod cover;
mod handover;
mod health;
mod insight;
pub mod palette;
pub mod pdf;
mod portfolio;

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
    /// The watchlist, levels and tiers, alerts worst first, upgrade candidates.
    Portfolio,
    /// One customer's markets: trends of its codes, competitors and new entrants, unit values.
    Insight,
    /// One customer handed to a new owner: contacts, history and figures, open signals, notes.
    Handover,
}

impl ReportKind {
    /// Every kind.
    pub const ALL: [ReportKind; 4] = [ReportKind::Health, ReportKind::Portfolio, ReportKind::Insight, ReportKind::Handover];

    /// The name on the command line and in file names.
    pub fn key(self) -> &'static str {
        match self {
            ReportKind::Health => "health",
            ReportKind::Portfolio => "portfolio",
            ReportKind::Insight => "insight",
            ReportKind::Handover => "handover",
        }
    }

    /// True when the report is about one customer (all but the portfolio report).
    pub fn needs_customer(self) -> bool {
        self != ReportKind::Portfolio
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
    /// The workspace failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A setting is damaged.
    #[error(transparent)]
    Preference(#[from] PreferenceError),
    /// The PDF could not be written.
    #[error("writing the PDF: {0}")]
    Pdf(crate::text::Message),
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
                };
                crate::msg!("error.report.customer_required", report = crate::text::Arg::Term(std::borrow::Cow::Borrowed(name)))
            }
            ReportError::NotOurs { customer, as_of } => {
                crate::msg!("error.report.not_ours", customer = customer, date = as_of.format("%Y-%m-%d").to_string())
            }
            ReportError::Store(e) => e.message(),
            ReportError::Preference(e) => e.message(),
            ReportError::Pdf(detail) => crate::msg!("error.report.pdf", detail = detail.clone()),
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
    match req.kind {
        ReportKind::Health => {
            let id = customer()?;
            let ctx = Context::load(ws, req.as_of, req.lang)?;
            health::render(ws, &ctx, id)
        }
        ReportKind::Portfolio => portfolio::render(ws, &Context::load(ws, req.as_of, req.lang)?),
        ReportKind::Insight => {
            let id = customer()?;
            insight::render(&Context::load(ws, req.as_of, req.lang)?, id)
        }
        ReportKind::Handover => {
            let id = customer()?;
            handover::render(ws, &Context::load(ws, req.as_of, req.lang)?, id)
        }
    }
}

/// A safe default file name: `health-MIDLANDS-BUILDERS-MERCHANTS-LTD-en.pdf` (letters and digits of
/// any script kept, everything else a single `-`, the customer's part at most 60 characters).
pub fn file_name(kind: ReportKind, customer: Option<&str>, lang: Lang) -> String {
    let lang = match lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    };
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
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            file_name(ReportKind::Health, Some("MIDLANDS BUILDERS MERCHANTS LTD"), Lang::En),
            "health-MIDLANDS-BUILDERS-MERCHANTS-LTD-en.pdf"
        );
        assert_eq!(file_name(ReportKind::Handover, Some("A/B \\ C: \"D\" <E>.|*?"), Lang::Zh), "handover-A-B-C-D-E-zh.pdf");
        assert_eq!(file_name(ReportKind::Health, Some("宁波海兴五金有限公司"), Lang::Zh), "health-宁波海兴五金有限公司-zh.pdf");
        assert_eq!(file_name(ReportKind::Portfolio, None, Lang::En), "portfolio-en.pdf");
        assert_eq!(file_name(ReportKind::Insight, Some("../../"), Lang::En), "insight-en.pdf");
        let long = "X".repeat(500);
        assert!(file_name(ReportKind::Health, Some(&long), Lang::En).len() < 80);
    }

    #[test]
    fn kinds_have_keys_and_titles() {
        let keys: Vec<&str> = ReportKind::ALL.iter().map(|k| k.key()).collect();
        assert_eq!(keys, ["health", "portfolio", "insight", "handover"]);
        assert_eq!(ReportKind::Health.title(Lang::Zh), "核心客户季度健康度报告");
        assert!(!ReportKind::Portfolio.needs_customer() && ReportKind::Health.needs_customer());
    }

    #[test]
    fn report_errors_speak_chinese_with_their_fields() {
        let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let not_ours = ReportError::NotOurs { customer: "MIDLANDS LTD".into(), as_of: NaiveDate::from_ymd_opt(2024, 6, 30).expect("date") };
        let (en, zh) = (not_ours.message().render(Lang::En), not_ours.message().render(Lang::Zh));
        assert!(chinese(&zh) && zh.contains("MIDLANDS LTD") && zh.contains("2024-06-30"), "{zh}");
        assert_ne!(en, zh);
        let required = ReportError::CustomerRequired(ReportKind::Handover);
        let (en, zh) = (required.message().render(Lang::En), required.message().render(Lang::Zh));
        assert!(zh.contains("交接报告") && en.contains("Handover report"), "{en} / {zh}");
        let no_me = ReportError::NoMe;
        let (en, zh) = (no_me.message().render(Lang::En), no_me.message().render(Lang::Zh));
        assert!(chinese(&zh) && zh.contains("本公司") && !en.contains("customs-radar"), "{en} / {zh}");
    }
}
