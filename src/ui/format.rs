//! How figures read on screen: compact dollars for tables and cards, percentages — the same
//! conventions as the PDF briefings, so one implementation (`report::format`) serves both.

pub use crate::report::format::{change, money, percent};

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
