//! Excel and OpenDocument workbooks through calamine.

use super::{BATCH_ROWS, ReadError, Row, SourceEvent};
use crate::import::cell::Cell;
use crate::text::Message;
use calamine::{Data, DataRef, Reader, SheetType, SheetVisible, Xlsb, Xlsx, open_workbook, open_workbook_auto};
use std::io::{Read, Seek};
use std::path::Path;

/// Identical rows in a row beyond which a sheet is refused as forged.
const MAX_REPEATED_ROWS: usize = 10_000;

/// Excel's limits: a cell beyond them is damage or forgery, never data.
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLUMNS: u32 = 16_384;

/// Streams every worksheet of an .xlsx/.xlsm cell by cell; with `head`, only rows up to that row
/// number of each sheet.
pub fn read_xlsx(path: &Path, head: Option<u32>, emit: &mut dyn FnMut(SourceEvent) -> bool) -> Result<(), ReadError> {
    super::package_guard::check(path)?;
    let mut book: Xlsx<_> = open_workbook(path).map_err(|e| workbook_error(path, e))?;
    read_streaming(path, &mut book, head, emit)
}

/// Streams every worksheet of an .xlsb cell by cell; `head` as for [`read_xlsx`].
pub fn read_xlsb(path: &Path, head: Option<u32>, emit: &mut dyn FnMut(SourceEvent) -> bool) -> Result<(), ReadError> {
    super::package_guard::check(path)?;
    let mut book: Xlsb<_> = open_workbook(path).map_err(|e| workbook_error(path, e))?;
    read_streaming(path, &mut book, head, emit)
}

/// A workbook calamine can read cell by cell.
trait StreamingBook {
    fn sheets(&self) -> Vec<calamine::Sheet>;
    fn cells<'a>(&'a mut self, name: &str) -> Result<Box<dyn CellStream + 'a>, String>;
}

/// One sheet's cells in row-major order.
trait CellStream {
    fn rows_hint(&self) -> Option<u64>;
    fn next(&mut self) -> Result<Option<(u32, u32, Cell)>, String>;
}

fn read_streaming(
    path: &Path,
    book: &mut dyn StreamingBook,
    head: Option<u32>,
    emit: &mut dyn FnMut(SourceEvent) -> bool,
) -> Result<(), ReadError> {
    for sheet in book.sheets() {
        if !announce(&sheet, emit) {
            continue;
        }
        let mut cells = book.cells(&sheet.name).map_err(|e| workbook_error(path, e))?;
        if !emit(start(&sheet, cells.rows_hint())) {
            return Ok(());
        }
        let mut rows = RowAssembler::default();
        while let Some((r, c, value)) = cells.next().map_err(|e| workbook_error(path, e))? {
            // A cell Excel cannot hold (`ZZZZZZZ3`) would size a row of billions of cells.
            if r >= MAX_ROWS || c >= MAX_COLUMNS {
                let reason = crate::msg!("import.read.cell_beyond", sheet = &sheet.name, rows = MAX_ROWS, columns = MAX_COLUMNS);
                return Err(refuse(path, reason));
            }
            // A preview needs only the top of each sheet: the rest is skipped, not read.
            if head.is_some_and(|h| r >= h) {
                break;
            }
            if let Some(batch) = rows.push(r, c, value)
                && !emit(SourceEvent::Rows(batch))
            {
                return Ok(());
            }
        }
        if !finish_sheet(rows, emit) {
            return Ok(());
        }
    }
    Ok(())
}

fn rows_in(dims: calamine::Dimensions) -> Option<u64> {
    dims.end.0.checked_sub(dims.start.0).map(|h| u64::from(h) + 1)
}

/// A cell stream made of a closure, so readers whose types calamine does not export still fit.
struct FnStream<F> {
    hint: Option<u64>,
    next: F,
}

impl<F: FnMut() -> Result<Option<(u32, u32, Cell)>, String>> CellStream for FnStream<F> {
    fn rows_hint(&self) -> Option<u64> {
        self.hint
    }
    fn next(&mut self) -> Result<Option<(u32, u32, Cell)>, String> {
        (self.next)()
    }
}

/// Implements [`StreamingBook`] for a calamine workbook type with a `worksheet_cells_reader`.
macro_rules! streaming_book {
    ($book:ident) => {
        impl<RS: Read + Seek> StreamingBook for $book<RS> {
            fn sheets(&self) -> Vec<calamine::Sheet> {
                self.sheets_metadata().to_vec()
            }
            fn cells<'a>(&'a mut self, name: &str) -> Result<Box<dyn CellStream + 'a>, String> {
                let mut reader = self.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
                let hint = rows_in(reader.dimensions());
                let next = move || {
                    let cell = reader.next_cell().map_err(|e| e.to_string())?;
                    Ok(cell.map(|c| (c.get_position().0, c.get_position().1, convert_ref(c.get_value()))))
                };
                Ok(Box::new(FnStream { hint, next }))
            }
        }
    };
}

streaming_book!(Xlsx);
streaming_book!(Xlsb);

