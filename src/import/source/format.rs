//! Telling formats apart by their first bytes, not only by the extension: providers send `.xls`
//! files that are really HTML or tab-separated text.

use super::ReadError;
use std::io::Read;
use std::path::Path;

/// A readable file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// .xlsx / .xlsm (zip of XML).
    Xlsx,
    /// .xlsb (zip of binary records).
    Xlsb,
    /// Legacy .xls (OLE compound file).
    Xls,
    /// OpenDocument spreadsheet.
    Ods,
    /// CSV, TSV or other delimited text.
    Delimited,
}

/// Decides how to read a file from its extension and its first bytes.
pub fn detect_format(path: &Path) -> Result<FileFormat, ReadError> {
    let mut head = [0u8; 512];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .map_err(|source| ReadError::Open { path: path.to_path_buf(), source })?;
    let head = &head[..n];
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let unsupported = |reason: crate::text::Message| ReadError::Unsupported { path: path.to_path_buf(), reason };
    if head.starts_with(b"PK\x03\x04") {
        return Ok(match ext.as_str() {
            "xlsb" => FileFormat::Xlsb,
            "ods" => FileFormat::Ods,
            _ => FileFormat::Xlsx,
        });
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // Also the container of password-protected .xlsx files; calamine reports those clearly.
        return Ok(FileFormat::Xls);
    }
    let text_start: Vec<u8> = head.iter().copied().filter(|b| *b != 0).take(64).collect();
    let lower = String::from_utf8_lossy(&text_start).to_lowercase();
    if lower.trim_start_matches('\u{feff}').trim_start().starts_with("<!doctype html")
        || lower.trim_start().starts_with("<html")
        || lower.contains("<table")
    {
        return Err(unsupported(crate::msg!("import.read.web_page")));
    }
    match ext.as_str() {
        "csv" | "tsv" | "txt" | "tab" | "xls" | "dat" | "" => Ok(FileFormat::Delimited),
        "xlsx" | "xlsm" | "xlsb" | "ods" => Err(unsupported(crate::msg!("import.read.not_a_workbook"))),
        other => Err(unsupported(crate::msg!("import.read.extension", ext = other))),
    }
}
