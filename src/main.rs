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
    quiet_on_closed_stdout();
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

/// `customs-radar customers | head -1`: when the reader of our output goes away, stop quietly, as
/// any command-line tool does, instead of reporting a panic (`println!` panics on a closed pipe).
fn quiet_on_closed_stdout() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message =
            info.payload().downcast_ref::<String>().map(String::as_str).or_else(|| info.payload().downcast_ref::<&str>().copied());
        if message.is_some_and(|m| m.starts_with("failed printing to stdout")) {
            std::process::exit(0);
        }
        // A damaged workbook can make the reader library panic; the import catches it and refuses
        // the file with a plain reason, so the panic itself is not shown.
        if std::thread::current().name() == Some(customs_radar::store::READER_THREAD) {
            return;
        }
        default(info);
    }));
}
