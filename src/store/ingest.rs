//! One import, one transaction: files are read on a worker thread while this thread maps, parses,
//! resolves companies and inserts. A cancel or an error rolls everything back; a file that cannot be
//! read is rolled back to its savepoint and reported as refused, and the others still import.

use super::companies::Resolver;
use super::{StoreError, Workspace, templates};
use crate::import::cell::column_letter;
use crate::import::field::Field;
use crate::import::identity::{Occurrences, record_key};
use crate::import::mapping::{FieldMap, Mapping, MappingSource};
use crate::import::record::{ParsedRecord, Rejection};
use crate::import::sheet::{MappingSources, SheetOutput, SheetReader, SheetStatus, SheetSummary};
use crate::import::source::{ReadError, SourceEvent, read_file};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Choices for an import.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions<'a> {
    /// A user mapping (`--mapping`), applied to every sheet and saved as a template for its headers.
    pub mapping: Option<&'a FieldMap>,
}

/// Where an import stands.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportProgress {
    /// File being read.
    pub file: String,
    /// Its position (0-based) and the number of files.
    pub file_index: usize,
    /// Number of files in this import.
    pub files: usize,
    /// Sheet being read.
    pub sheet: String,
    /// Rows of this sheet handled so far.
    pub rows_done: u64,
    /// Rows in this sheet, when known.
    pub rows_total: Option<u64>,
    /// Rows handled in the whole import so far.
    pub rows_all: u64,
}

/// Watches an import: progress reports and a cancel switch.
pub trait ImportObserver {
    /// Called after every batch of rows.
    fn progress(&self, _progress: &ImportProgress) {}
    /// Polled between batches; `true` rolls the import back.
    fn cancelled(&self) -> bool {
        false
    }
}

/// An observer that watches nothing.
pub struct SilentObserver;
impl ImportObserver for SilentObserver {}

/// A row that was not imported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RejectedRow {
    /// File name.
    pub file: String,
    /// Sheet name.
    pub sheet: String,
    /// Row number in the sheet.
    pub row: u32,
    /// Column header.
    pub column: String,
    /// Why.
    pub reason: String,
}

/// A column chosen for a field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnChoice {
    /// The field.
    pub field: Field,
    /// Excel column letter.
    pub column: String,
    /// The header text.
    pub header: String,
}

/// The account of one sheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SheetReport {
    /// Sheet name.
    pub sheet: String,
    /// `imported` or `skipped`.
    pub status: &'static str,
    /// Why it was skipped.
    pub reason: Option<String>,
    /// Hidden in the workbook.
    pub hidden: bool,
    /// Header row number.
    pub header_row: Option<u32>,
    /// Where the mapping came from.
    pub mapping_source: Option<MappingSource>,
    /// The columns used.
    pub columns: Vec<ColumnChoice>,
    /// Notes on the choices made.
    pub notes: Vec<String>,
    /// Required fields mapped on weak evidence.
    pub unsure: Vec<Field>,
    /// Data rows read.
    pub rows_read: u64,
    /// New shipments.
    pub imported: u64,
    /// Rows already in the workspace.
    pub duplicates: u64,
    /// Rows refused.
    pub rejected: u64,
    /// Rows of a skipped sheet.
    pub rows_skipped: u64,
}

/// The account of one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileReport {
    /// File name.
    pub file: String,
    /// Full path.
    pub path: String,
    /// `imported` or `refused`.
    pub status: &'static str,
    /// Why it was refused.
    pub reason: Option<String>,
    /// Content hash (xxh3-128).
    pub content_hash: String,
    /// When the same content was imported before.
    pub imported_before: Option<String>,
    /// Data rows read.
    pub rows_read: u64,
    /// New shipments.
    pub imported: u64,
    /// Rows already present.
    pub duplicates: u64,
    /// Rows refused.
    pub rejected: u64,
    /// Sheets.
    pub sheets: Vec<SheetReport>,
    /// The refused rows (listed once, at the top of the import report).
    #[serde(skip)]
    pub rejected_rows: Vec<RejectedRow>,
}

