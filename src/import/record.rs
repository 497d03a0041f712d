//! One row to one typed record, or a rejection that names the column and the reason.

use super::cell::{Cell, ExtraValue};
use super::field::Field;
use super::mapping::{Mapping, ValueSource};
use super::parse::date::date_from_cell;
use super::parse::hs::{hs_code, hs_digits};
use super::parse::number::{DecimalMark, NumberError, currency_code, number_from_cell, usd_from_cell};
use super::parse::text::{clean_text, is_masked_party, is_null_token, quoted, shortened};
use super::source::Row;
use crate::model::{Cents, HsCode, RecordDate};
use crate::msg;
use crate::text::{Arg, Message};
use chrono::Datelike;
use serde::Serialize;

/// A customs record as read from a row, before companies are resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedRecord {
    /// Row number in the sheet.
    pub row: u32,
    /// Day or month.
    pub date: RecordDate,
    /// Buyer name as written (spaces tidied).
    pub buyer: String,
    /// The buyer's local-language name, when the file has one.
    pub buyer_local: Option<String>,
    /// The buyer came from the notify party because the consignee was "to the order of".
    pub buyer_from_notify: bool,
    /// Supplier name as written.
    pub supplier: Option<String>,
    /// The supplier's local-language name.
    pub supplier_local: Option<String>,
    /// Tariff code.
    pub hs: HsCode,
    /// How many codes the HS cell listed (`3207.10; 3923.10` → 2; the first is kept).
    pub hs_listed: usize,
    /// Goods description.
    pub description: Option<String>,
    /// Quantity.
    pub quantity: Option<f64>,
    /// Quantity unit.
    pub unit: Option<String>,
    /// Weight in kg.
    pub weight_kg: Option<f64>,
    /// Value in USD cents.
    pub value: Cents,
    /// The file gave no value for this shipment (kept at zero: it counts for who buys from whom).
    pub value_unknown: bool,
    /// Country of origin.
    pub origin: Option<String>,
    /// Destination country.
    pub destination: Option<String>,
    /// Port.
    pub port: Option<String>,
    /// Bill of lading number.
    pub bill_of_lading: Option<String>,
    /// Declaration number.
    pub declaration: Option<String>,
    /// Values of the columns mapped to no field, in `Mapping::extra_columns` order.
    pub extra: Vec<ExtraValue>,
}

/// A row that could not be imported, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rejection {
    /// Row number in the sheet.
    pub row: u32,
    /// Header of the offending column (empty when the whole row is at fault).
    pub column: String,
    /// Plain-language reason.
    pub reason: Message,
    /// The row's cells as text, so the user sees what was refused.
    #[serde(skip)]
    pub raw: Vec<String>,
}

/// The longest cell read as a name, code, date or amount (bytes).
const MAX_FIELD_BYTES: usize = 1_000;

/// The longest goods description read (bytes; Excel holds at most 32,767 characters in a cell).
const MAX_DESCRIPTION_BYTES: usize = 40_000;

