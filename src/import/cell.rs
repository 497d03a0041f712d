//! One spreadsheet cell, owned, as every reader (Excel, ODS, CSV, demo) hands it over.

use chrono::NaiveDateTime;
use serde::Serialize;

/// A cell value independent of the file format it came from.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Cell {
    /// Nothing in the cell.
    #[default]
    Empty,
    /// Text (CSV cells are always text).
    Text(String),
    /// A number (Excel stores all numbers as floats).
    Number(f64),
    /// A cell Excel formatted as a date or time.
    DateTime(NaiveDateTime),
    /// TRUE/FALSE.
    Bool(bool),
    /// An Excel error such as `#N/A`.
    Error(String),
}

impl Cell {
    /// True for an empty cell or one holding only spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as display text: numbers without a needless `.0`, dates as ISO.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) => number_text(*n),
            Cell::DateTime(dt) => {
                if dt.time() == chrono::NaiveTime::MIN {
                    dt.format("%Y-%m-%d").to_string()
                } else {
                    dt.format("%Y-%m-%d %H:%M:%S").to_string()
                }
            }
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// `69072100.0` as `69072100`, `12.5` as `12.5`.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}") }
}

/// A cell as it goes into the per-row JSON of columns that map to no field.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ExtraValue {
    /// Text, dates and errors.
    Text(String),
    /// Numbers stay numbers.
    Number(f64),
    /// Nothing.
    Null,
}

impl From<&Cell> for ExtraValue {
    fn from(cell: &Cell) -> ExtraValue {
        match cell {
            Cell::Number(n) if n.is_finite() => ExtraValue::Number(*n),
            c if c.is_blank() => ExtraValue::Null,
            c => ExtraValue::Text(c.to_text()),
        }
    }
}

/// Excel's letter for a 0-based column index: 0 → `A`, 26 → `AA`.
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_print_like_a_spreadsheet_shows_them() {
        assert_eq!(Cell::Number(69072100.0).to_text(), "69072100");
        assert_eq!(Cell::Number(12.5).to_text(), "12.5");
        assert!(Cell::Text("  ".into()).is_blank());
    }
}

#[cfg(test)]
mod letter_tests {
    use super::column_letter;

    #[test]
    fn letters_like_excel() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
