//! How figures read, in the window, the briefings, the command line and messages alike: dollars in
//! full or compact (the Chinese form counts in 万 and 亿), shares, signed changes and quarters.

use crate::model::{Lang, Quarter};

/// A count with thousands separators: `1,234,567`.
pub fn count(n: u64) -> String {
    grouped(n as f64)
}

/// A whole number with thousands separators and no sign: `113,532`.
pub fn grouped(x: f64) -> String {
    let whole = format!("{:.0}", x.abs());
    let mut out = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn sign(x: f64) -> &'static str {
    if x < 0.0 && x.abs() >= 0.5 { "−" } else { "" }
}

/// Dollars in full, for sentences and key figures: `$113,532`.
pub fn dollars(x: f64) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    format!("{}${}", sign(x), grouped(x))
}

/// Dollars in a table cell or on an axis: `$1.23M`, `$45.6k`, `$9,887`; in Chinese `123.5万美元`,
/// `1.23亿美元`.
pub fn money(lang: Lang, x: f64) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    let (a, s) = (x.abs(), sign(x));
    match lang {
        Lang::En if a >= 1e6 => format!("{s}${:.2}M", a / 1e6),
        Lang::En if a >= 1e4 => format!("{s}${:.1}k", a / 1e3),
        Lang::En => dollars(x),
        Lang::Zh if a >= 1e8 => format!("{s}{:.2}亿美元", a / 1e8),
        Lang::Zh if a >= 1e7 => format!("{s}{:.0}万美元", a / 1e4),
        Lang::Zh if a >= 1e5 => format!("{s}{:.1}万美元", a / 1e4),
        Lang::Zh if a >= 1e4 => format!("{s}{:.2}万美元", a / 1e4),
        Lang::Zh => format!("{s}{}美元", grouped(a)),
    }
}

/// [`money`] in `lang` as a plain function, for chart axes that take one.
pub fn money_axis(lang: Lang) -> fn(f64) -> String {
    match lang {
        Lang::En => |x| money(Lang::En, x),
        Lang::Zh => |x| money(Lang::Zh, x),
    }
}

/// A fraction in a sentence: `0.734` as `73%`.
pub fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
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
    fn figures_read_the_same_everywhere() {
        assert_eq!(dollars(113_532.4), "$113,532");
        assert_eq!(dollars(-980.0), "−$980");
        assert_eq!(dollars(0.2), "$0");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(count(999), "999");
        assert_eq!(money(Lang::En, 1_234_567.0), "$1.23M");
        assert_eq!(money(Lang::En, 45_600.0), "$45.6k");
        assert_eq!(money(Lang::En, -20_000.0), "−$20.0k");
        assert_eq!(money(Lang::En, 9_887.0), "$9,887");
        assert_eq!(percent(Some(0.754)), "75%");
        assert_eq!(percent(None), "–");
        assert_eq!(change(Some(-0.42)), "−42%");
        assert_eq!(change(Some(0.12)), "+12%");
        let q = Quarter { year: 2026, q: 3 };
        assert_eq!(quarter(q, Lang::En), "2026Q3");
        assert_eq!(quarter(q, Lang::Zh), "2026年第3季度");
        assert_eq!(quarter_short(q), "26Q3");
    }

    #[test]
    fn chinese_counts_in_wan_and_yi() {
        assert_eq!(money(Lang::Zh, 9_887.0), "9,887美元");
        assert_eq!(money(Lang::Zh, 45_600.0), "4.56万美元");
        assert_eq!(money(Lang::Zh, 1_234_567.0), "123.5万美元");
        assert_eq!(money(Lang::Zh, 56_780_000.0), "5678万美元");
        assert_eq!(money(Lang::Zh, 234_500_000.0), "2.35亿美元");
        assert_eq!(money(Lang::Zh, -20_000.0), "−2.00万美元");
    }
}
