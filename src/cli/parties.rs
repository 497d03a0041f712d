//! `me add|remove|list`, `competitor add|remove|list`, `catalog add|remove|list`.

use super::output::print_json;
use crate::store::{Role, RoleMatch, Workspace};
use clap::Subcommand;
use std::process::ExitCode;

/// What to do with a list of names.
#[derive(Debug, Subcommand)]
pub enum RoleAction {
    /// Add a name (any spelling; spellings with the same key count too).
    Add {
        /// The name.
        name: Vec<String>,
    },
    /// Remove a name.
    Remove {
        /// The name.
        name: Vec<String>,
    },
    /// List the names.
    List {
        /// As JSON.
        #[arg(long)]
        json: bool,
    },
}

/// What to do with the catalog.
#[derive(Debug, Subcommand)]
pub enum CatalogAction {
    /// Add HS codes (chapter, heading or subheading: 73, 7318, 731815).
    Add {
        /// Codes.
        #[arg(required = true)]
        hs: Vec<String>,
    },
    /// Remove HS codes.
    Remove {
        /// Codes.
        #[arg(required = true)]
        hs: Vec<String>,
    },
    /// List the catalog.
    List {
        /// As JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Runs `me` or `competitor`.
pub fn run_role(ws: &mut Workspace, role: Role, action: RoleAction) -> anyhow::Result<ExitCode> {
    let label = match role {
        Role::Me => "our names",
        Role::Competitor => "competitors",
    };
    match action {
        RoleAction::Add { name } => {
            let name = name.join(" ");
            if name.trim().is_empty() {
                anyhow::bail!("give a name, e.g. `customs-radar me add \"NINGBO HAIXING HARDWARE CO LTD\"`");
            }
            match ws.add_role(role, &name)? {
                RoleMatch::Company(company) => println!("added '{company}' (every spelling of it) to {label}"),
                RoleMatch::NotYetSeen { suggestions } => {
                    println!(
                        "added '{}' to {label}; no company by that name is in the workspace yet, it will apply to files imported later",
                        name.trim()
                    );
                    if !suggestions.is_empty() {
                        println!("did you mean: {}?", suggestions.join("; "));
                    }
                }
            }
        }
        RoleAction::Remove { name } => {
            let name = name.join(" ");
            let removed = ws.remove_role(role, &name)?;
            println!("{}", if removed { format!("removed '{name}' from {label}") } else { format!("'{name}' was not among {label}") });
        }
        RoleAction::List { json } => {
            let names = ws.role_names(role)?;
            if json {
                print_json(&serde_json::json!({ "names": names }))?;
            } else if names.is_empty() {
                println!("no {label} yet");
            } else {
                names.iter().for_each(|n| println!("{n}"));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `catalog`.
pub fn run_catalog(ws: &mut Workspace, action: CatalogAction) -> anyhow::Result<ExitCode> {
    match action {
        CatalogAction::Add { hs } => println!("{} code(s) added", ws.add_catalog(&hs)?),
        CatalogAction::Remove { hs } => println!("{} code(s) removed", ws.remove_catalog(&hs)?),
        CatalogAction::List { json } => {
            let codes = ws.catalog()?;
            if json {
                print_json(&serde_json::json!({ "catalog": codes }))?;
            } else if codes.is_empty() {
                println!("no catalog set: every HS code we have shipped counts as ours");
            } else {
                codes.iter().for_each(|c| println!("{c}"));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
