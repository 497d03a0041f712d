//! What goes between the window and the worker: requests in, progress and results out.

use super::{Change, CustomerDetail};
use crate::analysis::tiers::{TierReport, TierRules, WeightProfile};
use crate::app::snapshot::Snapshot;
use crate::export::{ExportFormat, Table};
use crate::import::mapping::FieldMap;
use crate::model::CompanyId;
use crate::store::ImportReport;
use std::path::PathBuf;
use std::sync::Arc;

/// What the UI asks of the worker.
#[derive(Debug)]
#[allow(clippy::large_enum_variant, reason = "one request per user action: boxing the settings saves nothing that matters")]
pub enum Request {
    /// Open a workspace file and compute its snapshot.
    Open(PathBuf),
    /// Build the demo workspace if needed and open it.
    OpenDemo,
    /// Import files into the open workspace, then recompute.
    Import {
        /// The files.
        paths: Vec<PathBuf>,
        /// A mapping the user chose (saved as a template for the headers it fits).
        mapping: Option<FieldMap>,
    },
    /// Re-tier under other weights or rules without saving them.
    Retier {
        /// The weights.
        profile: WeightProfile,
        /// The rules.
        rules: TierRules,
    },
    /// Everything about one customer.
    Customer(CompanyId),
    /// Change a setting or the data's identities, then recompute.
    Apply(Change),
    /// Read the top of files to see how they would be mapped, without importing them.
    Preview(Vec<PathBuf>),
    /// Render a PDF briefing and write it to `path`.
    Report {
        /// What to render.
        request: crate::report::ReportRequest,
        /// Where.
        path: PathBuf,
    },
    /// Tune the health thresholds on the workspace's history (nothing is applied).
    Tune,
    /// Gather the diagnostics a user sends to support (answered by [`Event::Diagnostics`]).
    Diagnostics,
    /// Compare the portfolio now with an earlier date (answered by [`Event::Digest`]).
    Digest(chrono::NaiveDate),
    /// Make every core customer's quarterly health report into a folder, with progress and cancel.
    ReviewReports {
        /// Their language.
        lang: crate::model::Lang,
        /// The folder.
        dir: PathBuf,
    },
    /// Write a table to a file.
    Export {
        /// The table.
        table: Table,
        /// Where.
        path: PathBuf,
        /// As what.
        format: ExportFormat,
    },
}

/// Which long job a progress report belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// Opening a workspace or recomputing.
    Compute,
    /// Building the demo data.
    Demo,
    /// Importing files.
    Import,
    /// Rendering a PDF briefing.
    Report,
    /// Tuning the thresholds on the workspace's history.
    Tune,
}

/// Where a long job stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    /// The job.
    pub job: Job,
    /// 0–1 when known.
    pub fraction: Option<f32>,
    /// What it is doing (a file and sheet, or a phase key such as `health`).
    pub detail: String,
    /// Rows handled so far (imports).
    pub rows: u64,
    /// Rows per second so far (imports).
    pub rows_per_sec: f64,
}

/// What the worker sends back.
#[derive(Debug)]
pub enum Event {
    /// A long job moved on.
    Progress(Progress),
    /// A new snapshot of the whole workspace.
    Snapshot(Arc<Snapshot>),
    /// A re-tiering under unsaved weights.
    Tiers(Arc<TierReport>),
    /// One customer's details.
    Customer(Arc<CustomerDetail>),
    /// An import finished (committed, or rolled back when `cancelled`).
    Imported {
        /// The report.
        report: Arc<ImportReport>,
        /// The user cancelled: nothing was kept.
        cancelled: bool,
    },
    /// Files previewed (answers [`Request::Preview`]).
    Previewed(Vec<crate::import::preview::FilePreview>),
    /// A file was written.
    Exported(PathBuf),
    /// Files chosen in a dialog.
    Picked(crate::ui::dialogs::Purpose, Vec<PathBuf>),
    /// A tuning finished.
    Tuned(Arc<crate::analysis::backtest::Tuning>),
    /// A tuning was stopped; nothing changed.
    TuneCancelled,
    /// What changed since an earlier date (answers [`Request::Digest`]).
    Digest(Arc<crate::app::digest::Digest>),
    /// The quarterly review's reports were written.
    ReviewWritten(Arc<crate::report::review::ReviewFiles>),
    /// A long job the user stopped left nothing behind.
    Cancelled(Job),
    /// A job failed; the message says why.
    Failed(crate::text::Message),
    /// The diagnostics text, for the clipboard.
    Diagnostics(String),
}
