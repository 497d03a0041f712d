//! Errors of the workspace layer.

use std::path::PathBuf;
use thiserror::Error;

/// Why a workspace operation failed.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The database file cannot be opened.
    #[error("cannot open the workspace {path}: {detail}")]
    Open {
        /// The file.
        path: PathBuf,
        /// SQLite's message.
        detail: String,
    },
    /// A directory or file operation failed.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The schema cannot be used.
    #[error(transparent)]
    Schema(#[from] super::schema::SchemaError),
    /// Another program (another import, another window) kept the workspace locked for longer than
    /// we wait.
    #[error("another import is writing to this workspace; try again when it has finished")]
    Busy,
    /// SQLite failed.
    #[error("workspace database error: {0}")]
    Sqlite(rusqlite::Error),
    /// JSON in the workspace cannot be read.
    #[error("workspace data is damaged: {0}")]
    Json(#[from] serde_json::Error),
    /// The user cancelled; nothing was changed.
    #[error("import cancelled; the workspace is unchanged")]
    Cancelled,
    /// A name matched no company, or several.
    #[error(transparent)]
    Match(#[from] super::companies::MatchError),
    /// A merge or split that makes no sense.
    #[error("{0}")]
    Invalid(String),
}

impl From<rusqlite::Error> for StoreError {
    /// A locked database is a message a user can act on, not SQLite's code 5 said three times.
    fn from(e: rusqlite::Error) -> StoreError {
        match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Sqlite(e),
        }
    }
}
