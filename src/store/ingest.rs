//! One import, one transaction: files are read on a worker thread while this thread maps, parses,
//! resolves companies and inserts. A cancel or an error rolls everything back; a file that cannot be
//! read is rolled back to its savepoint and reported as refused, and the others still import.

use super::companies::Resolver;
use super::import_report::{FileReport, ImportObserver, ImportOptions, ImportProgress, ImportReport, RejectedRow, refused, skipped_sheet};
use super::ingest_rows::{load_identities, precision_overlap};
use super::{StoreError, Workspace, templates};
use crate::import::identity::Occurrences;
use crate::import::mapping::FieldMap;
use crate::import::sheet::{MappingSources, SheetOutput, SheetReader};
use crate::import::source::{ReadError, SourceEvent, read_file};
use crate::msg;
use crate::text::Message;
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

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
        // Immediate: a second import elsewhere waits for this one instead of failing half-way.
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
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

/// One file's import within the transaction.
pub(super) struct FileImport<'t, 'c> {
    pub(super) tx: &'t Transaction<'c>,
    pub(super) resolver: &'t mut Resolver,
    /// Identities of every shipment in the workspace, including this import's so far.
    pub(super) known: &'t mut HashSet<i64>,
    /// Identities this file added, to forget if the file is rolled back.
    pub(super) added: Vec<i64>,
    pub(super) templates: &'t HashMap<String, FieldMap>,
    pub(super) options: ImportOptions<'t>,
    pub(super) observer: &'t dyn ImportObserver,
    pub(super) file_index: usize,
    pub(super) files: usize,
    pub(super) rows_all: &'t mut u64,
}

/// Per-sheet state while its rows flow in.
pub(super) struct SheetWork {
    pub(super) name: String,
    /// Copies of each record key seen in this sheet (see `import::identity`).
    pub(super) occurrences: Occurrences,
    pub(super) sheet_id: Option<i64>,
    /// The sheet's product descriptions counted per code (see `store::ingest_rows`).
    pub(super) descriptions: rustc_hash::FxHashMap<u32, rustc_hash::FxHashMap<String, i64>>,
    pub(super) hidden: bool,
    pub(super) imported: u64,
    pub(super) duplicates: u64,
    pub(super) zero_values: u64,
    pub(super) rows_done: u64,
    pub(super) rows_total: Option<u64>,
}

/// The name of the thread that reads a file during an import (the panic hook knows it).
pub const READER_THREAD: &str = "import-reader";

