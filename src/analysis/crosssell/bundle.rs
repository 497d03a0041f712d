//! Solution bundles the user defines: a name and the codes that sell together (e.g. bolts, nuts,
//! washers and the tools to fit them). A customer buying one part of a bundle from us is a lead for
//! the other parts.

use crate::model::Hs6;
use serde::{Deserialize, Serialize};

/// A named set of codes (digit prefixes: chapter, heading or subheading).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    /// Its name, e.g. "Fastening kit".
    pub name: String,
    /// Its codes as digit prefixes (2 to 6 digits).
    pub codes: Vec<String>,
}

impl Bundle {
    /// True when one of the bundle's codes covers `hs6`.
    pub fn covers(&self, hs6: Hs6) -> bool {
        self.codes.iter().any(|c| hs6.under(c))
    }
}

/// Checks a bundle code: 2, 4 or 6 digits once dots and spaces are removed, in an HS chapter
/// (01–97, not the reserved 77).
pub fn bundle_code(code: &str) -> Option<String> {
    let digits: String = code.chars().filter(|c| !matches!(c, '.' | ' ' | '-')).collect();
    let chapter: u32 = digits.get(..2)?.parse().ok()?;
    (digits.bytes().all(|b| b.is_ascii_digit()) && matches!(digits.len(), 2 | 4 | 6) && (1..=97).contains(&chapter) && chapter != 77)
        .then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_cover_by_prefix_and_are_checked() {
        let kit = Bundle { name: "Kit".into(), codes: vec!["7318".into(), "820540".into()] };
        assert!(kit.covers(Hs6(731816)) && kit.covers(Hs6(820540)));
        assert!(!kit.covers(Hs6(820411)));
        assert_eq!(bundle_code("8205.40"), Some("820540".into()));
        assert_eq!(bundle_code("82054"), None);
        assert_eq!(bundle_code("73x8"), None);
        assert_eq!(bundle_code("00"), None);
        assert_eq!(bundle_code("9999"), None);
    }
}
