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
    /// Change one entry: `service-plan set B visits "Every four months"`, or the visits a year the
    /// team's load counts: `service-plan set B visits_a_year 3`.
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
            header.push("visits_a_year");
            let mut t = table(&header);
            for tier in Tier::ALL {
                let mut row = vec![tier.to_string()];
                row.extend(plan.tier(tier).fields().map(str::to_string));
                row.push(plan.visits_a_year(tier).to_string());
                t.add_row(row);
            }
            println!("{t}");
        }
        ServicePlanAction::Set { tier, field, text } => {
            let tier = parse_tier(&tier)?;
            let mut plan = preferences::service_plan(ws)?;
            if field.trim() == "visits_a_year" {
                let n: u32 = text.trim().parse().map_err(|_| anyhow::anyhow!("visits a year is a whole number: '{text}'"))?;
                plan.tier_mut(tier).visits_a_year = Some(n);
                preferences::save_service_plan(ws, &plan)?;
                println!("tier {tier} visits a year: {n}");
                return Ok(ExitCode::SUCCESS);
            }
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
