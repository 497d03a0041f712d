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

/// The currency a cell of a currency column names: `USD` for any dollar marker, else its ISO code
/// (three letters) or sign as written; `None` when the text is not a currency.
pub fn currency_code(text: &str) -> Option<String> {
    let t: String = text.trim().chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    if t.is_empty() {
        return None;
    }
    if super::text::is_null_token(text.trim()) {
        return None;
    }
    if USD_MARKERS.contains(&t.as_str())
        || ["USDOLLAR", "USDOLLARS", "840", "DOLAR", "DÓLAR", "DOLARES", "DÓLARES", "DÓLAR AMERICANO"].contains(&t.as_str())
    {
        return Some("USD".into());
    }
    // Names and signs the reference table knows by another spelling (`RMB`, `人民币`, `€`, `EURO`).
    if let Some(code) = crate::import::fx::iso_code(&t) {
        return Some(code.to_string());
    }
    if t == "978" {
        return Some("EUR".into());
    }
    if t.len() == 3 && t.bytes().all(|b| b.is_ascii_uppercase()) {
        return Some(t);
    }
    OTHER_CURRENCIES.iter().find(|c| t == **c).map(|c| (*c).to_string())
}

/// Which mark separates decimals in a sheet's numbers written as text.
///
/// `1.500` is one and a half in Shanghai and fifteen hundred in São Paulo: a single separator
/// followed by three digits cannot be read alone, so the sheet's other numbers decide
/// ([`infer_decimal_mark`]), as day order is decided per column for dates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecimalMark {
    /// Nothing decided: a lone separator before three digits groups thousands, otherwise it is the
    /// decimal mark.
    #[default]
    Unknown,
    /// `1,234.50`.
    Point,
    /// `1.234,50`.
    Comma,
}

/// Reads the decimal mark from sample texts: `1.234,50` or `12,5` say comma; `1,234.50` or `12.5` say
/// point; `1.500` says nothing. The majority of the evidence decides.
pub fn infer_decimal_mark<'a>(samples: impl Iterator<Item = &'a str>) -> DecimalMark {
    let (mut point, mut comma) = (0usize, 0usize);
    for text in samples {
        let Ok((core, _, _)) = split_affixes(text) else { continue };
        let (dots, commas) = (core.matches('.').count(), core.matches(',').count());
        let digits_after = |sep: char| core.rfind(sep).map_or(0, |i| core.len() - i - 1);
        match (dots, commas) {
            (0, 0) => {}
            (d, c) if d > 0 && c > 0 => {
                if core.rfind('.') > core.rfind(',') {
                    point += 1;
                } else {
                    comma += 1;
                }
            }
            (1, 0) if digits_after('.') != 3 => point += 1,
            (0, 1) if digits_after(',') != 3 => comma += 1,
            (d, 0) if d > 1 => comma += 1,
            (0, c) if c > 1 => point += 1,
            _ => {}
        }
    }
    match (point, comma) {
        (0, 0) => DecimalMark::Unknown,
        (p, c) if p >= c => DecimalMark::Point,
        _ => DecimalMark::Comma,
    }
}

/// Parses a plain number; any unit or word around it (`12 KG`, `5 件`) is ignored.
pub fn parse_number(text: &str, mark: DecimalMark) -> Result<f64, NumberError> {
    let (core, _affix, negative) = split_affixes(text)?;
    read_core(&core, negative, mark).ok_or_else(|| NumberError::NotANumber(super::text::quoted(text)))
}

/// Parses an amount that must be in US dollars: dollar markers are fine, another currency is refused.
pub fn parse_usd(text: &str, mark: DecimalMark) -> Result<f64, NumberError> {
    let (core, affix, negative) = split_affixes(text)?;
    let marker: String = affix.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    if !marker.is_empty() && !USD_MARKERS.iter().any(|m| *m == marker) {
        if let Some(other) = OTHER_CURRENCIES.iter().find(|c| marker.contains(**c)) {
            return Err(NumberError::OtherCurrency(super::text::quoted(text), (*other).to_string()));
        }
        return Err(NumberError::NotANumber(super::text::quoted(text)));
    }
    read_core(&core, negative, mark).ok_or_else(|| NumberError::NotANumber(super::text::quoted(text)))
}