/// Reads .xls and .ods sheet by sheet (calamine has no streaming reader for these; they are small
/// by nature: .xls stops at 65,536 rows); `head` as for [`read_xlsx`].
pub fn read_whole_sheets(path: &Path, head: Option<u32>, emit: &mut dyn FnMut(SourceEvent) -> bool) -> Result<(), ReadError> {
    let mut book = open_workbook_auto(path).map_err(|e| workbook_error(path, e))?;
    for sheet in book.sheets_metadata().to_vec() {
        if !announce(&sheet, emit) {
            continue;
        }
        let range = book.worksheet_range(&sheet.name).map_err(|e| workbook_error(path, e))?;
        if !emit(start(&sheet, Some(range.height() as u64))) {
            return Ok(());
        }
        let (row0, col0) = range.start().unwrap_or((0, 0));
        let mut rows = RowAssembler::default();
        let (mut repeats, mut previous): (usize, Option<&[Data]>) = (0, None);
        for (i, row) in range.rows().enumerate() {
            if head.is_some_and(|h| row0 + i as u32 >= h) {
                break;
            }
            // An .ods row "repeated a billion times" arrives as a million copies (calamine stops at
            // Excel's row count): a run of identical non-empty rows that long is forgery, not trade.
            repeats = if previous == Some(row) && row.iter().any(|d| !matches!(d, Data::Empty)) { repeats + 1 } else { 0 };
            previous = Some(row);
            if repeats >= MAX_REPEATED_ROWS {
                let row = row0 + i as u32 + 1 - repeats as u32;
                let reason = crate::msg!("import.read.repeated_rows", sheet = &sheet.name, row = row, limit = MAX_REPEATED_ROWS);
                return Err(refuse(path, reason));
            }
            for (j, value) in row.iter().enumerate() {
                if matches!(value, Data::Empty) {
                    continue;
                }
                if let Some(batch) = rows.push(row0 + i as u32, col0 + j as u32, convert(value))
                    && !emit(SourceEvent::Rows(batch))
                {
                    return Ok(());
                }
            }
        }
        if !finish_sheet(rows, emit) {
            return Ok(());
        }
    }
    Ok(())
}

/// Reports non-table sheets as skipped; `true` when the sheet should be read.
fn announce(sheet: &calamine::Sheet, emit: &mut dyn FnMut(SourceEvent) -> bool) -> bool {
    let kind = match sheet.typ {
        SheetType::WorkSheet => return true,
        SheetType::ChartSheet => "import.term.chart_sheet",
        SheetType::DialogSheet => "import.term.dialog_sheet",
        SheetType::MacroSheet => "import.term.macro_sheet",
        SheetType::Vba => "import.term.vba_module",
    };
    let reason = crate::msg!("import.skip.not_a_table", kind = crate::text::Arg::Term(kind.into()));
    emit(SourceEvent::SheetSkipped { name: sheet.name.clone(), reason });
    false
}

fn start(sheet: &calamine::Sheet, total_rows: Option<u64>) -> SourceEvent {
    SourceEvent::SheetStart { name: sheet.name.clone(), total_rows, hidden: sheet.visible != SheetVisible::Visible }
}

fn finish_sheet(rows: RowAssembler, emit: &mut dyn FnMut(SourceEvent) -> bool) -> bool {
    let rest = rows.finish();
    (rest.is_empty() || emit(SourceEvent::Rows(rest))) && emit(SourceEvent::SheetEnd)
}

/// A workbook calamine (or zip beneath it) could not read: its words kept verbatim, inside a
/// sentence of ours when we know what they mean.
fn workbook_error(path: &Path, e: impl std::fmt::Display) -> ReadError {
    let detail = e.to_string();
    // A zip that ends early (a copy cut short, a download interrupted) says so in zip's words only.
    let detail =
        if ["EOCD", "invalid Zip archive", "unexpected EOF", "failed to fill whole buffer", "Zip error"].iter().any(|m| detail.contains(m))
        {
            crate::msg!("import.read.incomplete", detail = crate::import::parse::text::quoted(&detail))
        } else {
            Message::verbatim(detail)
        };
    refuse(path, detail)
}

/// A workbook refused for a reason of ours.
fn refuse(path: &Path, detail: Message) -> ReadError {
    ReadError::Workbook { path: path.to_path_buf(), detail }
}

/// Collects cells (arriving row by row, left to right) into rows, and rows into batches.
#[derive(Default)]
struct RowAssembler {
    current: Option<Row>,
    batch: Vec<Row>,
}

impl RowAssembler {
    /// Adds a cell at 0-based (row, column); returns a full batch when one is ready.
    fn push(&mut self, r: u32, c: u32, value: Cell) -> Option<Vec<Row>> {
        let mut ready = None;
        if self.current.as_ref().is_some_and(|row| row.number != r + 1) {
            if let Some(done) = self.current.take() {
                self.batch.push(done);
            }
            if self.batch.len() >= super::BATCH_ROWS {
                ready = Some(std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH_ROWS)));
            }
        }
        let row = self.current.get_or_insert_with(|| Row { number: r + 1, cells: Vec::new() });
        let c = c as usize;
        if row.cells.len() <= c {
            row.cells.resize(c + 1, Cell::Empty);
        }
        row.cells[c] = value;
        ready
    }

    fn finish(mut self) -> Vec<Row> {
        if let Some(done) = self.current.take() {
            self.batch.push(done);
        }
        self.batch
    }
}

fn convert_ref(value: &DataRef<'_>) -> Cell {
    match value {
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_string()),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => dt.as_datetime().map(Cell::DateTime).unwrap_or(Cell::Number(dt.as_f64())),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
        DataRef::Empty => Cell::Empty,
    }
}

fn convert(value: &Data) -> Cell {
    match value {
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => dt.as_datetime().map(Cell::DateTime).unwrap_or(Cell::Number(dt.as_f64())),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::Empty => Cell::Empty,
    }
}
