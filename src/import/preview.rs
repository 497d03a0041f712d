//! A look at files before importing them: each sheet's header row, a few sample rows and how its
//! columns would be mapped. It reads the top of every sheet with the import's own readers and
//! decides with the import's own header search and mapping ([`decide_header`]), so what the preview
//! says is what the import will do; a front end uses it to ask the user about unsure columns first.

use super::cell::Cell;
use super::header::{HEADER_SEARCH_ROWS, header_texts, signature};
use super::mapping::{FieldMap, Mapping, MappingError, MappingSource, map_columns};
use super::sheet::{MappingSources, SAMPLE_ROWS, decide_header};
use super::source::{ReadError, Row, SourceEvent, read_file_head};
use crate::msg;
use crate::text::Message;
use std::path::{Path, PathBuf};

/// Sample rows kept per sheet for showing (the mapping itself is decided on the full sample).
pub const SAMPLE_VALUES: usize = 5;

/// Rows the import decides a sheet's mapping on: the header search, then the sample below it.
const DECISION_ROWS: usize = HEADER_SEARCH_ROWS + SAMPLE_ROWS;

/// Row numbers read per sheet. Generous, so blank rows scattered near the top do not shorten the
/// sample below what the import sees; still a few thousand rows, never a whole large sheet.
const HEAD_ROWS: u32 = 4 * DECISION_ROWS as u32;

/// One file's preview.
#[derive(Debug, Clone, PartialEq)]
pub struct FilePreview {
    /// The file.
    pub path: PathBuf,
    /// Its name.
    pub name: String,
    /// Its sheets in workbook order (one for CSV).
    pub sheets: Vec<SheetPreview>,
    /// Why the file cannot be read (the import will refuse it with the same reason).
    pub error: Option<Message>,
}

/// One sheet's preview.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetPreview {
    /// Sheet name.
    pub name: String,
    /// Hidden in the workbook.
    pub hidden: bool,
    /// The header row and its mapping; `None` for an empty sheet or one that is not a table.
    pub layout: Option<Layout>,
    /// Why the sheet is not a table (chart sheet, empty), when it has no layout.
    pub note: Option<Message>,
}

/// A sheet's header row, samples and mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The header's row number.
    pub header_row: u32,
    /// The import recognises this row as the header. `false`: no row was recognised, and this is
    /// the first row of text, offered so a user can name its columns (the import skips the sheet
    /// unless a mapping names them).
    pub recognised: bool,
    /// The header cells as written, one per column.
    pub headers: Vec<String>,
    /// The header's signature (the key of mapping templates).
    pub signature: String,
    /// Up to [`SAMPLE_VALUES`] non-blank rows below the header as text, each as wide as `headers`.
    pub samples: Vec<Vec<String>>,
    /// The mapping the import would use, or why it cannot map the sheet.
    pub mapping: Result<Mapping, MappingError>,
}

impl Layout {
    /// The import would guess (unsure fields) or skip the sheet (missing fields): a user should look.
    pub fn needs_user(&self) -> bool {
        match &self.mapping {
            Ok(m) => !m.unsure.is_empty(),
            Err(_) => true,
        }
    }

    /// The sample values of a column, top to bottom (blank cells left out).
    pub fn column_samples(&self, column: usize) -> Vec<&str> {
        self.samples.iter().filter_map(|r| r.get(column)).map(String::as_str).filter(|v| !v.is_empty()).collect()
    }
}

impl FilePreview {
    /// The layout a user should settle before importing: the first sheet whose recognised header
    /// maps unsurely or misses a required column; or, when no sheet has a recognised header, the
    /// first row of text of the first sheet having one. `None` when the import can go ahead as is.
    pub fn layout_to_ask(&self) -> Option<&Layout> {
        let layouts = || self.sheets.iter().filter_map(|s| s.layout.as_ref());
        if layouts().any(|l| l.recognised) {
            layouts().find(|l| l.recognised && l.needs_user())
        } else {
            // Other sheets of a workbook (notes, lookups) are skipped quietly when one sheet is data;
            // only a file with no recognisable sheet at all is worth asking about.
            layouts().next()
        }
    }
}

