//! The analysis settings a workspace keeps — health thresholds, the playbook, weight profiles, tier
//! rules and the service plan — read typed and checked, so every front end (CLI, window, reports)
//! sees the same values and a damaged setting is one clear error naming how to fix it.
//!
//! Sits between [`crate::store`] (which stores JSON by key and knows nothing of analysis types) and
//! the front ends.

use crate::analysis::health::HealthSettings;
use crate::analysis::playbook::Playbook;
use crate::analysis::tiers::{Profiles, ServicePlan, TierRules};
use crate::store::{StoreError, Workspace};
use thiserror::Error;

/// Workspace key of the health thresholds.
pub const THRESHOLDS: &str = "health_thresholds";
/// Workspace key of the playbook texts.
pub const PLAYBOOK: &str = "playbook";
/// Workspace key of the weight profiles and the one in use.
pub const TIER_PROFILES: &str = "tier_profiles";
/// Workspace key of the tier rules.
pub const TIER_RULES: &str = "tier_rules";
/// Workspace key of the service plan.
pub const SERVICE_PLAN: &str = "service_plan";

/// A setting could not be read or is not usable.
#[derive(Debug, Error)]
pub enum PreferenceError {
    /// The workspace failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The stored value breaks a rule.
    #[error("the workspace's {what} are not usable: {reason}; fix with `customs-radar {fix}`")]
    Invalid {
        /// Which setting.
        what: &'static str,
        /// Why.
        reason: String,
        /// The command that repairs it.
        fix: &'static str,
    },
}

fn invalid(what: &'static str, fix: &'static str) -> impl Fn(String) -> PreferenceError {
    move |reason| PreferenceError::Invalid { what, reason, fix }
}

/// The health thresholds, checked.
pub fn health_thresholds(ws: &Workspace) -> Result<HealthSettings, PreferenceError> {
    let cfg: HealthSettings = ws.setting(THRESHOLDS)?;
    cfg.validate().map_err(invalid("health thresholds", "thresholds set … or thresholds reset"))?;
    Ok(cfg)
}

/// The playbook texts.
pub fn playbook(ws: &Workspace) -> Result<Playbook, PreferenceError> {
    Ok(ws.setting(PLAYBOOK)?)
}

/// The weight profiles, each checked.
pub fn tier_profiles(ws: &Workspace) -> Result<Profiles, PreferenceError> {
    let profiles: Profiles = ws.setting(TIER_PROFILES)?;
    for p in &profiles.custom {
        p.weights
            .validate()
            .map_err(|e| invalid("weight profiles", "profiles set … or profiles delete …")(format!("{}: {e}", p.name)))?;
    }
    Ok(profiles)
}

/// Stores the weight profiles.
pub fn save_tier_profiles(ws: &mut Workspace, profiles: &Profiles) -> Result<(), PreferenceError> {
    Ok(ws.set_setting(TIER_PROFILES, profiles)?)
}

/// The tier rules, checked.
pub fn tier_rules(ws: &Workspace) -> Result<TierRules, PreferenceError> {
    let rules: TierRules = ws.setting(TIER_RULES)?;
    rules.validate().map_err(|e| invalid("tier rules", "tier-rules quantiles … or tier-rules reset")(e.to_string()))?;
    Ok(rules)
}

/// Stores the tier rules (checked first).
pub fn save_tier_rules(ws: &mut Workspace, rules: &TierRules) -> Result<(), PreferenceError> {
    rules.validate().map_err(|e| invalid("tier rules", "tier-rules reset")(e.to_string()))?;
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
