//! Named threshold sets the user keeps beside the set in use: an operating point picked from a
//! tuning on the firm's own history, or a set saved by hand. Nothing here is ever applied on its
//! own; the user chooses which set to use.

use super::thresholds::{HealthSettings, ThresholdError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a tuning said of a set when it was saved: its figures on the later part of the history,
/// which the search never saw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TunedOn {
    /// The last month end the search looked at.
    pub split: NaiveDate,
    /// The last month end of the history.
    pub to: NaiveDate,
    /// Churn events in the later part.
    pub later_events: usize,
    /// Share of them warned (orange or red) in the 12 months before.
    pub later_recall: Option<f64>,
    /// Share of them warned at least 90 days ahead.
    pub later_warned_90_days: Option<f64>,
    /// Customers without an event alerted in the later part.
    pub later_false_alarms: Option<f64>,
}

/// One saved set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThresholdSet {
    /// The thresholds.
    pub thresholds: HealthSettings,
    /// How it scored when tuned, if it came from a tuning.
    pub tuned: Option<TunedOn>,
}

/// Every saved set by name.
pub type ThresholdSets = BTreeMap<String, ThresholdSet>;

/// Why a set cannot be saved.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SetError {
    /// The name is empty or only spaces.
    #[error("a threshold set needs a name")]
    NoName,
    /// No set has that name.
    #[error("no threshold set named '{0}'")]
    Unknown(String),
    /// Its thresholds are not usable.
    #[error(transparent)]
    Invalid(#[from] ThresholdError),
}

impl SetError {
    /// The error in words, for the reader's language.
    pub fn message(&self) -> crate::text::Message {
        match self {
            SetError::NoName => crate::msg!("error.threshold_set.no_name"),
            SetError::Unknown(name) => crate::msg!("error.threshold_set.unknown", name = name),
            SetError::Invalid(e) => e.message(),
        }
    }
}

/// Adds or replaces the set `name` (trimmed), after checking its thresholds.
pub fn save(sets: &mut ThresholdSets, name: &str, set: ThresholdSet) -> Result<(), SetError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(SetError::NoName);
    }
    set.thresholds.validate()?;
    sets.insert(name.to_string(), set);
    Ok(())
}

/// The thresholds of the set `name`, checked.
pub fn thresholds_of(sets: &ThresholdSets, name: &str) -> Result<HealthSettings, SetError> {
    let set = sets.get(name.trim()).ok_or_else(|| SetError::Unknown(name.trim().to_string()))?;
    set.thresholds.validate()?;
    Ok(set.thresholds.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_errors_speak_chinese_with_their_fields() {
        use crate::text::Lang;
        let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let unknown = SetError::Unknown("strict".into());
        let (en, zh) = (unknown.message().render(Lang::En), unknown.message().render(Lang::Zh));
        assert!(chinese(&zh) && zh.contains("strict"), "{zh}");
        assert_ne!(en, zh);
        let none = SetError::NoName;
        assert!(chinese(&none.message().render(Lang::Zh)));
        assert_ne!(none.message().render(Lang::En), none.message().render(Lang::Zh));
        let inner = ThresholdError::Unknown { name: "decline_purple".into() };
        assert_eq!(SetError::Invalid(inner.clone()).message(), inner.message());
    }

    #[test]
    fn sets_are_saved_by_name_and_checked() {
        let mut sets = ThresholdSets::new();
        let strict = HealthSettings { share_strength_orange: 5.0, ..HealthSettings::default() };
        save(&mut sets, "  strict ", ThresholdSet { thresholds: strict.clone(), tuned: None }).expect("a valid set");
        assert_eq!(thresholds_of(&sets, "strict"), Ok(strict));
        assert_eq!(save(&mut sets, " ", ThresholdSet { thresholds: HealthSettings::default(), tuned: None }), Err(SetError::NoName));
        let broken = HealthSettings { share_drop_orange: 3.0, ..HealthSettings::default() };
        assert!(matches!(save(&mut sets, "broken", ThresholdSet { thresholds: broken, tuned: None }), Err(SetError::Invalid(_))));
        assert_eq!(thresholds_of(&sets, "missing"), Err(SetError::Unknown("missing".into())));
        assert_eq!(sets.len(), 1);
    }
}
