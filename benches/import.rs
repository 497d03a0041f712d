//! Import speed against the ceiling: calamine merely reading the same file.
//!
//! `cargo bench --bench import` generates a 1,000,000-row demo .xlsx once (under target/), then runs
//! each phase in a child process so each peak memory figure is its own:
//! - read: calamine's streaming cell reader visits every cell (what any import must at least do);
//! - import: `Workspace::import_files` into a fresh workspace (read, map, parse, resolve, insert);
//! - load: `Workspace::load_dataset` + the customer summary over the imported workspace.
//!   Set `BENCH_ROWS` for another size.

use calamine::{Reader, Xlsx, open_workbook};
use customs_radar::demo::{DemoOptions, write_xlsx};
use customs_radar::store::{ImportOptions, SilentObserver, Workspace};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn main() {
    let rows: usize = std::env::var("BENCH_ROWS").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let file = dir.join(format!("demo-{rows}.xlsx"));
    let db = dir.join(format!("bench-{rows}.sqlite"));
    if let Ok(phase) = std::env::var("CR_BENCH_PHASE") {
        let (count, secs) = match phase.as_str() {
            "read" => read_only(&file),
            "import" => import(&file, &db),
            "load" => load(&db),
            other => panic!("unknown phase {other}"),
        };
        println!("{count} {secs} {}", peak_kib());
        return;
    }
    std::fs::create_dir_all(&dir).expect("bench dir");
    if !file.exists() {
        let started = Instant::now();
        write_xlsx(&file, &DemoOptions { rows, seed: 7 }).expect("write demo file");
        println!("generated {} ({} rows) in {:.1} s", file.display(), rows, started.elapsed().as_secs_f64());
    }
    let size_mb = std::fs::metadata(&file).map(|m| m.len() as f64 / 1e6).unwrap_or(0.0);
    println!("file: {} ({size_mb:.1} MB)", file.display());
    let read = phase("read");
    let imported = phase("import");
    let loaded = phase("load");
    let rate = |(n, s, _): (u64, f64, u64)| n as f64 / s;
    println!();
    println!("{:<34} {:>10} {:>9} {:>12} {:>10}", "phase", "rows", "seconds", "rows/s", "peak MiB");
    for (name, r) in [("calamine read-only (ceiling)", read), ("customs-radar import", imported), ("load dataset + customers", loaded)] {
        println!("{:<34} {:>10} {:>9.2} {:>12.0} {:>10.1}", name, r.0, r.1, rate(r), r.2 as f64 / 1024.0);
    }
    println!();
    println!("import rate / read-only rate = {:.0}% (target ≥ 70%)", 100.0 * rate(imported) / rate(read));
}

/// Runs one phase in a child process and returns (rows, seconds, peak KiB).
fn phase(name: &str) -> (u64, f64, u64) {
    let exe = std::env::current_exe().expect("own path");
    let out = Command::new(exe).env("CR_BENCH_PHASE", name).output().expect("run phase");
    assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut parts = text.split_whitespace();
    let mut next = || parts.next().unwrap_or("0").to_string();
    (next().parse().unwrap_or(0), next().parse().unwrap_or(0.0), next().parse().unwrap_or(0))
}

/// Visits every cell with calamine's streaming reader; returns (rows, seconds).
fn read_only(file: &Path) -> (u64, f64) {
    let started = Instant::now();
    let mut book: Xlsx<_> = open_workbook(file).expect("open");
    let mut rows = 0u64;
    let mut cells = 0u64;
    for name in book.sheet_names() {
        let mut reader = book.worksheet_cells_reader(&name).expect("sheet");
        let mut last_row = u32::MAX;
        while let Some(cell) = reader.next_cell().expect("cell") {
            cells += 1;
            if cell.get_position().0 != last_row {
                last_row = cell.get_position().0;
                rows += 1;
            }
        }
    }
    assert!(cells > 0);
    (rows, started.elapsed().as_secs_f64())
}

/// Imports into a fresh workspace; returns (rows read, seconds).
fn import(file: &Path, db: &Path) -> (u64, f64) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let started = Instant::now();
    let mut ws = Workspace::open(db).expect("workspace");
    let report = ws.import_files(&[file.to_path_buf()], ImportOptions::default(), &SilentObserver).expect("import");
    assert_eq!(report.rows_read, report.imported + report.duplicates + report.rejected.len() as u64);
    (report.rows_read, started.elapsed().as_secs_f64())
}

/// Loads the imported workspace and summarises every customer; returns (shipments, seconds).
fn load(db: &Path) -> (u64, f64) {
    let started = Instant::now();
    let ws = Workspace::open(db).expect("workspace");
    let data = ws.load_dataset().expect("load");
    let as_of = customs_radar::analysis::window::latest_date(&data).expect("data");
    let list = customs_radar::analysis::customers::customers(&data, as_of);
    assert!(!list.is_empty());
    (data.shipments.len() as u64, started.elapsed().as_secs_f64())
}

/// Peak resident memory of this process (Linux), in KiB.
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}
