//! Numbers and money written by people and by spreadsheets: `1,234.50`, `1.234,50`, `US$ 1 234`,
//! `(500)`, `１２３４`, `1.01225E+11`, `12 KG`.

use thiserror::Error;
use unicode_normalization::UnicodeNormalization;

/// Why a cell is not a usable number.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NumberError {
    /// Nothing numeric in the text.
    #[error("'{0}' is not a number")]
    NotANumber(String),
    /// A money cell in a currency other than US dollars.
    #[error("'{0}' is in {1}, not US dollars")]
    OtherCurrency(String, String),
}

/// Markers of US dollars, accepted around an amount (compared upper-cased, without spaces).
const USD_MARKERS: &[&str] = &["USD", "US$", "US", "$", "U.S.$", "USD$", "美元", "美金", "DOLLARS", "DOLLAR"];

/// Currency markers that mean the amount is not in dollars.
const OTHER_CURRENCIES: &[&str] = &[
    "EUR",
    "€",
    "RMB",
    "CNY",
    "¥",
    "￥",
    "元",
    "人民币",
    "GBP",
    "£",
    "JPY",
    "INR",
    "₹",
    "BDT",
    "TK",
    "KES",
    "BRL",
    "R$",
    "MXN",
    "PEN",
    "S/",
    "VND",
    "₫",
    "AMD",
    "BWP",
    "AOA",
    "HKD",
    "TWD",
    "KRW",
    "₩",
    "RUB",
    "₽",
    "AUD",
    "CAD",
];

/// Parses a plain number; any unit or word around it (`12 KG`, `5 件`) is ignored.
pub fn parse_number(text: &str) -> Result<f64, NumberError> {
    let (core, _affix, negative) = split_affixes(text)?;
    read_core(&core, negative).ok_or_else(|| NumberError::NotANumber(text.trim().to_string()))
}

/// Parses an amount that must be in US dollars: dollar markers are fine, another currency is refused.
pub fn parse_usd(text: &str) -> Result<f64, NumberError> {
    let (core, affix, negative) = split_affixes(text)?;
    let marker: String = affix.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    if !marker.is_empty() && !USD_MARKERS.iter().any(|m| *m == marker) {
        if let Some(other) = OTHER_CURRENCIES.iter().find(|c| marker.contains(**c)) {
            return Err(NumberError::OtherCurrency(text.trim().to_string(), (*other).to_string()));
        }
        return Err(NumberError::NotANumber(text.trim().to_string()));
    }
    read_core(&core, negative).ok_or_else(|| NumberError::NotANumber(text.trim().to_string()))
}

/// Splits `US$ (1,234.50)` into the numeric core `1,234.50`, the affix text `US$` and the sign.
fn split_affixes(text: &str) -> Result<(String, String, bool), NumberError> {
    // Full-width digits and separators (１２３，４５６．７８) become ASCII.
    let normalised: String = if text.is_ascii() { text.trim().to_string() } else { text.nfkc().collect::<String>().trim().to_string() };
    let is_core = |c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | '\'' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}');
    let first = normalised.find(|c: char| c.is_ascii_digit());
    let Some(first) = first else {
        return Err(NumberError::NotANumber(text.trim().to_string()));
    };
    let last = normalised.rfind(|c: char| c.is_ascii_digit()).unwrap_or(first);
    let mut prefix = normalised[..first].to_string();
    let mut core = normalised[first..=last].to_string();
    let mut suffix = normalised[last + 1..].to_string();
    // Scientific notation (1.01225E+11) is a number as it stands.
    if let Some(pos) = core.find(['e', 'E']) {
        let (mantissa, exponent) = core.split_at(pos);
        if !mantissa.contains(',') && exponent[1..].trim_start_matches(['+', '-']).bytes().all(|b| b.is_ascii_digit()) {
            let negative = prefix.trim_end().ends_with('-');
            if negative {
                prefix = prefix.trim_end().trim_end_matches('-').to_string();
            }
            let value: f64 = core.parse().map_err(|_| NumberError::NotANumber(text.trim().to_string()))?;
            return Ok((format_plain(value), format!("{prefix}{suffix}"), negative));
        }
    }
    if !core.chars().all(is_core) {
        return Err(NumberError::NotANumber(text.trim().to_string()));
    }
    let mut negative = false;
    let trimmed_prefix = prefix.trim_end();
    if let Some(p) = trimmed_prefix.strip_suffix('-') {
        negative = true;
        prefix = p.to_string();
    } else if let Some(p) = trimmed_prefix.strip_suffix('(')
        && let Some(s) = suffix.trim_start().strip_prefix(')')
    {
        negative = true;
        prefix = p.to_string();
        suffix = s.to_string();
    }
    if let Some(s) = suffix.trim_start().strip_prefix('-') {
        negative = true;
        suffix = s.to_string();
    }
    // A decimal point written before the first digit: `.5`.
    if prefix.ends_with('.') {
        prefix.pop();
        core.insert(0, '.');
    }
    core.retain(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\''));
    Ok((core, format!("{}{}", prefix.trim(), suffix.trim()), negative))
}

