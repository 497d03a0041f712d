//! The tuning section driven like a user would: start a tuning, stop it, read the result, pick an
//! operating point and save it, use a saved set; and what it says when the history is too short.

use super::{State, changes, harness, snapshot};
use crate::analysis::backtest::{OperatingPoint, PartScore, Tuning};
use crate::analysis::health::{HealthSettings, ThresholdSet};
use crate::app::change::Change;
use crate::app::snapshot::Snapshot;
use crate::ui::Command;
use crate::ui::i18n::Lang;
use crate::ui::settings::Section;
use crate::ui::worker::Request;
use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::sync::Arc;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// A workspace that knows us.
fn ours() -> Snapshot {
    let mut snap = snapshot();
    snap.settings.me = vec!["NINGBO HAIXING HARDWARE CO LTD".into()];
    snap
}

fn part(events: usize, recall: f64, false_alarms: f64) -> PartScore {
    PartScore {
        events,
        recall: Some(recall),
        warned_90_days: Some(recall / 2.0),
        median_lead_days: Some(60.0),
        precision: None,
        false_alarm_rate: Some(false_alarms),
    }
}

fn point(strength: f64, earlier: (f64, f64), later: (f64, f64)) -> OperatingPoint {
    let settings = HealthSettings { share_strength_orange: strength, ..HealthSettings::default() };
    OperatingPoint {
        values: vec![("share_strength_orange", strength)],
        settings,
        earlier: part(14, earlier.0, earlier.1),
        later: part(11, later.0, later.1),
    }
}

/// A tuning of 120 sets with three operating points; the second is recommended.
fn tuning(enough_events: bool) -> Arc<Tuning> {
    Arc::new(Tuning {
        split: day(2024, 6, 30),
        from: day(2023, 1, 31),
        to: day(2025, 6, 30),
        current: point(3.5, (0.5, 0.06), (0.45, 0.05)),
        frontier: vec![point(5.0, (0.4, 0.02), (0.36, 0.02)), point(3.0, (0.6, 0.05), (0.55, 0.06)), point(2.0, (0.7, 0.12), (0.64, 0.14))],
        recommended: Some(1),
        enough_events,
        candidates: 120,
    })
}

fn sent(h: &Harness<'_, State>, wanted: impl Fn(&Command) -> bool) -> bool {
    h.state().commands.iter().any(wanted)
}

#[test]
fn a_tuning_is_started_stopped_and_its_picked_point_saved_never_applied_silently() {
    let mut h = harness(ours(), Lang::En, Section::Tuning);
    h.get_by_label("Start tuning").click();
    h.run_steps(2);
    assert!(sent(&h, |c| matches!(c, Command::Send(Request::Tune))), "the tuning runs on the worker");
    h.get_by_label("Cancel").click();
    h.run_steps(2);
    assert!(sent(&h, |c| matches!(c, Command::Cancel)), "and can be stopped");
    h.state_mut().screen.on_tune_cancelled();
    h.run();
    assert!(h.query_by_label("Tuning stopped; nothing changed.").is_some());

    h.state_mut().screen.on_tuned(tuning(true));
    h.run();
    assert!(h.query_by_label_contains("Searched 120 threshold sets on 2023-01-31 to 2024-06-30 (14 losses)").is_some());
    assert!(h.query_by_label("2 ★").is_some(), "the recommended point is marked");
    assert!(h.query_by_label("55% (11)").is_some(), "its figures on the later part");
    assert!(changes(&h).is_empty(), "nothing is applied by a tuning");
    // The recommended point is picked; the user picks the stricter first one instead and saves it.
    h.get_by_label("1").click();
    h.run();
    assert!(h.query_by_label_contains("Orange: fall beyond the usual wander: 3.5× → 5×").is_some(), "what it changes, by label");
    h.get_by_label("Save as threshold set").click();
    h.run_steps(2);
    let saved = changes(&h);
    let [Change::SaveThresholdSet(name, set)] = saved.as_slice() else { panic!("one save: {saved:?}") };
    assert_eq!((name.as_str(), set.thresholds.share_strength_orange), ("tuned 2025-06-30", 5.0));
    assert_eq!(set.tuned.as_ref().map(|t| (t.later_events, t.later_false_alarms)), Some((11, Some(0.02))));
}

#[test]
fn too_short_a_history_keeps_the_thresholds_and_says_so_in_chinese_too() {
    let mut h = harness(ours(), Lang::Zh, Section::Tuning);
    h.state_mut().screen.on_tuned(tuning(false));
    h.run();
    assert!(h.query_by_label_contains("截至 2024-06-30 有 14 次流失，之后有 11 次，太少，无法校准").is_some());
    assert!(h.query_by_label("保存为阈值组").is_none(), "nothing to save");
}

#[test]
fn a_saved_set_is_used_or_deleted_and_the_one_in_use_is_marked() {
    let mut snap = ours();
    let strict = HealthSettings { share_strength_orange: 5.0, ..HealthSettings::default() };
    snap.settings.threshold_sets.insert("strict".into(), ThresholdSet { thresholds: strict, tuned: None });
    snap.settings.threshold_sets.insert("defaults".into(), ThresholdSet { thresholds: HealthSettings::default(), tuned: None });
    let mut h = harness(snap, Lang::En, Section::Tuning);
    assert!(h.query_by_label("In use").is_some(), "the default set is the one in use");
    h.get_by_label("Use").click();
    h.run_steps(2);
    assert_eq!(changes(&h), vec![Change::UseThresholdSet("strict".into())]);
}

#[test]
fn nothing_to_tune_before_we_know_which_supplier_is_us() {
    let h = harness(snapshot(), Lang::En, Section::Tuning);
    assert!(h.get_by_label("Start tuning").accesskit_node().is_disabled());
}
