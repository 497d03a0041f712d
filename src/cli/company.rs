//! `company list|merge|split`: the user's corrections to how spellings group into companies.

use super::output::{print_json, table};
use crate::store::Workspace;
use clap::Subcommand;
use std::process::ExitCode;

/// What to do with companies.
#[derive(Debug, Subcommand)]
pub enum CompanyAction {
    /// List companies with all their spellings.
    List {
        /// Only companies whose spellings contain this text.
        filter: Option<String>,
        /// As JSON.
        #[arg(long)]
        json: bool,
    },
    /// Merge the second company into the first; later imports keep them together.
    Merge {
        /// The company that stays (any spelling or a distinctive part).
        into: String,
        /// The company merged into it.
        from: String,
    },
    /// Split one spelling off into a company of its own; later imports keep it apart.
    Split {
        /// The exact spelling.
        spelling: String,
    },
}

/// Runs `company`.
pub fn run(ws: &mut Workspace, action: CompanyAction) -> anyhow::Result<ExitCode> {
    match action {
        CompanyAction::List { filter, json } => {
            let needle = filter.as_deref().map(str::to_uppercase);
            let list: Vec<_> = ws
                .companies()?
                .into_iter()
                .filter(|c| needle.as_ref().is_none_or(|n| c.aliases.iter().any(|a| a.to_uppercase().contains(n.as_str()))))
                .collect();
            if json {
                print_json(&serde_json::json!({ "companies": list }))?;
            } else {
                let mut t = table(&["id", "company", "spellings"]);
                for c in &list {
                    t.add_row(vec![c.id.0.to_string(), c.name.clone(), c.aliases.join("\n")]);
                }
                println!("{t}");
            }
        }
        CompanyAction::Merge { into, from } => {
            let a = ws.find_company(&into, None)?;
            let b = ws.find_company(&from, None)?;
            ws.merge_companies(a.id, b.id)?;
            println!("merged '{}' into '{}'", b.name, a.name);
        }
        CompanyAction::Split { spelling } => {
            ws.split_alias(&spelling)?;
            println!("'{spelling}' is now a company of its own");
        }
    }
    Ok(ExitCode::SUCCESS)
}
