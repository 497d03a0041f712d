//! `customs-radar playbook show|set FILE.json|reset`: the response texts per level, kept in the
//! workspace.

use super::output::print_json;
use crate::analysis::playbook::Playbook;
use crate::preferences::PLAYBOOK as PLAYBOOK_KEY;
use crate::store::Workspace;
use anyhow::Context;
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

/// What to do with the playbook.
#[derive(Debug, Subcommand)]
pub enum PlaybookAction {
    /// Print the playbook as JSON (edit it and load it back with `set`).
    Show,
    /// Replace the playbook with a JSON file in the form `show` prints; levels left out keep their defaults.
    Set {
        /// The JSON file.
        file: PathBuf,
    },
    /// Back to the built-in texts.
    Reset,
}

/// Runs `playbook`.
pub fn run(ws: &mut Workspace, action: PlaybookAction) -> anyhow::Result<ExitCode> {
    match action {
        PlaybookAction::Show => print_json(&ws.setting::<Playbook>(PLAYBOOK_KEY)?)?,
        PlaybookAction::Set { file } => {
            let text = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
            let playbook: Playbook =
                serde_json::from_str(&text).with_context(|| format!("{} is not a playbook (see `playbook show`)", file.display()))?;
            ws.set_setting(PLAYBOOK_KEY, &playbook)?;
            println!("playbook updated");
        }
        PlaybookAction::Reset => {
            ws.reset_setting(PLAYBOOK_KEY)?;
            println!("playbook reset to the built-in texts");
        }
    }
    Ok(ExitCode::SUCCESS)
}
