//! Writing what a sheet produces: its mapping, each shipment (after dedup), each rejected row, and
//! the sheet's closing account.

use super::import_report::{RejectedRow, SheetReport, column_choices, skipped_sheet};
use super::ingest::{FileImport, SheetWork};
use super::{StoreError, templates};
use crate::import::identity::{Occurrences, record_key};
use crate::import::mapping::{Mapping, MappingSource};
use crate::import::record::{ParsedRecord, Rejection};
use crate::import::sheet::{SheetOutput, SheetStatus, SheetSummary};
use crate::msg;
use rusqlite::{Transaction, params};
use std::collections::HashSet;

const INSERT_SHIPMENT: &str = "INSERT INTO shipments(identity, sheet_id, source_row, date, precision, buyer_alias, buyer_from_notify, \
    supplier_alias, hs, hs6, description, quantity, unit, weight_kg, value_cents, origin, destination, port, bill_of_lading, declaration, extra) \
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)";

/// Descriptions kept per code (the most common).
const DESCRIPTIONS_KEPT: i64 = 20;
/// Distinct descriptions counted per code within a sheet before the rarest are dropped.
const DESCRIPTIONS_COUNTED: usize = 1_000;

/// Counts a row's description. Free text can differ on every row: past [`DESCRIPTIONS_COUNTED`]
/// texts for one code, only the most common tenth are kept counting (the common ones are common
/// early too), so memory stays small on any file.
fn count_description(counts: &mut rustc_hash::FxHashMap<u32, rustc_hash::FxHashMap<String, i64>>, hs6: u32, text: &str) {
    let texts = counts.entry(hs6).or_default();
    match texts.get_mut(text) {
        Some(n) => *n += 1,
        None => {
            if texts.len() >= DESCRIPTIONS_COUNTED {
                let mut by_count: Vec<i64> = texts.values().copied().collect();
                by_count.sort_unstable_by(|a, b| b.cmp(a));
                let floor = by_count[DESCRIPTIONS_COUNTED / 10];
                texts.retain(|_, n| *n > floor);
            }
            texts.insert(text.to_string(), 1);
        }
    }
}

impl FileImport<'_, '_> {
    /// Writes what a sheet produced: its mapping, a shipment, or a rejected row.
    pub(super) fn store_output(
        &mut self,
        import_id: i64,
        file: &str,
        out: SheetOutput<'_>,
        work: &mut SheetWork,
        rejected: &mut Vec<RejectedRow>,
    ) -> Result<(), StoreError> {
        match out {
            SheetOutput::Mapped { mapping, header_row, signature } => {
                self.tx.execute(
                    "INSERT INTO import_sheets(import_id, sheet, status, header_row, mapping, extra_columns) VALUES (?1, ?2, 'imported', ?3, ?4, ?5)",
                    params![import_id, work.name, header_row, mapping_json(mapping)?, serde_json::to_string(&mapping.extra_names())?],
                )?;
                work.sheet_id = Some(self.tx.last_insert_rowid());
                if mapping.source == MappingSource::User {
                    templates::save(self.tx, signature, &mapping.headers, &mapping.field_map())?;
                }
            }
            SheetOutput::Record(record) => {
                let record = *record;
                let sheet_id = work.sheet_id.ok_or_else(|| StoreError::Invalid("a row arrived before its sheet was mapped".into()))?;
                let inserted = self.insert_record(sheet_id, &record, &mut work.occurrences)?;
                if inserted {
                    work.imported += 1;
                    if let Some(text) = record.description.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                        count_description(&mut work.descriptions, record.hs.hs6().0, text);
                    }
                } else {
                    work.duplicates += 1;
                }
                if record.value.0 == 0 {
                    work.zero_values += 1;
                }
            }
            SheetOutput::Rejected(Rejection { row, column, reason, raw }) => {
                self.tx
                    .prepare_cached(
                        "INSERT INTO rejected_rows(import_id, file, sheet, row, column, reason, raw) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    )?
                    .execute(params![import_id, file, work.name, row, column, reason.to_stored(), serde_json::to_string(&raw)?])?;
                rejected.push(RejectedRow { file: file.to_string(), sheet: work.name.clone(), row, column, reason });
            }
        }
        Ok(())
    }

    /// Inserts a shipment; `false` when the same shipment is already in the workspace.
    fn insert_record(&mut self, sheet_id: i64, r: &ParsedRecord, occurrences: &mut Occurrences) -> Result<bool, StoreError> {
        let (buyer, buyer_key) = self.resolver.resolve(self.tx, &r.buyer)?;
        let buyer_key = buyer_key.to_string();
        if let Some(local) = &r.buyer_local {
            self.resolver.add_spelling(self.tx, buyer, local)?;
        }
        let (supplier, supplier_key) = match &r.supplier {
            Some(s) => {
                let (id, key) = self.resolver.resolve(self.tx, s)?;
                (Some(id), Some(key.to_string()))
            }
            None => (None, None),
        };
        if let (Some(id), Some(local)) = (supplier, &r.supplier_local) {
            self.resolver.add_spelling(self.tx, id, local)?;
        }
        let identity = occurrences.identity(record_key(r, &buyer_key, supplier_key.as_deref()));
        if !self.known.insert(identity) {
            return Ok(false);
        }
        self.added.push(identity);
        let extra = if r.extra.is_empty() { None } else { Some(serde_json::to_string(&r.extra)?) };
        self.tx.prepare_cached(INSERT_SHIPMENT)?.execute(params![
            identity,
            sheet_id,
            r.row,
            r.date.ymd_number(),
            r.date.precision as i64,
            buyer,
            r.buyer_from_notify,
            supplier,
            r.hs.as_str(),
            r.hs.hs6().0,
            r.description,
            r.quantity,
            r.unit,
            r.weight_kg,
            r.value.0,
            r.origin,
            r.destination,
            r.port,
            r.bill_of_lading,
            r.declaration,
            extra,
        ])?;
        Ok(true)
    }

