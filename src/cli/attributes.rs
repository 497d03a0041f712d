//! `customs-radar attributes list|set CUSTOMER …`: the user's 1–5 judgements of customers that
//! scoring uses (margin, payment and credit risk, decision-chain complexity, relationship depth).

use super::output::{print_json, table};
use crate::model::ManualAttributes;
use crate::store::Workspace;
use clap::{Args, Subcommand};
use std::process::ExitCode;

/// What to do with customer attributes.
#[derive(Debug, Subcommand)]
pub enum AttributesAction {
    /// Every customer with attributes set.
    List {
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Set (1–5) or clear (0) a customer's attributes; those not given stay as they are.
    Set(SetArgs),
}

/// Arguments of `attributes set`.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// The customer (any spelling or a distinctive part of it).
    pub customer: String,
    /// Margin: 5 high … 1 low; 0 clears.
    #[arg(long)]
    pub margin: Option<i64>,
    /// Payment and credit risk: 5 high risk … 1 safe; 0 clears.
    #[arg(long)]
    pub payment_risk: Option<i64>,
    /// Decision-chain complexity: 5 complex … 1 simple; 0 clears.
    #[arg(long)]
    pub decision_complexity: Option<i64>,
    /// Relationship depth: 5 deep … 1 shallow; 0 clears.
    #[arg(long)]
    pub relationship_depth: Option<i64>,
}

fn apply(slot: &mut Option<u8>, field: &'static str, given: Option<i64>) -> anyhow::Result<()> {
    match given {
        None => {}
        Some(0) => *slot = None,
        Some(v) => *slot = Some(ManualAttributes::rating(field, v)?),
    }
    Ok(())
}

fn cell(v: Option<u8>) -> String {
    v.map_or("–".into(), |v| v.to_string())
}

/// Runs `attributes`.
pub fn run(ws: &mut Workspace, action: AttributesAction) -> anyhow::Result<ExitCode> {
    match action {
        AttributesAction::List { json } => {
            let mut rows: Vec<(String, ManualAttributes)> =
                ws.customer_attributes()?.into_iter().map(|(id, a)| Ok((ws.company_name(id)?, a))).collect::<anyhow::Result<_>>()?;
            rows.sort_by(|a, b| a.0.cmp(&b.0));
            if json {
                let list: Vec<serde_json::Value> = rows
                    .iter()
                    .map(|(name, a)| {
                        let mut v = serde_json::to_value(a)?;
                        v["customer"] = serde_json::json!(name);
                        Ok(v)
                    })
                    .collect::<anyhow::Result<_>>()?;
                print_json(&serde_json::json!({ "customers": list }))?;
                return Ok(ExitCode::SUCCESS);
            }
            let mut t = table(&["customer", "margin", "payment risk", "decision complexity", "relationship depth"]);
            for (name, a) in rows {
                t.add_row(vec![name, cell(a.margin), cell(a.payment_risk), cell(a.decision_complexity), cell(a.relationship_depth)]);
            }
            println!("{t}");
        }
        AttributesAction::Set(args) => {
            let company = ws.find_company(&args.customer, None)?;
            let mut a = ws.attributes_of(company.id)?;
            apply(&mut a.margin, "margin", args.margin)?;
            apply(&mut a.payment_risk, "payment_risk", args.payment_risk)?;
            apply(&mut a.decision_complexity, "decision_complexity", args.decision_complexity)?;
            apply(&mut a.relationship_depth, "relationship_depth", args.relationship_depth)?;
            ws.set_attributes(company.id, &a)?;
            let [m, p, d, r] = a.values().map(cell);
            println!("{}: margin {m}, payment risk {p}, decision complexity {d}, relationship depth {r}", company.name);
        }
    }
    Ok(ExitCode::SUCCESS)
}
