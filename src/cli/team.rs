//! `customs-radar team show|set NAME VISITS|remove NAME|reset|suggest|accept [--json]`: the sales
//! team with each person's visits a quarter, the service plan's load per person against it, the
//! customers without an owner or backup, and the suggested assignment (applied only by `accept`).

use super::output::{print_json, table};
use crate::analysis::team::{Person, Team};
use crate::app::change::Change;
use crate::app::snapshot::compute_people;
use crate::app::team::{Assignment, TeamView};
use crate::app::view::View;
use crate::preferences;
use crate::store::Workspace;
use clap::Subcommand;
use std::process::ExitCode;

/// What to do with the team.
#[derive(Debug, Subcommand)]
pub enum TeamAction {
    /// Each person's load against capacity, and the gaps.
    Show {
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Add a person or change their capacity (visits a quarter).
    Set {
        /// The name, as on the CRM cards.
        name: String,
        /// Visits a quarter they can make.
        visits: f64,
    },
    /// Remove a person.
    Remove {
        /// The name.
        name: String,
    },
    /// Forget the team.
    Reset,
    /// The suggested assignment (nothing is changed).
    Suggest {
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Write the suggested owners and backups into the CRM cards.
    Accept,
    /// Name a customer's owner (and backup) on its CRM card.
    Owner {
        /// The customer (any spelling).
        customer: String,
        /// The owner, as in the team ("" for nobody).
        owner: String,
        /// The backup owner.
        #[arg(long)]
        backup: Option<String>,
    },
}

/// The team's view at the latest shipment.
fn team_view(ws: &Workspace) -> anyhow::Result<TeamView> {
    let View { data, as_of } = View::ours(ws, None)?;
    let snap = compute_people(ws, std::sync::Arc::new(data), Some(as_of))?;
    snap.team.ok_or_else(|| anyhow::anyhow!("no customers of ours to assign"))
}

/// Runs `team`.
pub fn run(ws: &mut Workspace, action: TeamAction) -> anyhow::Result<ExitCode> {
    match action {
        TeamAction::Show { json } => show(&team_view(ws)?, json)?,
        TeamAction::Set { name, visits } => {
            let mut team = preferences::team(ws)?;
            let known = team.member(&name).map(|p| p.name.clone());
            match team.people.iter_mut().find(|p| Some(&p.name) == known.as_ref()) {
                Some(p) => p.capacity = visits,
                None => team.people.push(Person { name: name.trim().to_string(), capacity: visits }),
            }
            Change::Team(team).apply(ws)?;
            println!("{}: {visits} visits a quarter", name.trim());
        }
        TeamAction::Remove { name } => {
            let mut team = preferences::team(ws)?;
            let before = team.people.len();
            let known = team.member(&name).map(|p| p.name.clone());
            team.people.retain(|p| Some(&p.name) != known.as_ref());
            anyhow::ensure!(team.people.len() < before, "'{name}' is not in the team");
            Change::Team(team).apply(ws)?;
            println!("{name} removed from the team");
        }
        TeamAction::Reset => {
            Change::Team(Team::default()).apply(ws)?;
            println!("the team is empty");
        }
        TeamAction::Suggest { json } => suggest(&team_view(ws)?, json)?,
        TeamAction::Owner { customer, owner, backup } => {
            let id = ws.find_company(&customer, None)?.id;
            let card = ws.crm(id)?.card;
            let assignment = Assignment { id, owner: Some(owner.trim().to_string()), backup: backup.map(|b| b.trim().to_string()) };
            let card = assignment.apply_to(&card);
            Change::CrmCard(id, card.clone()).apply(ws)?;
            println!("{customer}: owner {}, backup {}", or_nobody(&card.owner), or_nobody(&card.backup_owner));
        }
        TeamAction::Accept => {
            let view = team_view(ws)?;
            let all = Assignment::all(&view.suggestion);
            let n = all.len();
            Change::Assign(all).apply(ws)?;
            println!("{n} customers' owners or backups written into their CRM cards");
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn or_nobody(name: &str) -> &str {
    if name.is_empty() { "nobody" } else { name }
}

fn name_of(view: &TeamView, id: crate::model::CompanyId) -> String {
    view.account(id).map(|a| format!("{} ({})", a.customer, a.tier)).unwrap_or_default()
}

fn show(view: &TeamView, json: bool) -> anyhow::Result<()> {
    if json {
        return print_json(&view.load);
    }
    let l = &view.load;
    println!("the plan asks for {:.1} visits a quarter; the team can make {:.1}", l.plan_load, l.capacity);
    let mut t = table(&["person", "visits a quarter", "capacity", "customers", "A customers", ""]);
    for p in &l.people {
        let over = if p.over() { "over capacity" } else { "" };
        t.add_row(vec![
            p.name.clone(),
            format!("{:.1}", p.load),
            format!("{:.1}", p.capacity),
            p.customers.to_string(),
            p.a_customers.to_string(),
            over.into(),
        ]);
    }
    println!("{t}");
    println!("\nwithout an owner: {}", l.unowned.len());
    for id in l.unowned.iter().take(10) {
        println!("  {}", name_of(view, *id));
    }
    println!("owner not in the team: {}", l.strangers.len());
    for (id, owner) in l.strangers.iter().take(10) {
        println!("  {} — {owner}", name_of(view, *id));
    }
    println!("A or protect customers without a backup owner: {}", l.no_backup.len());
    for id in l.no_backup.iter().take(10) {
        println!("  {}", name_of(view, *id));
    }
    Ok(())
}

fn suggest(view: &TeamView, json: bool) -> anyhow::Result<()> {
    let s = &view.suggestion;
    if json {
        return print_json(s);
    }
    println!("{} moves, {} backups suggested (nothing changed: `team accept` writes them)", s.moves.len(), s.backups.len());
    if !s.moves.is_empty() {
        let mut t = table(&["customer", "tier", "from", "to", "why", "visits a quarter"]);
        for m in &s.moves {
            let why = match m.reason {
                crate::analysis::team::MoveReason::NoOwner => "no owner",
                crate::analysis::team::MoveReason::OwnerNotInTeam => "owner not in the team",
                crate::analysis::team::MoveReason::OwnerOverCapacity => "owner over capacity",
            };
            t.add_row(vec![m.customer.clone(), m.tier.to_string(), m.from.clone(), m.to.clone(), why.into(), format!("{:.2}", m.load)]);
        }
        println!("{t}");
    }
    for b in &s.backups {
        println!("  backup for {}: {} (owner {})", b.customer, b.backup, b.owner);
    }
    if !s.unplaced.is_empty() {
        println!("nobody has room for {} customers: add capacity or people", s.unplaced.len());
    }
    for p in &s.after {
        println!("  after: {} {:.1} of {:.1}", p.name, p.load, p.capacity);
    }
    Ok(())
}