/// The account of an import: rows read = imported + duplicates + rejected.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ImportReport {
    /// Data rows read.
    pub rows_read: u64,
    /// New shipments.
    pub imported: u64,
    /// Rows already present.
    pub duplicates: u64,
    /// Every refused row.
    pub rejected: Vec<RejectedRow>,
    /// Per file.
    pub files: Vec<FileReport>,
}

/// SQLite's page cache during an import (KiB).
const IMPORT_CACHE_KIB: i64 = 64 * 1024;
/// SQLite's default page cache (KiB).
const DEFAULT_CACHE_KIB: i64 = 2000;

/// A source of rows: a file on disk read on a worker thread, or events made in memory.
pub enum Source<'a> {
    /// A file.
    File(&'a Path),
    /// Already-made events (the demo generator, tests), with a name and a content hash.
    Events {
        /// Shown as the file name.
        name: String,
        /// Identifies the content.
        hash: String,
        /// The events.
        events: Box<dyn Iterator<Item = Result<SourceEvent, ReadError>> + 'a>,
    },
}

impl Workspace {
    /// Imports files in one transaction.
    pub fn import_files(
        &mut self,
        paths: &[PathBuf],
        options: ImportOptions<'_>,
        observer: &dyn ImportObserver,
    ) -> Result<ImportReport, StoreError> {
        let sources: Vec<Source<'_>> = paths.iter().map(|p| Source::File(p)).collect();
        self.import_sources(sources, options, observer)
    }

    /// Imports sources in one transaction; see [`Workspace::import_files`].
    pub fn import_sources(
        &mut self,
        sources: Vec<Source<'_>>,
        options: ImportOptions<'_>,
        observer: &dyn ImportObserver,
    ) -> Result<ImportReport, StoreError> {
        // A large page cache while importing: index inserts otherwise spill pages to the WAL
        // (`cache_size` is per connection; negative means KiB).
        self.conn.pragma_update(None, "cache_size", -IMPORT_CACHE_KIB)?;
        let result = self.import_in_transaction(sources, options, observer);
        self.conn.pragma_update(None, "cache_size", -DEFAULT_CACHE_KIB)?;
        result
    }

    fn import_in_transaction(
        &mut self,
        sources: Vec<Source<'_>>,
        options: ImportOptions<'_>,
        observer: &dyn ImportObserver,
    ) -> Result<ImportReport, StoreError> {
        let tx = self.conn.transaction()?;
        let mut resolver = Resolver::load(&tx)?;
        let mut known = load_identities(&tx)?;
        let templates: HashMap<String, FieldMap> = templates::load_all(&tx)?.into_iter().collect();
        let mut report = ImportReport::default();
        let files = sources.len();
        let mut rows_all = 0u64;
        for (file_index, source) in sources.into_iter().enumerate() {
            let checkpoint = resolver.clone();
            let known_before = known.len();
            tx.execute_batch("SAVEPOINT file")?;
            let mut ctx = FileImport {
                tx: &tx,
                resolver: &mut resolver,
                known: &mut known,
                added: Vec::new(),
                templates: &templates,
                options,
                observer,
                file_index,
                files,
                rows_all: &mut rows_all,
            };
            let outcome = match source {
                Source::File(path) => ctx.run_file(path),
                Source::Events { name, hash, events } => ctx.run_events(&name, &name, &hash, events),
            };
            let added = ctx.added;
            match outcome {
                Ok(file) => {
                    tx.execute_batch("RELEASE file")?;
                    report.add(file);
                }
                Err(FileFailure::Unreadable(file)) => {
                    tx.execute_batch("ROLLBACK TO file; RELEASE file")?;
                    resolver = checkpoint;
                    for identity in added {
                        known.remove(&identity);
                    }
                    debug_assert_eq!(known.len(), known_before);
                    record_refusal(&tx, &file)?;
                    report.add(*file);
                }
                Err(FileFailure::Fatal(e)) => return Err(e),
            }
        }
        tx.commit()?;
        Ok(report)
    }
}

impl ImportReport {
    fn add(&mut self, mut file: FileReport) {
        self.rejected.append(&mut file.rejected_rows);
        self.rows_read += file.rows_read;
        self.imported += file.imported;
        self.duplicates += file.duplicates;
        self.files.push(file);
    }
}

