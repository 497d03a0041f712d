//! How figures read on screen: compact dollars for tables and cards, percentages, dates.

/// Dollars in a table cell: `$1.23M`, `$45.6k`, `$980`.
pub fn money(x: f64) -> String {
    let a = x.abs();
    let sign = if x < 0.0 { "−" } else { "" };
    if a >= 1e6 {
        format!("{sign}${:.2}M", a / 1e6)
    } else if a >= 1e4 {
        format!("{sign}${:.1}k", a / 1e3)
    } else {
        format!("{sign}${a:.0}")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_compactly() {
        assert_eq!(money(1_234_567.0), "$1.23M");
        assert_eq!(money(45_600.0), "$45.6k");
        assert_eq!(money(980.4), "$980");
        assert_eq!(money(-20_000.0), "−$20.0k");
        assert_eq!(percent(Some(0.425)), "42%");
        assert_eq!(percent(None), "–");
        assert_eq!(change(Some(-0.08)), "−8%");
        assert_eq!(change(Some(0.12)), "+12%");
    }
}
