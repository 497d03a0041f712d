//! How figures read in a report: dollars in full for key figures, compact in tables and axes,
//! shares, signed changes and quarters — the same conventions as the window.

use crate::model::{Lang, Quarter};

/// Dollars in full: `$113,532`.
pub fn dollars(x: f64) -> String {
    crate::analysis::health::usd(x)
}

/// Dollars in a table cell or on an axis: `$1.23M`, `$45.6k`, `$9,887`.
pub fn money(x: f64) -> String {
    let a = x.abs();
    let sign = if x < 0.0 { "−" } else { "" };
    if a >= 1e6 {
        format!("{sign}${:.2}M", a / 1e6)
    } else if a >= 1e4 {
        format!("{sign}${:.1}k", a / 1e3)
    } else {
        format!("{sign}{}", dollars(a))
    }
}

/// A share as `42%`, or `–` when there is none.
pub fn percent(x: Option<f64>) -> String {
    x.filter(|v| v.is_finite()).map_or_else(|| "–".into(), |v| format!("{:.0}%", v * 100.0))
}

/// A signed change as `+12%` / `−8%`, or `–`.
pub fn change(x: Option<f64>) -> String {
    match x.filter(|v| v.is_finite()) {
        Some(v) if v < 0.0 => format!("−{:.0}%", -v * 100.0),
        Some(v) => format!("+{:.0}%", v * 100.0),
        None => "–".into(),
    }
}

/// A quarter in words: `2026Q3`, `2026年第3季度`.
pub fn quarter(q: Quarter, lang: Lang) -> String {
    match lang {
        Lang::En => q.to_string(),
        Lang::Zh => format!("{}年第{}季度", q.year, q.q),
    }
}

/// A quarter under a chart: `26Q3`, so twelve fit.
pub fn quarter_short(q: Quarter) -> String {
    format!("{:02}Q{}", q.year.rem_euclid(100), q.q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_in_the_window() {
        assert_eq!(dollars(113_532.4), "$113,532");
        assert_eq!(money(1_234_567.0), "$1.23M");
        assert_eq!(money(45_600.0), "$45.6k");
        assert_eq!(money(-20_000.0), "−$20.0k");
        assert_eq!(money(9_887.0), "$9,887");
        assert_eq!(percent(Some(0.754)), "75%");
        assert_eq!(percent(None), "–");
        assert_eq!(change(Some(-0.42)), "−42%");
        assert_eq!(change(Some(0.12)), "+12%");
        let q = Quarter { year: 2026, q: 3 };
        assert_eq!(quarter(q, Lang::En), "2026Q3");
        assert_eq!(quarter(q, Lang::Zh), "2026年第3季度");
        assert_eq!(quarter_short(q), "26Q3");
    }
}