enum FileFailure {
    /// The file could not be read; its part of the import is undone.
    Unreadable(Box<FileReport>),
    /// The whole import stops (database error, cancel).
    Fatal(StoreError),
}

impl From<StoreError> for FileFailure {
    fn from(e: StoreError) -> FileFailure {
        FileFailure::Fatal(e)
    }
}

impl From<rusqlite::Error> for FileFailure {
    fn from(e: rusqlite::Error) -> FileFailure {
        FileFailure::Fatal(e.into())
    }
}

struct FileImport<'t, 'c> {
    tx: &'t Transaction<'c>,
    resolver: &'t mut Resolver,
    /// Identities of every shipment in the workspace, including this import's so far.
    known: &'t mut HashSet<i64>,
    /// Identities this file added, to forget if the file is rolled back.
    added: Vec<i64>,
    templates: &'t HashMap<String, FieldMap>,
    options: ImportOptions<'t>,
    observer: &'t dyn ImportObserver,
    file_index: usize,
    files: usize,
    rows_all: &'t mut u64,
}

/// Per-sheet state while its rows flow in.
struct SheetWork {
    name: String,
    sheet_id: Option<i64>,
    hidden: bool,
    imported: u64,
    duplicates: u64,
    zero_values: u64,
    rows_done: u64,
    rows_total: Option<u64>,
}

impl FileImport<'_, '_> {
    fn run_file(&mut self, path: &Path) -> Result<FileReport, FileFailure> {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file").to_string();
        let hash = match content_hash(path) {
            Ok(h) => h,
            Err(source) => {
                return Err(FileFailure::Unreadable(refused(
                    &name,
                    path,
                    "",
                    ReadError::Open { path: path.to_path_buf(), source }.to_string(),
                )));
            }
        };
        let (tx_events, rx_events) = std::sync::mpsc::sync_channel::<Result<SourceEvent, ReadError>>(8);
        let owned = path.to_path_buf();
        let reader = std::thread::Builder::new().name("import-reader".into()).spawn(move || {
            let result = read_file(&owned, &mut |event| tx_events.send(Ok(event)).is_ok());
            if let Err(e) = result {
                let _ = tx_events.send(Err(e));
            }
        });
        let reader = reader.map_err(|e| FileFailure::Fatal(StoreError::Io { path: path.to_path_buf(), source: e }))?;
        let result = self.run_events(&name, &path.display().to_string(), &hash, Box::new(rx_events.into_iter()));
        // On cancel or error the receiver is gone, so the reader stops at its next send.
        let _ = reader.join();
        result
    }

