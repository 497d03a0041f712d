//! Mapping templates: a user's column choices, remembered by header signature and reused for the
//! next file with the same headers.

use super::{StoreError, Workspace};
use crate::import::mapping::FieldMap;
use rusqlite::{Connection, OptionalExtension, params};

/// Saves (or replaces) the template for a header signature.
pub(super) fn save(conn: &Connection, signature: &str, headers: &[String], mapping: &FieldMap) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO mapping_templates(signature, headers, mapping, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(signature) DO UPDATE SET headers = excluded.headers, mapping = excluded.mapping, updated_at = excluded.updated_at",
        params![signature, serde_json::to_string(headers)?, serde_json::to_string(mapping)?, chrono::Local::now().to_rfc3339()],
    )?;
    Ok(())
}

/// Every saved template, by signature.
pub(super) fn load_all(conn: &Connection) -> Result<Vec<(String, FieldMap)>, StoreError> {
    let mut stmt = conn.prepare("SELECT signature, mapping FROM mapping_templates")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (sig, json) = row?;
        out.push((sig, serde_json::from_str(&json)?));
    }
    Ok(out)
}

impl Workspace {
    /// The template saved for a header signature, if any.
    pub fn template(&self, signature: &str) -> Result<Option<FieldMap>, StoreError> {
        let json: Option<String> =
            self.conn.query_row("SELECT mapping FROM mapping_templates WHERE signature = ?1", [signature], |r| r.get(0)).optional()?;
        Ok(json.map(|j| serde_json::from_str(&j)).transpose()?)
    }

    /// Saves a mapping for the given header row so files with the same headers reuse it.
    pub fn save_template(&mut self, signature: &str, headers: &[String], mapping: &FieldMap) -> Result<(), StoreError> {
        save(&self.conn, signature, headers, mapping)
    }
}
