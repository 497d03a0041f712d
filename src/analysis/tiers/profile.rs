//! Weight profiles: named sets of metric weights. Three built-ins cover the usual stances (value
//! first, potential first, stability first); they are read-only so a user's edits never lose them,
//! and a copy of one is the usual start of a custom profile.
//!
//! No built-in weighs health: value and risk are two axes. A valuable customer whose health falls
//! keeps its tier and is marked "protect" (降级保护) rather than sliding to D, where nobody would
//! look after it; a custom profile may still weigh health.

use super::metric::{METRICS, Metric};
use serde::de::Error as _;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

/// Why a profile operation was refused.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ProfileError {
    /// No profile by that name.
    #[error("no weight profile named '{name}'; profiles: {}", known.join(", "))]
    NotFound {
        /// The name asked for.
        name: String,
        /// Every profile's name.
        known: Vec<String>,
    },
    /// Built-in profiles cannot be changed.
    #[error("'{0}' is built in and cannot be changed; copy it first (profiles copy {0} NEW_NAME)")]
    BuiltIn(String),
    /// The new name is taken.
    #[error("a weight profile named '{0}' already exists")]
    Exists(String),
    /// An empty name.
    #[error("a weight profile needs a name")]
    EmptyName,
    /// A weight was negative or not a number.
    #[error("the weight of {metric} must be a number of 0 or more, not {value}")]
    InvalidWeight {
        /// The metric.
        metric: Metric,
        /// The value given.
        value: f64,
    },
    /// Every weight was zero.
    #[error("at least one weight must be above zero")]
    AllZero,
    /// A metric named twice in one set of weights.
    #[error("'{0}' is given twice")]
    Duplicate(String),
    /// Not a JSON object of metric names and numbers.
    #[error("weights must be a JSON object of metric names and numbers, e.g. {{\"monetary\": 40, \"share\": 10}}: {0}")]
    Json(String),
    /// An unknown metric name.
    #[error("'{0}' is not a metric; metrics: {metrics}", metrics = Metric::ALL.map(|m| m.key()).join(", "))]
    UnknownMetric(String),
}

impl ProfileError {
    /// The error in words, for the reader's language.
    pub fn message(&self) -> crate::text::Message {
        match self {
            ProfileError::NotFound { name, known } => crate::msg!("error.profile.not_found", name = name, known = known.join(", ")),
            ProfileError::BuiltIn(name) => crate::msg!("error.profile.built_in", name = name),
            ProfileError::Exists(name) => crate::msg!("error.profile.exists", name = name),
            ProfileError::EmptyName => crate::msg!("error.profile.empty_name"),
            ProfileError::InvalidWeight { metric, value } => {
                crate::msg!("error.profile.invalid_weight", metric = metric.key(), value = value.to_string())
            }
            ProfileError::AllZero => crate::msg!("error.profile.all_zero"),
            ProfileError::Duplicate(name) => crate::msg!("error.profile.duplicate", name = name),
            ProfileError::Json(detail) => crate::msg!("error.profile.json", detail = detail),
            ProfileError::UnknownMetric(name) => {
                crate::msg!("error.profile.unknown_metric", name = name, metrics = Metric::ALL.map(|m| m.key()).join(", "))
            }
        }
    }
}

/// A weight per metric (0 or more; they need not add up to 100: scores use each weight's share).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights(pub [f64; METRICS]);

impl Weights {
    /// Weights from (metric, weight) pairs; the rest are 0.
    pub fn of(pairs: &[(Metric, f64)]) -> Weights {
        let mut w = [0.0; METRICS];
        for (m, v) in pairs {
            w[m.index()] = *v;
        }
        Weights(w)
    }

    /// One metric's weight.
    pub fn get(&self, m: Metric) -> f64 {
        self.0[m.index()]
    }

    /// Sets one metric's weight.
    pub fn set(&mut self, m: Metric, value: f64) -> Result<(), ProfileError> {
        check(m, value)?;
        self.0[m.index()] = value;
        Ok(())
    }

    /// The sum of the weights.
    pub fn total(&self) -> f64 {
        self.0.iter().sum()
    }

    /// Each weight as a share of the total.
    pub fn shares(&self) -> [f64; METRICS] {
        let total = self.total();
        if total > 0.0 { self.0.map(|w| w / total) } else { [0.0; METRICS] }
    }

