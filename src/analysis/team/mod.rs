//! The sales team against the service plan: each person's visit load beside their capacity, the
//! customers nobody (or a stranger) owns, the valuable ones without a backup owner, and a
//! suggested reassignment ([`suggest`]) that the user accepts or edits — never applied silently.
//!
//! Owner and backup names are free text typed on the CRM card, so they are matched to team members
//! after trimming, collapsing inner whitespace and ignoring case. Loads are visits a quarter (the
//! plan's rhythm for the account's tier). A load, capacity or sales figure that is negative or not
//! finite counts as 0, so no NaN reaches a sum or a comparison.

use crate::analysis::tiers::Tier;
use crate::model::CompanyId;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use thiserror::Error;

mod assign;
#[cfg(test)]
mod tests;

pub use assign::{BackupSuggestion, Move, MoveReason, Suggestion, suggest};

/// Loads within this of a capacity fit: sums of quarters and halves need not be exact.
const EPS: f64 = 1e-9;

/// A salesperson and what they can carry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// The name, as owners are written on the CRM card.
    pub name: String,
    /// Visits a quarter.
    pub capacity: f64,
}

/// The team, as the workspace keeps it (JSON).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Team {
    /// The members, in the order the user lists them.
    pub people: Vec<Person>,
}

/// Why a team cannot be used as it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Error)]
pub enum TeamProblem {
    /// A member without a name (their position in the team, from 0).
    #[error("team member {0} has no name")]
    EmptyName(usize),
    /// A name that another member already has (as written the second time).
    #[error("\"{0}\" is in the team twice")]
    DuplicateName(String),
    /// A capacity below 0 visits a quarter.
    #[error("{0}'s capacity is negative")]
    NegativeCapacity(String),
    /// A capacity that is not a number.
    #[error("{0}'s capacity is not a number")]
    NonFiniteCapacity(String),
}

impl Team {
    /// The member a free-text owner name refers to: trimmed, case-insensitive, inner whitespace collapsed.
    pub fn member(&self, name: &str) -> Option<&Person> {
        self.index(name).map(|i| &self.people[i])
    }

    /// Problems that make the team unusable; empty when fine.
    pub fn problems(&self) -> Vec<TeamProblem> {
        let mut seen: Vec<String> = Vec::new();
        let mut problems = Vec::new();
        for (position, person) in self.people.iter().enumerate() {
            let key = normalise(&person.name);
            if key.is_empty() {
                problems.push(TeamProblem::EmptyName(position));
            } else if seen.contains(&key) {
                problems.push(TeamProblem::DuplicateName(person.name.clone()));
            } else {
                seen.push(key);
            }
            if !person.capacity.is_finite() {
                problems.push(TeamProblem::NonFiniteCapacity(person.name.clone()));
            } else if person.capacity < 0.0 {
                problems.push(TeamProblem::NegativeCapacity(person.name.clone()));
            }
        }
        problems
    }

    /// Position of the member a name refers to; the first of duplicates, so a name means one person.
    fn index(&self, name: &str) -> Option<usize> {
        let key = normalise(name);
        if key.is_empty() {
            return None;
        }
        self.people.iter().position(|p| normalise(&p.name) == key)
    }

    /// Who may be given accounts or backups: named, listed once, with room to visit.
    fn receivers(&self) -> Vec<bool> {
        self.people.iter().enumerate().map(|(i, p)| room(p.capacity) > 0.0 && self.index(&p.name) == Some(i)).collect()
    }
}

/// One customer of ours as the team sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    /// The customer.
    pub id: CompanyId,
    /// Its name, for the suggestion's rows.
    pub customer: String,
    /// Its tier now.
    pub tier: Tier,
    /// A valuable customer in trouble that keeps its tier.
    pub protect: bool,
    /// The CRM owner as typed ("" = none).
    pub owner: String,
    /// The CRM backup owner as typed ("" = none).
    pub backup: String,
    /// Visits a quarter the plan asks for its tier.
    pub load: f64,
    /// Our sales over 12 months, USD.
    pub our_sales_12m: f64,
}

/// One person's load.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonLoad {
    /// The member's name, as in the team.
    pub name: String,
    /// Visits a quarter they can carry (0 when the team has a bad figure).
    pub capacity: f64,
    /// Visits a quarter their accounts ask for.
    pub load: f64,
    /// Accounts they own.
    pub customers: usize,
    /// Tier-A accounts they own.
    pub a_customers: usize,
}