/// Previews files; an unreadable file has its error, never stops the others.
pub fn preview_files(paths: &[PathBuf], template: &dyn Fn(&str) -> Option<FieldMap>) -> Vec<FilePreview> {
    paths.iter().map(|p| preview_file(p, template)).collect()
}

/// Previews one file; `template` gives the saved mapping for a header signature, as the import uses.
pub fn preview_file(path: &Path, template: &dyn Fn(&str) -> Option<FieldMap>) -> FilePreview {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let mut collector = Collector::default();
    let result = read_file_head(path, Some(HEAD_ROWS), &mut |event| {
        collector.event(event);
        true
    });
    let error = result.err().map(|e: ReadError| e.message());
    FilePreview { path: path.to_path_buf(), name, sheets: collector.finish(template), error }
}

/// Previews events already read (delimited bytes in memory, tests).
pub fn preview_events(events: impl IntoIterator<Item = SourceEvent>, template: &dyn Fn(&str) -> Option<FieldMap>) -> Vec<SheetPreview> {
    let mut collector = Collector::default();
    for event in events {
        collector.event(event);
    }
    collector.finish(template)
}

/// The first rows of every sheet as they arrive.
#[derive(Default)]
struct Collector {
    sheets: Vec<Gathered>,
}

/// One sheet's first rows, or why it is not a table.
struct Gathered {
    name: String,
    hidden: bool,
    rows: Vec<Row>,
    skipped: Option<Message>,
}

impl Collector {
    fn event(&mut self, event: SourceEvent) {
        match event {
            SourceEvent::SheetStart { name, hidden, .. } => self.sheets.push(Gathered { name, hidden, rows: Vec::new(), skipped: None }),
            SourceEvent::Rows(rows) => {
                if let Some(sheet) = self.sheets.last_mut() {
                    // The import decides on its first rows; the same rows here, so both decide alike.
                    let room = DECISION_ROWS.saturating_sub(sheet.rows.len());
                    sheet.rows.extend(rows.into_iter().take(room));
                }
            }
            SourceEvent::SheetEnd => {}
            SourceEvent::SheetSkipped { name, reason } => {
                self.sheets.push(Gathered { name, hidden: false, rows: Vec::new(), skipped: Some(reason) });
            }
        }
    }

    fn finish(self, template: &dyn Fn(&str) -> Option<FieldMap>) -> Vec<SheetPreview> {
        self.sheets.into_iter().map(|g| sheet_preview(g, template)).collect()
    }
}

fn sheet_preview(g: Gathered, template: &dyn Fn(&str) -> Option<FieldMap>) -> SheetPreview {
    let Gathered { name, hidden, rows, skipped } = g;
    if let Some(reason) = skipped {
        return SheetPreview { name, hidden, layout: None, note: Some(reason) };
    }
    if rows.iter().all(Row::is_blank) {
        return SheetPreview { name, hidden, layout: None, note: Some(msg!("import.skip.empty")) };
    }
    let sources = MappingSources { user: None, template };
    let layout = match decide_header(&rows, &sources) {
        Some(d) => Some(layout(&rows, d.index, true, d.signature, d.mapping)),
        None => first_text_row(&rows).map(|i| {
            let texts = header_texts(&rows[i]);
            let sample: Vec<Row> = rows[i + 1..].iter().filter(|r| !r.is_blank()).take(SAMPLE_ROWS).cloned().collect();
            let mapping = map_columns(&rows[i], &sample, None, MappingSource::Auto);
            layout(&rows, i, false, signature(&texts), mapping)
        }),
    };
    let note = layout.is_none().then(|| msg!("import.skip.no_header_preview"));
    SheetPreview { name, hidden, layout, note }
}

fn layout(rows: &[Row], index: usize, recognised: bool, signature: String, mapping: Result<Mapping, MappingError>) -> Layout {
    let header = &rows[index];
    let width = header.cells.len();
    let headers: Vec<String> = header.cells.iter().map(Cell::to_text).collect();
    let samples = rows[index + 1..]
        .iter()
        .filter(|r| !r.is_blank())
        .take(SAMPLE_VALUES)
        .map(|r| (0..width).map(|c| r.cells.get(c).map(Cell::to_text).unwrap_or_default()).collect())
        .collect();
    Layout { header_row: header.number, recognised, headers, signature, samples, mapping }
}