    /// Every weight is a number ≥ 0 and at least one is above 0.
    pub fn validate(&self) -> Result<(), ProfileError> {
        for m in Metric::ALL {
            check(m, self.get(m))?;
        }
        if self.total() > 0.0 { Ok(()) } else { Err(ProfileError::AllZero) }
    }

    /// Parses a JSON object of metric name → weight (metrics left out weigh 0).
    pub fn from_json(text: &str) -> Result<Weights, ProfileError> {
        let w: Weights = serde_json::from_str(text).map_err(|e| ProfileError::Json(e.to_string()))?;
        w.validate()?;
        Ok(w)
    }
}

fn check(metric: Metric, value: f64) -> Result<(), ProfileError> {
    if value.is_finite() && value >= 0.0 { Ok(()) } else { Err(ProfileError::InvalidWeight { metric, value }) }
}

impl Serialize for Weights {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(METRICS))?;
        for m in Metric::ALL {
            map.serialize_entry(m.key(), &self.get(m))?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Weights {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Weights, D::Error> {
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = Weights;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of metric names and weights")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Weights, A::Error> {
                let mut w = [0.0; METRICS];
                let mut seen = [false; METRICS];
                while let Some((key, value)) = map.next_entry::<String, f64>()? {
                    let m = Metric::from_key(&key).ok_or_else(|| A::Error::custom(ProfileError::UnknownMetric(key.clone())))?;
                    if std::mem::replace(&mut seen[m.index()], true) {
                        return Err(A::Error::custom(ProfileError::Duplicate(key)));
                    }
                    w[m.index()] = value;
                }
                Ok(Weights(w))
            }
        }
        d.deserialize_map(Visit)
    }
}

/// A named set of weights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeightProfile {
    /// Its name.
    pub name: String,
    /// The weights.
    pub weights: Weights,
    /// Built in (read-only).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub builtin: bool,
}

/// The built-in profiles' names.
pub const VALUE_FIRST: &str = "value_first";
/// Weighs what a customer could become: wallet, headroom, growth.
pub const POTENTIAL_FIRST: &str = "potential_first";
/// Weighs steady, healthy, long relationships.
pub const STABILITY_FIRST: &str = "stability_first";

impl WeightProfile {
    /// The key of a built-in's name in the vocabulary (`crate::text`); the user's own are shown as
    /// typed.
    pub fn text_key(&self) -> Option<&'static str> {
        match self.name.as_str() {
            VALUE_FIRST if self.builtin => Some("tiers.profile.value_first"),
            POTENTIAL_FIRST if self.builtin => Some("tiers.profile.potential_first"),
            STABILITY_FIRST if self.builtin => Some("tiers.profile.stability_first"),
            _ => None,
        }
    }

    /// The three built-in profiles.
    pub fn builtins() -> [WeightProfile; 3] {
        use Metric::*;
        let builtin = |name: &str, pairs: &[(Metric, f64)]| WeightProfile { name: name.into(), weights: Weights::of(pairs), builtin: true };
        [
            // What the customer is worth to us now.
            builtin(
                VALUE_FIRST,
                &[
                    (Monetary, 60.0),
                    (Frequency, 5.0),
                    (Tenure, 5.0),
                    (Share, 10.0),
                    (Margin, 10.0),
                    (PaymentRisk, 5.0),
                    (RelationshipDepth, 5.0),
                ],
            ),
            // What it could become: a big wallet we hold little of, growing faster than its market.
            builtin(
                POTENTIAL_FIRST,
                &[
                    (Headroom, 25.0),
                    (Wallet, 15.0),
                    (CategoryVsMarket, 15.0),
                    (SalesGrowth, 15.0),
                    (Monetary, 15.0),
                    (Diversity, 5.0),
                    (RelationshipDepth, 5.0),
                    (DecisionComplexity, 5.0),
                ],
            ),
            // How dependable the business is: steady, long, paying.
            builtin(
                STABILITY_FIRST,
                &[
                    (Stability, 30.0),
                    (Tenure, 20.0),
                    (Frequency, 15.0),
                    (Recency, 10.0),
                    (PaymentRisk, 10.0),
                    (RelationshipDepth, 10.0),
                    (Monetary, 5.0),
                ],
            ),
        ]
    }

    /// A plain-language description of a built-in profile (English, Chinese).
    pub fn description(&self) -> Option<(&'static str, &'static str)> {
        match self.name.as_str() {
            VALUE_FIRST if self.builtin => Some(("Value first: what the customer is worth to us now", "价值优先：客户当前对我们的价值")),
            POTENTIAL_FIRST if self.builtin => Some((
                "Potential first: a large wallet we hold little of, growing faster than its market",
                "潜力优先：采购盘子大、我方份额低、增长快于市场",
            )),
            STABILITY_FIRST if self.builtin => Some(("Stability first: steady, long, paying", "稳定优先：采购平稳、合作长久、回款可靠")),
            _ => None,
        }
    }
}

