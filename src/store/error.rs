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

impl StoreError {
    /// The error in words, for the reader's language.
    pub fn message(&self) -> crate::text::Message {
        match self {
            StoreError::Open { path, detail } => crate::msg!("error.store.open", path = path.display().to_string(), detail = detail),
            StoreError::Io { path, source } => {
                crate::msg!("error.store.io", path = path.display().to_string(), detail = source.to_string())
            }
            StoreError::Schema(e) => e.message(),
            StoreError::Busy => crate::msg!("error.store.busy"),
            StoreError::Sqlite(e) => crate::msg!("error.store.sqlite", detail = e.to_string()),
            StoreError::Json(e) => crate::msg!("error.store.json", detail = e.to_string()),
            StoreError::Cancelled => crate::msg!("error.store.cancelled"),
            StoreError::Match(e) => e.message(),
            StoreError::Invalid(detail) => crate::msg!("error.store.invalid", detail = detail),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    fn chinese(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn store_errors_speak_chinese_with_their_fields() {
        let open = StoreError::Open { path: PathBuf::from("/data/radar.db"), detail: "file is not a database".into() };
        let (en, zh) = (open.message().render(Lang::En), open.message().render(Lang::Zh));
        assert!(chinese(&zh) && zh.contains("/data/radar.db") && zh.contains("file is not a database"), "{zh}");
        assert_ne!(en, zh);
        let busy = StoreError::Busy;
        assert!(chinese(&busy.message().render(Lang::Zh)));
        assert_ne!(busy.message().render(Lang::En), busy.message().render(Lang::Zh));
        // A wrapped error of this library speaks for itself.
        let newer = StoreError::Schema(super::super::schema::SchemaError::TooNew { found: 9, known: 5 });
        let zh = newer.message().render(Lang::Zh);
        assert!(chinese(&zh) && zh.contains('9') && zh.contains('5'), "{zh}");
        assert_eq!(newer.message(), super::super::schema::SchemaError::TooNew { found: 9, known: 5 }.message());
    }
}