/// Reads one data row with a sheet's mapping.
pub fn parse_row(row: &Row, m: &Mapping) -> Result<ParsedRecord, Rejection> {
    let cell = |f: Field| m.columns.get(&f).and_then(|i| row.cells.get(*i)).unwrap_or(&Cell::Empty);
    let text = |f: Field| if let Cell::Text(t) = cell(f) { clean_text(t) } else { clean_text(&cell(f).to_text()) };
    let reject = |f: Field, reason: Message| Rejection {
        row: row.number,
        column: m.header_of(f).unwrap_or_default().to_string(),
        reason,
        raw: row.cells.iter().map(|c| shortened(&c.to_text(), MAX_FIELD_BYTES)).collect(),
    };

    // A cell longer than any real one (a name of megabytes, often lines glued by a broken quote)
    // is refused with the row rather than carried into every list and report.
    for (field, col) in &m.columns {
        if let Some(Cell::Text(t)) = row.cells.get(*col) {
            let cap = if *field == Field::Description { MAX_DESCRIPTION_BYTES } else { MAX_FIELD_BYTES };
            if t.trim_start().starts_with('"') && t.matches('"').count() == 1 {
                return Err(reject(*field, msg!("import.reject.open_quote")));
            }
            if t.len() > cap {
                return Err(reject(*field, msg!("import.reject.too_long", chars = t.chars().count(), field = *field, cap = cap)));
            }
        }
    }
    let date = read_date(row, m).map_err(|(f, reason)| reject(f, reason))?;

    let mut buyer_from_notify = false;
    let buyer = match text(Field::Buyer) {
        None => return Err(reject(Field::Buyer, msg!("import.reject.buyer_empty"))),
        Some(name) if is_masked_party(&name) => match text(Field::Notify).filter(|n| !is_masked_party(n)) {
            Some(notify) => {
                buyer_from_notify = true;
                notify
            }
            None => return Err(reject(Field::Buyer, msg!("import.reject.buyer_hidden", name = name))),
        },
        Some(name) => name,
    };
    // A name cell that reads as one of the sheet's column names (`Date`) is a damaged cell — a
    // workbook's broken shared-string index reads as its first string — never a company.
    if m.is_header_name(&buyer) {
        return Err(reject(Field::Buyer, msg!("import.reject.buyer_is_header", name = quoted(&buyer))));
    }

    let hs_cell = cell(Field::Hs);
    let listed = first_of_listed_codes(hs_cell);
    let hs_listed = listed.as_ref().map_or(1, |(_, n)| *n);
    let digits = hs_digits(listed.as_ref().map_or(hs_cell, |(c, _)| c))
        .filter(|d| !is_null_token(d))
        .ok_or_else(|| reject(Field::Hs, msg!("import.reject.hs_empty")))?;
    let hs = hs_code(&digits, m.hs_len).map_err(|e| reject(Field::Hs, e.message()))?;

    let (year, month) = (date.day.year(), date.day.month());
    let dollars = match m.value {
        // A shipment whose value cell is empty (bills of lading often carry none) still says who
        // bought what from whom, by weight: kept, its value unknown (zero), and counted.
        ValueSource::Column(i) if row.cells.get(i).is_none_or(is_empty_amount) => 0.0,
        ValueSource::Column(i) => {
            let amount =
                read_usd(row.cells.get(i).unwrap_or(&Cell::Empty), m.mark(i)).map_err(|r| reject(Field::Value, r))? * m.value_scale;
            let code = m.row_currency.and_then(|c| row.cells.get(c)).and_then(|c| currency_code(&c.to_text()));
            if code.is_none() && m.currency_required {
                return Err(reject(Field::Currency, msg!("import.reject.no_currency")));
            }
            match code.filter(|c| c != "USD") {
                None => amount,
                Some(code) => amount / reference_rate(&code, year, month).map_err(|r| reject(Field::Currency, r))?,
            }
        }
        ValueSource::Derived { local, rate } => {
            let amount = read_usd_like(row.cells.get(local), m.mark(local)).map_err(|r| reject(Field::LocalValue, r))? * m.value_scale;
            let per_usd = read_usd_like(row.cells.get(rate), m.mark(rate)).map_err(|r| reject(Field::ExchangeRate, r))?;
            if per_usd <= 0.0 {
                return Err(reject(Field::ExchangeRate, msg!("import.reject.bad_rate", rate = per_usd)));
            }
            amount / per_usd
        }
        ValueSource::Reference { local, currency } => {
            let amount = read_usd_like(row.cells.get(local), m.mark(local)).map_err(|r| reject(Field::LocalValue, r))? * m.value_scale;
            amount / reference_rate(currency, year, month).map_err(|r| reject(Field::LocalValue, r))?
        }
    };
    let value = Cents::from_dollars(dollars).ok_or_else(|| {
        let shown = if dollars.abs() < 1e15 { format!("{dollars:.0}") } else { format!("{dollars:.3e}") };
        reject(Field::Value, msg!("import.reject.value_too_large", value = shown, max = Cents::MAX_RECORD.to_string()))
    })?;

    let number = |f: Field| number_from_cell(cell(f), m.mark_of(f)).ok().filter(|n| n.is_finite());
    let supplier = text(Field::Supplier).filter(|s| !is_masked_party(s));
    if let Some(name) = supplier.as_deref().filter(|s| m.is_header_name(s)) {
        return Err(reject(Field::Supplier, msg!("import.reject.supplier_is_header", name = quoted(name))));
    }
    let extra = extra_values(row, m);
    let value_unknown = matches!(m.value, ValueSource::Column(i) if row.cells.get(i).is_none_or(is_empty_amount));
    Ok(ParsedRecord {
        row: row.number,
        value_unknown,
        date,
        // The local name belongs to the hidden consignee, not to the notify party standing in for it.
        buyer_local: text(Field::BuyerLocal).filter(|l| *l != buyer && !buyer_from_notify),
        buyer,
        buyer_from_notify,
        supplier_local: text(Field::SupplierLocal).filter(|l| Some(l) != supplier.as_ref()),
        supplier,
        hs,
        hs_listed,
        description: text(Field::Description),
        quantity: number(Field::Quantity),
        unit: text(Field::Unit),
        weight_kg: number(Field::Weight).map(|w| w * m.weight_scale),
        value,
        origin: text(Field::Origin),
        destination: text(Field::Destination),
        port: text(Field::Port),
        bill_of_lading: text(Field::BillOfLading),
        declaration: text(Field::Declaration),
        extra,
    })
}

