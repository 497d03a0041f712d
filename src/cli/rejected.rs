//! `customs-radar rejected [--out FILE.csv] [--json]`: the rows imports refused, kept in the workspace.

use super::output::{print_json, table};
use crate::store::Workspace;
use anyhow::Context;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `rejected`.
#[derive(Debug, Args)]
pub struct RejectedArgs {
    /// Write them to a CSV file (opens in Excel) instead of printing.
    #[arg(long, value_name = "FILE.csv")]
    pub out: Option<PathBuf>,
    /// Print one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Lists or exports rejected rows.
pub fn run(ws: &Workspace, args: &RejectedArgs) -> anyhow::Result<ExitCode> {
    let rows = ws.rejected_rows(None)?;
    if let Some(path) = &args.out {
        // A BOM so Excel opens the UTF-8 file with Chinese text intact.
        let mut file = std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
        std::io::Write::write_all(&mut file, "\u{feff}".as_bytes())?;
        let mut w = csv::Writer::from_writer(file);
        w.write_record(["file", "sheet", "row", "column", "reason"])?;
        for r in &rows {
            w.write_record([r.file.as_str(), r.sheet.as_str(), &r.row.to_string(), r.column.as_str(), &r.reason.to_string()])?;
        }
        w.flush()?;
        println!("{} rejected rows written to {}", rows.len(), path.display());
    } else if args.json {
        print_json(&serde_json::json!({ "rejected": rows }))?;
    } else if rows.is_empty() {
        println!("no rejected rows");
    } else {
        let mut t = table(&["file", "sheet", "row", "column", "reason"]);
        for r in &rows {
            t.add_row(vec![r.file.clone(), r.sheet.clone(), r.row.to_string(), r.column.clone(), r.reason.to_string()]);
        }
        println!("{t}");
    }
    Ok(ExitCode::SUCCESS)
}
