//! Health for every customer, the full month-end backtest, the tier model (metrics at the as-of
//! date and at 11 past quarter ends, learnt weights, one report) and growth (every customer's
//! cross-sell gaps, groups, the markets of our codes) and the dashboard's portfolio trajectory (8
//! quarters with the levels at each end) and the monthly digest (health and tiers at two dates) over
//! a 1,000,000-shipment demo workspace
//! (release). Each phase runs in its own process so its peak memory is its own; loading
//! from SQLite is timed apart from the analysis. Set `BENCH_ROWS` for another size.

use customs_radar::analysis::backtest::{BacktestOptions, backtest};
use customs_radar::analysis::crosssell::crosssell;
use customs_radar::analysis::groups::groups;
use customs_radar::analysis::health::{HealthSettings, assess};
use customs_radar::analysis::market::our_markets;
use customs_radar::analysis::tiers::{TierModel, TierRules, WeightProfile};
use customs_radar::analysis::trajectory::trajectory;
use customs_radar::analysis::window::latest_date;
use customs_radar::app::digest::{Settings, digest, last_month};
use customs_radar::demo::{DemoOptions, build_workspace};
use customs_radar::store::{SilentObserver, Workspace};
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn main() {
    let rows: usize = std::env::var("BENCH_ROWS").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let db = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-data/health-{rows}.sqlite"));
    if let Ok(phase) = std::env::var("CR_BENCH_PHASE") {
        let (load, work, detail) = run_phase(&phase, &db);
        println!("{load} {work} {} {detail}", peak_kib());
        return;
    }
    if !db.exists() {
        std::fs::create_dir_all(db.parent().expect("dir")).expect("bench dir");
        let started = Instant::now();
        build_workspace(&db, &DemoOptions { rows, seed: 7 }, &SilentObserver).expect("demo workspace");
        println!("built {} ({rows} rows) in {:.1} s", db.display(), started.elapsed().as_secs_f64());
    }
    println!("{:<34} {:>10} {:>10} {:>10} {:>10}  detail", "phase", "load s", "analysis s", "total s", "peak MiB");
    for phase in ["health", "backtest", "tiers", "growth", "trajectory", "digest", "next_orders", "supply_risk", "market_position"] {
        let exe = std::env::current_exe().expect("own path");
        let out = Command::new(exe).env("CR_BENCH_PHASE", phase).output().expect("run phase");
        assert!(out.status.success(), "{phase}: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8_lossy(&out.stdout);
        let parts: Vec<&str> = text.split_whitespace().collect();
        let (load, work, peak): (f64, f64, f64) =
            (parts[0].parse().unwrap_or(0.0), parts[1].parse().unwrap_or(0.0), parts[2].parse().unwrap_or(0.0));
        println!("{:<34} {:>10.3} {:>10.3} {:>10.3} {:>10.1}  {}", phase, load, work, load + work, peak / 1024.0, parts[3..].join(" "));
    }
}

/// Runs one phase: (seconds loading, seconds analysing, what was done).
fn run_phase(phase: &str, db: &Path) -> (f64, f64, String) {
    let started = Instant::now();
    let data = Workspace::open(db).expect("workspace").load_dataset().expect("load");
    let load = started.elapsed().as_secs_f64();
    let cfg = HealthSettings::default();
    let started = Instant::now();
    let detail = match phase {
        "health" => {
            let report = assess(&data, latest_date(&data).expect("data"), &cfg);
            format!("{} shipments, {} customers assessed", data.shipments.len(), report.customers.len())
        }
        "backtest" => {
            let report = backtest(&data, &cfg, &BacktestOptions::default()).expect("replay");
            format!("{} month ends x {} customers, {} events", report.month_ends, report.customers, report.orange_or_red.events)
        }
        "tiers" => {
            let model = TierModel::build(&data, latest_date(&data).expect("data"), &cfg, &FxHashMap::default());
            let report = model.evaluate(&WeightProfile::builtins()[0], &TierRules::default());
            format!("{} customers, {} past quarters, {} learnt", report.customers.len(), model.quarters.len(), model.learning.len())
        }
        "growth" => {
            let as_of = latest_date(&data).expect("data");
            let gaps = crosssell(&data, as_of, &[], None);
            let groups = groups(&data, as_of, &[], &HashMap::new());
            let markets = our_markets(&data, as_of);
            format!(
                "cross-sell {} gaps, {} groups, {} markets",
                gaps.customers.iter().map(|c| c.gaps.len()).sum::<usize>(),
                groups.groups.len(),
                markets.len()
            )
        }
        "trajectory" => {
            let t = trajectory(&data, latest_date(&data).expect("data"), 8, &cfg);
            format!("{} quarters, {} with levels", t.len(), t.iter().filter(|q| q.levels.is_some()).count())
        }
        "digest" => {
            // The monthly digest as the command line makes it: health and tiers at both dates.
            let as_of = latest_date(&data).expect("data");
            let (profile, rules, manual) = (WeightProfile::builtins()[0].clone(), TierRules::default(), FxHashMap::default());
            let settings = Settings { cfg: &cfg, profile: &profile, rules: &rules, manual: &manual };
            let d = digest(&data, last_month(as_of), as_of, &settings);
            format!("{} level changes, {} new signals, {} tier changes", d.level_changes.len(), d.new_signals.len(), d.tier_changes.len())
        }
        "next_orders" => {
            let as_of = latest_date(&data).expect("data");
            let list = customs_radar::analysis::next_order::next_orders(&data, as_of);
            let seasonal = list.iter().filter(|n| n.season.seasonal()).count();
            format!("{} customers forecast, {seasonal} seasonal", list.len())
        }
        "supply_risk" => {
            let (list, view) = customs_radar::analysis::supply_risk::supply_risk(&data, latest_date(&data).expect("data"));
            format!("{} customers, {} dependent on another origin", list.len(), view.on_other_origin.0)
        }
        "market_position" => {
            let list = customs_radar::analysis::market_position::positions(&data, latest_date(&data).expect("data"));
            format!("{} customers placed in their markets", list.len())
        }
        other => panic!("unknown phase {other}"),
    };
    (load, started.elapsed().as_secs_f64(), detail)
}

/// Peak resident memory of this process (Linux), in KiB.
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}
