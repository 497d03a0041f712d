//! `customs-radar thresholds show|set NAME VALUE|reset`: the health rules' thresholds, kept in the
//! workspace.

use super::output::print_json;
use crate::analysis::health::HealthSettings;
use crate::preferences::THRESHOLDS as THRESHOLDS_KEY;
use crate::store::Workspace;
use anyhow::{Context, bail};
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
            let current: HealthSettings = ws.setting(THRESHOLDS_KEY)?;
            let mut json = serde_json::to_value(&current)?;
            let Some(slot) = json.get_mut(&name) else {
                let names: Vec<String> = json.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default();
                bail!("no threshold '{name}'; thresholds are: {}", names.join(", "));
            };
            *slot = if slot.is_u64() || slot.is_i64() { serde_json::json!(value.round() as i64) } else { serde_json::json!(value) };
            let updated: HealthSettings = serde_json::from_value(json).with_context(|| format!("'{value}' does not fit {name}"))?;
            updated.validate().map_err(|e| anyhow::anyhow!(e))?;
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