    /// Records a finished sheet and builds its report.
    pub(super) fn close_sheet(&mut self, import_id: i64, summary: SheetSummary, work: &SheetWork) -> Result<SheetReport, StoreError> {
        let mapping = match &summary.status {
            SheetStatus::Skipped(reason) => {
                let report = skipped_sheet(&summary.name, reason, work.hidden, summary.rows_skipped);
                self.tx.execute(
                    "INSERT INTO import_sheets(import_id, sheet, status, reason, header_row) VALUES (?1, ?2, 'skipped', ?3, ?4)",
                    params![import_id, summary.name, reason.to_stored(), summary.header_row],
                )?;
                return Ok(report);
            }
            SheetStatus::Imported(mapping) => mapping,
        };
        let mut notes = mapping.notes.clone();
        let mut warnings = mapping.warnings.clone();
        let parsed = work.imported + work.duplicates;
        if summary.unknown_values > 0 && summary.unknown_values < parsed {
            warnings.push(msg!("import.warn.values_missing", n = summary.unknown_values, rows = parsed));
        }
        if parsed > 0 && work.zero_values == parsed {
            warnings.push(msg!("import.warn.all_zero"));
        }
        if summary.listed_codes > 0 {
            notes.push(msg!("import.note.listed_codes", n = summary.listed_codes));
        }
        if summary.repeated_headers > 0 {
            notes.push(msg!("import.note.repeated_headers", n = summary.repeated_headers));
        }
        for (hs6, texts) in &work.descriptions {
            for (text, rows) in texts {
                self.tx
                    .prepare_cached(
                        "INSERT INTO code_descriptions(hs6, description, rows) VALUES (?1, ?2, ?3)
                         ON CONFLICT(hs6, description) DO UPDATE SET rows = rows + excluded.rows",
                    )?
                    .execute(params![hs6, text, rows])?;
            }
            self.tx
                .prepare_cached(
                    "DELETE FROM code_descriptions WHERE hs6 = ?1 AND description NOT IN (
                        SELECT description FROM code_descriptions WHERE hs6 = ?1 ORDER BY rows DESC, description LIMIT ?2)",
                )?
                .execute(params![hs6, DESCRIPTIONS_KEPT])?;
        }
        self.tx.execute(
            "UPDATE import_sheets SET rows_read = ?2, imported = ?3, duplicates = ?4, rejected = ?5 WHERE id = ?1",
            params![work.sheet_id, summary.rows_read as i64, work.imported as i64, work.duplicates as i64, summary.rejected as i64],
        )?;
        Ok(SheetReport {
            sheet: summary.name.clone(),
            status: "imported",
            reason: None,
            hidden: work.hidden,
            header_row: summary.header_row,
            mapping_source: Some(mapping.source),
            columns: column_choices(mapping),
            notes,
            warnings,
            unsure: mapping.unsure.clone(),
            rows_read: summary.rows_read,
            imported: work.imported,
            duplicates: work.duplicates,
            rejected: summary.rejected,
            rows_skipped: 0,
        })
    }
}

/// The mapping as kept in `import_sheets.mapping`.
fn mapping_json(m: &Mapping) -> Result<String, serde_json::Error> {
    serde_json::to_string(&serde_json::json!({
        "source": m.source,
        "columns": column_choices(m),
        "day_order": m.day_order,
        "notes": m.notes,
        "warnings": m.warnings,
    }))
}

/// How many of this import's records share buyer, month and HS code with records of the other
/// precision (monthly summary against shipment-level) from earlier imports: the same trade told
/// twice. Checked only when both precisions are present.
pub(super) fn precision_overlap(tx: &Transaction<'_>, import_id: i64) -> Result<u64, StoreError> {
    let both: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM shipments WHERE precision = 0) AND EXISTS(SELECT 1 FROM shipments WHERE precision = 1)",
        [],
        |r| r.get(0),
    )?;
    if !both {
        return Ok(0);
    }
    let n: i64 = tx.query_row(
        "SELECT count(*) FROM (
            SELECT 1 FROM shipments n JOIN import_sheets s ON s.id = n.sheet_id
            WHERE s.import_id = ?1 AND EXISTS (
                SELECT 1 FROM shipments o JOIN import_sheets os ON os.id = o.sheet_id
                WHERE os.import_id <> ?1 AND o.buyer_alias = n.buyer_alias
                  AND o.date BETWEEN n.date / 100 * 100 AND n.date / 100 * 100 + 99
                  AND o.hs6 = n.hs6 AND o.precision <> n.precision)
            LIMIT 1000000)",
        [import_id],
        |r| r.get(0),
    )?;
    Ok(n as u64)
}

/// The identities of every shipment already in the workspace.
pub(super) fn load_identities(tx: &Transaction<'_>) -> Result<HashSet<i64>, StoreError> {
    let count: i64 = tx.query_row("SELECT count(*) FROM shipments", [], |r| r.get(0))?;
    let mut set = HashSet::with_capacity(count as usize);
    let mut stmt = tx.prepare("SELECT identity FROM shipments")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        set.insert(row.get::<_, i64>(0)?);
    }
    Ok(set)
}
