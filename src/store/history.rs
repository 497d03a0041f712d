//! Import history: what was imported when, with its counts.

use super::{StoreError, Workspace};
use serde::Serialize;

/// One file's import, as the history keeps it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportRecord {
    /// History id.
    pub id: i64,
    /// File name.
    pub file_name: String,
    /// Content hash.
    pub content_hash: String,
    /// When (local time, RFC 3339).
    pub imported_at: String,
    /// `imported` or `refused`.
    pub status: String,
    /// Why refused.
    #[serde(serialize_with = "crate::text::english")]
    pub reason: Option<crate::text::Message>,
    /// Data rows read.
    pub rows_read: u64,
    /// New shipments.
    pub imported: u64,
    /// Duplicates.
    pub duplicates: u64,
    /// Rejected rows.
    pub rejected: u64,
}

impl Workspace {
    /// Every import, newest first.
    pub fn import_history(&self) -> Result<Vec<ImportRecord>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, file_name, content_hash, imported_at, status, reason, rows_read, imported, duplicates, rejected FROM imports ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ImportRecord {
                id: r.get(0)?,
                file_name: r.get(1)?,
                content_hash: r.get(2)?,
                imported_at: r.get(3)?,
                status: r.get(4)?,
                reason: r.get::<_, Option<String>>(5)?.map(|t| crate::text::Message::from_stored(&t)),
                rows_read: r.get::<_, i64>(6)? as u64,
                imported: r.get::<_, i64>(7)? as u64,
                duplicates: r.get::<_, i64>(8)? as u64,
                rejected: r.get::<_, i64>(9)? as u64,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The rejected rows of one import (or all imports), in file order.
    pub fn rejected_rows(&self, import_id: Option<i64>) -> Result<Vec<super::RejectedRow>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT file, sheet, row, column, reason FROM rejected_rows WHERE ?1 IS NULL OR import_id = ?1 ORDER BY import_id, id",
        )?;
        let rows = stmt.query_map([import_id], |r| {
            Ok(super::RejectedRow {
                file: r.get(0)?,
                sheet: r.get(1)?,
                row: r.get(2)?,
                column: r.get(3)?,
                reason: crate::text::Message::from_stored(&r.get::<_, String>(4)?),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
