//! The analysis settings a workspace keeps — health thresholds, the playbook, weight profiles, tier
//! rules and the service plan — read typed and checked, so every front end (CLI, window, reports)
//! sees the same values and a damaged setting is one clear error naming how to fix it.
//!
//! Sits between [`crate::store`] (which stores JSON by key and knows nothing of analysis types) and
//! the front ends.

use crate::analysis::crosssell::Bundle;
use crate::analysis::health::{HealthSettings, SetError, ThresholdSet, ThresholdSets, threshold_sets};
use crate::analysis::playbook::Playbook;
use crate::analysis::team::{Team, TeamProblem};
use crate::analysis::tiers::{Profiles, ServicePlan, TierRules, WeightProfile};
use crate::model::ReviewMonth;
use crate::store::{StoreError, Workspace};
use crate::text::Message;
use thiserror::Error;

/// Workspace key of the health thresholds.
pub const THRESHOLDS: &str = "health_thresholds";
/// Workspace key of the saved threshold sets.
pub const THRESHOLD_SETS: &str = "threshold_sets";
/// Workspace key of the playbook texts.
pub const PLAYBOOK: &str = "playbook";
/// Workspace key of the weight profiles and the one in use.
pub const TIER_PROFILES: &str = "tier_profiles";
/// Workspace key of the tier rules.
pub const TIER_RULES: &str = "tier_rules";
/// Workspace key of the service plan.
pub const SERVICE_PLAN: &str = "service_plan";
/// Workspace key of the solution bundles.
pub const BUNDLES: &str = "bundles";
/// Workspace key of the sales team.
pub const TEAM: &str = "team";
/// Workspace key of the quarterly review's month.
pub const REVIEW_MONTH: &str = "review_month";

/// A setting could not be read or is not usable.
#[derive(Debug, Error)]
pub enum PreferenceError {
    /// The workspace failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A value given to be stored breaks a rule (nothing was stored).
    #[error("{0}")]
    Refused(Message),
    /// The stored value breaks a rule.
    #[error("the workspace's {what} are not usable: {}; fix with `customs-radar {fix}`", clause(.reason))]
    Invalid {
        /// Which setting.
        what: &'static str,
        /// Why.
        reason: Message,
        /// The command that repairs it.
        fix: &'static str,
    },
}

impl PreferenceError {
    /// The error in words, for the reader's language. Unlike the command line's text, it names the
    /// place in the window where the setting is corrected or reset, never a command.
    pub fn message(&self) -> crate::text::Message {
        use crate::text::Arg;
        use std::borrow::Cow;
        match self {
            PreferenceError::Store(e) => e.message(),
            PreferenceError::Refused(reason) => crate::msg!("error.preference.refused", reason = reason.clone()),
            PreferenceError::Invalid { what: "weight profiles", reason, .. } => {
                crate::msg!("error.preference.invalid_profiles", reason = reason.clone())
            }
            PreferenceError::Invalid { what, reason, .. } => {
                let (term, place) = match *what {
                    "health thresholds" => ("error.preference.what_thresholds", "error.preference.place_thresholds"),
                    "tier rules" => ("error.preference.what_tier_rules", "error.preference.place_tier_rules"),
                    "bundles" => ("error.preference.what_bundles", "error.preference.place_bundles"),
                    "team" => ("error.preference.what_team", "error.preference.place_team"),
                    "review month" => ("error.preference.what_review_month", "error.preference.place_review"),
                    _ => ("", "error.preference.place_settings"),
                };
                let what = if term.is_empty() { Arg::Text(what.to_string()) } else { Arg::Term(Cow::Borrowed(term)) };
                crate::msg!("error.preference.invalid", what = what, reason = reason.clone(), place = Arg::Term(Cow::Borrowed(place)))
            }
        }
    }
}

/// A reason in English as a clause of the command line's sentence (without its closing full stop).
fn clause(reason: &Message) -> String {
    let text = reason.to_string();
    text.strip_suffix('.').unwrap_or(&text).to_string()
}

fn invalid(what: &'static str, fix: &'static str) -> impl Fn(Message) -> PreferenceError {
    move |reason| PreferenceError::Invalid { what, reason, fix }
}

/// A stored setting serde cannot read: its words kept verbatim inside a sentence of ours.
fn unreadable(e: &serde_json::Error) -> Message {
    crate::msg!("error.preference.unreadable", detail = e.to_string())
}

