//! `customs-radar import FILE... [--mapping FILE.json] [--json]`

use super::output::{print_json, table};
use super::progress::TerminalProgress;
use crate::import::field::Field;
use crate::import::mapping::FieldMap;
use crate::store::{ImportOptions, ImportReport, Workspace};
use anyhow::{Context, bail};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files to import; one import, one transaction.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// JSON naming the column for fields, e.g. {"buyer": "客户名称", "value": "Amount"}; remembered
    /// for files with the same headers.
    #[arg(long, value_name = "FILE.json")]
    pub mapping: Option<PathBuf>,
    /// Print the result as one JSON object.
    #[arg(long)]
    pub json: bool,
}

/// Runs the import; exit code 1 when a file was refused.
pub fn run(ws: &mut Workspace, args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let mapping = args.mapping.as_deref().map(read_mapping).transpose()?;
    let progress = TerminalProgress::new(args.json);
    let report = ws.import_files(&args.files, ImportOptions { mapping: mapping.as_ref() }, &progress);
    progress.finish();
    if progress.interrupted() {
        // Said plainly, in both languages the app speaks, whatever the import had reached.
        eprintln!("Import interrupted (Ctrl-C): nothing was changed. 导入已中断，工作区未作任何更改。");
        if args.json {
            println!("{}", serde_json::json!({ "error": "import interrupted (Ctrl-C): nothing was changed", "cancelled": true }));
        }
        return Ok(ExitCode::from(130));
    }
    let report = report?;
    if args.json {
        print_json(&report)?;
    } else {
        print_report(&report);
    }
    let refused = report.files.iter().any(|f| f.status == "refused");
    Ok(if refused { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Reads a `--mapping` file: a JSON object of field → header.
pub fn read_mapping(path: &std::path::Path) -> anyhow::Result<FieldMap> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let raw: std::collections::BTreeMap<String, String> = serde_json::from_str(&text)
        .with_context(|| format!("{} must be a JSON object such as {{\"buyer\": \"客户名称\"}}", path.display()))?;
    let mut map = FieldMap::new();
    for (key, header) in raw {
        let Some(field) = Field::from_key(&key) else {
            let known: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
            bail!("{}: unknown field '{key}'; fields are: {}", path.display(), known.join(", "));
        };
        map.insert(field, header);
    }
    Ok(map)
}

fn print_report(r: &ImportReport) {
    let files = r.files.len();
    println!(
        "{} file{}: {} rows read → {} imported, {} duplicates, {} rejected",
        files,
        if files == 1 { "" } else { "s" },
        r.rows_read,
        r.imported,
        r.duplicates,
        r.rejected.len()
    );
    for f in &r.files {
        println!();
        match f.status {
            "refused" => println!("✗ {} — not imported: {}", f.file, f.reason.as_ref().map(ToString::to_string).unwrap_or_default()),
            _ => println!(
                "✓ {} — {} read, {} imported, {} duplicates, {} rejected",
                f.file, f.rows_read, f.imported, f.duplicates, f.rejected
            ),
        }
        if let Some(when) = &f.imported_before {
            println!("  the same file was imported before ({when}); its rows count as duplicates");
        }
        for note in &f.notes {
            println!("  ! {note}");
        }
        for s in &f.sheets {
            if s.status == "skipped" {
                if f.status != "refused" || f.sheets.len() > 1 {
                    println!("  sheet '{}' skipped: {}", s.sheet, s.reason.as_ref().map(ToString::to_string).unwrap_or_default());
                }
                continue;
            }
            let columns: Vec<String> = s.columns.iter().map(|c| format!("{} ← {} ({})", c.field, c.header, c.column)).collect();
            println!("  sheet '{}', header row {}: {}", s.sheet, s.header_row.unwrap_or(0), columns.join(", "));
            for warning in &s.warnings {
                println!("    ! {warning}");
            }
            for note in &s.notes {
                println!("    · {note}");
            }
            if !s.unsure.is_empty() {
                let fields: Vec<&str> = s.unsure.iter().map(|f| f.key()).collect();
                println!("    · please check the columns for: {} (weak header match)", fields.join(", "));
            }
        }
    }
    if !r.rejected.is_empty() {
        println!();
        let mut t = table(&["file", "sheet", "row", "column", "reason"]);
        for row in r.rejected.iter().take(20) {
            t.add_row(vec![row.file.clone(), row.sheet.clone(), row.row.to_string(), row.column.clone(), row.reason.to_string()]);
        }
        println!("Rejected rows{}:", if r.rejected.len() > 20 { " (first 20; all with `customs-radar rejected`)" } else { "" });
        println!("{t}");
    }
}
