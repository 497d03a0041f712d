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
    /// SQLite failed.
    #[error("workspace database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
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
