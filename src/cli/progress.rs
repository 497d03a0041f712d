//! A terminal progress bar for long imports; silent with `--json` or when not on a terminal.

use crate::store::{ImportObserver, ImportProgress};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

/// Shows import progress on stderr.
pub struct TerminalProgress {
    bar: ProgressBar,
    /// `CUSTOMS_RADAR_PROGRESS=lines`: one plain line per batch instead of a bar (for logs).
    lines: bool,
}

/// The environment variable that asks for plain progress lines.
pub const PROGRESS_ENV: &str = "CUSTOMS_RADAR_PROGRESS";

impl TerminalProgress {
    /// A bar when stderr is a terminal and output is for people; otherwise hidden.
    pub fn new(quiet: bool) -> TerminalProgress {
        let bar = if quiet || !std::io::stderr().is_terminal() { ProgressBar::hidden() } else { ProgressBar::new(0) };
        let style = ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len} rows, {per_sec}, {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        bar.set_style(style);
        let lines = std::env::var(PROGRESS_ENV).is_ok_and(|v| v == "lines");
        TerminalProgress { bar, lines }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl ImportObserver for TerminalProgress {
    fn progress(&self, p: &ImportProgress) {
        if self.lines {
            eprintln!(
                "progress: {} sheet '{}' rows {} of {}",
                p.file,
                p.sheet,
                p.rows_done,
                p.rows_total.map_or("?".into(), |t| t.to_string())
            );
        }
        self.bar.set_length(p.rows_total.unwrap_or(p.rows_done).max(p.rows_done));
        self.bar.set_position(p.rows_done);
        self.bar.set_message(format!("{} ({}/{}) {}", p.file, p.file_index + 1, p.files, p.sheet));
    }
}
