//! Who visits whom: the team (people with a capacity in visits a quarter) against the service
//! plan's visits for each customer's tier, read with the CRM card's owners — each person's load,
//! the customers without an owner, the A and protect customers without a backup, and a suggested
//! assignment that fits capacity with the fewest changes (`analysis::team`), which the user
//! accepts or edits; nothing is applied without them.

use crate::analysis::team::{Account, Suggestion, Team, TeamLoad, load, suggest};
use crate::analysis::tiers::{ServicePlan, TierReport};
use crate::model::{CompanyId, CrmCard};
use rustc_hash::FxHashMap;
use serde::Serialize;

/// The team's page: the load as it stands and the suggestion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamView {
    /// The team.
    pub team: Team,
    /// Loads, owners missing, backups missing.
    pub load: TeamLoad,
    /// The suggested changes.
    pub suggestion: Suggestion,
    /// Every customer of ours with its plan load, owner and backup (by id, for names and tiers).
    #[serde(skip)]
    pub accounts: Vec<Account>,
}

impl TeamView {
    /// An account by id.
    pub fn account(&self, id: CompanyId) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }
}

/// The team's view of the customers tiered in `tiers`.
pub fn view(team: &Team, plan: &ServicePlan, tiers: &TierReport, cards: &FxHashMap<CompanyId, CrmCard>) -> TeamView {
    let accounts: Vec<Account> = tiers
        .customers
        .iter()
        .map(|c| {
            let card = cards.get(&c.id);
            Account {
                id: c.id,
                customer: c.customer.clone(),
                tier: c.tier,
                protect: c.protect,
                owner: card.map(|k| k.owner.clone()).unwrap_or_default(),
                backup: card.map(|k| k.backup_owner.clone()).unwrap_or_default(),
                load: f64::from(plan.visits_a_year(c.tier)) / 4.0,
                our_sales_12m: c.our_sales_12m,
            }
        })
        .collect();
    TeamView { team: team.clone(), load: load(team, &accounts), suggestion: suggest(team, &accounts), accounts }
}

/// One customer's owner and backup as the user accepted them from a suggestion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// The customer.
    pub id: CompanyId,
    /// Its new owner (`None`: unchanged).
    pub owner: Option<String>,
    /// Its new backup owner (`None`: unchanged).
    pub backup: Option<String>,
}

impl Assignment {
    /// The suggestion as assignments: every move and every backup.
    pub fn all(s: &Suggestion) -> Vec<Assignment> {
        let mut out: Vec<Assignment> = s.moves.iter().map(|m| Assignment { id: m.id, owner: Some(m.to.clone()), backup: None }).collect();
        for b in &s.backups {
            match out.iter_mut().find(|a| a.id == b.id) {
                Some(a) => a.backup = Some(b.backup.clone()),
                None => out.push(Assignment { id: b.id, owner: None, backup: Some(b.backup.clone()) }),
            }
        }
        out
    }

    /// The card with this assignment applied (contacts kept).
    pub fn apply_to(&self, card: &CrmCard) -> CrmCard {
        CrmCard {
            owner: self.owner.clone().unwrap_or_else(|| card.owner.clone()),
            backup_owner: self.backup.clone().unwrap_or_else(|| card.backup_owner.clone()),
            contacts: card.contacts.clone(),
        }
    }
}
