//! Money as integer US cents, so sums are exact and never drift.

use serde::{Serialize, Serializer};
use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub};

/// An amount in US cents. Stored and summed as an integer; shown as dollars.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cents(pub i64);

impl Cents {
    /// Zero dollars.
    pub const ZERO: Cents = Cents(0);

    /// The largest amount one record may carry: ten billion dollars. Anything above is a misread
    /// column, and the cap keeps sums of millions of rows far from overflow.
    pub const MAX_RECORD: Cents = Cents(1_000_000_000_000);

    /// Converts a dollar amount, rounding to the nearest cent; `None` when not finite or above
    /// [`Cents::MAX_RECORD`].
    pub fn from_dollars(dollars: f64) -> Option<Cents> {
        let cents = (dollars * 100.0).round();
        (cents.is_finite() && cents.abs() <= Cents::MAX_RECORD.0 as f64).then_some(Cents(cents as i64))
    }

    /// The amount in dollars, for display and JSON.
    pub fn dollars(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

// Sums saturate rather than wrap: with per-record values capped they never get near the limit.
impl Add for Cents {
    type Output = Cents;
    fn add(self, rhs: Cents) -> Cents {
        Cents(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for Cents {
    fn add_assign(&mut self, rhs: Cents) {
        *self = *self + rhs;
    }
}

impl Sub for Cents {
    type Output = Cents;
    fn sub(self, rhs: Cents) -> Cents {
        Cents(self.0.saturating_sub(rhs.0))
    }
}

impl Sum for Cents {
    fn sum<I: Iterator<Item = Cents>>(iter: I) -> Cents {
        iter.fold(Cents::ZERO, |a, b| a + b)
    }
}

impl fmt::Display for Cents {
    /// `1234567` cents shows as `12,345.67`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let (whole, frac) = (abs / 100, abs % 100);
        let digits = whole.to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        write!(f, "{sign}{grouped}.{frac:02}")
    }
}

impl Serialize for Cents {
    /// JSON carries money in USD as a number (DESIGN.md's contract).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.dollars())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_to_the_nearest_cent() {
        assert_eq!(Cents::from_dollars(12.345), Some(Cents(1235)));
        assert_eq!(Cents::from_dollars(-0.004), Some(Cents(0)));
        assert_eq!(Cents::from_dollars(f64::NAN), None);
        assert_eq!(Cents::from_dollars(1e300), None);
        assert_eq!(Cents::from_dollars(2e10), None, "twenty billion dollars in one record is a misread column");
        assert_eq!(Cents(i64::MAX) + Cents(1), Cents(i64::MAX));
    }

    #[test]
    fn displays_with_thousands_separators() {
        assert_eq!(Cents(123_456_789).to_string(), "1,234,567.89");
        assert_eq!(Cents(-5).to_string(), "-0.05");
        assert_eq!(Cents(100_000).to_string(), "1,000.00");
    }
}