/// The profiles kept in a workspace: the user's own and which one is in use.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profiles {
    /// The profile in use (a built-in when unset).
    pub active: Option<String>,
    /// The user's profiles.
    pub custom: Vec<WeightProfile>,
}

impl Profiles {
    /// Built-ins first, then the user's.
    pub fn all(&self) -> Vec<WeightProfile> {
        WeightProfile::builtins().into_iter().chain(self.custom.iter().cloned()).collect()
    }

    /// A profile by name (case-insensitive).
    pub fn find(&self, name: &str) -> Result<WeightProfile, ProfileError> {
        let wanted = name.trim();
        self.all()
            .into_iter()
            .find(|p| p.name.eq_ignore_ascii_case(wanted))
            .ok_or_else(|| ProfileError::NotFound { name: wanted.to_string(), known: self.all().into_iter().map(|p| p.name).collect() })
    }

    /// The profile in use; value first when none was chosen or the chosen one is gone.
    pub fn active(&self) -> WeightProfile {
        self.active.as_deref().and_then(|n| self.find(n).ok()).unwrap_or_else(|| WeightProfile::builtins()[0].clone())
    }

    /// Makes `name` the profile in use.
    pub fn switch(&mut self, name: &str) -> Result<(), ProfileError> {
        self.active = Some(self.find(name)?.name);
        Ok(())
    }

    /// Copies a profile under a new name (a custom profile the user can edit).
    pub fn copy(&mut self, from: &str, new_name: &str) -> Result<(), ProfileError> {
        let source = self.find(from)?;
        self.create(new_name, source.weights)
    }

    /// Adds a custom profile.
    pub fn create(&mut self, name: &str, weights: Weights) -> Result<(), ProfileError> {
        let name = self.free_name(name)?;
        weights.validate()?;
        self.custom.push(WeightProfile { name, weights, builtin: false });
        Ok(())
    }

    /// Renames a custom profile (the active choice follows it).
    pub fn rename(&mut self, old: &str, new_name: &str) -> Result<(), ProfileError> {
        let index = self.custom_index(old)?;
        let same = self.custom[index].name.eq_ignore_ascii_case(new_name.trim());
        let name = if same { new_name.trim().to_string() } else { self.free_name(new_name)? };
        let was_active = self.active.as_deref().is_some_and(|a| a.eq_ignore_ascii_case(&self.custom[index].name));
        self.custom[index].name = name.clone();
        if was_active {
            self.active = Some(name);
        }
        Ok(())
    }

    /// Deletes a custom profile (if it was in use, value first is used again).
    pub fn delete(&mut self, name: &str) -> Result<(), ProfileError> {
        let index = self.custom_index(name)?;
        let removed = self.custom.remove(index);
        if self.active.as_deref().is_some_and(|a| a.eq_ignore_ascii_case(&removed.name)) {
            self.active = None;
        }
        Ok(())
    }

    /// Replaces a custom profile's weights.
    pub fn set_weights(&mut self, name: &str, weights: Weights) -> Result<(), ProfileError> {
        weights.validate()?;
        let index = self.custom_index(name)?;
        self.custom[index].weights = weights;
        Ok(())
    }

    fn custom_index(&self, name: &str) -> Result<usize, ProfileError> {
        let found = self.find(name)?;
        if found.builtin {
            return Err(ProfileError::BuiltIn(found.name));
        }
        let known = || self.all().into_iter().map(|p| p.name).collect();
        self.custom
            .iter()
            .position(|p| p.name == found.name)
            .ok_or_else(|| ProfileError::NotFound { name: found.name.clone(), known: known() })
    }

