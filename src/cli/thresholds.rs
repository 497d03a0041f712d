//! `customs-radar thresholds show|set NAME VALUE|reset|sets|save NAME|use NAME|delete NAME`: the
//! health rules' thresholds in use, and the named sets kept beside them (from `backtest --tune`, or
//! saved by hand).

use super::output::{percent, print_json};
use crate::analysis::health::{HealthSettings, THRESHOLDS, ThresholdError, ThresholdSet};
use crate::preferences::{self, THRESHOLDS as THRESHOLDS_KEY};
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
    /// List the saved threshold sets (with how each did on the later part of a tuning).
    Sets {
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Save the thresholds in use as a named set.
    Save {
        /// The set's name.
        name: String,
    },
    /// Use a saved set: its thresholds replace the ones in use.
    Use {
        /// The set's name.
        name: String,
    },
    /// Forget a saved set.
    Delete {
        /// The set's name.
        name: String,
    },
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
        ThresholdsAction::Sets { json } => {
            let sets = preferences::threshold_sets(ws)?;
            if json {
                print_json(&serde_json::json!({ "sets": sets }))?;
            } else if sets.is_empty() {
                println!("no saved threshold sets (save one with `thresholds save NAME` or `backtest --tune --save NAME`)");
            }
            for (name, set) in &sets {
                match &set.tuned {
                    Some(t) => println!(
                        "{name}: tuned on the history to {}; after it, to {}: {} of {} churn events warned, {} at least 90 days ahead, {} false alarms",
                        t.split,
                        t.to,
                        percent(t.later_recall),
                        t.later_events,
                        percent(t.later_warned_90_days),
                        percent(t.later_false_alarms)
                    ),
                    None => println!("{name}: saved by hand"),
                }
            }
        }
        ThresholdsAction::Save { name } => {
            let current: HealthSettings = preferences::health_thresholds(ws)?;
            preferences::save_threshold_set(ws, &name, ThresholdSet { thresholds: current, tuned: None })?;
            println!("saved the thresholds in use as '{}'", name.trim());
        }
        ThresholdsAction::Use { name } => {
            preferences::use_threshold_set(ws, &name)?;
            println!("now using the threshold set '{}'", name.trim());
        }
        ThresholdsAction::Delete { name } => {
            preferences::delete_threshold_set(ws, &name)?;
            println!("deleted the threshold set '{}'", name.trim());
        }
    }
    Ok(ExitCode::SUCCESS)
}