/// The health thresholds, checked.
pub fn health_thresholds(ws: &Workspace) -> Result<HealthSettings, PreferenceError> {
    let cfg: HealthSettings = ws.setting(THRESHOLDS)?;
    cfg.validate().map_err(|e| e.message()).map_err(invalid("health thresholds", "thresholds set … or thresholds reset"))?;
    Ok(cfg)
}

/// The saved threshold sets.
pub fn threshold_sets(ws: &Workspace) -> Result<ThresholdSets, PreferenceError> {
    Ok(ws.setting(THRESHOLD_SETS)?)
}

/// Saves (or replaces) the threshold set `name`; the thresholds in use do not change.
pub fn save_threshold_set(ws: &mut Workspace, name: &str, set: ThresholdSet) -> Result<(), PreferenceError> {
    let mut sets = threshold_sets(ws)?;
    threshold_sets::save(&mut sets, name, set).map_err(|e| PreferenceError::Refused(e.message()))?;
    Ok(ws.set_setting(THRESHOLD_SETS, &sets)?)
}

/// Forgets the threshold set `name`.
pub fn delete_threshold_set(ws: &mut Workspace, name: &str) -> Result<(), PreferenceError> {
    let mut sets = threshold_sets(ws)?;
    if sets.remove(name.trim()).is_none() {
        return Err(PreferenceError::Refused(SetError::Unknown(name.trim().to_string()).message()));
    }
    Ok(ws.set_setting(THRESHOLD_SETS, &sets)?)
}

/// Makes the threshold set `name` the thresholds in use.
pub fn use_threshold_set(ws: &mut Workspace, name: &str) -> Result<HealthSettings, PreferenceError> {
    let thresholds = threshold_sets::thresholds_of(&threshold_sets(ws)?, name).map_err(|e| PreferenceError::Refused(e.message()))?;
    ws.set_setting(THRESHOLDS, &thresholds)?;
    Ok(thresholds)
}

/// The playbook texts.
pub fn playbook(ws: &Workspace) -> Result<Playbook, PreferenceError> {
    Ok(ws.setting(PLAYBOOK)?)
}

/// The weight profiles as stored. Each profile's weights are checked when it is used (see
/// [`checked`]), so one bad profile never blocks the others or the commands that repair it.
pub fn tier_profiles(ws: &Workspace) -> Result<Profiles, PreferenceError> {
    ws.setting(TIER_PROFILES).map_err(|e| match e {
        StoreError::Json(e) => invalid("weight profiles", "profiles reset")(unreadable(&e)),
        other => PreferenceError::Store(other),
    })
}

/// A profile about to score tiers, checked.
pub fn checked(profile: WeightProfile) -> Result<WeightProfile, PreferenceError> {
    match profile.weights.validate() {
        Ok(()) => Ok(profile),
        Err(e) => {
            let reason = crate::msg!("error.preference.in_profile", name = profile.name, reason = e.message());
            Err(invalid("weight profiles", "profiles set NAME METRIC=WEIGHT or profiles delete NAME")(reason))
        }
    }
}

/// Stores the weight profiles.
pub fn save_tier_profiles(ws: &mut Workspace, profiles: &Profiles) -> Result<(), PreferenceError> {
    Ok(ws.set_setting(TIER_PROFILES, profiles)?)
}

/// The tier rules, checked.
pub fn tier_rules(ws: &Workspace) -> Result<TierRules, PreferenceError> {
    let rules: TierRules = ws.setting(TIER_RULES).map_err(|e| match e {
        StoreError::Json(e) => invalid("tier rules", "tier-rules reset")(unreadable(&e)),
        other => PreferenceError::Store(other),
    })?;
    rules.validate().map_err(|e| invalid("tier rules", "tier-rules quantiles … or tier-rules reset")(e.message()))?;
    Ok(rules)
}

/// Stores the tier rules (checked first: rules that break a rule are refused, nothing stored).
pub fn save_tier_rules(ws: &mut Workspace, rules: &TierRules) -> Result<(), PreferenceError> {
    rules.validate().map_err(|e| PreferenceError::Refused(e.message()))?;
    Ok(ws.set_setting(TIER_RULES, rules)?)
}

/// The service plan.
pub fn service_plan(ws: &Workspace) -> Result<ServicePlan, PreferenceError> {
    Ok(ws.setting(SERVICE_PLAN)?)
}

/// Stores the service plan.
pub fn save_service_plan(ws: &mut Workspace, plan: &ServicePlan) -> Result<(), PreferenceError> {
    Ok(ws.set_setting(SERVICE_PLAN, plan)?)
}

