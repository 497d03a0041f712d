//! The user's own 1–5 judgements of a customer, which no customs record can tell: margin, payment
//! and credit risk, decision-chain complexity and relationship depth.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A 1–5 rating was outside 1–5.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{field} must be 1 to 5 (or empty), not {value}")]
pub struct RatingError {
    /// Which attribute.
    pub field: &'static str,
    /// The value given.
    pub value: i64,
}

/// A customer's manual attributes; `None` is "not set" and scores as neutral.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManualAttributes {
    /// Margin (5 = high).
    pub margin: Option<u8>,
    /// Payment and credit risk (5 = high risk).
    pub payment_risk: Option<u8>,
    /// Decision-chain complexity (5 = complex).
    pub decision_complexity: Option<u8>,
    /// Relationship depth (5 = deep).
    pub relationship_depth: Option<u8>,
}

impl ManualAttributes {
    /// The attribute names, as in JSON and on the command line.
    pub const FIELDS: [&'static str; 4] = ["margin", "payment_risk", "decision_complexity", "relationship_depth"];

    /// True when nothing is set.
    pub fn is_empty(&self) -> bool {
        *self == ManualAttributes::default()
    }

    /// Checks a rating: 1 to 5.
    pub fn rating(field: &'static str, value: i64) -> Result<u8, RatingError> {
        u8::try_from(value).ok().filter(|v| (1..=5).contains(v)).ok_or(RatingError { field, value })
    }

    /// Every set value is 1 to 5.
    pub fn validate(&self) -> Result<(), RatingError> {
        for (field, value) in Self::FIELDS.into_iter().zip(self.values()) {
            if let Some(v) = value {
                Self::rating(field, i64::from(v))?;
            }
        }
        Ok(())
    }

    /// The four values in [`ManualAttributes::FIELDS`] order.
    pub fn values(&self) -> [Option<u8>; 4] {
        [self.margin, self.payment_risk, self.decision_complexity, self.relationship_depth]
    }

    /// Fills the fields not set here from `other` (used when two companies are merged).
    pub fn or(self, other: ManualAttributes) -> ManualAttributes {
        ManualAttributes {
            margin: self.margin.or(other.margin),
            payment_risk: self.payment_risk.or(other.payment_risk),
            decision_complexity: self.decision_complexity.or(other.decision_complexity),
            relationship_depth: self.relationship_depth.or(other.relationship_depth),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_outside_one_to_five_are_refused() {
        assert_eq!(ManualAttributes::rating("margin", 3), Ok(3));
        assert!(ManualAttributes::rating("margin", 0).is_err());
        assert!(ManualAttributes::rating("margin", 6).is_err());
        let bad = ManualAttributes { payment_risk: Some(9), ..Default::default() };
        assert_eq!(bad.validate(), Err(RatingError { field: "payment_risk", value: 9 }));
    }

    #[test]
    fn merging_keeps_our_values_and_fills_the_gaps() {
        let a = ManualAttributes { margin: Some(4), ..Default::default() };
        let b = ManualAttributes { margin: Some(1), relationship_depth: Some(5), ..Default::default() };
        assert_eq!(a.or(b), ManualAttributes { margin: Some(4), relationship_depth: Some(5), ..Default::default() });
    }
}