    fn run_events(
        &mut self,
        name: &str,
        path: &str,
        hash: &str,
        events: Box<dyn Iterator<Item = Result<SourceEvent, ReadError>> + '_>,
    ) -> Result<FileReport, FileFailure> {
        let imported_before: Option<String> = self
            .tx
            .query_row("SELECT imported_at FROM imports WHERE content_hash = ?1 AND status = 'imported' ORDER BY id LIMIT 1", [hash], |r| {
                r.get(0)
            })
            .optional()?;
        self.tx.execute(
            "INSERT INTO imports(file_name, file_path, content_hash, imported_at, status, rows_read, imported, duplicates, rejected) VALUES (?1, ?2, ?3, ?4, 'imported', 0, 0, 0, 0)",
            params![name, path, hash, chrono::Local::now().to_rfc3339()],
        )?;
        let import_id = self.tx.last_insert_rowid();
        let mut file = FileReport {
            file: name.to_string(),
            path: path.to_string(),
            status: "imported",
            reason: None,
            content_hash: hash.to_string(),
            imported_before,
            rows_read: 0,
            imported: 0,
            duplicates: 0,
            rejected: 0,
            sheets: Vec::new(),
            rejected_rows: Vec::new(),
        };
        let mut occurrences = Occurrences::default();
        // Copies of the references, so the closures below do not hold `self`.
        let (templates, user) = (self.templates, self.options.mapping);
        let template_of = move |sig: &str| templates.get(sig).cloned();
        let mut current: Option<(SheetReader<'_>, SheetWork)> = None;
        let mut rejected_rows: Vec<RejectedRow> = Vec::new();
        for event in events {
            if self.observer.cancelled() {
                return Err(FileFailure::Fatal(StoreError::Cancelled));
            }
            match event {
                Err(e) => return Err(FileFailure::Unreadable(refused(name, Path::new(path), hash, e.to_string()))),
                Ok(SourceEvent::SheetStart { name: sheet, total_rows, hidden }) => {
                    let sources = MappingSources { user, template: &template_of };
                    let work = SheetWork {
                        name: sheet.clone(),
                        sheet_id: None,
                        hidden,
                        imported: 0,
                        duplicates: 0,
                        zero_values: 0,
                        rows_done: 0,
                        rows_total: total_rows,
                    };
                    current = Some((SheetReader::new(&sheet, sources), work));
                }
                Ok(SourceEvent::Rows(rows)) => {
                    let Some((reader, work)) = current.as_mut() else { continue };
                    let n = rows.len() as u64;
                    let mut failure = None;
                    let mut sink = |out: SheetOutput<'_>| {
                        if failure.is_none()
                            && let Err(e) = self.store_output(import_id, name, out, work, &mut occurrences, &mut rejected_rows)
                        {
                            failure = Some(e);
                        }
                    };
                    reader.push(rows, &mut sink);
                    if let Some(e) = failure {
                        return Err(FileFailure::Fatal(e));
                    }
                    work.rows_done += n;
                    *self.rows_all += n;
                    self.observer.progress(&ImportProgress {
                        file: name.to_string(),
                        file_index: self.file_index,
                        files: self.files,
                        sheet: work.name.clone(),
                        rows_done: work.rows_done,
                        rows_total: work.rows_total,
                        rows_all: *self.rows_all,
                    });
                }
                Ok(SourceEvent::SheetEnd) => {
                    let Some((reader, mut work)) = current.take() else { continue };
                    let mut failure = None;
                    let summary = reader.finish(&mut |out| {
                        if failure.is_none()
                            && let Err(e) = self.store_output(import_id, name, out, &mut work, &mut occurrences, &mut rejected_rows)
                        {
                            failure = Some(e);
                        }
                    });
                    if let Some(e) = failure {
                        return Err(FileFailure::Fatal(e));
                    }
                    file.sheets.push(self.close_sheet(import_id, summary, &work)?);
                }
                Ok(SourceEvent::SheetSkipped { name: sheet, reason }) => file.sheets.push(skipped_sheet(&sheet, &reason, false, 0)),
            }
        }
        for sheet in &file.sheets {
            file.rows_read += sheet.rows_read;
            file.imported += sheet.imported;
            file.duplicates += sheet.duplicates;
            file.rejected += sheet.rejected;
        }
        if file.sheets.iter().all(|s| s.status != "imported") {
            file.status = "refused";
            let reasons: Vec<String> = file.sheets.iter().filter_map(|s| s.reason.clone()).collect();
            file.reason = Some(if reasons.is_empty() { "the file holds no sheets".into() } else { reasons.join("; ") });
        }
        file.rejected_rows = rejected_rows;
        self.tx.execute(
            "UPDATE imports SET status = ?2, reason = ?3, rows_read = ?4, imported = ?5, duplicates = ?6, rejected = ?7 WHERE id = ?1",
            params![
                import_id,
                file.status,
                file.reason,
                file.rows_read as i64,
                file.imported as i64,
                file.duplicates as i64,
                file.rejected as i64
            ],
        )?;
        Ok(file)
    }
}

const INSERT_SHIPMENT: &str = "INSERT INTO shipments(identity, sheet_id, source_row, date, precision, buyer_alias, buyer_from_notify, \
    supplier_alias, hs, hs6, description, quantity, unit, weight_kg, value_cents, origin, destination, port, bill_of_lading, declaration, extra) \
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)";

