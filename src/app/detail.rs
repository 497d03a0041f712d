//! Everything one customer's page and its briefings show, gathered once: its health and playbook
//! advice, its cross-sell gaps and groups (from the window's snapshot, or computed for a briefing at
//! any date), its profile (share curve, supplier structure, demand, rhythm), HS mix, 12-month
//! figures against the year before, and its CRM card from the workspace.

use super::snapshot::Snapshot;
use crate::analysis::crosssell::{CustomerGaps, crosssell};
use crate::analysis::groups::{GroupView, groups};
use crate::analysis::health::{CustomerHealth, HealthSettings, View, assess};
use crate::analysis::mix::{MixQuarter, hs_mix};
use crate::analysis::playbook::{Advice, Playbook, advise};
use crate::analysis::profile::{Profile, profile};
use crate::analysis::series::{MonthGrid, build_filtered};
use crate::model::{CompanyId, Crm, Dataset, ManualAttributes};
use crate::preferences::{self, PreferenceError};
use crate::store::Workspace;
use chrono::NaiveDate;

/// Quarters of the HS mix: as many as the profile's share curve, so the charts line up.
pub const MIX_QUARTERS: usize = 12;

/// A customer's 12-month figures and the 12 months before, as the health rules count them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Trailing {
    /// Our sales (USD), last 12 months and the 12 before.
    pub ours: (f64, f64),
    /// Its purchases from everyone, every code (USD).
    pub total: (f64, f64),
    /// Its purchases of our kind of products from everyone (USD).
    pub category: (f64, f64),
}

/// One customer, everything its page and briefings draw.
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
    /// 12-month figures against the year before.
    pub trailing: Trailing,
    /// Cross-sell gaps.
    pub gaps: Option<CustomerGaps>,
    /// Groups it belongs to (with their referral lists).
    pub groups: Vec<GroupView>,
    /// The user's 1–5 judgements.
    pub attributes: ManualAttributes,
    /// Owner, backup owner, contacts and notes.
    pub crm: Crm,
    /// When its next order is expected, when its rhythm can be read.
    pub next_order: Option<crate::analysis::next_order::NextOrder>,
    /// Its seasonal profile (or that the history is too short to tell).
    pub season: Option<crate::analysis::next_order::Season>,
    /// How dependent it is on one supplier and one origin (when it bought from us in 12 months).
    pub supply: Option<crate::analysis::supply_risk::SupplyRisk>,
    /// Its place among its country's importers of our kind (when it bought from us in 12 months).
    pub market: Option<crate::analysis::market_position::Position>,
}

/// What the portfolio-wide analyses say of one customer.
struct Found {
    health: Option<CustomerHealth>,
    gaps: Option<CustomerGaps>,
    groups: Vec<GroupView>,
}

/// Gathers one customer's detail for the window, from the current snapshot.
pub fn build(ws: &Workspace, data: &Dataset, snap: Option<&Snapshot>, id: CompanyId) -> anyhow::Result<CustomerDetail> {
    let found = Found {
        health: snap.and_then(|s| s.health.as_ref()).and_then(|h| h.customers.iter().find(|c| c.id == id)).cloned(),
        gaps: snap.and_then(|s| s.crosssell.as_ref()).and_then(|c| c.customers.iter().find(|g| g.id == id)).cloned(),
        groups: snap
            .and_then(|s| s.groups.as_ref())
            .map(|g| g.groups.iter().filter(|g| g.members.iter().any(|m| m.id == id)).cloned().collect())
            .unwrap_or_default(),
    };
    let playbook = snap.map(|s| s.settings.playbook.clone()).unwrap_or_default();
    let same_order_days = snap.map_or(HealthSettings::default().rhythm_same_order_days, |s| s.settings.thresholds.rhythm_same_order_days);
    Ok(assemble(ws, data, snap.and_then(|s| s.as_of), id, found, &playbook, same_order_days)?)
}

/// Gathers one customer's detail at any date, computing what the window takes from its snapshot
/// (a briefing's path: the same analyses, the workspace's settings).
pub fn gather(
    ws: &Workspace,
    data: &Dataset,
    as_of: NaiveDate,
    thresholds: &HealthSettings,
    id: CompanyId,
) -> Result<CustomerDetail, PreferenceError> {
    let bundles = preferences::bundles(ws)?;
    let found = Found {
        health: assess(data, as_of, thresholds).customers.into_iter().find(|c| c.id == id),
        gaps: crosssell(data, as_of, &bundles, Some(id)).customers.into_iter().find(|g| g.id == id),
        groups: groups(data, as_of, &ws.company_groups()?, &ws.group_answers()?)
            .groups
            .into_iter()
            .filter(|g| g.members.iter().any(|m| m.id == id))
            .collect(),
    };
    assemble(ws, data, Some(as_of), id, found, &preferences::playbook(ws)?, thresholds.rhythm_same_order_days)
}

/// The detail from what the portfolio analyses found and what is computed for this customer alone.
fn assemble(
    ws: &Workspace,
    data: &Dataset,
    as_of: Option<NaiveDate>,
    id: CompanyId,
    found: Found,
    playbook: &Playbook,
    same_order_days: i64,
) -> Result<CustomerDetail, PreferenceError> {
    let Found { health, gaps, groups } = found;
    Ok(CustomerDetail {
        id,
        name: data.name(id).to_string(),
        aliases: data.companies.get(&id).map(|c| c.aliases.clone()).unwrap_or_default(),
        as_of,
        advice: health.as_ref().and_then(|h| advise(playbook, h)),
        health,
        profile: as_of.and_then(|d| profile(data, id, d, same_order_days)),
        mix: as_of.map(|d| hs_mix(data, id, d, MIX_QUARTERS)).unwrap_or_default(),
        trailing: as_of.map(|d| trailing(data, d, id)).unwrap_or_default(),
        gaps,
        groups,
        attributes: ws.attributes_of(id)?,
        crm: ws.crm(id)?,
        next_order: as_of.and_then(|d| crate::analysis::next_order::next_order_of(data, id, d)),
        season: as_of.map(|d| crate::analysis::next_order::season_of(data, id, d)),
        supply: as_of.and_then(|d| crate::analysis::supply_risk::supply_risk(data, d).0.into_iter().find(|r| r.id == id)),
        market: as_of.and_then(|d| crate::analysis::market_position::positions(data, d).into_iter().find(|p| p.id == id)),
    })
}

/// The customer's 12-month figures and the 12 before, on the health rules' month grid.
fn trailing(data: &Dataset, as_of: NaiveDate, id: CompanyId) -> Trailing {
    let grid = MonthGrid::new(as_of, 24);
    build_filtered(data, grid, as_of, Some(id))
        .customers
        .first()
        .map(|s| {
            let v = View::new(s, grid.months - 1, grid, data);
            Trailing {
                ours: (v.ours(0, 12).dollars(), v.ours(12, 12).dollars()),
                total: (v.total(0, 12).dollars(), v.total(12, 12).dollars()),
                category: (v.category(0, 12).dollars(), v.category(12, 12).dollars()),
            }
        })
        .unwrap_or_default()
}
