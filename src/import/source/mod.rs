//! Reading files into rows of cells, sheet by sheet, whatever the format.
//!
//! Readers stream: an Excel sheet is read cell by cell (calamine's cell reader), so a million-row
//! workbook never sits in memory whole. Rows arrive in batches through a callback that can stop the
//! read (cancel) by returning `false`.

mod delimited;
mod encoding;
mod excel;
mod format;
mod package_guard;

pub use format::{FileFormat, detect_format};

use super::cell::Cell;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// One row as read: its 1-based row number in the sheet (as the user sees it) and its cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based row number (Excel's row label; for CSV the line's record number).
    pub number: u32,
    /// Cells from column A on.
    pub cells: Vec<Cell>,
}

impl Row {
    /// True when every cell is blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_blank)
    }
}

/// What a reader reports as it goes.
#[derive(Debug)]
pub enum SourceEvent {
    /// A sheet begins (`total_rows` when the file says how many).
    SheetStart {
        /// Sheet name (for CSV: the file name).
        name: String,
        /// Rows in the sheet, when known in advance.
        total_rows: Option<u64>,
        /// The sheet is hidden in the workbook.
        hidden: bool,
    },
    /// Some rows of the current sheet, in order.
    Rows(Vec<Row>),
    /// The current sheet is done.
    SheetEnd,
    /// A sheet that cannot be read as a table (chart sheet, macro sheet).
    SheetSkipped {
        /// Sheet name.
        name: String,
        /// Why.
        reason: String,
    },
}

/// Why a file cannot be read at all.
#[derive(Debug, Error)]
pub enum ReadError {
    /// The file cannot be opened.
    #[error("cannot open {path}: {source}")]
    Open {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A pipe, device or folder: never opened, since reading one can wait for ever.
    #[error("{path} is not a regular file (a pipe, device or folder); save the data to a file and import that")]
    NotAFile {
        /// The path given.
        path: PathBuf,
    },
    /// Not a format we read.
    #[error("{path}: {reason}")]
    Unsupported {
        /// The file.
        path: PathBuf,
        /// What it is instead, and what to do.
        reason: String,
    },
    /// The workbook is damaged or protected.
    #[error("{path} cannot be read as a workbook ({detail}); if it opens in Excel, save it again as .xlsx")]
    Workbook {
        /// The file.
        path: PathBuf,
        /// Calamine's message.
        detail: String,
    },
    /// A CSV record could not be read.
    #[error("{path}, line {line}: {detail}")]
    Delimited {
        /// The file.
        path: PathBuf,
        /// Line number.
        line: u64,
        /// The csv crate's message.
        detail: String,
    },
}

/// Rows per batch handed to the callback: large enough to amortise channel costs, small enough for
/// smooth progress.
pub const BATCH_ROWS: usize = 2048;

/// Reads a file, calling `emit` for every event; stops early when `emit` returns `false`.
pub fn read_file(path: &Path, emit: &mut dyn FnMut(SourceEvent) -> bool) -> Result<(), ReadError> {
    read_file_head(path, None, emit)
}

/// Reads a file like [`read_file`], but with `head` only the rows up to that row number of each
/// sheet (a preview: the top of every sheet without reading a million rows).
pub fn read_file_head(path: &Path, head: Option<u32>, emit: &mut dyn FnMut(SourceEvent) -> bool) -> Result<(), ReadError> {
    regular_file(path)?;
    match detect_format(path)? {
        FileFormat::Xlsx => excel::read_xlsx(path, head, emit),
        FileFormat::Xlsb => excel::read_xlsb(path, head, emit),
        FileFormat::Xls | FileFormat::Ods => excel::read_whole_sheets(path, head, emit),
        FileFormat::Delimited => delimited::read_delimited(path, head, emit),
    }
}

/// Reads delimited text already in memory (tests, pasted data).
pub fn read_delimited_bytes(name: &str, bytes: &[u8], emit: &mut dyn FnMut(SourceEvent) -> bool) -> Result<(), ReadError> {
    delimited::read_bytes(Path::new(name), bytes, None, emit)
}

/// Refuses anything but a regular file before it is opened: opening a named pipe waits for a writer.
pub fn regular_file(path: &Path) -> Result<(), ReadError> {
    let meta = std::fs::metadata(path).map_err(|source| ReadError::Open { path: path.to_path_buf(), source })?;
    if meta.is_file() { Ok(()) } else { Err(ReadError::NotAFile { path: path.to_path_buf() }) }
}

/// xxh3-128 of a file's bytes, read in chunks: the file's identity in the import history.
pub fn content_hash(path: &Path) -> Result<String, ReadError> {
    use std::io::Read;
    regular_file(path)?;
    let open = |source| ReadError::Open { path: path.to_path_buf(), source };
    let mut file = std::fs::File::open(path).map_err(open)?;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf).map_err(|source| ReadError::Open { path: path.to_path_buf(), source })?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(format!("{:032x}", hasher.digest128()))
}
