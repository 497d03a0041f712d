//! A suggested assignment that fits the team's capacity with the fewest changes of owner. A small,
//! explained heuristic (not an optimiser), so every move can be read and judged:
//!
//! 1. An account whose owner is a member stays with them, unless that member is over capacity.
//! 2. An over-capacity member sheds accounts in this order: unprotected before tier-A or protect
//!    ones, then the largest load first (fewest moves: one B of half a visit a quarter rather than
//!    two Cs of a quarter each), lower tiers first among equal loads; picking stops once the excess
//!    is cleared, then an earlier pick that later ones made unnecessary is kept back.
//!    Accounts with load 0 never move: they are no capacity problem.
//! 3. Shed, unowned and strangers' accounts with load > 0 are placed A first, then B, C, D, within a
//!    tier the largest our sales first; each goes to the member with the most spare room that takes
//!    its whole load (ties: fewer customers, then team order), never back to whom it was shed by.
//!    Nobody with room: `unplaced` (a shed account stays with its owner, an unowned one unowned).
//! 4. A tier-A or protect account owned by a member, without a valid backup, gets the other member
//!    with the most spare room after the moves.
//!
//! Members with capacity 0, a blank or a repeated name receive neither accounts nor backups.

use super::{Account, EPS, PersonLoad, Team, guarded, has_backup, importance, normalise, ranked, room, sales, tally, visits};
use crate::analysis::tiers::Tier;
use crate::model::CompanyId;
use serde::Serialize;
use std::cmp::Ordering;

/// Why an account moves in the suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum MoveReason {
    /// Nobody owns it.
    NoOwner,
    /// Its owner is not a team member.
    OwnerNotInTeam,
    /// Its owner has more visits than capacity.
    OwnerOverCapacity,
}

/// One account changing owner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Move {
    /// The customer.
    pub id: CompanyId,
    /// Its name.
    pub customer: String,
    /// Its tier.
    pub tier: Tier,
    /// The owner now: a member's name, a stranger's as written, or "" for none.
    pub from: String,
    /// The suggested owner, as named in the team.
    pub to: String,
    /// Why it moves.
    pub reason: MoveReason,
    /// Visits a quarter it carries.
    pub load: f64,
}

/// A backup suggested for an A or protect account that has none.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BackupSuggestion {
    /// The customer.
    pub id: CompanyId,
    /// Its name.
    pub customer: String,
    /// Its owner once the moves are accepted.
    pub owner: String,
    /// The suggested backup owner.
    pub backup: String,
}

/// The suggested changes and what they lead to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// Accounts to move, in the order they were placed (most important first).
    pub moves: Vec<Move>,
    /// Backups for A and protect accounts without one, most important first.
    pub backups: Vec<BackupSuggestion>,
    /// Each member's load if every move is accepted, in team order.
    pub after: Vec<PersonLoad>,
    /// Accounts nobody has room for (left with their current owner, or none).
    pub unplaced: Vec<CompanyId>,
}

