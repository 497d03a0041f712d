//! `customs-radar demo [--out FILE.xlsx] [--rows N] [--seed S]`

use super::progress::TerminalProgress;
use crate::demo::{DemoOptions, build_workspace, demo_workspace_path, write_xlsx};
use anyhow::Context;
use clap::Args;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Write the dataset to this .xlsx instead of loading it into a workspace.
    #[arg(long, value_name = "FILE.xlsx")]
    pub out: Option<PathBuf>,
    /// Rows to generate (the planted stories are always complete).
    #[arg(long, default_value_t = DemoOptions::default().rows)]
    pub rows: usize,
    /// Random seed; the same seed gives the same data.
    #[arg(long, default_value_t = DemoOptions::default().seed)]
    pub seed: u64,
}

/// Writes the demo file, or builds a demo workspace (`--db`, or the built-in demo workspace).
pub fn run(args: &DemoArgs, db: Option<&Path>) -> anyhow::Result<ExitCode> {
    let options = DemoOptions { rows: args.rows, seed: args.seed };
    if let Some(out) = &args.out {
        let started = std::time::Instant::now();
        let rows = write_xlsx(out, &options).with_context(|| format!("writing {}", out.display()))?;
        println!("wrote {rows} rows to {} in {:.1} s", out.display(), started.elapsed().as_secs_f64());
        return Ok(ExitCode::SUCCESS);
    }
    let path = db.map(Path::to_path_buf).unwrap_or_else(demo_workspace_path);
    let progress = TerminalProgress::new(false);
    let report = build_workspace(&path, &options, &progress);
    progress.finish();
    let report = report.with_context(|| format!("building the demo workspace {}", path.display()))?;
    println!("demo workspace {}: {} shipments imported", path.display(), report.imported);
    println!("try: customs-radar --db {} customers", path.display());
    Ok(ExitCode::SUCCESS)
}
