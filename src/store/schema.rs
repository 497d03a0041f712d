//! The workspace schema and its migrations, versioned with SQLite's `user_version`.
//!
//! Each migration runs once, in order, inside a transaction; a workspace written by a newer version
//! of the app is refused rather than damaged.

use rusqlite::Connection;

/// Migrations in order; index + 1 is the schema version they bring the file to.
const MIGRATIONS: &[&str] = &[
    // 1: the foundation.
    r#"
    CREATE TABLE imports (
        id            INTEGER PRIMARY KEY,
        file_name     TEXT NOT NULL,
        file_path     TEXT NOT NULL,
        content_hash  TEXT NOT NULL,
        imported_at   TEXT NOT NULL,
        status        TEXT NOT NULL,          -- imported | refused
        reason        TEXT,
        rows_read     INTEGER NOT NULL,
        imported      INTEGER NOT NULL,
        duplicates    INTEGER NOT NULL,
        rejected      INTEGER NOT NULL
    );
    CREATE TABLE import_sheets (
        id             INTEGER PRIMARY KEY,
        import_id      INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        sheet          TEXT NOT NULL,
        status         TEXT NOT NULL,         -- imported | skipped
        reason         TEXT,
        header_row     INTEGER,
        mapping        TEXT,                  -- JSON: field -> header, notes
        extra_columns  TEXT,                  -- JSON array of header names, the keys of shipments.extra
        rows_read      INTEGER NOT NULL DEFAULT 0,
        imported       INTEGER NOT NULL DEFAULT 0,
        duplicates     INTEGER NOT NULL DEFAULT 0,
        rejected       INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE companies (
        id    INTEGER PRIMARY KEY,
        name  TEXT NOT NULL
    );
    -- Matching keys: a new spelling whose key is known joins that company (merges persist this way).
    CREATE TABLE company_keys (
        key         TEXT PRIMARY KEY,
        company_id  INTEGER NOT NULL REFERENCES companies(id)
    ) WITHOUT ROWID;
    -- Every raw spelling ever read; shipments point here, so merging and splitting move no shipment.
    CREATE TABLE aliases (
        id          INTEGER PRIMARY KEY,
        raw         TEXT NOT NULL UNIQUE,
        key         TEXT NOT NULL,
        company_id  INTEGER NOT NULL REFERENCES companies(id),
        pinned      INTEGER NOT NULL DEFAULT 0   -- split off by the user: never re-joined by key
    );
    CREATE INDEX aliases_company ON aliases(company_id);
    -- `identity` (see import::identity) decides duplicates. Imports check it against a set loaded
    -- in memory, so rows are appended in order and no random-order index slows large imports.
    CREATE TABLE shipments (
        id                 INTEGER PRIMARY KEY,
        identity           INTEGER NOT NULL,
        sheet_id           INTEGER NOT NULL REFERENCES import_sheets(id),
        source_row         INTEGER NOT NULL,
        date               INTEGER NOT NULL,     -- yyyymmdd; month records on the month's last day
        precision          INTEGER NOT NULL,     -- 0 day, 1 month
        buyer_alias        INTEGER NOT NULL REFERENCES aliases(id),
        buyer_from_notify  INTEGER NOT NULL DEFAULT 0,
        supplier_alias     INTEGER REFERENCES aliases(id),
        hs                 TEXT NOT NULL,
        hs6                INTEGER NOT NULL,
        description        TEXT,
        quantity           REAL,
        unit               TEXT,
        weight_kg          REAL,
        value_cents        INTEGER NOT NULL,
        origin             TEXT,
        destination        TEXT,
        port               TEXT,
        bill_of_lading     TEXT,
        declaration        TEXT,
        extra              TEXT                  -- JSON array aligned with import_sheets.extra_columns
    );
    -- Analysis loads shipments in one sequential scan; this index serves a customer's own records.
    CREATE INDEX shipments_buyer ON shipments(buyer_alias, date);
    CREATE TABLE rejected_rows (
        id         INTEGER PRIMARY KEY,
        import_id  INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        file       TEXT NOT NULL,
        sheet      TEXT NOT NULL,
        row        INTEGER NOT NULL,
        column     TEXT NOT NULL,
        reason     TEXT NOT NULL,
        raw        TEXT                           -- JSON array of the row's cells as text
    );
    -- Our own names (role 'me') and competitors, by matching key so any spelling applies.
    CREATE TABLE party_roles (
        role  TEXT NOT NULL,
        key   TEXT NOT NULL,
        name  TEXT NOT NULL,
        PRIMARY KEY (role, key)
    ) WITHOUT ROWID;
    CREATE TABLE catalog (
        hs  TEXT PRIMARY KEY
    ) WITHOUT ROWID;
    CREATE TABLE mapping_templates (
        signature   TEXT PRIMARY KEY,
        headers     TEXT NOT NULL,    -- JSON array, for people reading the table
        mapping     TEXT NOT NULL,    -- JSON: field -> header
        updated_at  TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL          -- JSON
    ) WITHOUT ROWID;
    "#,
    // 2: the user's 1–5 judgements of customers (value scoring), NULL when not set.
    r#"
    CREATE TABLE customer_attributes (
        company_id           INTEGER PRIMARY KEY REFERENCES companies(id),
        margin               INTEGER,
        payment_risk         INTEGER,
        decision_complexity  INTEGER,
        relationship_depth   INTEGER
    );
    "#,
    // 3: growth. The files' own product descriptions, counted per code (filled as sheets import);
    // groups of companies and the user's answers to group suggestions.
    r#"
    CREATE TABLE code_descriptions (
        hs6          INTEGER NOT NULL,
        description  TEXT NOT NULL,
        rows         INTEGER NOT NULL,
        PRIMARY KEY (hs6, description)
    ) WITHOUT ROWID;
    INSERT INTO code_descriptions(hs6, description, rows)
        SELECT hs6, trim(description), count(*) FROM shipments WHERE trim(coalesce(description, '')) <> '' GROUP BY hs6, trim(description);
    CREATE TABLE company_groups (
        id    INTEGER PRIMARY KEY,
        name  TEXT NOT NULL UNIQUE COLLATE NOCASE
    );
    CREATE TABLE group_members (
        group_id    INTEGER NOT NULL REFERENCES company_groups(id) ON DELETE CASCADE,
        company_id  INTEGER NOT NULL REFERENCES companies(id),
        PRIMARY KEY (group_id, company_id)
    ) WITHOUT ROWID;
    -- Answers to suggestions, by the shared name the suggestion rests on: 'accepted' or 'rejected'.
    CREATE TABLE group_answers (
        token   TEXT PRIMARY KEY,
        answer  TEXT NOT NULL
    ) WITHOUT ROWID;
    "#,
    // 4: an answer remembers the companies it covered and the group it became, so a company that
    // joins a suggestion later is offered again.
    r#"
    ALTER TABLE group_answers ADD COLUMN members TEXT NOT NULL DEFAULT '[]';   -- JSON array of company ids
    ALTER TABLE group_answers ADD COLUMN group_name TEXT;
    "#,
    // 5: the customer's CRM card (owner, backup owner, contact lines) and its dated notes, by
    // company so a merge moves them with the company that remains.
    r#"
    CREATE TABLE crm_cards (
        company_id    INTEGER PRIMARY KEY REFERENCES companies(id),
        owner         TEXT NOT NULL DEFAULT '',
        backup_owner  TEXT NOT NULL DEFAULT '',
        contacts      TEXT NOT NULL DEFAULT '[]'   -- JSON array of free-text lines
    );
    CREATE TABLE crm_notes (
        id          INTEGER PRIMARY KEY,
        company_id  INTEGER NOT NULL REFERENCES companies(id),
        date        INTEGER NOT NULL,              -- yyyymmdd
        text        TEXT NOT NULL
    );
    CREATE INDEX crm_notes_company ON crm_notes(company_id, date);
    "#,
    // 6: the quarterly review per customer and quarter ('2026Q3'): the day its health report was
    // made, the day it was reviewed and the note.
    r#"
    CREATE TABLE reviews (
        company_id   INTEGER NOT NULL REFERENCES companies(id),
        quarter      TEXT NOT NULL,
        report_on    INTEGER,                   -- yyyymmdd
        reviewed_on  INTEGER,                   -- yyyymmdd
        note         TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (company_id, quarter)
    ) WITHOUT ROWID;
    "#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Why the schema could not be brought up to date.
#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    /// The file was written by a newer version.
    #[error("this workspace was created by a newer version of Customs Radar (schema {found}, this version knows {known}); update the app")]
    TooNew {
        /// Version in the file.
        found: i64,
        /// Newest this build knows.
        known: i64,
    },
    /// SQLite failed.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

impl SchemaError {
    /// The error in words, for the reader's language.
    pub fn message(&self) -> crate::text::Message {
        match self {
            SchemaError::TooNew { found, known } => crate::msg!("error.schema.too_new", found = *found, known = *known),
            SchemaError::Sqlite(e) => crate::msg!("error.schema.sqlite", detail = e.to_string()),
        }
    }
}

/// Brings the database to [`SCHEMA_VERSION`], running each missing migration in its own transaction.
pub fn migrate(conn: &mut Connection) -> Result<i64, SchemaError> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(SchemaError::TooNew { found, known: SCHEMA_VERSION });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(SCHEMA_VERSION)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn migrates_an_empty_file_and_is_idempotent() {
        let mut conn = Connection::open_in_memory().expect("db");
        assert_eq!(migrate(&mut conn).expect("migrate"), SCHEMA_VERSION);
        assert_eq!(migrate(&mut conn).expect("again"), SCHEMA_VERSION);
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0)).expect("count");
        assert!(tables >= 10);
    }

    #[test]
    fn refuses_a_newer_workspace() {
        let mut conn = Connection::open_in_memory().expect("db");
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1).expect("pragma");
        assert!(matches!(migrate(&mut conn), Err(SchemaError::TooNew { .. })));
    }

    #[test]
    fn schema_errors_speak_chinese_with_their_fields() {
        let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let newer = SchemaError::TooNew { found: 12, known: 5 };
        let (en, zh) = (newer.message().render(Lang::En), newer.message().render(Lang::Zh));
        assert!(chinese(&zh) && zh.contains("12") && zh.contains('5'), "{zh}");
        assert_ne!(en, zh);
        let sqlite = SchemaError::Sqlite(rusqlite::Error::InvalidQuery);
        let (en, zh) = (sqlite.message().render(Lang::En), sqlite.message().render(Lang::Zh));
        assert!(chinese(&zh) && zh.contains(&rusqlite::Error::InvalidQuery.to_string()), "{zh}");
        assert_ne!(en, zh);
    }
}
