//! What a column's sample values say about the field it holds: a `DATE` header over text that never
//! parses as a date (`00:00.0`) is not the date column.

use super::cell::Cell;
use super::field::Field;
use super::parse::date::{DayOrder, DayOrderEvidence, date_from_cell, day_order_evidence};
use super::parse::hs::{hs_code, hs_digits};
use super::parse::number::{DecimalMark, currency_code, number_from_cell};
use super::parse::text::is_null_token;
use super::source::Row;

/// How a sample of one column fits a field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// Share of rows with a value at all.
    pub filled: f64,
    /// Share of the filled values that read as the field's type.
    pub parsed: f64,
    /// Every number read was zero.
    pub all_zero: bool,
}

impl Fit {
    /// The score adjustment for this fit; `None` when the column cannot hold the field.
    pub fn adjustment(&self, field: Field) -> Option<i32> {
        if self.filled > 0.0 && self.parsed < 0.5 {
            return None;
        }
        let mut adj = (self.parsed * 30.0 + self.filled * 10.0) as i32;
        if self.filled == 0.0 {
            adj -= 25;
        }
        if self.all_zero && matches!(field, Field::Value | Field::LocalValue) {
            adj -= 15;
        }
        Some(adj)
    }
}

/// The cells of column `col` that hold something other than a placeholder.
fn values(sample: &[Row], col: usize) -> impl Iterator<Item = &Cell> {
    sample.iter().filter_map(move |r| r.cells.get(col)).filter(|c| match c {
        Cell::Text(t) => !is_null_token(t),
        c => !c.is_blank(),
    })
}

/// What a date column's text values say about its day order.
pub fn day_order(sample: &[Row], col: usize) -> DayOrderEvidence {
    day_order_evidence(values(sample, col).filter_map(|c| if let Cell::Text(t) = c { Some(t.as_str()) } else { None }))
}

/// The decimal mark of the sheet's numbers written as text, read from the given columns.
pub fn decimal_mark(sample: &[Row], cols: &[usize]) -> DecimalMark {
    let texts = cols.iter().flat_map(|c| values(sample, *c)).filter_map(|c| if let Cell::Text(t) = c { Some(t.as_str()) } else { None });
    super::parse::number::infer_decimal_mark(texts)
}

/// The usual digit count of an HS column, to tell a lost leading zero from a long national code.
pub fn usual_hs_len(sample: &[Row], col: usize) -> Option<usize> {
    let mut counts = std::collections::BTreeMap::new();
    for digits in values(sample, col).filter_map(hs_digits) {
        *counts.entry(digits.len()).or_insert(0usize) += 1;
    }
    counts.into_iter().max_by_key(|(len, n)| (*n, *len)).map(|(len, _)| len)
}

/// Measures how column `col` of the sample fits `field`.
pub fn fit(field: Field, sample: &[Row], col: usize) -> Fit {
    let rows = sample.len().max(1) as f64;
    let present: Vec<&Cell> = values(sample, col).collect();
    let filled = present.len() as f64 / rows;
    if present.is_empty() {
        return Fit { filled: 0.0, parsed: 0.0, all_zero: false };
    }
    let numeric = matches!(field, Field::Value | Field::LocalValue | Field::ExchangeRate | Field::Quantity | Field::Weight);
    let mut all_zero = numeric;
    let ok = match field {
        Field::Date | Field::Month => {
            let order = match day_order(sample, col) {
                DayOrderEvidence::Decided(order) => order,
                _ => DayOrder::DayFirst,
            };
            present.iter().filter(|c| date_from_cell(c, order).is_some()).count()
        }
        Field::Hs => {
            let len = usual_hs_len(sample, col);
            present.iter().filter(|c| hs_digits(c).is_some_and(|d| hs_code(&d, len).is_ok())).count()
        }
        Field::Value | Field::LocalValue | Field::ExchangeRate | Field::Quantity | Field::Weight => {
            present.iter().filter_map(|c| number_from_cell(c, DecimalMark::Unknown).ok()).inspect(|n| all_zero &= *n == 0.0).count()
        }
        Field::Buyer
        | Field::BuyerLocal
        | Field::Supplier
        | Field::SupplierLocal
        | Field::Notify
        | Field::Description
        | Field::Unit
        | Field::Origin
        | Field::Destination
        | Field::Port => present.iter().filter(|c| matches!(c, Cell::Text(t) if t.chars().any(char::is_alphabetic))).count(),
        Field::BillOfLading | Field::Declaration => present.len(),
        Field::Currency => present.iter().filter(|c| matches!(c, Cell::Text(t) if currency_code(t).is_some())).count(),
    };
    if ok == 0 {
        all_zero = false;
    }
    Fit { filled, parsed: ok as f64 / present.len() as f64, all_zero }
}
