//! `customs-radar thresholds show|set NAME VALUE|reset`: the health rules' thresholds, kept in the
//! workspace.

use super::output::print_json;
use crate::analysis::health::{HealthSettings, THRESHOLDS, ThresholdError};
use crate::preferences::THRESHOLDS as THRESHOLDS_KEY;
use crate::store::Workspace;
use anyhow::bail;
use clap::Subcommand;
use std::process::ExitCode;

/// What to do with the thresholds.
#[derive(Debug, Subcommand)]
pub enum ThresholdsAction {
    /// Show every threshold (as JSON).
    Show,
    /// Change one threshold, e.g. `thresholds set share_drop_orange 0.25`.
    Set {
        /// Its name, as `show` lists it.
        name: String,
        /// The new value.
        value: f64,
    },
    /// Back to the documented defaults.
    Reset,
}

/// Runs `thresholds`.
pub fn run(ws: &mut Workspace, action: ThresholdsAction) -> anyhow::Result<ExitCode> {
    match action {
        ThresholdsAction::Show => print_json(&ws.setting::<HealthSettings>(THRESHOLDS_KEY)?)?,
        ThresholdsAction::Set { name, value } => {
            let mut updated: HealthSettings = ws.setting(THRESHOLDS_KEY)?;
            if let Err(e @ ThresholdError::Unknown { .. }) = updated.set(&name, value) {
                let names: Vec<&str> = THRESHOLDS.iter().map(|t| t.name).collect();
                bail!("{e}; thresholds are: {}", names.join(", "));
            }
            updated.set(&name, value)?;
            updated.validate()?;
            ws.set_setting(THRESHOLDS_KEY, &updated)?;
            println!("{name} = {value}");
        }
        ThresholdsAction::Reset => {
            ws.reset_setting(THRESHOLDS_KEY)?;
            println!("thresholds reset to their defaults");
        }
    }
    Ok(ExitCode::SUCCESS)
}