fn format_plain(value: f64) -> String {
    format!("{value}")
}

/// Reads `1,234.50` / `1.234,50` / `12,5` / `1.234.567`: the last separator is the decimal one unless
/// it is followed by exactly three digits in a run of groups.
fn read_core(core: &str, negative: bool) -> Option<f64> {
    let dots = core.matches('.').count();
    let commas = core.matches(',').count();
    let plain: String = match (dots, commas) {
        (0, 0) => core.to_string(),
        (_, 0) if dots == 1 => core.to_string(),
        (_, 0) => core.replace('.', ""),
        (0, 1) => {
            let after = core.len() - core.find(',')? - 1;
            if after == 3 && !core.starts_with(',') { core.replace(',', "") } else { core.replace(',', ".") }
        }
        (0, _) => core.replace(',', ""),
        _ => {
            let last_dot = core.rfind('.')?;
            let last_comma = core.rfind(',')?;
            if last_dot > last_comma {
                if dots > 1 {
                    return None;
                }
                core.replace(',', "")
            } else {
                if commas > 1 {
                    return None;
                }
                core.replace('.', "").replace(',', ".")
            }
        }
    };
    let value: f64 = plain.parse().ok()?;
    value.is_finite().then_some(if negative { -value } else { value })
}

/// A number from a cell: numeric cells as they are, text parsed.
pub fn number_from_cell(cell: &crate::import::cell::Cell) -> Result<f64, NumberError> {
    use crate::import::cell::Cell;
    match cell {
        Cell::Number(n) if n.is_finite() => Ok(*n),
        Cell::Text(t) => parse_number(t),
        other => Err(NumberError::NotANumber(other.to_text())),
    }
}

/// A US-dollar amount from a cell: numeric cells as they are, text parsed with currency markers.
pub fn usd_from_cell(cell: &crate::import::cell::Cell) -> Result<f64, NumberError> {
    use crate::import::cell::Cell;
    match cell {
        Cell::Number(n) if n.is_finite() => Ok(*n),
        Cell::Text(t) => parse_usd(t),
        other => Err(NumberError::NotANumber(other.to_text())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: f64) {
        let got = parse_usd(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert!((got - expected).abs() < 1e-9, "{text:?}: got {got}, want {expected}");
    }

    #[test]
    fn reads_the_ways_people_write_amounts() {
        check("1,234.50", 1234.5);
        check("1.234,50", 1234.5);
        check("1 234 567", 1_234_567.0);
        check("1'234.5", 1234.5);
        check("12,5", 12.5);
        check("1,234", 1234.0);
        check("1.234.567", 1_234_567.0);
        check("USD 1,234.56", 1234.56);
        check("US$1,000", 1000.0);
        check("$ 99.90", 99.9);
        check("1000美元", 1000.0);
        check("１２３，４５６．７８", 123_456.78);
        check("(500.00)", -500.0);
        check("-42", -42.0);
        check("42-", -42.0);
        check("1.01225E+11", 1.01225e11);
        check(".5", 0.5);
        check("0", 0.0);
    }

    #[test]
    fn refuses_other_currencies_and_words() {
        assert!(matches!(parse_usd("EUR 1.000,00"), Err(NumberError::OtherCurrency(_, c)) if c == "EUR"));
        assert!(matches!(parse_usd("¥500"), Err(NumberError::OtherCurrency(..))));
        assert!(matches!(parse_usd("about a thousand"), Err(NumberError::NotANumber(_))));
        assert!(matches!(parse_usd("12 boxes"), Err(NumberError::NotANumber(_))));
        assert!(parse_usd("1,2,3.4.5").is_err());
    }

    #[test]
    fn plain_numbers_ignore_units() {
        assert_eq!(parse_number("12,000 KG"), Ok(12000.0));
        assert_eq!(parse_number("5 件"), Ok(5.0));
        assert!(parse_number("KG").is_err());
    }
}
