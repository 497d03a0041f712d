//! How well the next-order forecast holds on portfolios it was not tuned on: the replay of the last
//! two years (`analysis::next_order::replay`) on the demo (where its choices were made) and on the
//! five synthetic families, seeds 1–3 (`CR_SEEDS`), beside "same time as last year". Run with
//! `cargo bench --bench next_order` (or `--profile dev` for a quick look).

use customs_radar::analysis::next_order::replay;
use customs_radar::model::date::months_back;
use customs_radar::synth::{Family, SynthPortfolio, demo::generate_demo};

fn main() {
    let seeds: Vec<u64> =
        std::env::var("CR_SEEDS").ok().map_or(vec![1, 2, 3], |s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect());
    println!("{:<12} {:>5} {:>9} {:>10} {:>12} {:>10} {:>9}", "family", "seed", "forecasts", "in range", "last year", "error d", "width d");
    let mut names: Vec<&str> = vec!["demo"];
    names.extend(Family::ALL.iter().map(|f| f.key()));
    for name in names {
        for seed in &seeds {
            let p = make(name, *seed);
            let end = p.dataset.shipments.iter().map(|s| s.date.day).max().expect("shipments");
            let a = replay(&p.dataset, months_back(end, 24), end);
            println!(
                "{name:<12} {seed:>5} {:>9} {:>9.0}% {:>11.0}% {:>5.0} / {:<4.0} {:>9.0}",
                a.cases,
                a.in_range * 100.0,
                a.baseline_in_range * 100.0,
                a.median_error_days,
                a.baseline_median_error_days,
                a.median_width_days
            );
        }
    }
}

/// A portfolio of the family named, from a seed.
fn make(family: &str, seed: u64) -> SynthPortfolio {
    match family {
        "demo" => generate_demo(seed),
        _ => Family::ALL.iter().find(|f| f.key() == family).map(|f| f.generate(seed)).expect("a family"),
    }
}
