//! HS code cells: `6907.21`, `6907 21 00`, `'0304 90`, numbers that lost their leading zero.

use crate::import::cell::{Cell, number_text};
use crate::model::{HsCode, HsError};

/// The digits of an HS cell with dots, spaces and dashes removed; `None` for an empty cell.
pub fn hs_digits(cell: &Cell) -> Option<String> {
    let text = match cell {
        Cell::Number(n) => number_text(*n),
        other => other.to_text(),
    };
    // `69072100.0` is a number written by a program, not the code 6907.2100.0.
    let text = match text.split_once('.') {
        Some((whole, fraction))
            if whole.len() >= 6
                && whole.bytes().all(|b| b.is_ascii_digit())
                && !fraction.is_empty()
                && fraction.bytes().all(|b| b == b'0') =>
        {
            whole.to_string()
        }
        _ => text,
    };
    let digits: String = text.chars().filter(|c| !matches!(c, '.' | ' ' | '-' | '\'' | '\u{a0}' | '_')).collect();
    (!digits.is_empty()).then_some(digits)
}

/// Builds the code, restoring a leading zero Excel dropped.
///
/// A code of chapters 01–09 stored as a number loses its first digit (`0304.90` → `30490`). Real
/// tariff codes have 6, 8 or 10 digits, so an odd length up to 9 gets its zero back; a longer odd
/// code gets one only when the column's usual length is one more (`column_len`), since some
/// countries file 11-digit codes (`69072190090`).
pub fn hs_code(digits: &str, column_len: Option<usize>) -> Result<HsCode, HsError> {
    let n = digits.len();
    let restore = n % 2 == 1 && (n <= 9 || column_len == Some(n + 1));
    if restore && digits.bytes().all(|b| b.is_ascii_digit()) {
        let padded = format!("0{digits}");
        return HsCode::from_digits(&padded);
    }
    HsCode::from_digits(digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Hs6;

    fn code(cell: Cell, column_len: Option<usize>) -> Result<String, HsError> {
        let digits = hs_digits(&cell).expect("digits");
        hs_code(&digits, column_len).map(|c| c.to_string())
    }

    #[test]
    fn removes_dots_and_spaces() {
        assert_eq!(code(Cell::Text("6907.21".into()), None), Ok("690721".into()));
        assert_eq!(code(Cell::Text("6907 21 00".into()), None), Ok("69072100".into()));
        assert_eq!(code(Cell::Number(69072100.0), None), Ok("69072100".into()));
        assert_eq!(code(Cell::Text("69072100.0".into()), None), Ok("69072100".into()), "a float written as text");
        assert_eq!(code(Cell::Text("731815.00".into()), None), Ok("731815".into()));
    }

    #[test]
    fn restores_a_lost_leading_zero() {
        assert_eq!(code(Cell::Number(30490.0), None), Ok("030490".into()));
        assert_eq!(code(Cell::Number(3049000.0), None), Ok("03049000".into()));
        assert_eq!(code(Cell::Number(803100000.0), Some(10)), Ok("0803100000".into()));
        // An 11-digit national code is not a 12-digit code that lost a zero.
        assert_eq!(code(Cell::Text("69072190090".into()), Some(11)), Ok("69072190090".into()));
        let hs = hs_code("30490", None).expect("code");
        assert_eq!(hs.hs6(), Hs6(30490));
    }

    #[test]
    fn refuses_headings_and_words() {
        assert!(matches!(code(Cell::Text("6907".into()), None), Err(HsError::TooShort(..))));
        assert!(matches!(code(Cell::Text("TILES".into()), None), Err(HsError::NotDigits(_))));
    }
}