/// The sales team, checked.
pub fn team(ws: &Workspace) -> Result<Team, PreferenceError> {
    let team: Team = ws.setting(TEAM).map_err(|e| match e {
        StoreError::Json(e) => invalid("team", "team reset")(unreadable(&e)),
        other => PreferenceError::Store(other),
    })?;
    match team.problems().first() {
        Some(p) => Err(invalid("team", "team reset")(team_problem(p))),
        None => Ok(team),
    }
}

/// Stores the sales team (checked first: a team with a problem is refused, nothing stored).
pub fn save_team(ws: &mut Workspace, team: &Team) -> Result<(), PreferenceError> {
    if let Some(p) = team.problems().first() {
        return Err(PreferenceError::Refused(team_problem(p)));
    }
    Ok(ws.set_setting(TEAM, team)?)
}

/// A team's problem in words.
pub fn team_problem(p: &TeamProblem) -> Message {
    match p {
        TeamProblem::EmptyName(i) => crate::msg!("error.team.empty_name", n = i + 1),
        TeamProblem::DuplicateName(name) => crate::msg!("error.team.duplicate", name = name.clone()),
        TeamProblem::NegativeCapacity(name) | TeamProblem::NonFiniteCapacity(name) => {
            crate::msg!("error.team.capacity", name = name.clone())
        }
    }
}

/// Which month of each quarter is review month.
pub fn review_month(ws: &Workspace) -> Result<ReviewMonth, PreferenceError> {
    ws.setting(REVIEW_MONTH).map_err(|e| match e {
        StoreError::Json(e) => invalid("review month", "review month 1")(unreadable(&e)),
        other => PreferenceError::Store(other),
    })
}

/// Stores the review month.
pub fn save_review_month(ws: &mut Workspace, month: ReviewMonth) -> Result<(), PreferenceError> {
    Ok(ws.set_setting(REVIEW_MONTH, &month)?)
}

/// The solution bundles.
pub fn bundles(ws: &Workspace) -> Result<Vec<Bundle>, PreferenceError> {
    ws.setting(BUNDLES).map_err(|e| match e {
        StoreError::Json(e) => invalid("bundles", "bundles reset")(unreadable(&e)),
        other => PreferenceError::Store(other),
    })
}

/// Stores the solution bundles.
pub fn save_bundles(ws: &mut Workspace, bundles: &[Bundle]) -> Result<(), PreferenceError> {
    Ok(ws.set_setting(BUNDLES, &bundles)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    fn chinese(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn preference_errors_speak_chinese_and_name_no_command() {
        let reason = crate::analysis::health::ThresholdError::Unknown { name: "decline_yellow".into() }.message();
        let thresholds = invalid("health thresholds", "thresholds set … or thresholds reset")(reason);
        let (en, zh) = (thresholds.message().render(Lang::En), thresholds.message().render(Lang::Zh));
        assert!(chinese(&zh) && zh.contains("decline_yellow") && zh.contains("预警阈值"), "{zh}");
        assert!(zh.contains("没有名为“decline_yellow”的阈值。请在"), "the reason is in Chinese, one full stop: {zh}");
        assert!(en.contains("Settings → Thresholds") && !en.contains("customs-radar") && !en.contains(".."), "{en}");
        let line = thresholds.to_string();
        assert!(line.contains("customs-radar thresholds") && !line.contains(".;"), "the command line keeps naming the command: {line}");
        assert_ne!(en, zh);
        for (what, fix) in [("tier rules", "tier-rules reset"), ("weight profiles", "profiles reset"), ("bundles", "bundles reset")] {
            let e = invalid(what, fix)(crate::msg!("error.preference.unreadable", detail = "bad"));
            let (en, zh) = (e.message().render(Lang::En), e.message().render(Lang::Zh));
            assert!(chinese(&zh) && zh.contains("bad") && !zh.contains(fix) && !en.contains(fix), "{en} / {zh}");
            assert!(zh.contains("保存的内容无法读取（bad）。"), "{zh}");
        }
        let refused = PreferenceError::Refused(SetError::Unknown("strict".into()).message());
        let zh = refused.message().render(Lang::Zh);
        assert!(chinese(&zh) && zh.contains("没有名为“strict”的阈值组"), "{zh}");
        let busy = PreferenceError::Store(StoreError::Busy);
        assert_eq!(busy.message(), StoreError::Busy.message());
    }
}
