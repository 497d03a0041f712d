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
        reason: crate::text::Message,
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
        reason: crate::text::Message,
    },
    /// The workbook is damaged or protected.
    #[error("{path} cannot be read as a workbook ({detail}); if it opens in Excel, save it again as .xlsx")]
    Workbook {
        /// The file.
        path: PathBuf,
        /// What is wrong: ours, or calamine's own words kept verbatim.
        detail: crate::text::Message,
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

impl ReadError {
    /// The error in words, for the reader's language.
    pub fn message(&self) -> crate::text::Message {
        match self {
            ReadError::Open { path, source } => {
                crate::msg!("error.read.open", path = path.display().to_string(), detail = source.to_string())
            }
            ReadError::NotAFile { path } => crate::msg!("error.read.not_a_file", path = path.display().to_string()),
            ReadError::Unsupported { path, reason } => {
                crate::msg!("error.read.unsupported", path = path.display().to_string(), reason = reason.clone())
            }
            ReadError::Workbook { path, detail } => {
                crate::msg!("error.read.workbook", path = path.display().to_string(), detail = detail.clone())
            }
            ReadError::Delimited { path, line, detail } => {
                crate::msg!("error.read.delimited", path = path.display().to_string(), line = *line, detail = detail)
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    #[test]
    fn read_errors_speak_chinese_with_their_fields() {
        let errors = [
            ReadError::NotAFile { path: PathBuf::from("/tmp/货单.fifo") },
            ReadError::Workbook { path: PathBuf::from("/data/customs.xlsx"), detail: crate::text::Message::verbatim("password protected") },
            ReadError::Delimited { path: PathBuf::from("/data/customs.csv"), line: 42, detail: "bad quote".into() },
        ];
        for e in errors {
            let (en, zh) = (e.message().render(Lang::En), e.message().render(Lang::Zh));
            assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{zh}");
            assert_ne!(en, zh);
            if let ReadError::NotAFile { path } | ReadError::Workbook { path, .. } | ReadError::Delimited { path, .. } = &e {
                assert!(zh.contains(&path.display().to_string()) && en.contains(&path.display().to_string()), "{zh}");
            }
        }
        let e = ReadError::Delimited { path: PathBuf::from("a.csv"), line: 42, detail: "bad quote".into() };
        assert!(e.message().render(Lang::Zh).contains("第 42 行"));
        assert!(e.message().render(Lang::Zh).contains("bad quote"));
    }

    /// Three English words in a row, in `text` once `quoted` (file names) is taken out.
    fn english_run(text: &str, quoted: &str) -> Option<String> {
        let text = text.replace(quoted, " ");
        let run = |piece: &str| {
            let words: Vec<&str> = piece.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 1).collect();
            // Words separated by only spaces and ASCII marks: one English phrase.
            (words.len() >= 3).then(|| piece.trim().to_string())
        };
        text.split(|c: char| !c.is_ascii() || c == '(' || c == ')').find_map(run)
    }

    #[test]
    fn a_refused_file_and_a_damaged_workbook_read_wholly_in_chinese() {
        use std::io::Write;
        let dir = tempfile::tempdir().expect("tmp");
        let refuse = |name: &str, bytes: &[u8]| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).expect("write");
            let err = read_file(&path, &mut |_| true).expect_err("refused");
            (path, err)
        };
        let pdf = refuse("报关单.pdf", b"%PDF-1.4 not a sheet");
        let web = refuse("customs.xls", b"<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>");
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("xl/sharedStrings.xml", zip::write::SimpleFileOptions::default()).expect("part");
        zip.write_all(br#"<sst count="4000000000" uniqueCount="4000000000"><si><t>Date</t></si></sst>"#).expect("xml");
        let forged = refuse("forged.xlsx", &zip.finish().expect("zip").into_inner());
        let cut = refuse("cut.xlsx", b"PK\x03\x04 cut short");
        for (path, err) in [&pdf, &web, &forged] {
            let zh = err.message().render(Lang::Zh);
            let file = path.display().to_string();
            assert!(zh.contains(&file), "{zh}");
            assert_eq!(english_run(&zh, &file), None, "English inside the Chinese: {zh}");
            assert!(english_run(&err.message().render(Lang::En), &file).is_some(), "the English stays English");
        }
        assert!(matches!(pdf.1, ReadError::Unsupported { .. }) && pdf.1.message().render(Lang::Zh).contains("不支持“.pdf”格式"));
        assert!(web.1.message().render(Lang::Zh).contains("网页（HTML）"));
        assert!(forged.1.message().render(Lang::Zh).contains("4000000000 个字符串"));
        assert!(forged.1.to_string().contains("announces 4000000000 strings"), "the command line's English is unchanged");
        // A workbook cut short: the sentence around zip's own words is Chinese.
        let zh = cut.1.message().render(Lang::Zh);
        assert!(matches!(cut.1, ReadError::Workbook { .. }) && zh.contains("工作簿读取（") && zh.contains("另存为 .xlsx"), "{zh}");
    }
}
