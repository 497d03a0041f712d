//! The planted stories, checked on the rows of several seeds.

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use super::{by_quarter, in_catalog, is_ours, named_rows, of, quarter, sum};
use crate::demo::roster::CUSTOMERS;
use crate::demo::{DemoRow, StoryKind, cast};

/// Checks every planted story on the story customers of one seed.
fn check_stories(seed: u64) {
    let data = named_rows(seed);

    let pacific = of(&data, "PACIFIC FASTENING SUPPLY INC");
    let spellings: HashSet<&str> = pacific.iter().map(|r| r.buyer.as_str()).collect();
    assert!(spellings.contains("PACIFIC FASTENING SUPPLY, INC.") && spellings.len() == 2);
    let share = |keep: &dyn Fn(&DemoRow) -> bool| {
        sum(&pacific, |r| in_catalog(r) && is_ours(r) && keep(r)) / sum(&pacific, |r| in_catalog(r) && keep(r))
    };
    let s2023 = share(&|r| r.date.year() == 2023);
    let s2026q2 = share(&|r| quarter(r.date) == (2026, 2));
    assert!(s2023 >= 0.7 && s2026q2 <= 0.4, "seed {seed}: share {s2023} -> {s2026q2}");
    let wallet = by_quarter(&pacific, in_catalog);
    let (lo, hi) = wallet.values().fold((f64::MAX, 0f64), |(l, h), v| (l.min(*v), h.max(*v)));
    assert!(lo > 80e3 && hi < 125e3, "seed {seed}: PACIFIC wallet {lo}..{hi}");

    let nordic = of(&data, "NORDIC BYGG AB");
    assert!(nordic.iter().filter(|r| in_catalog(r) && r.date.year() < 2026).all(|r| is_ours(r)));
    let newcomers: HashSet<&str> =
        nordic.iter().filter(|r| in_catalog(r) && r.date.year() == 2026 && !is_ours(r)).map(|r| r.supplier.as_str()).collect();
    assert!(newcomers.len() >= 2, "seed {seed}: {newcomers:?}");
    let nordic_share =
        sum(&nordic, |r| in_catalog(r) && is_ours(r) && r.date.year() == 2026) / sum(&nordic, |r| in_catalog(r) && r.date.year() == 2026);
    assert!(nordic_share > 0.85, "seed {seed}: NORDIC share {nordic_share}");

    let midlands = of(&data, "MIDLANDS BUILDERS MERCHANTS LTD");
    let recent = sum(&midlands, |r| r.date >= NaiveDate::from_ymd_opt(2025, 10, 1).expect("date"));
    let year_before = sum(&midlands, |r| quarter(r.date) >= (2024, 4) && quarter(r.date) <= (2025, 3));
    assert!(recent < 0.6 * year_before, "seed {seed}: MIDLANDS {recent} vs {year_before}");

    let andes = of(&data, "ANDES FERRETERIA SPA");
    let gap_2026 = sum(&andes, |r| !in_catalog(r) && r.date.year() == 2026);
    let ours_2026 = sum(&andes, |r| is_ours(r) && r.date.year() == 2026);
    let gap_2023 = sum(&andes, |r| !in_catalog(r) && r.date.year() == 2023);
    assert!(gap_2026 > 0.5 * ours_2026 && gap_2023 < 0.3 * ours_2026, "seed {seed}: ANDES");

    let nz = of(&data, "KIWI TIMBER NZ LIMITED");
    assert!(nz.iter().any(|r| in_catalog(r)) && !nz.iter().any(|r| is_ours(r)));
    assert!(of(&data, "KIWI TIMBER PTY LTD").iter().any(|r| is_ours(r)));

    let sahara = of(&data, "SAHARA TOOLS TRADING LLC");
    let q = by_quarter(&sahara, |_| true);
    assert!(q[&(2026, 2)] >= 3.0 * q[&(2025, 3)], "seed {seed}: SAHARA {q:?}");
    let ours_2024 = sum(&sahara, |r| is_ours(r) && r.date.year() == 2024);
    assert!((14e3..26e3).contains(&ours_2024), "seed {seed}: SAHARA {ours_2024}");

    // The named customers; the portfolio is checked in `portfolio.rs`.
    for story in cast().stories.into_iter().take(CUSTOMERS.len()) {
        let mine = of(&data, &story.customer);
        match story.kind {
            StoryKind::Steady => {
                let q = by_quarter(&mine, is_ours);
                let mean = q.values().sum::<f64>() / q.len() as f64;
                assert_eq!(q.len(), 16, "{}", story.customer);
                for v in q.values() {
                    assert!((v / mean - 1.0).abs() < 0.35, "seed {seed}: {} {q:?}", story.customer);
                }
            }
            StoryKind::Seasonal => {
                let q = by_quarter(&mine, |_| true);
                for year in 2023..=2025 {
                    let ratio = q[&(year, 4)] / q[&(year, 2)];
                    assert!((1.5..2.7).contains(&ratio), "seed {seed}: {} {year} {ratio}", story.customer);
                }
            }
            StoryKind::Lumpy => {
                let months: HashSet<(i32, u32)> = mine.iter().map(|r| (r.date.year(), r.date.month())).collect();
                for year in 2023..=2026 {
                    let n = months.iter().filter(|(y, _)| *y == year).count();
                    assert!((1..=2).contains(&n), "seed {seed}: {} {year}", story.customer);
                }
            }
            StoryKind::Thin => {
                for year in 2022..=2026 {
                    let total = sum(&mine, |r| r.date.year() == year);
                    assert!(total < 5_000.0, "seed {seed}: {} {year} {total}", story.customer);
                }
                assert!(!mine.is_empty());
            }
            _ => {}
        }
    }
}

#[test]
fn planted_stories_hold_for_several_seeds() {
    for seed in [7, 0, 1, 42, 2024, 99_999] {
        check_stories(seed);
    }
}
