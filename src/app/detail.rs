//! Everything the customer screen shows about one customer, gathered on the worker: its health and
//! playbook advice and its cross-sell gaps and groups from the current snapshot, its profile (share
//! curve, supplier structure, demand, rhythm) and HS mix computed on demand, its CRM card from the
//! workspace.

use super::snapshot::Snapshot;
use crate::analysis::crosssell::CustomerGaps;
use crate::analysis::groups::GroupView;
use crate::analysis::health::CustomerHealth;
use crate::analysis::mix::{MixQuarter, hs_mix};
use crate::analysis::playbook::{Advice, advise};
use crate::analysis::profile::{Profile, profile};
use crate::model::{CompanyId, Crm, Dataset, ManualAttributes};
use crate::store::Workspace;
use chrono::NaiveDate;

/// Quarters of the HS mix: as many as the profile's share curve, so the charts line up.
pub const MIX_QUARTERS: usize = 12;

/// One customer, everything the detail screen draws.
#[derive(Debug, Clone)]
pub struct CustomerDetail {
    /// Company id.
    pub id: CompanyId,
    /// Display name.
    pub name: String,
    /// Every spelling.
    pub aliases: Vec<String>,
    /// The as-of date.
    pub as_of: Option<NaiveDate>,
    /// Health, when it is a customer of ours.
    pub health: Option<CustomerHealth>,
    /// The playbook's advice for its level.
    pub advice: Option<Advice>,
    /// Share curve, supplier structure, demand, business, rhythm.
    pub profile: Option<Profile>,
    /// Its imports by HS code per quarter, the profile's quarters (empty without an as-of date).
    pub mix: Vec<MixQuarter>,
    /// Cross-sell gaps.
    pub gaps: Option<CustomerGaps>,
    /// Groups it belongs to (with their referral lists).
    pub groups: Vec<GroupView>,
    /// The user's 1–5 judgements.
    pub attributes: ManualAttributes,
    /// Owner, backup owner, contacts and notes.
    pub crm: Crm,
}

/// Gathers one customer's detail.
pub fn build(ws: &Workspace, data: &Dataset, snap: Option<&Snapshot>, id: CompanyId) -> anyhow::Result<CustomerDetail> {
    let company = data.companies.get(&id);
    let as_of = snap.and_then(|s| s.as_of);
    let health = snap.and_then(|s| s.health.as_ref()).and_then(|h| h.customers.iter().find(|c| c.id == id)).cloned();
    let playbook = snap.map(|s| s.settings.playbook.clone()).unwrap_or_default();
    let same_order_days = snap.map_or(14, |s| s.settings.thresholds.rhythm_same_order_days);
    Ok(CustomerDetail {
        id,
        name: data.name(id).to_string(),
        aliases: company.map(|c| c.aliases.clone()).unwrap_or_default(),
        as_of,
        advice: health.as_ref().and_then(|h| advise(&playbook, h)),
        health,
        profile: as_of.and_then(|d| profile(data, id, d, same_order_days)),
        mix: as_of.map(|d| hs_mix(data, id, d, MIX_QUARTERS)).unwrap_or_default(),
        gaps: snap.and_then(|s| s.crosssell.as_ref()).and_then(|c| c.customers.iter().find(|g| g.id == id)).cloned(),
        groups: snap
            .and_then(|s| s.groups.as_ref())
            .map(|g| g.groups.iter().filter(|g| g.members.iter().any(|m| m.id == id)).cloned().collect())
            .unwrap_or_default(),
        attributes: ws.attributes_of(id)?,
        crm: ws.crm(id)?,
    })
}
