//! `customs-radar history [--json]`: what was imported when, with its counts.

use super::output::{print_json, table};
use crate::store::Workspace;
use clap::Args;
use std::process::ExitCode;

/// Arguments of `history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Lists every import, newest first.
pub fn run(ws: &Workspace, args: &HistoryArgs) -> anyhow::Result<ExitCode> {
    let imports = ws.import_history()?;
    if args.json {
        print_json(&serde_json::json!({ "imports": imports }))?;
        return Ok(ExitCode::SUCCESS);
    }
    if imports.is_empty() {
        println!("nothing imported yet");
        return Ok(ExitCode::SUCCESS);
    }
    let mut t = table(&["when", "file", "status", "read", "imported", "duplicates", "rejected", "content hash"]);
    for i in &imports {
        let status = match &i.reason {
            Some(reason) if i.status == "refused" => format!("refused: {reason}"),
            _ => i.status.clone(),
        };
        t.add_row(vec![
            i.imported_at.chars().take(19).collect::<String>().replace('T', " "),
            i.file_name.clone(),
            status,
            i.rows_read.to_string(),
            i.imported.to_string(),
            i.duplicates.to_string(),
            i.rejected.to_string(),
            i.content_hash.chars().take(12).collect(),
        ]);
    }
    println!("{t}");
    Ok(ExitCode::SUCCESS)
}
