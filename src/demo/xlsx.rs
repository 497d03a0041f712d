//! Writing the demo data as a spreadsheet shaped like a data provider's export.
//!
//! The layout has the quirks the importer must cope with: a title banner above the header row, a
//! blank row, Chinese headers, real Excel dates, numbers as numbers and HS codes as text.

use std::path::Path;

use chrono::Datelike;
use rust_xlsxwriter::{Color, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use super::{DemoError, DemoOptions, DemoRow, HEADERS, generate};

/// The banner in cell A1.
const TITLE: &str = "Customs Radar 演示数据 · 海关进口明细 (synthetic demo data)";
/// Row (0-based) of the header; data follows directly below.
const HEADER_ROW: u32 = 2;
/// Column widths in characters, matching `HEADERS`.
const WIDTHS: [f64; 13] = [12.0, 40.0, 40.0, 11.0, 40.0, 12.0, 6.0, 12.0, 14.0, 12.0, 22.0, 16.0, 18.0];

/// The cell formats used, built once.
struct Formats {
    date: Format,
    whole: Format,
    money: Format,
}

/// Writes an .xlsx: row 1 a title banner "Customs Radar 演示数据 · 海关进口明细 (synthetic demo
/// data)", row 2 blank, row 3 = HEADERS, data from row 4; returns the rows written.
pub fn write_xlsx(path: &Path, opts: &DemoOptions) -> Result<u64, DemoError> {
    let mut workbook = Workbook::new();
    // Constant-memory mode streams each finished row to a temporary file, so a million rows stay
    // small in memory; it requires writing rows strictly in order, which the generator does.
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name("进口明细")?;
    for (col, width) in WIDTHS.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    let title = Format::new().set_bold().set_font_size(14);
    sheet.write_string_with_format(0, 0, TITLE, &title)?;
    let header = Format::new().set_bold().set_background_color(Color::RGB(0xDDEBF7)).set_border_bottom(FormatBorder::Thin);
    for (col, text) in HEADERS.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, col as u16, *text, &header)?;
    }
    let formats = Formats {
        date: Format::new().set_num_format("yyyy-mm-dd"),
        whole: Format::new().set_num_format("#,##0"),
        money: Format::new().set_num_format("#,##0.00"),
    };

    // The generator streams rows through a callback that cannot return an error, so the first
    // failure is kept and the remaining rows are skipped.
    let mut failure: Option<XlsxError> = None;
    let mut next_row = HEADER_ROW + 1;
    let mut written = 0u64;
    generate(opts, &mut |row: &DemoRow| {
        if failure.is_some() {
            return;
        }
        match write_row(sheet, next_row, row, &formats) {
            Ok(()) => {
                next_row += 1;
                written += 1;
            }
            Err(e) => failure = Some(e),
        }
    });
    if let Some(e) = failure {
        return Err(e.into());
    }
    workbook.save(path)?;
    Ok(written)
}

/// Writes one record into worksheet row `r`.
fn write_row(sheet: &mut Worksheet, r: u32, row: &DemoRow, f: &Formats) -> Result<(), XlsxError> {
    let d = row.date;
    // Demo dates lie in 2022-2026, so the narrowing casts are exact.
    let date = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
    sheet.write_datetime_with_format(r, 0, date, &f.date)?;
    sheet.write_string(r, 1, row.buyer.as_str())?;
    sheet.write_string(r, 2, row.supplier.as_str())?;
    sheet.write_string(r, 3, row.hs.as_str())?;
    sheet.write_string(r, 4, row.description.as_str())?;
    sheet.write_number_with_format(r, 5, row.quantity, &f.whole)?;
    sheet.write_string(r, 6, row.unit)?;
    sheet.write_number_with_format(r, 7, row.weight_kg, &f.whole)?;
    sheet.write_number_with_format(r, 8, row.value_usd, &f.money)?;
    sheet.write_string(r, 9, row.origin)?;
    sheet.write_string(r, 10, row.destination.as_str())?;
    sheet.write_string(r, 11, row.port.as_str())?;
    sheet.write_string(r, 12, row.bill_of_lading.as_str())?;
    Ok(())
}
