//! Tables written to .xlsx (rust_xlsxwriter) or .csv (the csv crate, UTF-8 with a BOM so Excel
//! opens Chinese text correctly). Knows nothing of where a table came from: a screen builds the
//! [`Table`] it shows and hands it over.

use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::path::Path;
use thiserror::Error;

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text.
    Text(String),
    /// A number (kept a number in Excel).
    Number(f64),
    /// Nothing.
    Empty,
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}

impl From<f64> for Value {
    fn from(x: f64) -> Value {
        if x.is_finite() { Value::Number(x) } else { Value::Empty }
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(x: Option<T>) -> Value {
        x.map_or(Value::Empty, Into::into)
    }
}

/// A table: a title (the sheet name), headers and rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Sheet name and default file name.
    pub title: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows, as long as the headers.
    pub rows: Vec<Vec<Value>>,
}

/// The file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Excel workbook.
    Xlsx,
    /// Comma-separated values.
    Csv,
}

impl ExportFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Csv => "csv",
        }
    }
}

/// Writing failed.
#[derive(Debug, Error)]
pub enum ExportError {
    /// The workbook could not be written.
    #[error("writing {path}: {source}")]
    Xlsx {
        /// The file.
        path: String,
        /// Why.
        source: XlsxError,
    },
    /// The CSV file could not be written.
    #[error("writing {path}: {source}")]
    Csv {
        /// The file.
        path: String,
        /// Why.
        source: csv::Error,
    },
    /// The file could not be created.
    #[error("writing {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
}

impl ExportError {
    /// The error in words, for the reader's language.
    pub fn message(&self) -> crate::text::Message {
        match self {
            ExportError::Xlsx { path, source } => crate::msg!("error.export.xlsx", path = path, detail = source.to_string()),
            ExportError::Csv { path, source } => crate::msg!("error.export.csv", path = path, detail = source.to_string()),
            ExportError::Io { path, source } => crate::msg!("error.export.io", path = path, detail = source.to_string()),
        }
    }
}

/// Writes a table to `path`.
pub fn write(table: &Table, path: &Path, format: ExportFormat) -> Result<(), ExportError> {
    match format {
        ExportFormat::Xlsx => write_xlsx(table, path).map_err(|source| ExportError::Xlsx { path: path.display().to_string(), source }),
        ExportFormat::Csv => write_csv(table, path),
    }
}

/// Excel limits sheet names to 31 characters without `[]:*?/\`.
fn sheet_name(title: &str) -> String {
    let clean: String = title.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    if clean.trim().is_empty() { "Sheet1".into() } else { clean }
}

fn write_xlsx(table: &Table, path: &Path) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(&table.title))?;
    let bold = Format::new().set_bold();
    for (c, h) in table.headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &bold)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            match v {
                Value::Text(s) => sheet.write_string(r, c as u16, s).map(|_| ())?,
                Value::Number(x) => sheet.write_number(r, c as u16, *x).map(|_| ())?,
                Value::Empty => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofit();
    book.save(path)
}

fn write_csv(table: &Table, path: &Path) -> Result<(), ExportError> {
    let io = |source| ExportError::Io { path: path.display().to_string(), source };
    let err = |source| ExportError::Csv { path: path.display().to_string(), source };
    let mut file = std::fs::File::create(path).map_err(io)?;
    std::io::Write::write_all(&mut file, "\u{feff}".as_bytes()).map_err(io)?;
    let mut w = csv::Writer::from_writer(file);
    w.write_record(&table.headers).map_err(err)?;
    for row in &table.rows {
        w.write_record(row.iter().map(|v| match v {
            Value::Text(s) => s.clone(),
            Value::Number(x) => x.to_string(),
            Value::Empty => String::new(),
        }))
        .map_err(err)?;
    }
    w.flush().map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            title: "客户 / customers".into(),
            headers: vec!["客户".into(), "sales".into()],
            rows: vec![vec!["宁波 A".into(), 12.5.into()], vec!["B, \"quoted\"".into(), Value::Empty]],
        }
    }

    #[test]
    fn csv_keeps_chinese_numbers_and_quotes() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("t.csv");
        write(&table(), &path, ExportFormat::Csv).expect("write");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.starts_with('\u{feff}'), "a BOM so Excel reads UTF-8");
        assert_eq!(text.trim_start_matches('\u{feff}'), "客户,sales\n宁波 A,12.5\n\"B, \"\"quoted\"\"\",\n");
    }

    #[test]
    fn xlsx_reads_back_with_numbers_as_numbers() {
        use calamine::{Data, Reader, Xlsx, open_workbook};
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("t.xlsx");
        write(&table(), &path, ExportFormat::Xlsx).expect("write");
        let mut book: Xlsx<_> = open_workbook(&path).expect("open");
        assert_eq!(book.sheet_names(), vec!["客户  customers".to_string()]);
        let range = book.worksheet_range("客户  customers").expect("sheet");
        assert_eq!(range.get((1, 0)), Some(&Data::String("宁波 A".into())));
        assert_eq!(range.get((1, 1)), Some(&Data::Float(12.5)));
        assert_eq!(range.height(), 3);
    }

    #[test]
    fn export_errors_speak_chinese_with_their_fields() {
        use crate::text::Lang;
        let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let denied = || std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied");
        let io = ExportError::Io { path: "/out/客户.csv".into(), source: denied() };
        let csv = ExportError::Csv { path: "/out/customers.csv".into(), source: csv::Error::from(denied()) };
        let xlsx = ExportError::Xlsx { path: "/out/customers.xlsx".into(), source: XlsxError::IoError(denied()) };
        for (e, path) in [(&io, "/out/客户.csv"), (&csv, "/out/customers.csv"), (&xlsx, "/out/customers.xlsx")] {
            let (en, zh) = (e.message().render(Lang::En), e.message().render(Lang::Zh));
            assert!(chinese(&zh) && zh.contains(path) && zh.contains("permission denied"), "{zh}");
            assert!(en.contains(path));
            assert_ne!(en, zh);
        }
    }
}
