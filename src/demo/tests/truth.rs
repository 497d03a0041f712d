//! The recorded truth: counts, onsets and verdicts of the cast, and their agreement with the rows.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;

use super::rows;
use super::series::{Series, churn_events, index, key, month_of};
use crate::demo::{DemoOptions, StoryKind, Truth, cast, cast_for};

/// Number of named customers (they come first in the cast).
const NAMED: usize = 38;

#[test]
fn portfolio_counts_onsets_and_verdicts() {
    let cast = cast();
    assert_eq!(cast.stories.len(), NAMED + 313);
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let (first, last) = (NaiveDate::from_ymd_opt(2024, 7, 1).expect("date"), NaiveDate::from_ymd_opt(2025, 12, 1).expect("date"));
    for story in &cast.stories[NAMED..] {
        *counts.entry(format!("{:?}", story.kind)).or_default() += 1;
        use StoryKind::*;
        let (changing, truth) = match story.kind {
            Steady | Seasonal | Lumpy | Thin | Wandering => (false, Truth::Quiet),
            TrialLeaves => (true, Truth::AtMostYellow),
            FastGrower => (true, Truth::Opportunity),
            ShareSlide | TrialThenMove | Shrinking | RhythmThinning | Lost => (true, Truth::Alert { churn: true }),
            other => panic!("{other:?} in the portfolio"),
        };
        assert_eq!(story.truth, truth, "{}", story.customer);
        assert!(!story.note.is_empty());
        match story.onset {
            Some(d) => assert!(changing && d >= first && d <= last && d.format("%d").to_string() == "01", "{} {d}", story.customer),
            None => assert!(!changing, "{} has no onset", story.customer),
        }
    }
    let expected = [
        ("Steady", 150),
        ("Seasonal", 30),
        ("Lumpy", 20),
        ("Thin", 25),
        ("Wandering", 20),
        ("TrialLeaves", 15),
        ("FastGrower", 10),
        ("ShareSlide", 14),
        ("TrialThenMove", 6),
        ("Shrinking", 10),
        ("RhythmThinning", 8),
        ("Lost", 5),
    ];
    assert_eq!(counts, expected.iter().map(|(k, n)| (k.to_string(), *n)).collect());
    // Named customers keep their own dates and verdicts.
    let named: HashMap<&str, (Option<NaiveDate>, Truth)> =
        cast.stories[..NAMED].iter().map(|s| (s.customer.as_str(), (s.onset, s.truth))).collect();
    let date = |y, m| NaiveDate::from_ymd_opt(y, m, 1);
    assert_eq!(named["PACIFIC FASTENING SUPPLY INC"], (date(2025, 1), Truth::Alert { churn: true }));
    assert_eq!(named["NORDIC BYGG AB"], (date(2026, 1), Truth::Alert { churn: false }));
    assert_eq!(named["MIDLANDS BUILDERS MERCHANTS LTD"], (date(2025, 4), Truth::Alert { churn: false }));
    assert_eq!(named["ANDES FERRETERIA SPA"], (date(2022, 10), Truth::Alert { churn: false }));
    assert_eq!(named["SAHARA TOOLS TRADING LLC"], (date(2026, 1), Truth::Opportunity));
    assert_eq!(named["KIWI TIMBER NZ LIMITED"], (None, Truth::Quiet));
    assert_eq!(named["GREAT LAKES BOLT & NUT CO"], (None, Truth::Quiet));
}

#[test]
fn cast_is_deterministic_per_seed() {
    let opts = |seed| DemoOptions { rows: 100, seed };
    assert_eq!(cast_for(&opts(7)), cast_for(&DemoOptions { rows: 99_999, seed: 7 }));
    assert_eq!(cast_for(&opts(7)), cast());
    let onsets = |seed| cast_for(&opts(seed)).stories.into_iter().map(|s| s.onset).collect::<Vec<_>>();
    assert_ne!(onsets(7), onsets(8));
    let names = |seed| cast_for(&opts(seed)).stories.into_iter().map(|s| s.customer).collect::<Vec<_>>();
    assert_ne!(names(7), names(8));
}

/// Per seed: canonical spellings, distinct names, churn events where (and only where) the truth
/// says so.
fn check_truth(seed: u64) {
    let cast = cast_for(&DemoOptions { rows: 0, seed });
    // Beyond the story customers' rows (some 45k), so the background market is there too.
    let data = rows(55_000, seed);
    let by_key = index(&data);
    let keys: HashSet<String> = cast.stories.iter().map(|s| key(&s.customer)).collect();
    assert_eq!(keys.len(), cast.stories.len(), "seed {seed}: two story customers share a name");
    // Customers outside the cast never buy from us; no background importer takes a story
    // customer's name (its rows would arrive elsewhere).
    for (k, rows) in &by_key {
        if keys.contains(k) {
            let places: HashSet<(&str, &str)> = rows.iter().map(|r| (r.destination.as_str(), r.port.as_str())).collect();
            assert_eq!(places.len(), 1, "seed {seed}: {k} {places:?}");
        } else {
            assert!(rows.iter().all(|r| !super::is_ours(r)), "seed {seed}: {k} buys from us");
        }
    }
    for story in &cast.stories {
        let mine = &by_key[&key(&story.customer)];
        let mut spellings: HashMap<&str, usize> = HashMap::new();
        for r in mine {
            *spellings.entry(r.buyer.as_str()).or_default() += 1;
        }
        let top = spellings.iter().max_by_key(|(name, n)| (**n, *name)).map(|(name, _)| *name);
        assert_eq!(top, Some(story.customer.as_str()), "seed {seed}: {spellings:?}");
        if matches!(story.kind, StoryKind::Lumpy | StoryKind::Thin) {
            continue; // a quarter without a lot is no churn; the backtest's size floor covers thin ones
        }
        let events = churn_events(&Series::of(mine).ours);
        let who = format!("seed {seed}: {:?} {}: events in quarters {events:?}", story.kind, story.customer);
        match story.truth {
            Truth::Alert { churn: true } => {
                let onset_quarter = story.onset.map(month_of).expect("churn has an onset") / 3;
                assert!(events.first().is_some_and(|&q| q >= onset_quarter), "{who}, onset quarter {onset_quarter}");
            }
            _ => assert!(events.is_empty(), "{who}"),
        }
    }
}

#[test]
fn truth_agrees_with_the_rows_for_several_seeds() {
    for seed in [7, 3, 42] {
        check_truth(seed);
    }
}
