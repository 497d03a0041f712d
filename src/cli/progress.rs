//! A terminal progress bar for long imports; silent with `--json` or when not on a terminal.

use crate::store::{ImportObserver, ImportProgress};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Shows import progress on stderr.
pub struct TerminalProgress {
    bar: ProgressBar,
    /// `CUSTOMS_RADAR_PROGRESS=lines`: one plain line per batch instead of a bar (for logs).
    lines: bool,
    /// Set by Ctrl-C: the import stops at its next batch and rolls back.
    interrupted: Arc<AtomicBool>,
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
        let interrupted = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&interrupted);
        // Ctrl-C cancels the import (its transaction rolls back) instead of killing the process
        // mid-write; a second Ctrl-C is not needed, the import stops within one batch. If a handler
        // cannot be set (already set), Ctrl-C keeps its default, which SQLite survives too.
        let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
        TerminalProgress { bar, lines, interrupted }
    }

    /// True when the user pressed Ctrl-C.
    pub fn interrupted(&self) -> bool {
        self.interrupted.load(Ordering::SeqCst)
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl ImportObserver for TerminalProgress {
    fn cancelled(&self) -> bool {
        self.interrupted()
    }

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
