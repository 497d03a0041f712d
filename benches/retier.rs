//! Re-tiering after a weight change, the work the weight form repeats on every slider move: 10,000
//! customers with random metrics at the as-of date and eleven past quarter ends, eight of them
//! learning quarters (release). Prints the median and worst of many runs for the bare re-tier (scores and
//! tiers of today's customers) and for the whole report (history, events, watchlist, candidates and
//! both fits). Set `BENCH_CUSTOMERS` for another size.

use customs_radar::analysis::health::Level;
use customs_radar::analysis::tiers::measure::Measured;
use customs_radar::analysis::tiers::{METRICS, Metric, Outcome, Snapshot, TierModel, TierRules, WeightProfile};
use customs_radar::model::CompanyId;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rustc_hash::FxHashMap;
use std::time::{Duration, Instant};

fn snapshot(rng: &mut ChaCha8Rng, n: usize, day: chrono::NaiveDate) -> Snapshot {
    let measured = (0..n)
        .map(|i| {
            let mut raw = [None; METRICS];
            for m in Metric::ALL {
                // A tenth of values missing, as in real portfolios (no prior year, no rating).
                raw[m.index()] = (rng.random_range(0..10) > 0).then(|| rng.random_range(0.0..1_000_000.0f64));
            }
            raw[Metric::Health.index()] = Some(f64::from(rng.random_range(0..4u8)));
            let ours_6m = rng.random_range(0.0..500_000.0);
            Measured { id: CompanyId(i as i64), raw, level: Level::Green, growth_signal: None, ours_6m, ours_prior_6m: ours_6m / 2.0 }
        })
        .collect();
    Snapshot::new(day, measured)
}

fn stats(mut runs: Vec<Duration>) -> String {
    runs.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    format!("median {:>7.2} ms   worst {:>7.2} ms", ms(runs[runs.len() / 2]), ms(runs[runs.len() - 1]))
}

fn main() {
    let n: usize = std::env::var("BENCH_CUSTOMERS").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let day =
        |m: u32| chrono::NaiveDate::from_ymd_opt(2024, 1, 1).and_then(|d| d.checked_add_months(chrono::Months::new(m))).expect("date");
    let current = snapshot(&mut rng, n, day(33));
    let quarters: Vec<Snapshot> = (0..11).map(|q| snapshot(&mut rng, n, day(3 * q))).collect();
    let learning: Vec<Outcome> = (0..8)
        .map(|q| {
            let outcome =
                quarters[q].measured.iter().map(|m| m.get(Metric::Wallet).unwrap_or(0.0) + rng.random_range(0.0..300_000.0)).collect();
            Outcome::new(q, outcome)
        })
        .collect();
    let names: FxHashMap<CompanyId, String> = (0..n).map(|i| (CompanyId(i as i64), format!("CUSTOMER {i}"))).collect();
    let started = Instant::now();
    let model = TierModel::from_parts(day(33), current, quarters, learning, names);
    println!("{n} customers: model from measured quarters (normalise, learn) in {:.1} ms", started.elapsed().as_secs_f64() * 1000.0);

    let rules = TierRules::default();
    let mut profile = WeightProfile::builtins()[0].clone();
    let (mut bare, mut full) = (Vec::new(), Vec::new());
    for i in 0..60 {
        // A slider move: one weight changes.
        profile.weights.0[Metric::Share.index()] = f64::from(i % 30);
        let started = Instant::now();
        let (_, tiers) = model.current.rank(&profile.weights, &rules, &FxHashMap::default());
        bare.push(started.elapsed());
        std::hint::black_box(tiers);
        let started = Instant::now();
        let report = model.evaluate(&profile, &rules);
        full.push(started.elapsed());
        std::hint::black_box(report);
    }
    println!("re-tier {n} customers after a weight change:  {}", stats(bare));
    println!("whole tier report after a weight change:      {}", stats(full));
}
