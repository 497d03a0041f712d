//! `customs-radar overview`: a short overview of the workspace in the terminal, or of the built-in demo
//! data when the workspace is still empty.

use super::customers::{CustomersArgs, run as list_customers};
use super::progress::TerminalProgress;
use crate::demo::{DemoOptions, build_workspace, demo_workspace_path};
use crate::store::Workspace;
use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;

/// Customers shown in the overview.
const OVERVIEW_ROWS: usize = 20;

/// Shows the customers of the user's workspace, or of the demo workspace (built on first use).
pub fn run(db: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let path = db.unwrap_or_else(|| Workspace::resolve_path(None));
    let ws = Workspace::open(&path).with_context(|| format!("opening workspace {}", path.display()))?;
    if ws.shipment_count()? > 0 {
        println!("Customs Radar 海关客户雷达 — workspace {}\n", path.display());
        return list_customers(&ws, &CustomersArgs { as_of: None, top: Some(OVERVIEW_ROWS), json: false });
    }
    let demo = demo_workspace_path();
    let fresh = !demo.exists();
    let ws = if fresh {
        println!("Your workspace is empty; building the demo data first ({}).", demo.display());
        let progress = TerminalProgress::new(false);
        let built = build_workspace(&demo, &DemoOptions::default(), &progress);
        progress.finish();
        built.with_context(|| format!("building the demo workspace {}", demo.display()))?;
        Workspace::open(&demo)?
    } else {
        Workspace::open(&demo)?
    };
    println!("Customs Radar 海关客户雷达 — demo data (synthetic; our firm: NINGBO HAIXING HARDWARE)\n");
    let code = list_customers(&ws, &CustomersArgs { as_of: None, top: Some(OVERVIEW_ROWS), json: false })?;
    println!("\nYour own data: customs-radar import FILE.xlsx …, then customs-radar me add \"YOUR COMPANY\"");
    println!("All commands: customs-radar --help");
    Ok(code)
}