impl FileImport<'_, '_> {
    fn run_file(&mut self, path: &Path) -> Result<FileReport, FileFailure> {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file").to_string();
        let hash = match crate::import::source::content_hash(path) {
            Ok(h) => h,
            Err(e) => return Err(FileFailure::Unreadable(refused(&name, path, "", e.message()))),
        };
        let (tx_events, rx_events) = std::sync::mpsc::sync_channel::<Result<SourceEvent, ReadError>>(8);
        let owned = path.to_path_buf();
        let reader = std::thread::Builder::new().name(READER_THREAD.into()).spawn(move || {
            let result = read_file(&owned, &mut |event| tx_events.send(Ok(event)).is_ok());
            if let Err(e) = result {
                let _ = tx_events.send(Err(e));
            }
        });
        let reader = reader.map_err(|e| FileFailure::Fatal(StoreError::Io { path: path.to_path_buf(), source: e }))?;
        let result = self.run_events(&name, &path.display().to_string(), &hash, Box::new(rx_events.into_iter()));
        // On cancel or error the receiver is gone, so the reader stops at its next send.
        if reader.join().is_err() {
            // The reader crashed (a damaged workbook can make calamine panic): undo this file.
            return Err(FileFailure::Unreadable(refused(&name, path, &hash, msg!("import.refuse.reader_crashed", file = &name))));
        }
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
        // The same content again: its rejected rows are listed anew below, the old list is superseded.
        self.tx.execute(
            "DELETE FROM rejected_rows WHERE import_id IN (SELECT id FROM imports WHERE content_hash = ?1 AND id <> ?2)",
            params![hash, import_id],
        )?;
        let mut file = FileReport::new(name, path, hash);
        file.imported_before = imported_before;
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
                Err(e) => return Err(FileFailure::Unreadable(refused(name, Path::new(path), hash, e.message()))),
                Ok(SourceEvent::SheetStart { name: sheet, total_rows, hidden }) => {
                    let sources = MappingSources { user, template: &template_of };
                    let work = SheetWork {
                        name: sheet.clone(),
                        occurrences: Occurrences::default(),
                        sheet_id: None,
                        descriptions: Default::default(),
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
                            && let Err(e) = self.store_output(import_id, name, out, work, &mut rejected_rows)
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
                            && let Err(e) = self.store_output(import_id, name, out, &mut work, &mut rejected_rows)
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
        if let Some((reader, _)) = current {
            // The events stopped inside a sheet: whatever was inserted from it must not stay.
            let sheet = reader.name().to_string();
            return Err(FileFailure::Unreadable(refused(
                name,
                Path::new(path),
                hash,
                msg!("import.refuse.ended_in_sheet", file = name, sheet = sheet),
            )));
        }
        for sheet in &file.sheets {
            file.rows_read += sheet.rows_read;
            file.imported += sheet.imported;
            file.duplicates += sheet.duplicates;
            file.rejected += sheet.rejected;
        }
        if file.sheets.iter().all(|s| s.status != "imported") {
            file.status = "refused";
            file.reason = Some(sheet_reasons(&file.sheets));
        }
        file.rejected_rows = rejected_rows;
        let overlap = precision_overlap(self.tx, import_id)?;
        if overlap > 0 {
            file.notes.push(msg!("import.note.precision_overlap", n = overlap));
        }
        self.tx.execute(
            "UPDATE imports SET status = ?2, reason = ?3, rows_read = ?4, imported = ?5, duplicates = ?6, rejected = ?7 WHERE id = ?1",
            params![
                import_id,
                file.status,
                file.reason.as_ref().map(Message::to_stored),
                file.rows_read as i64,
                file.imported as i64,
                file.duplicates as i64,
                file.rejected as i64
            ],
        )?;
        Ok(file)
    }
}

/// Keeps a refused file in the history after its rows were rolled back.
fn record_refusal(tx: &Transaction<'_>, file: &FileReport) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO imports(file_name, file_path, content_hash, imported_at, status, reason, rows_read, imported, duplicates, rejected) VALUES (?1, ?2, ?3, ?4, 'refused', ?5, 0, 0, 0, 0)",
        params![file.file, file.path, file.content_hash, chrono::Local::now().to_rfc3339(), file.reason.as_ref().map(Message::to_stored)],
    )?;
    Ok(())
}

/// Why no sheet of a file was imported: one line per distinct reason, naming its sheets, so eleven
/// sheets' reasons are not glued into one line.
fn sheet_reasons(sheets: &[super::import_report::SheetReport]) -> Message {
    let mut grouped: Vec<(Message, Vec<&str>)> = Vec::new();
    for s in sheets {
        let Some(reason) = s.reason.clone() else { continue };
        match grouped.iter_mut().find(|(r, _)| *r == reason) {
            Some((_, names)) => names.push(&s.sheet),
            None => grouped.push((reason, vec![&s.sheet])),
        }
    }
    match grouped.as_slice() {
        [] => msg!("import.refuse.no_sheets"),
        [(reason, _)] if sheets.len() == 1 => reason.clone(),
        _ => grouped.iter().fold(Message::lines(), |all, (reason, names)| {
            let names = names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ");
            all.line(msg!("import.refuse.sheets_reason", sheets = names, reason = reason.clone()))
        }),
    }
}