impl PersonLoad {
    /// More visits than they can make.
    pub fn over(&self) -> bool {
        self.load > self.capacity + EPS
    }

    /// Visits a quarter still free; negative when over.
    pub fn spare(&self) -> f64 {
        self.capacity - self.load
    }
}

/// The team's state now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamLoad {
    /// Each member's load, in team order.
    pub people: Vec<PersonLoad>,
    /// Accounts without an owner: tier A first, then our sales, largest first.
    pub unowned: Vec<CompanyId>,
    /// Accounts whose owner is not a team member, with the name as written (same order).
    pub strangers: Vec<(CompanyId, String)>,
    /// Tier-A or protect accounts without a member other than the owner as backup (same order).
    pub no_backup: Vec<CompanyId>,
    /// Visits a quarter the plan asks for, all accounts together.
    pub plan_load: f64,
    /// Visits a quarter the team can make.
    pub capacity: f64,
}

/// The team's load, gaps and missing backups as the accounts stand.
pub fn load(team: &Team, accounts: &[Account]) -> TeamLoad {
    let owners: Vec<Option<usize>> = accounts.iter().map(|a| team.index(&a.owner)).collect();
    let order = ranked(accounts);
    let unowned = order.iter().filter(|&&i| normalise(&accounts[i].owner).is_empty()).map(|&i| accounts[i].id).collect();
    let strangers = order
        .iter()
        .filter(|&&i| owners[i].is_none() && !normalise(&accounts[i].owner).is_empty())
        .map(|&i| (accounts[i].id, accounts[i].owner.clone()))
        .collect();
    let no_backup = order
        .iter()
        .filter(|&&i| guarded(&accounts[i]) && !has_backup(team, owners[i], &accounts[i].backup))
        .map(|&i| accounts[i].id)
        .collect();
    TeamLoad {
        people: tally(team, accounts, &owners),
        unowned,
        strangers,
        no_backup,
        plan_load: accounts.iter().map(visits).sum(),
        capacity: team.people.iter().map(|p| room(p.capacity)).sum(),
    }
}

/// A name as compared: trimmed, inner whitespace collapsed to one space, lower case.
fn normalise(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// An account's visits a quarter; 0 for a negative or non-finite figure.
fn visits(account: &Account) -> f64 {
    if account.load.is_finite() && account.load > 0.0 { account.load } else { 0.0 }
}

/// A capacity as usable; 0 for a negative or non-finite figure.
fn room(capacity: f64) -> f64 {
    if capacity.is_finite() && capacity > 0.0 { capacity } else { 0.0 }
}

/// Our sales as compared; 0 when not finite.
fn sales(account: &Account) -> f64 {
    if account.our_sales_12m.is_finite() { account.our_sales_12m } else { 0.0 }
}

/// Accounts that must not be left without a second person: tier A and protected ones.
fn guarded(account: &Account) -> bool {
    account.tier == Tier::A || account.protect
}

/// Whether the backup is a member and not the owner themself.
fn has_backup(team: &Team, owner: Option<usize>, backup: &str) -> bool {
    team.index(backup).is_some_and(|b| Some(b) != owner)
}

/// Account positions by importance: tier A first, then our sales largest first, then id.
fn ranked(accounts: &[Account]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..accounts.len()).collect();
    order.sort_by(|&x, &y| importance(&accounts[x], &accounts[y]));
    order
}

/// Tier A first, then our sales largest first, then id (so equal accounts keep one order).
fn importance(a: &Account, b: &Account) -> Ordering {
    a.tier.cmp(&b.tier).then(sales(b).total_cmp(&sales(a))).then(a.id.cmp(&b.id))
}

/// Each member's load when account `i` is owned by member `owners[i]`.
fn tally(team: &Team, accounts: &[Account], owners: &[Option<usize>]) -> Vec<PersonLoad> {
    let mut people: Vec<PersonLoad> = team
        .people
        .iter()
        .map(|p| PersonLoad { name: p.name.clone(), capacity: room(p.capacity), load: 0.0, customers: 0, a_customers: 0 })
        .collect();
    for (account, owner) in accounts.iter().zip(owners) {
        if let Some(person) = owner.and_then(|o| people.get_mut(o)) {
            person.load += visits(account);
            person.customers += 1;
            person.a_customers += usize::from(account.tier == Tier::A);
        }
    }
    people
}
