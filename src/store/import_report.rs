//! What an import reports: progress while it runs, and the account of every file, sheet and row.

use crate::import::cell::column_letter;
use crate::import::field::Field;
use crate::import::mapping::{FieldMap, Mapping, MappingSource};
use crate::text::{Message, english};
use serde::Serialize;
use std::path::Path;

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
    #[serde(serialize_with = "english")]
    pub reason: Message,
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
    #[serde(serialize_with = "english")]
    pub reason: Option<Message>,
    /// Hidden in the workbook.
    pub hidden: bool,
    /// Header row number.
    pub header_row: Option<u32>,
    /// Where the mapping came from.
    pub mapping_source: Option<MappingSource>,
    /// The columns used.
    pub columns: Vec<ColumnChoice>,
    /// Notes on the choices made.
    #[serde(serialize_with = "english")]
    pub notes: Vec<Message>,
    /// Numbers that look wrong: imported, to be checked before the figures are trusted.
    #[serde(serialize_with = "english")]
    pub warnings: Vec<Message>,
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
    #[serde(serialize_with = "english")]
    pub reason: Option<Message>,
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
    /// Warnings about the file as a whole.
    #[serde(serialize_with = "english")]
    pub notes: Vec<Message>,
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

impl ImportReport {
    pub(super) fn add(&mut self, mut file: FileReport) {
        self.rejected.append(&mut file.rejected_rows);
        self.rows_read += file.rows_read;
        self.imported += file.imported;
        self.duplicates += file.duplicates;
        self.files.push(file);
    }
}

pub(super) fn refused(name: &str, path: &Path, hash: &str, reason: Message) -> Box<FileReport> {
    let mut file = FileReport::new(name, &path.display().to_string(), hash);
    file.status = "refused";
    file.reason = Some(reason);
    Box::new(file)
}

impl FileReport {
    /// An empty account of a file about to be read.
    pub(super) fn new(name: &str, path: &str, hash: &str) -> FileReport {
        FileReport {
            file: name.to_string(),
            path: path.to_string(),
            status: "imported",
            reason: None,
            content_hash: hash.to_string(),
            imported_before: None,
            rows_read: 0,
            imported: 0,
            duplicates: 0,
            rejected: 0,
            sheets: Vec::new(),
            notes: Vec::new(),
            rejected_rows: Vec::new(),
        }
    }
}

pub(super) fn skipped_sheet(sheet: &str, reason: &Message, hidden: bool, rows_skipped: u64) -> SheetReport {
    SheetReport {
        sheet: sheet.to_string(),
        status: "skipped",
        reason: Some(reason.clone()),
        hidden,
        header_row: None,
        mapping_source: None,
        columns: Vec::new(),
        notes: Vec::new(),
        warnings: Vec::new(),
        unsure: Vec::new(),
        rows_read: 0,
        imported: 0,
        duplicates: 0,
        rejected: 0,
        rows_skipped,
    }
}

pub(super) fn column_choices(m: &Mapping) -> Vec<ColumnChoice> {
    m.columns
        .iter()
        .map(|(field, i)| ColumnChoice { field: *field, column: column_letter(*i), header: m.headers.get(*i).cloned().unwrap_or_default() })
        .collect()
}
