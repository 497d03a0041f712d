//! Reference exchange rates: each currency's units per US dollar, averaged over each month, from the
//! European Central Bank's euro reference rates (`assets/fx/usd_monthly.csv`, made by
//! `assets/fx/make.py`). A value in another currency is converted at the rate of its record's month,
//! a rate anyone can look up; a currency or month the table lacks is refused, never taken as dollars.
//! (Rates of a currency the ECB stopped quoting — the rouble after March 2022 — end there.)

use std::collections::HashMap;
use std::sync::OnceLock;

/// The text key naming where the rates come from, for notes.
pub const SOURCE: &str = "import.term.fx_source";

const TABLE: &str = include_str!("../../assets/fx/usd_monthly.csv");

/// Months after the table's last one for which its last month still stands (the table is renewed
/// with each release; a newer file is still converted, and the note names the table's last month).
const STALE_MONTHS: i32 = 24;

struct Rates {
    /// Currency → month index (year × 12 + month − 1) → units per dollar.
    by_currency: HashMap<String, HashMap<i32, f64>>,
    /// The last month of the table (index).
    last: i32,
}

fn rates() -> &'static Rates {
    static RATES: OnceLock<Rates> = OnceLock::new();
    RATES.get_or_init(|| {
        let mut lines = TABLE.lines();
        let codes: Vec<&str> = lines.next().unwrap_or_default().split(',').skip(1).collect();
        let mut by_currency: HashMap<String, HashMap<i32, f64>> = HashMap::new();
        let mut last = 0;
        for line in lines {
            let mut cells = line.split(',');
            let Some(index) = cells.next().and_then(month_index) else { continue };
            last = last.max(index);
            for (code, cell) in codes.iter().zip(cells) {
                if let Ok(rate) = cell.parse::<f64>() {
                    by_currency.entry((*code).to_string()).or_default().insert(index, rate);
                }
            }
        }
        Rates { by_currency, last }
    })
}

fn month_index(text: &str) -> Option<i32> {
    let (y, m) = text.split_once('-')?;
    let (y, m): (i32, i32) = (y.parse().ok()?, m.parse().ok()?);
    (1..=12).contains(&m).then_some(y * 12 + m - 1)
}

/// A rate found for a currency and month.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    /// Units of the currency per US dollar.
    pub per_usd: f64,
    /// The month the rate is of (`year`, `month`): the record's own, or the table's last when the
    /// record is newer.
    pub month: (i32, u32),
}

/// Units of `code` (ISO 4217) per US dollar in the given month; `None` when the table has no rate
/// for it (an unknown currency, or a month before the currency's data or long after the table).
pub fn per_usd(code: &str, year: i32, month: u32) -> Option<Rate> {
    let r = rates();
    let series = r.by_currency.get(&code.to_ascii_uppercase())?;
    let wanted = year * 12 + month as i32 - 1;
    let index = if wanted > r.last && wanted - r.last <= STALE_MONTHS { r.last } else { wanted };
    let per_usd = *series.get(&index)?;
    Some(Rate { per_usd, month: (index.div_euclid(12), (index.rem_euclid(12) + 1) as u32) })
}

/// Units of `code` per US dollar in the table's last month (a typical rate, to judge a sample).
pub fn latest_per_usd(code: &str) -> Option<f64> {
    let r = rates();
    r.by_currency.get(&code.to_ascii_uppercase())?.get(&r.last).copied()
}

/// True when the table knows the currency at all.
pub fn knows(code: &str) -> bool {
    rates().by_currency.contains_key(&code.to_ascii_uppercase())
}

/// The table's last month, as `YYYY-MM`.
pub fn last_month() -> String {
    let last = rates().last;
    format!("{}-{:02}", last.div_euclid(12), last.rem_euclid(12) + 1)
}

/// The ISO code a currency word of a header or cell stands for (`rmb` → CNY, `euro` → EUR).
pub fn iso_code(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    let named = match w.as_str() {
        "rmb" | "yuan" | "人民币" | "元" | "¥" | "￥" => "CNY",
        "euro" | "euros" | "€" | "欧元" => "EUR",
        "yen" | "円" | "日元" => "JPY",
        "英镑" => "GBP",
        "港币" | "港元" | "hk$" => "HKD",
        "韩元" => "KRW",
        "卢布" => "RUB",
        "reais" | "real" | "r$" => "BRL",
        "ruble" | "rubles" | "руб" | "рубль" | "рублях" | "₽" => "RUB",
        "rupiah" | "rp" => "IDR",
        "baht" => "THB",
        "ringgit" => "MYR",
        "rand" => "ZAR",
        "lira" => "TRY",
        "cfa" | "fcfa" => "XOF",
        "£" => "GBP",
        "₹" => "INR",
        "₩" | "won" => "KRW",
        _ => "",
    };
    if !named.is_empty() {
        return Some(named);
    }
    let upper = w.to_ascii_uppercase();
    CODES.iter().copied().find(|c| *c == upper)
}

/// Every ISO code the table may hold, so a header word maps to a `'static` code.
const CODES: &[&str] = &[
    "AUD", "BGN", "BRL", "CAD", "CHF", "CNY", "CYP", "CZK", "DKK", "EEK", "EUR", "GBP", "HKD", "HRK", "HUF", "IDR", "ILS", "INR", "ISK",
    "JPY", "KRW", "LTL", "LVL", "MTL", "MXN", "MYR", "NOK", "NZD", "PHP", "PLN", "ROL", "RON", "RUB", "SEK", "SGD", "SIT", "SKK", "THB",
    "TRL", "TRY", "XAF", "XOF", "ZAR",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_of_known_months_and_currencies() {
        let eur = per_usd("EUR", 2022, 9).expect("euro, September 2022");
        assert!((0.95..1.05).contains(&eur.per_usd), "parity in autumn 2022: {eur:?}");
        let jpy = per_usd("jpy", 2024, 1).expect("yen");
        assert!((140.0..155.0).contains(&jpy.per_usd), "{jpy:?}");
        let cfa = per_usd("XOF", 2023, 6).expect("CFA franc");
        assert!((cfa.per_usd / per_usd("EUR", 2023, 6).expect("euro").per_usd - 655.957).abs() < 0.01, "fixed parity");
        assert_eq!(per_usd("TZS", 2023, 6), None, "not in the table: refused, never guessed");
        assert_eq!(per_usd("EUR", 1990, 1), None, "before the euro");
    }

    #[test]
    fn a_month_just_after_the_table_takes_its_last_rate() {
        let (y, m) =
            last_month().split_once('-').map(|(y, m)| (y.parse::<i32>().unwrap_or(0), m.parse::<u32>().unwrap_or(0))).unwrap_or((0, 0));
        assert_eq!(per_usd("EUR", y + 1, m).map(|r| r.month), Some((y, m)), "a year on still takes the last rate");
        assert_eq!(per_usd("EUR", y + 3, m), None, "three years on is too far");
        let soon = if m == 12 { per_usd("EUR", y + 1, 1) } else { per_usd("EUR", y, m + 1) };
        assert_eq!(soon.map(|r| r.month), Some((y, m)));
    }

    #[test]
    fn currency_words_map_to_codes() {
        assert_eq!(iso_code("RMB"), Some("CNY"));
        assert_eq!(iso_code("inr"), Some("INR"));
        assert_eq!(iso_code("FCFA"), Some("XOF"));
        assert_eq!(iso_code("value"), None);
        assert!(knows("INR") && !knows("PKR"));
    }
}
