//! Tuning on a firm's own history (`analysis::backtest::tune`) on a portfolio of the `quarterly`
//! family: the time split holds — what the search saw and chose is the same whether or not the
//! later part of the history exists — too short a history keeps the thresholds, and a cancel stops it.

use chrono::NaiveDate;
use customs_radar::analysis::backtest::{TuneError, TuneOptions, Tuning, tune};
use customs_radar::analysis::health::HealthSettings;
use customs_radar::model::Dataset;
use customs_radar::synth::Family;

fn split() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 9, 30).expect("date")
}

fn tune_on(data: &Dataset, min_events: usize) -> Tuning {
    let options = TuneOptions { split: Some(split()), candidates: 40, min_events, ..TuneOptions::default() };
    tune(data, &HealthSettings::default(), &options, &mut |_| true).expect("a tuning")
}

#[test]
fn what_the_search_chose_on_the_earlier_part_does_not_depend_on_the_later_part() {
    let portfolio = Family::Quarterly.generate(1);
    // No minimum of losses, so the cut history (with no later part at all) is searched too.
    let full = tune_on(&portfolio.dataset, 0);
    let mut earlier_only = portfolio.dataset.clone();
    earlier_only.shipments.retain(|s| s.date.day <= split());
    let cut = tune_on(&earlier_only, 0);
    assert_eq!(full.split, split());
    assert!(full.current.earlier.events >= 8 && full.current.later.events >= 8, "both parts hold losses: {:?}", full.current);
    assert_eq!(cut.current.later.events, 0, "the cut history has no later part");
    assert_eq!(full.frontier.len(), cut.frontier.len());
    for (a, b) in full.frontier.iter().zip(&cut.frontier) {
        assert_eq!(a.settings, b.settings, "the same sets were found");
        assert_eq!(a.earlier, b.earlier, "and scored the same on the earlier part");
    }
    assert_eq!(full.recommended, cut.recommended);
    assert!(full.frontier.len() >= 2, "a trade-off to choose from");
    assert!(full.enough_events && full.recommended.is_some_and(|i| i < full.frontier.len()));
    // The recommendation warns at least as many earlier losses with no more false alarms there.
    let pick = &full.frontier[full.recommended.unwrap_or(0)];
    assert!(pick.earlier.recall >= full.current.earlier.recall);
    assert!(pick.earlier.false_alarm_rate <= full.current.earlier.false_alarm_rate);
    assert_eq!(full.threshold_set(pick).tuned.map(|t| t.later_events), Some(pick.later.events));
}

#[test]
fn too_few_losses_keep_the_thresholds_and_a_cancel_stops_the_search() {
    let portfolio = Family::Quarterly.generate(2);
    let strict = tune_on(&portfolio.dataset, 1_000);
    assert!(!strict.enough_events);
    assert_eq!(strict.recommended, None, "nothing to recommend on too few losses");
    let options = TuneOptions { candidates: 40, ..TuneOptions::default() };
    let stopped = tune(&portfolio.dataset, &HealthSettings::default(), &options, &mut |done| done < 0.5);
    assert_eq!(stopped.err(), Some(TuneError::Cancelled));
}
