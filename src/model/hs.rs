//! Harmonized System codes: the full national code as filed, and its 6-digit subheading.

use serde::{Serialize, Serializer};
use std::fmt;
use thiserror::Error;

/// Why text is not an HS code.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum HsError {
    /// Letters or symbols remain after removing dots and spaces.
    #[error("HS code '{0}' contains characters other than digits")]
    NotDigits(String),
    /// Fewer than 6 digits: no subheading can be read from it.
    #[error("HS code '{0}' has {1} digits; at least 6 are needed")]
    TooShort(String, usize),
    /// More than 14 digits: not a tariff code.
    #[error("HS code '{0}' has {1} digits; no tariff code is that long")]
    TooLong(String, usize),
    /// Chapter 00 or above 97 does not exist.
    #[error("HS code '{0}' starts with chapter {1}, which does not exist")]
    NoSuchChapter(String, u32),
}

impl HsError {
    /// The error in words, for the reader's language.
    pub fn message(&self) -> crate::text::Message {
        match self {
            HsError::NotDigits(code) => crate::msg!("error.hs.not_digits", code = code),
            HsError::TooShort(code, digits) => crate::msg!("error.hs.too_short", code = code, digits = *digits),
            HsError::TooLong(code, digits) => crate::msg!("error.hs.too_long", code = code, digits = *digits),
            HsError::NoSuchChapter(code, chapter) => crate::msg!("error.hs.no_such_chapter", code = code, chapter = *chapter),
        }
    }
}

/// A full tariff code as filed (6 to 14 digits, e.g. `69072190090`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct HsCode(String);

impl HsCode {
    /// Validates a string of digits as a code.
    pub fn from_digits(digits: &str) -> Result<HsCode, HsError> {
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(HsError::NotDigits(digits.to_string()));
        }
        match digits.len() {
            n if n < 6 => return Err(HsError::TooShort(digits.to_string(), n)),
            n if n > 14 => return Err(HsError::TooLong(digits.to_string(), n)),
            _ => {}
        }
        let chapter: u32 = digits[..2].parse().unwrap_or(0);
        if chapter == 0 || chapter > 97 {
            return Err(HsError::NoSuchChapter(digits.to_string(), chapter));
        }
        Ok(HsCode(digits.to_string()))
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The 6-digit subheading, the level analysis works at.
    pub fn hs6(&self) -> Hs6 {
        Hs6(self.0[..6].parse().unwrap_or(0))
    }
}

impl fmt::Display for HsCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A 6-digit HS subheading held as a number (`690721`); compact for analysis over millions of rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hs6(pub u32);

impl Hs6 {
    /// Parses exactly six digits.
    pub fn parse(text: &str) -> Option<Hs6> {
        (text.len() == 6 && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok().map(Hs6)).flatten()
    }

    /// The 2-digit chapter (69).
    pub fn chapter(self) -> u32 {
        self.0 / 10_000
    }

    /// The 4-digit heading (6907).
    pub fn heading(self) -> u32 {
        self.0 / 100
    }

    /// True when the code falls under a digit prefix (2 to 6 digits: chapter, heading,
    /// subheading); compared as numbers, without building a string.
    pub fn under(self, prefix: &str) -> bool {
        let Ok(number) = prefix.parse::<u32>() else { return false };
        match prefix.len() {
            len @ 1..=6 => self.0 / 10u32.pow(6 - len as u32) == number,
            _ => false,
        }
    }
}

impl fmt::Display for Hs6 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:06}", self.0)
    }
}

impl Serialize for Hs6 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for HsCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hs_errors_speak_chinese_with_their_fields() {
        use crate::text::Lang;
        let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for (e, fields) in [
            (HsError::NotDigits("73x8".into()), ["73x8", "数字"]),
            (HsError::TooShort("7318".into(), 4), ["7318", "4 位"]),
            (HsError::NoSuchChapter("9912345".into(), 99), ["9912345", "第 99 章"]),
        ] {
            let (en, zh) = (e.message().render(Lang::En), e.message().render(Lang::Zh));
            assert!(chinese(&zh) && fields.iter().all(|f| zh.contains(f)), "{zh}");
            assert_ne!(en, zh);
        }
    }

    #[test]
    fn a_code_falls_under_its_chapter_heading_and_itself() {
        let bolts = Hs6(731815);
        assert!(bolts.under("73") && bolts.under("7318") && bolts.under("731815"));
        assert!(!bolts.under("7317") && !bolts.under("82") && !bolts.under("7318150") && !bolts.under("x3"));
        assert!(Hs6(10121).under("01"), "leading zeros");
    }

    #[test]
    fn accepts_national_codes_and_reads_the_subheading() {
        let code = HsCode::from_digits("69072190090").expect("valid");
        assert_eq!(code.hs6(), Hs6(690721));
        assert_eq!(code.hs6().heading(), 6907);
        assert_eq!(code.hs6().chapter(), 69);
        assert_eq!(Hs6(30490).to_string(), "030490");
    }

    #[test]
    fn refuses_what_is_not_a_code() {
        assert!(matches!(HsCode::from_digits("6907"), Err(HsError::TooShort(_, 4))));
        assert!(matches!(HsCode::from_digits("69A721"), Err(HsError::NotDigits(_))));
        assert!(matches!(HsCode::from_digits("990721"), Err(HsError::NoSuchChapter(_, 99))));
        assert!(matches!(HsCode::from_digits("000721"), Err(HsError::NoSuchChapter(_, 0))));
    }
}