impl FileImport<'_, '_> {
    /// Writes what a sheet produced: its mapping, a shipment, or a rejected row.
    fn store_output(
        &mut self,
        import_id: i64,
        file: &str,
        out: SheetOutput<'_>,
        work: &mut SheetWork,
        occurrences: &mut Occurrences,
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
                let inserted = self.insert_record(sheet_id, &record, occurrences)?;
                if inserted {
                    work.imported += 1;
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
                    .execute(params![import_id, file, work.name, row, column, reason, serde_json::to_string(&raw)?])?;
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
    fn close_sheet(&mut self, import_id: i64, summary: SheetSummary, work: &SheetWork) -> Result<SheetReport, StoreError> {
        let mapping = match &summary.status {
            SheetStatus::Skipped(reason) => {
                let report = skipped_sheet(&summary.name, reason, work.hidden, summary.rows_skipped);
                self.tx.execute(
                    "INSERT INTO import_sheets(import_id, sheet, status, reason, header_row) VALUES (?1, ?2, 'skipped', ?3, ?4)",
                    params![import_id, summary.name, reason, summary.header_row],
                )?;
                return Ok(report);
            }
            SheetStatus::Imported(mapping) => mapping,
        };
        let mut notes = mapping.notes.clone();
        let parsed = work.imported + work.duplicates;
        if parsed > 0 && work.zero_values == parsed {
            notes.push("every value in this sheet is zero: it can show who supplies whom and by weight, but not money".into());
        }
        if summary.repeated_headers > 0 {
            notes.push(format!("{} repeated header rows among the data were skipped", summary.repeated_headers));
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
            unsure: mapping.unsure.clone(),
            rows_read: summary.rows_read,
            imported: work.imported,
            duplicates: work.duplicates,
            rejected: summary.rejected,
            rows_skipped: 0,
        })
    }
}

fn column_choices(m: &Mapping) -> Vec<ColumnChoice> {
    m.columns
        .iter()
        .map(|(field, i)| ColumnChoice { field: *field, column: column_letter(*i), header: m.headers.get(*i).cloned().unwrap_or_default() })
        .collect()
}

/// The mapping as kept in `import_sheets.mapping`.
fn mapping_json(m: &Mapping) -> Result<String, serde_json::Error> {
    serde_json::to_string(&serde_json::json!({
        "source": m.source,
        "columns": column_choices(m),
        "day_order": m.day_order,
        "notes": m.notes,
    }))
}

fn skipped_sheet(sheet: &str, reason: &str, hidden: bool, rows_skipped: u64) -> SheetReport {
    SheetReport {
        sheet: sheet.to_string(),
        status: "skipped",
        reason: Some(reason.to_string()),
        hidden,
        header_row: None,
        mapping_source: None,
        columns: Vec::new(),
        notes: Vec::new(),
        unsure: Vec::new(),
        rows_read: 0,
        imported: 0,
        duplicates: 0,
        rejected: 0,
        rows_skipped,
    }
}

fn refused(name: &str, path: &Path, hash: &str, reason: String) -> Box<FileReport> {
    Box::new(FileReport {
        file: name.to_string(),
        path: path.display().to_string(),
        status: "refused",
        reason: Some(reason),
        content_hash: hash.to_string(),
        imported_before: None,
        rows_read: 0,
        imported: 0,
        duplicates: 0,
        rejected: 0,
        sheets: Vec::new(),
        rejected_rows: Vec::new(),
    })
}

/// Keeps a refused file in the history after its rows were rolled back.
fn record_refusal(tx: &Transaction<'_>, file: &FileReport) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO imports(file_name, file_path, content_hash, imported_at, status, reason, rows_read, imported, duplicates, rejected) VALUES (?1, ?2, ?3, ?4, 'refused', ?5, 0, 0, 0, 0)",
        params![file.file, file.path, file.content_hash, chrono::Local::now().to_rfc3339(), file.reason],
    )?;
    Ok(())
}

/// The identities of every shipment already in the workspace.
fn load_identities(tx: &Transaction<'_>) -> Result<HashSet<i64>, StoreError> {
    let count: i64 = tx.query_row("SELECT count(*) FROM shipments", [], |r| r.get(0))?;
    let mut set = HashSet::with_capacity(count as usize);
    let mut stmt = tx.prepare("SELECT identity FROM shipments")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        set.insert(row.get::<_, i64>(0)?);
    }
    Ok(set)
}

/// xxh3-128 of the file's bytes, read in chunks.
fn content_hash(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(format!("{:032x}", hasher.digest128()))
}
