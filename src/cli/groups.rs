//! `customs-radar groups [--json]` and `groups accept|reject|add|remove|delete|rename`: companies
//! that belong together, and the members that buy our products only from others.

use super::output::{print_json, table};
use crate::analysis::groups::groups;
use crate::app::view::View;
use crate::store::Workspace;
use crate::text::number::dollars;
use anyhow::bail;
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use std::process::ExitCode;

/// Arguments of `groups`.
#[derive(Debug, Args)]
pub struct GroupsArgs {
    /// What to change; without one, lists groups, suggestions and referral lists.
    #[command(subcommand)]
    pub action: Option<GroupsAction>,
    /// See only shipments on or before this date (default: the latest shipment).
    #[arg(long, value_name = "YYYY-MM-DD", global = true)]
    pub as_of: Option<NaiveDate>,
    /// Print one JSON object.
    #[arg(long, global = true)]
    pub json: bool,
}

/// Changes to groups.
#[derive(Debug, Subcommand)]
pub enum GroupsAction {
    /// Make a suggestion a group (named by its shared name unless --name is given).
    Accept {
        /// The suggestion, as `groups` lists it (e.g. "KIWI TIMBER").
        suggestion: String,
        /// The group's name.
        #[arg(long)]
        name: Option<String>,
    },
    /// Not a group: never suggest it again.
    Reject {
        /// The suggestion, as `groups` lists it.
        suggestion: String,
    },
    /// Add companies to a group (created when new).
    Add {
        /// The group.
        group: String,
        /// Companies, by any spelling or a distinctive part of the name.
        #[arg(required = true)]
        companies: Vec<String>,
    },
    /// Take a company out of a group.
    Remove {
        /// The group.
        group: String,
        /// The company.
        company: String,
    },
    /// Delete a group (its companies stay).
    Delete {
        /// The group.
        group: String,
    },
    /// Rename a group.
    Rename {
        /// Its name now.
        group: String,
        /// The new name.
        to: String,
    },
}

/// Runs `groups`.
pub fn run(ws: &mut Workspace, args: &GroupsArgs) -> anyhow::Result<ExitCode> {
    let View { data, as_of } = View::ours(ws, args.as_of)?;
    let report = groups(&data, as_of, &ws.company_groups()?, &ws.group_answers()?);
    let Some(action) = &args.action else {
        if args.json {
            print_json(&report)?;
            return Ok(ExitCode::SUCCESS);
        }
        let mut t = table(&["group", "members (our sales 12m)", "buy our products only from others", "their purchases 12m"]);
        for g in &report.groups {
            let members: Vec<String> = g.members.iter().map(|m| format!("{} ({})", m.customer, dollars(m.our_sales_12m))).collect();
            let missing: Vec<String> = g
                .missing_members
                .iter()
                .map(|m| {
                    let from = m.suppliers.first().map(|s| format!(", mostly from {}", s.supplier)).unwrap_or_default();
                    let lapsed = if m.former_customer { " (bought from us before)" } else { "" };
                    format!("{}{lapsed}{from}", m.customer)
                })
                .collect();
            let name = match (&g.adds_to, g.suggested) {
                (Some(to), _) => format!("{} (suggested: add {} to {to})", g.name, g.new_members.join(", ")),
                (None, true) => format!("{} (suggested)", g.name),
                (None, false) => g.name.clone(),
            };
            t.add_row(vec![name, members.join("\n"), missing.join("\n"), dollars(g.referral_value)]);
        }
        println!("{t}");
        println!("answer a suggestion: customs-radar groups accept NAME | groups reject NAME; your own: groups add GROUP COMPANY…");
        return Ok(ExitCode::SUCCESS);
    };
    let message = match action {
        GroupsAction::Accept { suggestion, name } => {
            let Some(s) = report.groups.iter().find(|g| g.suggested && g.name.eq_ignore_ascii_case(suggestion.trim())) else {
                bail!("no open suggestion '{suggestion}'; see `customs-radar groups`");
            };
            let group = name.clone().or_else(|| s.adds_to.clone()).unwrap_or_else(|| s.name.clone());
            ws.accept_group_suggestion(&s.name, &group, &s.members.iter().map(|m| m.id).collect::<Vec<_>>())?;
            format!("group {group}: {} members", s.members.len())
        }
        GroupsAction::Reject { suggestion } => {
            let Some(s) = report.groups.iter().find(|g| g.suggested && g.name.eq_ignore_ascii_case(suggestion.trim())) else {
                bail!("no open suggestion '{suggestion}'; see `customs-radar groups`");
            };
            ws.reject_group_suggestion(&s.name, &s.members.iter().map(|m| m.id).collect::<Vec<_>>())?;
            format!("{} will not be suggested again", s.name)
        }
        GroupsAction::Add { group, companies } => {
            let mut ids = Vec::new();
            for c in companies {
                ids.push(ws.find_company(c, None)?.id);
            }
            ws.add_to_group(group, &ids)?;
            format!("group {}: {} added", group.trim(), ids.len())
        }
        GroupsAction::Remove { group, company } => {
            let found = ws.find_company(company, None)?;
            if !ws.remove_from_group(group, found.id)? {
                bail!("{} is not in {group}", found.name);
            }
            format!("{} removed from {group}", found.name)
        }
        GroupsAction::Delete { group } => {
            ws.delete_group(group)?;
            format!("group {group} deleted")
        }
        GroupsAction::Rename { group, to } => {
            ws.rename_group(group, to)?;
            format!("group {group} renamed {}", to.trim())
        }
    };
    println!("{message}");
    Ok(ExitCode::SUCCESS)
}