/// The fewest owner changes that fit capacity, and backups for valuable accounts (see the module doc).
pub fn suggest(team: &Team, accounts: &[Account]) -> Suggestion {
    let people = team.people.len();
    let capacity: Vec<f64> = team.people.iter().map(|p| room(p.capacity)).collect();
    let receives = team.receivers();
    let mut owners: Vec<Option<usize>> = accounts.iter().map(|a| team.index(&a.owner)).collect();
    let mut loads = vec![0.0; people];
    let mut counts = vec![0_usize; people];
    for (account, owner) in accounts.iter().zip(&owners) {
        if let Some(o) = *owner {
            loads[o] += visits(account);
            counts[o] += 1;
        }
    }

    // Shed accounts count on their owner until placed elsewhere, so an owner whose shed account
    // finds no home cannot meanwhile have filled the room it was to free.
    let mut shed_by: Vec<Option<usize>> = vec![None; accounts.len()];
    for person in 0..people {
        let excess = loads[person] - capacity[person];
        if excess > EPS {
            for i in shed(accounts, &owners, person, excess) {
                shed_by[i] = Some(person);
            }
        }
    }

    let mut pending: Vec<(usize, MoveReason)> = (0..accounts.len())
        .filter(|&i| visits(&accounts[i]) > 0.0)
        .filter_map(|i| {
            if shed_by[i].is_some() {
                Some((i, MoveReason::OwnerOverCapacity))
            } else if normalise(&accounts[i].owner).is_empty() {
                Some((i, MoveReason::NoOwner))
            } else if owners[i].is_none() {
                Some((i, MoveReason::OwnerNotInTeam))
            } else {
                None
            }
        })
        .collect();
    pending.sort_by(|x, y| importance(&accounts[x.0], &accounts[y.0]));

    let mut moves = Vec::new();
    let mut unplaced = Vec::new();
    for (i, reason) in pending {
        let account = &accounts[i];
        let need = visits(account);
        let fits = |p: &usize| receives[*p] && shed_by[i] != Some(*p) && loads[*p] + need <= capacity[*p] + EPS;
        let Some(to) = (0..people).filter(fits).min_by(|&p, &q| roomiest(p, q, &capacity, &loads, &counts)) else {
            unplaced.push(account.id);
            continue;
        };
        let from = match owners[i] {
            Some(o) => {
                loads[o] -= need;
                counts[o] -= 1;
                team.people[o].name.clone()
            }
            None => account.owner.clone(),
        };
        loads[to] += need;
        counts[to] += 1;
        owners[i] = Some(to);
        moves.push(Move {
            id: account.id,
            customer: account.customer.clone(),
            tier: account.tier,
            from,
            to: team.people[to].name.clone(),
            reason,
            load: need,
        });
    }

    let after = tally(team, accounts, &owners);
    let backups = ranked(accounts)
        .into_iter()
        .filter(|&i| guarded(&accounts[i]))
        .filter_map(|i| {
            let owner = owners[i]?;
            if has_backup(team, Some(owner), &accounts[i].backup) {
                return None;
            }
            let backup = (0..people).filter(|&p| p != owner && receives[p]).min_by(|&p, &q| roomiest(p, q, &capacity, &loads, &counts))?;
            Some(BackupSuggestion {
                id: accounts[i].id,
                customer: accounts[i].customer.clone(),
                owner: team.people[owner].name.clone(),
                backup: team.people[backup].name.clone(),
            })
        })
        .collect();

    Suggestion { moves, backups, after, unplaced }
}

/// Orders members best first: most spare room, then fewer customers, then team order.
fn roomiest(p: usize, q: usize, capacity: &[f64], loads: &[f64], counts: &[usize]) -> Ordering {
    (capacity[q] - loads[q]).total_cmp(&(capacity[p] - loads[p])).then(counts[p].cmp(&counts[q])).then(p.cmp(&q))
}

/// The accounts `person` gives up to clear `excess` visits: as few as the order of step 2 allows.
fn shed(accounts: &[Account], owners: &[Option<usize>], person: usize, excess: f64) -> Vec<usize> {
    let mut theirs: Vec<usize> = (0..accounts.len()).filter(|&i| owners[i] == Some(person) && visits(&accounts[i]) > 0.0).collect();
    theirs.sort_by(|&x, &y| {
        let (a, b) = (&accounts[x], &accounts[y]);
        guarded(a)
            .cmp(&guarded(b))
            .then(visits(b).total_cmp(&visits(a)))
            .then(b.tier.cmp(&a.tier))
            .then(sales(a).total_cmp(&sales(b)))
            .then(a.id.cmp(&b.id))
    });
    let mut picked = Vec::new();
    let mut freed = 0.0;
    for i in theirs {
        if freed >= excess - EPS {
            break;
        }
        freed += visits(&accounts[i]);
        picked.push(i);
    }
    // A later, larger pick can make earlier small ones unnecessary (D 0.4 then C 2.0 for an excess
    // of 1.5): keep those back, latest first, so the picks that remain are all needed.
    for k in (0..picked.len()).rev() {
        let load = visits(&accounts[picked[k]]);
        if freed - load >= excess - EPS {
            freed -= load;
            picked.remove(k);
        }
    }
    picked
}