    fn free_name(&self, name: &str) -> Result<String, ProfileError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ProfileError::EmptyName);
        }
        if self.find(name).is_ok() {
            return Err(ProfileError::Exists(name.to_string()));
        }
        Ok(name.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_errors_speak_chinese_with_their_fields() {
        use crate::text::Lang;
        let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let errors = [
            ProfileError::NotFound { name: "bold".into(), known: vec!["value_first".into(), "mine".into()] },
            ProfileError::BuiltIn("value_first".into()),
            ProfileError::InvalidWeight { metric: Metric::ALL[0], value: -3.0 },
            ProfileError::Json("expected value at line 1 column 1".into()),
        ];
        for e in &errors {
            let (en, zh) = (e.message().render(Lang::En), e.message().render(Lang::Zh));
            assert!(chinese(&zh), "{zh}");
            assert_ne!(en, zh);
        }
        let zh = errors[0].message().render(Lang::Zh);
        assert!(zh.contains("bold") && zh.contains("value_first, mine"), "{zh}");
        let en = errors[1].message().render(Lang::En);
        assert!(en.contains("value_first") && !en.contains("profiles copy"), "the window names no command: {en}");
        let zh = errors[2].message().render(Lang::Zh);
        assert!(zh.contains(Metric::ALL[0].key()) && zh.contains("-3"), "{zh}");
        let zh = errors[3].message().render(Lang::Zh);
        assert!(zh.contains("{\"monetary\": 40, \"share\": 10}") && zh.contains("line 1 column 1"), "{zh}");
    }

    #[test]
    fn builtins_are_valid_and_add_up_to_100() {
        for p in WeightProfile::builtins() {
            assert!(p.weights.validate().is_ok(), "{}", p.name);
            assert_eq!(p.weights.total(), 100.0, "{}", p.name);
            assert!(p.description().is_some());
        }
    }

    #[test]
    fn copy_edit_rename_switch_delete() {
        let mut profiles = Profiles::default();
        assert_eq!(profiles.active().name, VALUE_FIRST);
        profiles.copy("Potential_First", "export push").expect("fixture");
        let mut w = profiles.find("EXPORT PUSH").expect("fixture").weights;
        w.set(Metric::Share, 40.0).expect("fixture");
        profiles.set_weights("export push", w).expect("fixture");
        profiles.switch("export push").expect("fixture");
        profiles.rename("export push", "big wallets").expect("fixture");
        assert_eq!(profiles.active().name, "big wallets");
        assert_eq!(profiles.active().weights.get(Metric::Share), 40.0);
        assert_eq!(profiles.active().weights.get(Metric::Headroom), 25.0);
        profiles.delete("big wallets").expect("fixture");
        assert_eq!(profiles.active().name, VALUE_FIRST);
        assert!(profiles.custom.is_empty());
    }

    #[test]
    fn builtins_are_read_only_and_names_unique() {
        let mut profiles = Profiles::default();
        assert_eq!(profiles.delete(VALUE_FIRST), Err(ProfileError::BuiltIn(VALUE_FIRST.into())));
        assert!(matches!(profiles.rename(STABILITY_FIRST, "x"), Err(ProfileError::BuiltIn(_))));
        assert_eq!(profiles.copy(VALUE_FIRST, "Stability_First"), Err(ProfileError::Exists("Stability_First".into())));
        assert_eq!(profiles.copy(VALUE_FIRST, "  "), Err(ProfileError::EmptyName));
        assert!(matches!(profiles.switch("nope"), Err(ProfileError::NotFound { known, .. }) if known.len() == 3));
    }

    #[test]
    fn weights_read_from_json_by_metric_name() {
        let w = Weights::from_json(r#"{"monetary": 60, "share": 40}"#).expect("fixture");
        assert_eq!(w.get(Metric::Monetary), 60.0);
        assert_eq!(w.get(Metric::Headroom), 0.0);
        let refused = |text: &str| Weights::from_json(text).expect_err("refused").to_string();
        assert!(refused(r#"{"monetory": 60}"#).contains("'monetory' is not a metric"));
        assert!(refused(r#"{"share": -1}"#).contains("0 or more"));
        assert!(refused(r#"{"share": 0}"#).contains("above zero"));
        assert!(refused(r#"{"monetary": 1, "monetary": 0}"#).contains("'monetary' is given twice"));
        assert!(refused(r#"[1, 2]"#).contains("JSON object"));
        let round: Weights = serde_json::from_str(&serde_json::to_string(&w).expect("fixture")).expect("fixture");
        assert_eq!(round, w);
    }
}
