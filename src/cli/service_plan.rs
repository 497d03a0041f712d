//! `customs-radar service-plan show|set TIER FIELD TEXT|reset`: how each tier is looked after.

use super::output::{print_json, table};
use crate::analysis::tiers::{SERVICE_FIELDS, ServicePlan, Tier};
use crate::preferences;
use crate::store::Workspace;
use anyhow::bail;
use clap::Subcommand;
use std::process::ExitCode;

/// What to do with the service plan.
#[derive(Debug, Subcommand)]
pub enum ServicePlanAction {
    /// The plan per tier.
    Show {
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Change one entry: `service-plan set B visits "Every four months"`.
    Set {
        /// A, B, C or D.
        tier: String,
        /// owner, visits, response or credit.
        field: String,
        /// The new text.
        text: String,
    },
    /// Back to the default plan.
    Reset,
}

fn parse_tier(text: &str) -> anyhow::Result<Tier> {
    Tier::ALL
        .into_iter()
        .find(|t| t.to_string().eq_ignore_ascii_case(text.trim()))
        .ok_or_else(|| anyhow::anyhow!("'{text}' is not a tier: A, B, C or D"))
}

/// Runs `service-plan`.
pub fn run(ws: &mut Workspace, action: ServicePlanAction) -> anyhow::Result<ExitCode> {
    match action {
        ServicePlanAction::Show { json } => {
            let plan = preferences::service_plan(ws)?;
            if json {
                print_json(&plan)?;
                return Ok(ExitCode::SUCCESS);
            }
            let mut header = vec!["tier"];
            header.extend(SERVICE_FIELDS);
            let mut t = table(&header);
            for tier in Tier::ALL {
                let mut row = vec![tier.to_string()];
                row.extend(plan.tier(tier).fields().map(str::to_string));
                t.add_row(row);
            }
            println!("{t}");
        }
        ServicePlanAction::Set { tier, field, text } => {
            let tier = parse_tier(&tier)?;
            let mut plan = preferences::service_plan(ws)?;
            let Some(slot) = plan.tier_mut(tier).field_mut(field.trim()) else {
                bail!("'{field}' is not a service field: {}", SERVICE_FIELDS.join(", "));
            };
            *slot = text.trim().to_string();
            preferences::save_service_plan(ws, &plan)?;
            println!("tier {tier} {field}: {}", text.trim());
        }
        ServicePlanAction::Reset => {
            preferences::save_service_plan(ws, &ServicePlan::default())?;
            println!("service plan reset to the defaults");
        }
    }
    Ok(ExitCode::SUCCESS)
}