/// A cell listing several codes (`3207.10; 3923.10; 4819.20`) stands for its first, so a shipment
/// with a buyer, a date and a value is never lost to an odd HS cell: the cell to read and how many
/// codes it listed (`None` for an ordinary cell).
fn first_of_listed_codes(cell: &Cell) -> Option<(Cell, usize)> {
    let Cell::Text(t) = cell else { return None };
    if !t.contains([';', ',', '/', '|', '\n', '、', '；', '，']) {
        return None;
    }
    let parts: Vec<&str> = t.split([';', ',', '/', '|', '\n', '、', '；', '，']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let is_code = |p: &&str| {
        let digits = p.chars().filter(char::is_ascii_digit).count();
        (4..=12).contains(&digits) && p.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ' ' | '-'))
    };
    (parts.len() > 1 && parts.iter().all(is_code)).then(|| (Cell::Text(parts[0].to_string()), parts.len()))
}

/// Units of `code` per US dollar in the record's month, from the reference table, or why not.
fn reference_rate(code: &str, year: i32, month: u32) -> Result<f64, Message> {
    match super::fx::per_usd(code, year, month) {
        Some(rate) => Ok(rate.per_usd),
        None if super::fx::knows(code) => {
            Err(msg!("import.reject.no_rate_for_month", currency = code, month = format!("{year}-{month:02}")))
        }
        None => Err(msg!("import.reject.no_rate", currency = code)),
    }
}

/// The date, else the month; names the column at fault when neither reads.
fn read_date(row: &Row, m: &Mapping) -> Result<RecordDate, (Field, Message)> {
    let get = |f: Field| m.columns.get(&f).map(|i| row.cells.get(*i).unwrap_or(&Cell::Empty));
    let date_cell = get(Field::Date);
    if let Some(d) = date_cell.and_then(|c| date_from_cell(c, m.day_order)) {
        return Ok(d);
    }
    // A month column holds months even when its cells are dates (`2025-07-01` shown as `Jul 2025`).
    if let Some(d) = get(Field::Month).and_then(|c| date_from_cell(c, m.day_order)) {
        return RecordDate::month(d.day.year(), d.day.month())
            .ok_or_else(|| (Field::Month, msg!("import.reject.not_a_month", text = d.day.to_string())));
    }
    let (field, cell) = match (date_cell, get(Field::Month)) {
        (Some(c), _) if !c.is_blank() => (Field::Date, c),
        (_, Some(c)) => (Field::Month, c),
        (Some(c), None) => (Field::Date, c),
        (None, None) => (Field::Date, &Cell::Empty),
    };
    let text = cell.to_text();
    let reason = if cell.is_blank() || matches!(cell, Cell::Text(t) if is_null_token(t)) {
        msg!("import.reject.date_empty", field = field)
    } else if matches!(cell, Cell::Error(_)) {
        msg!("import.reject.date_error_cell", text = quoted(&text))
    } else if text.trim().get(..4).is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit())) {
        // Year first (`2024-13-45`): the day order is not in question.
        msg!("import.reject.not_a_date", text = quoted(&text))
    } else {
        let order = match m.day_order {
            super::parse::date::DayOrder::DayFirst => "import.term.day_first",
            super::parse::date::DayOrder::MonthFirst => "import.term.month_first",
        };
        msg!("import.reject.not_a_date_in_order", text = quoted(&text), order = Arg::Term(order.into()))
    };
    Err((field, reason))
}

/// An amount cell that holds nothing: blank, or a placeholder such as `NULL` or `-`.
fn is_empty_amount(cell: &Cell) -> bool {
    cell.is_blank() || matches!(cell, Cell::Text(t) if is_null_token(t))
}

fn read_usd(cell: &Cell, mark: DecimalMark) -> Result<f64, Message> {
    if is_empty_amount(cell) {
        return Err(msg!("import.reject.value_empty"));
    }
    usd_from_cell(cell, mark).map_err(|e| match e {
        NumberError::OtherCurrency(text, cur) => msg!("import.reject.other_currency", text = text, currency = cur),
        NumberError::NotANumber(text) => msg!("import.reject.not_an_amount", text = text),
    })
}

fn read_usd_like(cell: Option<&Cell>, mark: DecimalMark) -> Result<f64, Message> {
    let cell = cell.unwrap_or(&Cell::Empty);
    number_from_cell(cell, mark).map_err(|_| {
        if cell.is_blank() { msg!("import.reject.value_empty") } else { msg!("import.reject.not_a_number", text = quoted(&cell.to_text())) }
    })
}

/// The unmapped columns' values; cells beyond the known columns are appended so nothing is lost.
fn extra_values(row: &Row, m: &Mapping) -> Vec<ExtraValue> {
    let mut out: Vec<ExtraValue> = m.extra_columns.iter().map(|i| row.cells.get(*i).map_or(ExtraValue::Null, ExtraValue::from)).collect();
    let known = m.headers.len().max(m.extra_columns.last().map_or(0, |l| l + 1));
    out.extend(row.cells.iter().skip(known).map(ExtraValue::from));
    while out.last() == Some(&ExtraValue::Null) {
        out.pop();
    }
    out
}
