//! The `customs-radar` executable: parses the command line and reports errors once.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = customs_radar::cli::Cli::parse();
    match customs_radar::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
