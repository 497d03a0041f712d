//! Running the built binary on a workspace, and a demo workspace built once per test binary.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// Runs `customs-radar --db DB ARGS…`, ignoring any workspace named in the environment.
pub fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_customs-radar")).env_remove("CUSTOMS_RADAR_DB").arg("--db").arg(db).args(args).output().expect("run")
}

/// The one JSON object a successful command printed.
pub fn json(out: &Output) -> Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

/// A copy of the demo workspace in `dir` (built once, copied per test so tests that change settings
/// do not interfere).
pub fn demo_workspace(dir: &Path) -> PathBuf {
    static BUILT: OnceLock<tempfile::TempDir> = OnceLock::new();
    let built = BUILT.get_or_init(|| {
        let d = tempfile::tempdir().expect("tmp");
        let out = run(&d.path().join("demo.sqlite"), &["demo"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        d
    });
    let db = dir.join("ws.sqlite");
    // A consistent copy: the WAL was checkpointed when the demo command closed its connection.
    std::fs::copy(built.path().join("demo.sqlite"), &db).expect("copy");
    db
}
