//! Changes the user makes from the window — settings, roles, groups, customer notes — as data the
//! worker applies to the workspace before it recomputes.

use crate::analysis::crosssell::Bundle;
use crate::analysis::health::{HealthSettings, ThresholdSet};
use crate::analysis::playbook::Playbook;
use crate::analysis::tiers::{Profiles, TierRules};
use crate::model::{CompanyId, CrmCard, ManualAttributes};
use crate::preferences;
use crate::store::{Role, Workspace};
use chrono::NaiveDate;

/// One change to the workspace.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Add a name to our company or to the competitors.
    AddRole(Role, String),
    /// Remove a name from a role.
    RemoveRole(Role, String),
    /// Add catalog codes.
    AddCatalog(Vec<String>),
    /// Remove catalog codes.
    RemoveCatalog(Vec<String>),
    /// Replace the health thresholds.
    Thresholds(HealthSettings),
    /// Save (or replace) a named threshold set; the thresholds in use do not change.
    SaveThresholdSet(String, ThresholdSet),
    /// Make a saved threshold set the thresholds in use.
    UseThresholdSet(String),
    /// Forget a saved threshold set.
    DeleteThresholdSet(String),
    /// Replace the playbook texts.
    Playbook(Playbook),
    /// Replace the weight profiles (and the one in use).
    Profiles(Profiles),
    /// Replace the tier rules.
    Rules(TierRules),
    /// Replace the solution bundles.
    Bundles(Vec<Bundle>),
    /// Accept a suggested group.
    AcceptGroup {
        /// The suggestion's token.
        token: String,
        /// The group's name.
        group: String,
        /// Its members.
        members: Vec<CompanyId>,
    },
    /// Reject a suggested group.
    RejectGroup {
        /// The suggestion's token.
        token: String,
        /// Its members.
        members: Vec<CompanyId>,
    },
    /// A customer's 1–5 judgements.
    Attributes(CompanyId, ManualAttributes),
    /// A customer's CRM card (owner, backup owner, contacts), replaced whole.
    CrmCard(CompanyId, CrmCard),
    /// A dated note on a customer.
    AddNote(CompanyId, NaiveDate, String),
    /// Delete a customer's note by its id.
    DeleteNote(CompanyId, i64),
}

impl Change {
    /// Applies the change; `true` when the data must be reloaded (identities or roles changed).
    pub fn apply(&self, ws: &mut Workspace) -> anyhow::Result<bool> {
        match self {
            Change::AddRole(role, name) => {
                ws.add_role(*role, name)?;
                Ok(true)
            }
            Change::RemoveRole(role, name) => {
                ws.remove_role(*role, name)?;
                Ok(true)
            }
            Change::AddCatalog(codes) => {
                ws.add_catalog(codes)?;
                Ok(true)
            }
            Change::RemoveCatalog(codes) => {
                ws.remove_catalog(codes)?;
                Ok(true)
            }
            Change::Thresholds(t) => {
                t.validate()?;
                ws.set_setting(preferences::THRESHOLDS, t)?;
                Ok(false)
            }
            Change::SaveThresholdSet(name, set) => {
                preferences::save_threshold_set(ws, name, set.clone())?;
                Ok(false)
            }
            Change::UseThresholdSet(name) => {
                preferences::use_threshold_set(ws, name)?;
                Ok(false)
            }
            Change::DeleteThresholdSet(name) => {
                preferences::delete_threshold_set(ws, name)?;
                Ok(false)
            }
            Change::Playbook(p) => {
                ws.set_setting(preferences::PLAYBOOK, p)?;
                Ok(false)
            }
            Change::Profiles(p) => {
                preferences::save_tier_profiles(ws, p)?;
                Ok(false)
            }
            Change::Rules(r) => {
                preferences::save_tier_rules(ws, r)?;
                Ok(false)
            }
            Change::Bundles(b) => {
                preferences::save_bundles(ws, b)?;
                Ok(false)
            }
            Change::AcceptGroup { token, group, members } => {
                ws.accept_group_suggestion(token, group, members)?;
                Ok(true)
            }
            Change::RejectGroup { token, members } => {
                ws.reject_group_suggestion(token, members)?;
                Ok(false)
            }
            Change::Attributes(id, a) => {
                ws.set_attributes(*id, a)?;
                Ok(false)
            }
            // Notes and cards change no figure: no reload, only the customer's detail is sent again.
            Change::CrmCard(id, card) => {
                ws.set_crm_card(*id, card)?;
                Ok(false)
            }
            Change::AddNote(id, date, text) => {
                ws.add_crm_note(*id, *date, text)?;
                Ok(false)
            }
            Change::DeleteNote(_, note) => {
                ws.delete_crm_note(*note)?;
                Ok(false)
            }
        }
    }

    /// The change can alter analysis results (CRM notes and contacts do not: only the customer's
    /// detail is sent again, without recomputing the workspace).
    pub fn affects_results(&self) -> bool {
        !matches!(self, Change::CrmCard(..) | Change::AddNote(..) | Change::DeleteNote(..))
    }

    /// The customer whose detail view should be refreshed afterwards.
    pub fn customer(&self) -> Option<CompanyId> {
        match self {
            Change::Attributes(id, _) | Change::CrmCard(id, _) | Change::AddNote(id, _, _) | Change::DeleteNote(id, _) => Some(*id),
            _ => None,
        }
    }
}
