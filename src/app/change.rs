//! Changes the user makes from the window — settings, roles, groups, customer notes — as data the
//! worker applies to the workspace before it recomputes.

use crate::analysis::crosssell::Bundle;
use crate::analysis::health::{HealthSettings, ThresholdSet};
use crate::analysis::playbook::Playbook;
use crate::analysis::team::Team;
use crate::analysis::tiers::{Profiles, ServicePlan, TierRules};
use crate::app::team::Assignment;
use crate::model::{CompanyId, CrmCard, ManualAttributes, Quarter, ReviewMonth};
use crate::preferences;
use crate::store::{Role, StoreError, Workspace};
use chrono::NaiveDate;

/// What a change touches, so the worker redoes no more than needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Only the customer's detail (a note).
    Detail,
    /// What people keep beside the figures — owners, review marks, the review month, the team: the
    /// snapshot's review and owners are re-read, no analysis is redone.
    People,
    /// Analysis results: everything is recomputed.
    Results,
}

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
    /// Mark a customer reviewed for a quarter, with a note that also lands in its CRM card.
    MarkReviewed {
        /// The customer.
        id: CompanyId,
        /// The quarter reviewed.
        quarter: Quarter,
        /// The day.
        date: NaiveDate,
        /// What the review concluded (may be empty).
        note: String,
    },
    /// Take a reviewed mark back.
    UnmarkReviewed(CompanyId, Quarter),
    /// Which month of each quarter is review month.
    ReviewMonth(ReviewMonth),
    /// Replace the sales team.
    Team(Team),
    /// Replace the service plan.
    ServicePlan(ServicePlan),
    /// Owners and backups the user accepted from the team's suggestion, written into the CRM cards.
    Assign(Vec<Assignment>),
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
            Change::MarkReviewed { id, quarter, date, note } => {
                ws.mark_reviewed(*id, *quarter, *date, note)?;
                Ok(false)
            }
            Change::UnmarkReviewed(id, quarter) => {
                ws.unmark_reviewed(*id, *quarter)?;
                Ok(false)
            }
            Change::ReviewMonth(month) => {
                preferences::save_review_month(ws, *month)?;
                Ok(false)
            }
            Change::Team(team) => {
                preferences::save_team(ws, team)?;
                Ok(false)
            }
            Change::ServicePlan(plan) => {
                preferences::save_service_plan(ws, plan)?;
                Ok(false)
            }
            Change::Assign(list) => {
                let cards = list.iter().map(|a| Ok((a.id, a.apply_to(&ws.crm(a.id)?.card)))).collect::<Result<Vec<_>, StoreError>>()?;
                ws.set_crm_cards(&cards)?;
                Ok(false)
            }
        }
    }

    /// What must be redone after it.
    pub fn scope(&self) -> Scope {
        match self {
            Change::AddNote(..) | Change::DeleteNote(..) => Scope::Detail,
            Change::CrmCard(..)
            | Change::MarkReviewed { .. }
            | Change::UnmarkReviewed(..)
            | Change::ReviewMonth(_)
            | Change::Team(_)
            | Change::ServicePlan(_)
            | Change::Assign(_) => Scope::People,
            _ => Scope::Results,
        }
    }

    /// The customer whose detail view should be refreshed afterwards.
    pub fn customer(&self) -> Option<CompanyId> {
        match self {
            Change::Attributes(id, _)
            | Change::CrmCard(id, _)
            | Change::AddNote(id, _, _)
            | Change::DeleteNote(id, _)
            | Change::MarkReviewed { id, .. }
            | Change::UnmarkReviewed(id, _) => Some(*id),
            _ => None,
        }
    }
}