/// Splits `US$ (1,234.50)` into the numeric core `1,234.50`, the affix text `US$` and the sign.
fn split_affixes(text: &str) -> Result<(String, String, bool), NumberError> {
    // Full-width digits and separators (１２３，４５６．７８) become ASCII.
    let normalised: String = if text.is_ascii() { text.trim().to_string() } else { text.nfkc().collect::<String>().trim().to_string() };
    let is_core = |c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | '\'' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}');
    let first = normalised.find(|c: char| c.is_ascii_digit());
    let Some(first) = first else {
        return Err(NumberError::NotANumber(super::text::quoted(text)));
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
            let value: f64 = core.parse().map_err(|_| NumberError::NotANumber(super::text::quoted(text)))?;
            return Ok((format_plain(value), format!("{prefix}{suffix}"), negative));
        }
    }
    if !core.chars().all(is_core) {
        return Err(NumberError::NotANumber(super::text::quoted(text)));
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

/// Reads `1,234.50` / `1.234,50` / `12,5` / `1.234.567` with a known decimal mark, or, with none,
/// taking the last separator as the decimal one unless it is followed by exactly three digits.
fn read_core(core: &str, negative: bool, mark: DecimalMark) -> Option<f64> {
    let dots = core.matches('.').count();
    let commas = core.matches(',').count();
    // With the column's decimal mark known, the other separator may only group thousands before
    // it: `1.000,50` in a decimal-point column is not a number, not $1.
    let plain: String = match (mark, dots, commas) {
        (DecimalMark::Point, d, _) if d <= 1 && grouped(core, '.', ',') => core.replace(',', ""),
        (DecimalMark::Comma, _, c) if c <= 1 && grouped(core, ',', '.') => core.replace('.', "").replace(',', "."),
        (DecimalMark::Point | DecimalMark::Comma, _, _) => return None,
        (DecimalMark::Unknown, dots, commas) => read_unknown(core, dots, commas)?,
    };
    let value: f64 = plain.parse().ok()?;
    value.is_finite().then_some(if negative { -value } else { value })
}

/// True when the thousands separator `sep` appears only before the decimal `mark`, in groups of
/// three digits (`1,234,567.5`).
fn grouped(core: &str, mark: char, sep: char) -> bool {
    let (whole, fraction) = core.split_once(mark).unwrap_or((core, ""));
    let mut groups = whole.split(sep);
    let first = groups.next().unwrap_or_default();
    !fraction.contains(sep) && (!whole.contains(sep) || ((1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)))
}

/// The separators' meaning guessed from one number alone.
fn read_unknown(core: &str, dots: usize, commas: usize) -> Option<String> {
    Some(match (dots, commas) {
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
    })
}

/// A number from a cell: numeric cells as they are, text parsed.
pub fn number_from_cell(cell: &crate::import::cell::Cell, mark: DecimalMark) -> Result<f64, NumberError> {
    use crate::import::cell::Cell;
    match cell {
        Cell::Number(n) if n.is_finite() => Ok(*n),
        Cell::Text(t) => parse_number(t, mark),
        other => Err(NumberError::NotANumber(other.to_text())),
    }
}

/// A US-dollar amount from a cell: numeric cells as they are, text parsed with currency markers.
pub fn usd_from_cell(cell: &crate::import::cell::Cell, mark: DecimalMark) -> Result<f64, NumberError> {
    use crate::import::cell::Cell;
    match cell {
        Cell::Number(n) if n.is_finite() => Ok(*n),
        Cell::Text(t) => parse_usd(t, mark),
        other => Err(NumberError::NotANumber(other.to_text())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: f64) {
        let got = parse_usd(text, DecimalMark::Unknown).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert!((got - expected).abs() < 1e-9, "{text:?}: got {got}, want {expected}");
    }

    #[test]
    fn a_number_against_its_columns_mark_is_not_a_number() {
        assert_eq!(parse_number("1.000,50", DecimalMark::Point).ok(), None, "never $1");
        assert_eq!(parse_number("1,5", DecimalMark::Point).ok(), None, "never 15");
        assert_eq!(parse_number("1,234.50", DecimalMark::Comma).ok(), None);
        assert_eq!(parse_number("1,234,567.5", DecimalMark::Point).ok(), Some(1_234_567.5));
        assert_eq!(parse_number("1.234.567,5", DecimalMark::Comma).ok(), Some(1_234_567.5));
        assert_eq!(parse_number("12,5", DecimalMark::Comma).ok(), Some(12.5));
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
        assert!(matches!(parse_usd("EUR 1.000,00", DecimalMark::Unknown), Err(NumberError::OtherCurrency(_, c)) if c == "EUR"));
        assert!(matches!(parse_usd("¥500", DecimalMark::Unknown), Err(NumberError::OtherCurrency(..))));
        assert!(matches!(parse_usd("about a thousand", DecimalMark::Unknown), Err(NumberError::NotANumber(_))));
        assert!(matches!(parse_usd("12 boxes", DecimalMark::Unknown), Err(NumberError::NotANumber(_))));
        assert!(parse_usd("1,2,3.4.5", DecimalMark::Unknown).is_err());
    }

    #[test]
    fn the_sheet_decides_what_a_lone_separator_means() {
        let european = ["1.234,50", "1.500", "12,5"];
        assert_eq!(infer_decimal_mark(european.iter().copied()), DecimalMark::Comma);
        assert_eq!(parse_number("1.500", DecimalMark::Comma), Ok(1500.0));
        assert_eq!(parse_number("12,345", DecimalMark::Comma), Ok(12.345));
        assert_eq!(parse_number("1.500", DecimalMark::Point), Ok(1.5));
        assert_eq!(parse_number("1,500", DecimalMark::Point), Ok(1500.0));
        assert_eq!(infer_decimal_mark(["1,234.50", "1,500"].iter().copied()), DecimalMark::Point);
        assert_eq!(infer_decimal_mark(["1.500", "2,000"].iter().copied()), DecimalMark::Unknown);
        assert!(parse_number("1.234.5", DecimalMark::Point).is_err());
    }

    #[test]
    fn plain_numbers_ignore_units() {
        assert_eq!(parse_number("12,000 KG", DecimalMark::Unknown), Ok(12000.0));
        assert_eq!(parse_number("5 件", DecimalMark::Unknown), Ok(5.0));
        assert!(parse_number("KG", DecimalMark::Unknown).is_err());
    }
}