/// The first row that reads as column names: at least two cells, mostly text (as the header search
/// requires of a header).
fn first_text_row(rows: &[Row]) -> Option<usize> {
    rows.iter().enumerate().filter(|(_, r)| !r.is_blank()).take(HEADER_SEARCH_ROWS).find_map(|(i, r)| {
        let texts = r.cells.iter().filter(|c| matches!(c, Cell::Text(t) if !t.trim().is_empty())).count();
        let filled = r.cells.iter().filter(|c| !c.is_blank()).count();
        (texts >= 2 && texts * 2 >= filled).then_some(i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::field::Field;
    use crate::import::source::read_delimited_bytes;
    use rust_xlsxwriter::Workbook;

    fn no_template(_: &str) -> Option<FieldMap> {
        None
    }

    fn csv_events(text: &str) -> Vec<SourceEvent> {
        let mut events = Vec::new();
        read_delimited_bytes("data.csv", text.as_bytes(), &mut |e| {
            events.push(e);
            true
        })
        .expect("read csv");
        events
    }

    fn only_layout(sheets: &[SheetPreview]) -> &Layout {
        assert_eq!(sheets.len(), 1, "one sheet: {sheets:?}");
        sheets[0].layout.as_ref().expect("a layout")
    }

    const CLEAR: &str = "日期,进口商,出口商,HS编码,金额(USD)\n2023-01-05,ACME LTD,NINGBO CO,7318159000,1200\n2023-02-05,BETA LLC,NINGBO CO,7318159000,800\n";

    #[test]
    fn clear_headers_map_surely_with_samples() {
        let sheets = preview_events(csv_events(CLEAR), &no_template);
        let l = only_layout(&sheets);
        assert!(l.recognised);
        assert_eq!(l.header_row, 1);
        assert_eq!(l.headers, ["日期", "进口商", "出口商", "HS编码", "金额(USD)"]);
        assert_eq!(l.samples.len(), 2);
        assert_eq!(l.column_samples(1), ["ACME LTD", "BETA LLC"]);
        let m = l.mapping.as_ref().expect("mapped");
        assert_eq!(m.header_of(Field::Buyer), Some("进口商"));
        assert!(!l.needs_user(), "a clear file needs no questions: {:?}", m.unsure);
    }

    #[test]
    fn a_missing_value_column_is_reported_with_what_was_found() {
        let text = "日期,进口商,HS编码,备注\n2023-01-05,ACME LTD,7318159000,x\n";
        let sheets = preview_events(csv_events(text), &no_template);
        let l = only_layout(&sheets);
        assert!(l.needs_user());
        match &l.mapping {
            Err(MappingError::Missing { missing, found, .. }) => {
                assert_eq!(missing, &[Field::Value]);
                assert_eq!(found.get(&Field::Buyer), Some(&1), "the buyer column is offered as found");
            }
            other => panic!("expected a missing value, got {other:?}"),
        }
    }

    #[test]
    fn a_template_for_the_headers_makes_the_mapping_sure() {
        let text = "日期,进口商,HS编码,备注\n2023-01-05,ACME LTD,7318159000,1200\n";
        let sig = preview_events(csv_events(text), &no_template)[0].layout.as_ref().expect("layout").signature.clone();
        let mut saved = FieldMap::new();
        saved.insert(Field::Value, "备注".into());
        let template = move |s: &str| (s == sig).then(|| saved.clone());
        let sheets = preview_events(csv_events(text), &template);
        let l = only_layout(&sheets);
        let m = l.mapping.as_ref().expect("the template maps the value");
        assert_eq!(m.source, MappingSource::Template);
        assert_eq!(m.header_of(Field::Value), Some("备注"));
        assert!(!l.needs_user());
    }

    #[test]
    fn unrecognised_headers_offer_the_first_row_of_text() {
        let text = "甲列,乙列,丙列\nACME LTD,7318159000,1200\n";
        let sheets = preview_events(csv_events(text), &no_template);
        let l = only_layout(&sheets);
        assert!(!l.recognised);
        assert_eq!(l.headers, ["甲列", "乙列", "丙列"]);
        assert!(l.mapping.is_err());
        let file = FilePreview { path: "a.csv".into(), name: "a.csv".into(), sheets, error: None };
        assert!(file.layout_to_ask().is_some(), "a file with no recognisable sheet is asked about");
    }

    #[test]
    fn workbooks_are_previewed_sheet_by_sheet_and_a_notes_sheet_asks_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("book.xlsx");
        let mut book = Workbook::new();
        let notes = book.add_worksheet();
        notes.set_name("Notes").expect("name");
        notes.write_string(0, 0, "exported by the data provider").expect("write");
        notes.write_string(1, 0, "see the next sheet").expect("write");
        notes.write_string(1, 1, "thanks").expect("write");
        let data = book.add_worksheet();
        data.set_name("Data").expect("name");
        data.write_string(0, 0, "海关数据 2023").expect("write");
        for (c, h) in ["Date", "Importer", "Exporter", "HS Code", "Value USD"].iter().enumerate() {
            data.write_string(2, c as u16, *h).expect("write");
        }
        for r in 3..(3 + 3000u32) {
            data.write_string(r, 0, "2023-03-01").expect("write");
            data.write_string(r, 1, format!("BUYER {r}")).expect("write");
            data.write_string(r, 2, "NINGBO CO").expect("write");
            data.write_string(r, 3, "7318159000").expect("write");
            data.write_number(r, 4, f64::from(r)).expect("write");
        }
        book.save(&path).expect("save");
        let file = preview_file(&path, &no_template);
        assert_eq!(file.error, None);
        assert_eq!(file.sheets.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Notes", "Data"]);
        let l = file.sheets[1].layout.as_ref().expect("data layout");
        assert_eq!(l.header_row, 3, "below the banner and a blank row");
        assert_eq!(l.samples.len(), SAMPLE_VALUES);
        assert_eq!(l.samples[0][1], "BUYER 3");
        assert!(file.layout_to_ask().is_none(), "the notes sheet is skipped quietly, the data sheet maps surely");
    }

    #[test]
    fn a_head_read_stops_each_sheet_early_and_still_reads_every_sheet() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("two.xlsx");
        let mut book = Workbook::new();
        for name in ["A", "B"] {
            let sheet = book.add_worksheet();
            sheet.set_name(name).expect("name");
            for r in 0..50u32 {
                sheet.write_number(r, 0, f64::from(r)).expect("write");
            }
        }
        book.save(&path).expect("save");
        let csv = dir.path().join("lines.csv");
        std::fs::write(&csv, (1..=50).map(|i| format!("{i},x\n")).collect::<String>()).expect("write csv");
        for (file, sheets) in [(&path, 2), (&csv, 1)] {
            let mut seen: Vec<(String, Vec<u32>)> = Vec::new();
            read_file_head(file, Some(3), &mut |e| {
                match e {
                    SourceEvent::SheetStart { name, .. } => seen.push((name, Vec::new())),
                    SourceEvent::Rows(rows) => {
                        if let Some((_, numbers)) = seen.last_mut() {
                            numbers.extend(rows.iter().map(|r| r.number));
                        }
                    }
                    _ => {}
                }
                true
            })
            .expect("read");
            assert_eq!(seen.len(), sheets, "{file:?}");
            assert!(seen.iter().all(|(_, numbers)| numbers == &[1, 2, 3]), "{file:?}: {seen:?}");
        }
    }

    #[test]
    fn an_unreadable_file_has_its_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("broken.xlsx");
        std::fs::write(&path, b"PK\x03\x04 not really a zip").expect("write");
        let files = preview_files(&[path, dir.path().join("absent.csv")], &no_template);
        assert_eq!(files.len(), 2);
        assert!(files.iter().all(|f| f.error.is_some()), "{files:?}");
        assert!(files.iter().all(|f| f.layout_to_ask().is_none()));
    }
}
