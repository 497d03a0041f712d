//! The `customs-radar` executable: with no subcommand it opens the window (importing the files
//! given, as "Open with" passes them); otherwise it runs the command line and reports errors once.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = customs_radar::cli::Cli::parse();
    if cli.command.is_none() {
        let files = match cli.window_files() {
            Ok(files) => files,
            Err(err) => {
                eprintln!("error: {err:#}");
                return ExitCode::from(2);
            }
        };
        return match customs_radar::ui::run(cli.db, files) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("error: could not open the window: {err}");
                ExitCode::from(2)
            }
        };
    }
    match customs_radar::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            // Scripts reading `--json` output get the error as JSON on stdout too.
            if std::env::args().any(|a| a == "--json") {
                println!("{}", serde_json::json!({ "error": format!("{err:#}") }));
            }
            ExitCode::from(2)
        }
    }
}
