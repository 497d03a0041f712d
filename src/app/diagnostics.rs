//! What support needs when something goes wrong: a rotated log file in the data directory (file
//! names and counts, never customer data), panics with their backtrace, and a diagnostics text the
//! user can copy (version, system, workspace size, the log's last lines).

use flexi_logger::{Cleanup, Criterion, FileSpec, Logger, LoggerHandle, Naming};
use std::path::{Path, PathBuf};

/// Overrides the log directory (tests, portable installs).
pub const LOG_DIR_ENV: &str = "CUSTOMS_RADAR_LOG_DIR";

/// Rotated at this size; the current file and [`KEPT_FILES`] older ones are kept.
const LOG_FILE_BYTES: u64 = 1 << 20;

/// Older log files kept beside the current one.
const KEPT_FILES: usize = 4;

/// Lines of the log a diagnostics text carries.
const TAIL_LINES: usize = 200;

/// The directory the log is written to: `CUSTOMS_RADAR_LOG_DIR`, else `logs` in the data directory.
pub fn log_dir() -> PathBuf {
    std::env::var_os(LOG_DIR_ENV).filter(|v| !v.is_empty()).map(PathBuf::from).unwrap_or_else(|| {
        directories::ProjectDirs::from("", "", "CustomsRadar").map_or_else(|| PathBuf::from("logs"), |d| d.data_dir().join("logs"))
    })
}

/// The file being written now.
pub fn current_log(dir: &Path) -> PathBuf {
    dir.join("customs-radar_rCURRENT.log")
}

/// Starts the log in `dir` and logs every panic with its backtrace; `None` (and the window works
/// on) when the directory cannot be written. Keep the handle alive for as long as the app runs.
pub fn start(dir: &Path) -> Option<LoggerHandle> {
    std::fs::create_dir_all(dir).ok()?;
    let handle = Logger::try_with_str("info")
        .ok()?
        .log_to_file(FileSpec::default().directory(dir).basename("customs-radar").suppress_timestamp())
        .format_for_files(flexi_logger::detailed_format)
        .rotate(Criterion::Size(LOG_FILE_BYTES), Naming::Numbers, Cleanup::KeepLogFiles(KEPT_FILES))
        .append()
        .start()
        .ok()?;
    log_panics();
    log::info!("Customs Radar {} started on {} {}", env!("CARGO_PKG_VERSION"), std::env::consts::OS, std::env::consts::ARCH);
    Some(handle)
}

/// Every panic goes to the log with its thread, place and backtrace, then to the hook before it.
fn log_panics() {
    let before = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let thread = std::thread::current().name().unwrap_or("unnamed").to_string();
        let backtrace = std::backtrace::Backtrace::force_capture();
        log::error!("panic in thread '{thread}': {info}\n{backtrace}");
        before(info);
    }));
}

/// The diagnostics a user sends to support: version, system, the workspace's file and size, and the
/// log's last lines.
pub fn text(workspace: &Path, shipments: usize, dir: &Path) -> String {
    let mut out = format!(
        "Customs Radar {}\nsystem: {} {} ({} cores)\nworkspace: {} ({} shipments)\nlog: {}\n",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH,
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        workspace.display(),
        shipments,
        dir.display(),
    );
    match std::fs::read_to_string(current_log(dir)) {
        Ok(log) => {
            let lines: Vec<&str> = log.lines().collect();
            out.push_str(&format!("\nlast {} log lines:\n", lines.len().min(TAIL_LINES)));
            for line in &lines[lines.len().saturating_sub(TAIL_LINES)..] {
                out.push_str(line);
                out.push('\n');
            }
        }
        Err(e) => out.push_str(&format!("\nno log: {e}\n")),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_diagnostics_carry_the_logs_last_lines_and_no_more() {
        let dir = std::env::temp_dir().join(format!("cr-diag-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let log: String = (0..500).map(|i| format!("line {i}\n")).collect();
        std::fs::write(current_log(&dir), log).expect("write");
        let text = text(Path::new("/data/workspace.sqlite"), 1234, &dir);
        assert!(text.contains("Customs Radar") && text.contains("1234 shipments"));
        assert!(text.contains("line 499") && text.contains("line 300") && !text.contains("line 299\n"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn without_a_log_the_diagnostics_say_so() {
        let text = text(Path::new("w.sqlite"), 0, Path::new("/nonexistent/cr-logs"));
        assert!(text.contains("no log"));
    }
}
