//! The workspace: one SQLite file (WAL mode, versioned schema) holding shipments, companies and their
//! spellings, settings, mapping templates and import history. Money is stored as integer cents.

mod attributes;
mod companies;
mod crm;
mod error;
mod groups;
mod history;
mod import_report;
mod ingest;
mod ingest_rows;
mod load;
mod reviews;
pub mod schema;
mod settings;
mod templates;

pub use companies::{CompanyMatch, CompanySummary, MatchError};
pub use error::StoreError;
pub use history::ImportRecord;
pub use import_report::{
    ColumnChoice, FileReport, ImportObserver, ImportOptions, ImportProgress, ImportReport, RejectedRow, SheetReport, SilentObserver,
};
pub use ingest::{READER_THREAD, Source};
pub use settings::{Role, RoleMatch, catalog_code};

use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// The environment variable that names the workspace file.
pub const DB_ENV: &str = "CUSTOMS_RADAR_DB";

/// An open workspace.
pub struct Workspace {
    conn: Connection,
    path: PathBuf,
}

/// How long a write waits for another one (an import in another window) before giving up.
const BUSY_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

impl Workspace {
    /// Opens (creating if needed) the workspace at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Workspace, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io { path: dir.to_path_buf(), source })?;
        }
        let mut conn = Connection::open(path).map_err(|e| StoreError::Open { path: path.to_path_buf(), detail: e.to_string() })?;
        // Wait for another import to finish before saying the workspace is busy (first, so even
        // switching the journal mode waits).
        conn.busy_timeout(BUSY_WAIT)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // NORMAL is durable enough in WAL mode: a crash can lose the last commit, never corrupt.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        schema::migrate(&mut conn)?;
        Ok(Workspace { conn, path: path.to_path_buf() })
    }

    /// Where the workspace lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The default workspace location in the platform's data directory.
    pub fn default_path() -> PathBuf {
        directories::ProjectDirs::from("", "", "CustomsRadar")
            .map(|d| d.data_dir().join("workspace.sqlite"))
            .unwrap_or_else(|| PathBuf::from("customs-radar.sqlite"))
    }

    /// The workspace to use: `--db` if given, else `CUSTOMS_RADAR_DB`, else the default.
    pub fn resolve_path(flag: Option<&Path>) -> PathBuf {
        flag.map(Path::to_path_buf)
            .or_else(|| std::env::var_os(DB_ENV).filter(|v| !v.is_empty()).map(PathBuf::from))
            .unwrap_or_else(Workspace::default_path)
    }

    /// Number of shipments.
    pub fn shipment_count(&self) -> Result<u64, StoreError> {
        Ok(self.conn.query_row("SELECT count(*) FROM shipments", [], |r| r.get::<_, i64>(0))? as u64)
    }
}
