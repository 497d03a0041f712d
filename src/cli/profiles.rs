//! `customs-radar profiles list|show|copy|rename|delete|use|set|reset`: the weight profiles tiers are
//! scored with, kept in the workspace.

use super::output::{print_json, table};
use crate::analysis::tiers::{Metric, Profiles, VALUE_FIRST, Weights};
use crate::preferences;
use crate::store::Workspace;
use anyhow::{Context, bail};
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

/// What to do with the profiles.
#[derive(Debug, Subcommand)]
pub enum ProfilesAction {
    /// Every profile with its weights; the one in use is marked.
    List {
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// One profile's weights as JSON (a file `tiers --weights` and `profiles set --file` read).
    Show {
        /// The profile.
        name: String,
    },
    /// Copy a profile under a new name (the way to start a profile of your own).
    Copy {
        /// The profile to copy.
        from: String,
        /// The new profile's name.
        name: String,
    },
    /// Rename one of your profiles.
    Rename {
        /// Its name now.
        from: String,
        /// The new name.
        to: String,
    },
    /// Delete one of your profiles.
    Delete {
        /// The profile.
        name: String,
    },
    /// Score tiers with this profile from now on.
    Use {
        /// The profile.
        name: String,
    },
    /// Delete all your own profiles (the built-ins stay).
    Reset,
    /// Change weights of one of your profiles: `profiles set NAME share=20 headroom=0`, or all of
    /// them from a JSON file with --file.
    Set {
        /// The profile.
        name: String,
        /// METRIC=WEIGHT pairs.
        pairs: Vec<String>,
        /// Replace every weight with those in this JSON file.
        #[arg(long, value_name = "FILE.json")]
        file: Option<PathBuf>,
    },
}

/// Runs `profiles`.
pub fn run(ws: &mut Workspace, action: ProfilesAction) -> anyhow::Result<ExitCode> {
    // Resetting must work even when the stored profiles cannot be read.
    let mut profiles = if matches!(action, ProfilesAction::Reset) { Profiles::default() } else { preferences::tier_profiles(ws)? };
    let message =
        match action {
            ProfilesAction::List { json } => {
                let active = profiles.active().name;
                if json {
                    print_json(&serde_json::json!({ "active": active, "profiles": profiles.all() }))?;
                    return Ok(ExitCode::SUCCESS);
                }
                let all = profiles.all();
                let mut header = vec!["metric".to_string()];
                header.extend(all.iter().map(|p| {
                    format!("{}{}{}", if p.name == active { "▶ " } else { "" }, p.name, if p.builtin { " (built in)" } else { "" })
                }));
                let mut t = table(&header.iter().map(String::as_str).collect::<Vec<_>>());
                for m in Metric::ALL {
                    let mut row = vec![format!("{} {}", m.key(), m.label_zh())];
                    row.extend(all.iter().map(|p| format!("{:.0}", p.weights.get(m))));
                    t.add_row(row);
                }
                println!("{t}");
                println!("▶ in use. Built-in profiles are read-only: `profiles copy value_first MINE`, then `profiles set MINE share=20`.");
                return Ok(ExitCode::SUCCESS);
            }
            ProfilesAction::Show { name } => {
                print_json(&profiles.find(&name)?.weights)?;
                return Ok(ExitCode::SUCCESS);
            }
            ProfilesAction::Copy { from, name } => {
                let source = profiles.find(&from)?.name;
                profiles.copy(&from, &name)?;
                format!("copied {source} to {}", name.trim())
            }
            ProfilesAction::Rename { from, to } => {
                let old = profiles.find(&from)?.name;
                profiles.rename(&from, &to)?;
                format!("renamed {old} to {}", to.trim())
            }
            ProfilesAction::Delete { name } => {
                let gone = profiles.find(&name)?.name;
                profiles.delete(&name)?;
                format!("deleted {gone}; in use: {}", profiles.active().name)
            }
            ProfilesAction::Reset => format!("your weight profiles are deleted; tiers are scored with {VALUE_FIRST}"),
            ProfilesAction::Use { name } => {
                profiles.switch(&name)?;
                format!("tiers are scored with {} from now on", profiles.active().name)
            }
            ProfilesAction::Set { name, pairs, file } => {
                let mut weights = match &file {
                    Some(f) => {
                        let text = std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
                        Weights::from_json(&text).with_context(|| format!("reading weights from {}", f.display()))?
                    }
                    None => profiles.find(&name)?.weights,
                };
                if file.is_none() && pairs.is_empty() {
                    bail!("give METRIC=WEIGHT pairs (e.g. share=20) or --file FILE.json");
                }
                for pair in &pairs {
                    let Some((key, value)) = pair.split_once('=') else { bail!("'{pair}' is not METRIC=WEIGHT") };
                    let metric = Metric::from_key(key.trim())
                        .ok_or_else(|| crate::analysis::tiers::ProfileError::UnknownMetric(key.trim().to_string()))?;
                    let value: f64 = value.trim().parse().with_context(|| format!("'{value}' is not a number"))?;
                    weights.set(metric, value)?;
                }
                profiles.set_weights(&name, weights)?;
                format!("{} updated", profiles.find(&name)?.name)
            }
        };
    preferences::save_tier_profiles(ws, &profiles)?;
    println!("{message}");
    Ok(ExitCode::SUCCESS)
}
