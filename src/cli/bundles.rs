//! `customs-radar bundles list|add NAME CODE…|remove NAME|reset`: solution bundles for cross-sell.

use super::output::{print_json, table};
use crate::analysis::crosssell::{Bundle, bundle_code};
use crate::preferences;
use crate::store::Workspace;
use anyhow::bail;
use clap::Subcommand;
use std::process::ExitCode;

/// What to do with bundles.
#[derive(Debug, Subcommand)]
pub enum BundlesAction {
    /// Every bundle with its codes.
    List {
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Define a bundle (or replace the one of that name): `bundles add "Assembly kit" 7318 820540`.
    Add {
        /// Its name.
        name: String,
        /// Its codes: 2, 4 or 6 digits.
        #[arg(required = true)]
        codes: Vec<String>,
    },
    /// Remove a bundle.
    Remove {
        /// Its name.
        name: String,
    },
    /// Remove every bundle.
    Reset,
}

/// Runs `bundles`.
pub fn run(ws: &mut Workspace, action: BundlesAction) -> anyhow::Result<ExitCode> {
    let mut bundles = if matches!(action, BundlesAction::Reset) { Vec::new() } else { preferences::bundles(ws)? };
    let message = match action {
        BundlesAction::List { json } => {
            if json {
                print_json(&serde_json::json!({ "bundles": bundles }))?;
            } else {
                let mut t = table(&["bundle", "codes"]);
                for b in &bundles {
                    t.add_row(vec![b.name.clone(), b.codes.join(" ")]);
                }
                println!("{t}");
            }
            return Ok(ExitCode::SUCCESS);
        }
        BundlesAction::Add { name, codes } => {
            let name = name.trim().to_string();
            if name.is_empty() {
                bail!("a bundle needs a name");
            }
            let mut checked = Vec::new();
            for code in &codes {
                let Some(c) = bundle_code(code) else { bail!("'{code}' is not an HS code: give 2, 4 or 6 digits (e.g. 7318 or 820540)") };
                checked.push(c);
            }
            bundles.retain(|b| !b.name.eq_ignore_ascii_case(&name));
            let mut message = format!("bundle {name}: {}", checked.join(" "));
            let data = ws.load_dataset()?;
            let ours = crate::analysis::crosssell::OurCodes::new(&data, crate::app::view::as_of(&data, None).unwrap_or_default());
            let bundle = Bundle { name: name.clone(), codes: checked.clone() };
            if !ours.holds_any_of(&bundle) {
                message.push_str("\nnote: none of these codes is yours yet (catalog or shipped), so the bundle leads nowhere until one is");
            }
            bundles.push(bundle);
            message
        }
        BundlesAction::Remove { name } => {
            let before = bundles.len();
            bundles.retain(|b| !b.name.eq_ignore_ascii_case(name.trim()));
            if bundles.len() == before {
                bail!("no bundle named '{name}'");
            }
            format!("bundle {name} removed")
        }
        BundlesAction::Reset => "every bundle removed".to_string(),
    };
    preferences::save_bundles(ws, &bundles)?;
    println!("{message}");
    Ok(ExitCode::SUCCESS)
}
