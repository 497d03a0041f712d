//! Fixtures built in code: spreadsheets written with rust_xlsxwriter, CSV in any encoding, and a
//! fresh workspace per test.
#![allow(dead_code)]

pub mod cli;
pub mod window;

use customs_radar::store::{ImportOptions, ImportReport, SilentObserver, Workspace};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::path::{Path, PathBuf};

/// One cell of a fixture sheet.
#[derive(Debug, Clone)]
pub enum V {
    /// Text.
    T(&'static str),
    /// Owned text.
    S(String),
    /// A number.
    N(f64),
    /// A real Excel date cell.
    D(u16, u8, u8),
    /// Nothing.
    E,
}

/// Writes an .xlsx with the given sheets (row 1 first).
pub fn xlsx(path: &Path, sheets: &[(&str, Vec<Vec<V>>)]) {
    let mut book = Workbook::new();
    let date_format = Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).expect("sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match v {
                    V::T(t) => {
                        sheet.write_string(r, c, *t).expect("write");
                    }
                    V::S(t) => {
                        sheet.write_string(r, c, t).expect("write");
                    }
                    V::N(n) => {
                        sheet.write_number(r, c, *n).expect("write");
                    }
                    V::D(y, m, d) => {
                        let dt = ExcelDateTime::from_ymd(*y, *m, *d).expect("date");
                        sheet.write_datetime_with_format(r, c, &dt, &date_format).expect("write");
                    }
                    V::E => {}
                }
            }
        }
    }
    book.save(path).expect("save xlsx");
}

/// A scratch directory and a workspace inside it.
pub struct Scratch {
    pub dir: tempfile::TempDir,
    pub ws: Workspace,
}

impl Scratch {
    pub fn new() -> Scratch {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace::open(&dir.path().join("ws.sqlite")).expect("open workspace");
        Scratch { dir, ws }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn import(&mut self, files: &[PathBuf]) -> ImportReport {
        self.ws.import_files(files, ImportOptions::default(), &SilentObserver).expect("import")
    }

    /// Writes bytes to a file in the scratch directory.
    pub fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, bytes).expect("write fixture");
        p
    }
}

/// Rows read must always equal imported + duplicates + rejected: for the import, each file and each
/// sheet.
pub fn assert_accounted(r: &ImportReport) {
    assert_eq!(r.rows_read, r.imported + r.duplicates + r.rejected.len() as u64, "every row read is accounted for: {r:#?}");
    for f in &r.files {
        assert_eq!(f.rows_read, f.imported + f.duplicates + f.rejected, "file {}", f.file);
        for s in &f.sheets {
            assert_eq!(s.rows_read, s.imported + s.duplicates + s.rejected, "file {} sheet {}", f.file, s.sheet);
        }
        let sheets: u64 = f.sheets.iter().map(|s| s.rows_read).sum();
        assert_eq!(f.rows_read, sheets, "file {}: its sheets add up", f.file);
    }
}

/// The column chosen for a field in the first imported sheet of the first file.
pub fn column_for(r: &ImportReport, field: &str) -> Option<String> {
    r.files
        .iter()
        .flat_map(|f| &f.sheets)
        .filter(|s| s.status == "imported")
        .flat_map(|s| &s.columns)
        .find(|c| c.field.key() == field)
        .map(|c| c.header.clone())
}

/// Where the samples are: `CR_REAL_SAMPLES`, else `../shared/real-samples` beside the clone.
/// `None` (the test says so and skips) when they are absent on a newcomer's machine; under CI
/// (`CI` set, as `.ci/run` does) their absence fails, so they are never skipped silently there.
pub fn samples_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CR_REAL_SAMPLES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/real-samples"));
    if dir.is_dir() {
        return Some(dir);
    }
    // `.ci/run` sets CR_REQUIRE_REAL_SAMPLES: there the samples sit beside the clone and must run.
    // Hosted runners (GitHub's CI) have no samples and skip these tests.
    assert!(
        std::env::var_os("CR_REQUIRE_REAL_SAMPLES").is_none(),
        "the real samples are expected at {} (set CR_REAL_SAMPLES)",
        dir.display()
    );
    eprintln!("skipped: no real samples at {} (set CR_REAL_SAMPLES to run these tests)", dir.display());
    None
}
