//! The health rules and the month-end backtest on the demo portfolio (seed 7), scored against the
//! truth the generator records for every story customer.
//!
//! `CR_SEED=… CR_HEALTH='{"share_drop_orange":0.2}' cargo test --test health_demo -- --nocapture`
//! scores another seed or other thresholds (the targets asserted here are for the defaults, seed 7).

use customs_radar::analysis::backtest::{BacktestOptions, BacktestReport, backtest};
use customs_radar::analysis::health::{HealthSettings, Level, SignalKind, assess};
use customs_radar::demo::{DemoOptions, Story, StoryKind, Truth, build_workspace, cast_for};
use customs_radar::model::Dataset;
use customs_radar::store::{SilentObserver, Workspace};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// The demo dataset, its stories and the default backtest, built once for all tests here.
fn demo() -> &'static (Dataset, Vec<Story>, BacktestReport) {
    static DEMO: OnceLock<(Dataset, Vec<Story>, BacktestReport)> = OnceLock::new();
    DEMO.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tmp");
        let db = dir.path().join("demo.sqlite");
        let seed = std::env::var("CR_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(7);
        let options = DemoOptions { seed, ..DemoOptions::default() };
        build_workspace(&db, &options, &SilentObserver).expect("demo workspace");
        let data = Workspace::open(&db).expect("open").load_dataset().expect("load");
        let cfg: HealthSettings = std::env::var("CR_HEALTH").ok().map(|j| serde_json::from_str(&j).expect("json")).unwrap_or_default();
        let report = backtest(&data, &cfg, &BacktestOptions::default()).expect("report");
        let m = &report.orange_or_red;
        eprintln!(
            "SUMMARY recall {:?} 90d {:?} lead {:?} precision {:?} fa {:?}",
            m.recall, m.warned_90_days_share, m.median_lead_days, m.precision, m.false_alarm_rate
        );
        (data, cast_for(&options).stories, report)
    })
}

/// The worst level each story customer reached over the replay, by kind.
fn worst_by_kind() -> HashMap<StoryKind, Vec<(String, Level, Truth)>> {
    let (_, stories, report) = demo();
    let worst: BTreeMap<&str, Level> = report.outcomes.iter().map(|o| (o.customer.as_str(), o.worst_level)).collect();
    let mut out: HashMap<StoryKind, Vec<(String, Level, Truth)>> = HashMap::new();
    for s in stories {
        if let Some(level) = worst.get(s.customer.as_str()) {
            out.entry(s.kind).or_default().push((s.customer.clone(), *level, s.truth));
        }
    }
    out
}

#[test]
fn quiet_customers_stay_quiet() {
    let by_kind = worst_by_kind();
    for kind in [StoryKind::Seasonal, StoryKind::Lumpy, StoryKind::Thin] {
        let loud: Vec<_> = by_kind[&kind].iter().filter(|(_, l, _)| *l > Level::Green).collect();
        assert!(loud.is_empty(), "{kind:?} customers must stay green: {loud:?}");
    }
    // A wandering share moves in runs: a year spent ten points lower is worth a conversation
    // (yellow), never an alarm.
    let wandering = &by_kind[&StoryKind::Wandering];
    let orange: Vec<_> = wandering.iter().filter(|(_, l, _)| *l >= Level::Orange).collect();
    assert!(orange.is_empty(), "wandering customers are never orange: {orange:?}");
    assert!(wandering.iter().filter(|(_, l, _)| *l == Level::Yellow).count() * 3 <= wandering.len(), "most stay green: {wandering:?}");
    let steady = &by_kind[&StoryKind::Steady];
    let orange = steady.iter().filter(|(_, l, _)| *l >= Level::Orange).count();
    let yellow = steady.iter().filter(|(_, l, _)| *l == Level::Yellow).count();
    assert!(orange * 10 < steady.len(), "fewer than 10% of steady customers ever orange: {orange} of {}", steady.len());
    assert!(orange + yellow <= steady.len() / 20, "steady customers are almost always green: {yellow} yellow, {orange} orange");
    let trials = &by_kind[&StoryKind::TrialLeaves];
    assert!(trials.iter().all(|(_, l, _)| *l <= Level::Yellow), "a trial lot that leaves is yellow at most: {trials:?}");
    assert!(trials.iter().filter(|(_, l, _)| *l == Level::Yellow).count() * 5 >= trials.len() * 4, "but the trial is noticed");
}

#[test]
fn every_planted_loss_is_flagged_and_gradual_ones_before_they_happen() {
    let (_, _, report) = demo();
    for (kind, customers) in worst_by_kind() {
        for (name, level, truth) in customers {
            if !matches!(truth, Truth::Alert { churn: true }) {
                continue;
            }
            assert!(level >= Level::Orange, "{kind:?} {name} should reach orange, reached {level}");
            // Losses that build up give warning; an abrupt stop or a thinning that is itself the
            // loss cannot be warned ahead.
            if matches!(kind, StoryKind::ShareShift | StoryKind::ShareSlide | StoryKind::Shrinking | StoryKind::TrialThenMove) {
                let events: Vec<_> = report.events.iter().filter(|e| e.customer == name).collect();
                assert!(
                    !events.is_empty() && events.iter().all(|e| e.lead_days.is_some()),
                    "{kind:?} {name} warned before its loss: {events:?}"
                );
            }
        }
    }
}

#[test]
fn fast_growers_are_opportunities_not_risks() {
    let (data, stories, _) = demo();
    let growers: Vec<&Story> = stories.iter().filter(|s| s.truth == Truth::Opportunity).collect();
    assert!(growers.len() >= 10);
    let mut seen = 0;
    for g in &growers {
        let onset = g.onset.expect("growers have an onset");
        let mut flagged = false;
        // Month ends from six to nine months after the growth began.
        for k in 6..=9 {
            let day = onset + chrono::Months::new(k);
            let as_of =
                customs_radar::model::date::last_day_of_month(chrono::Datelike::year(&day), chrono::Datelike::month(&day)).expect("d");
            let report = assess(data, as_of, &HealthSettings::default());
            let Some(h) = report.customers.iter().find(|c| c.customer == g.customer) else { continue };
            assert!(h.level <= Level::Yellow, "{} grows: {:?}", g.customer, h.signals);
            flagged |= h.signals.iter().any(|s| s.kind == SignalKind::GrowthOpportunity);
        }
        seen += usize::from(flagged);
    }
    assert!(seen * 10 >= growers.len() * 8, "{seen} of {} growers flagged as opportunities", growers.len());
}

#[test]
fn the_backtest_warns_early_and_rarely_cries_wolf() {
    let (_, stories, report) = demo();
    let m = &report.orange_or_red;
    assert!(m.events >= 40, "the portfolio holds {} churn events", m.events);
    assert!(m.recall.unwrap_or(0.0) >= 0.8, "orange-or-red recall {:?}", m.recall);
    assert!(m.warned_90_days_share.unwrap_or(0.0) >= 0.45, "warned 90 days ahead {:?}", m.warned_90_days_share);
    assert!(m.precision.unwrap_or(0.0) >= 0.85, "precision {:?}", m.precision);
    assert!(m.false_alarm_rate.unwrap_or(1.0) <= 0.02, "false alarms {:?}", m.false_alarm_rate);
    // An abrupt loss with no prior sign cannot be warned ahead: at most it is seen the month it
    // starts, when that month falls before the quarter the backtest dates the loss to.
    let lost: Vec<&str> = stories.iter().filter(|s| s.kind == StoryKind::Lost).map(|s| s.customer.as_str()).collect();
    let early: Vec<_> =
        report.events.iter().filter(|e| lost.contains(&e.customer.as_str()) && e.lead_days.is_some_and(|d| d > 31)).collect();
    assert!(early.is_empty(), "{early:?}");
}

#[test]
fn the_product_beats_what_a_firm_sees_from_its_own_sales() {
    let (_, _, report) = demo();
    let ours = &report.orange_or_red;
    for b in &report.baselines {
        assert!(ours.recall > b.metrics.recall, "recall against {}: {:?} vs {:?}", b.name, ours.recall, b.metrics.recall);
        assert!(ours.precision > b.metrics.precision, "precision against {}: {:?} vs {:?}", b.name, ours.precision, b.metrics.precision);
    }
}

#[test]
fn merged_spellings_are_one_customer() {
    let (data, _, _) = demo();
    let report = assess(data, customs_radar::analysis::window::latest_date(data).expect("data"), &HealthSettings::default());
    let pacific: Vec<_> = report.customers.iter().filter(|c| c.customer.starts_with("PACIFIC FASTENING")).collect();
    assert_eq!(pacific.len(), 1, "two spellings in the file, one customer");
    assert!(pacific[0].level >= Level::Orange);
    assert!(
        pacific[0]
            .signals
            .iter()
            .any(|s| s.kind == SignalKind::ShareDecline && s.subject.as_deref() == Some("JIAXING EVERGREEN FASTENER CO LTD"))
    );
}

/// The defaults were tuned on seed 7; another portfolio drawn with seed 1 must hold up too.
#[test]
fn a_portfolio_the_defaults_were_not_tuned_on() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("held-out.sqlite");
    let options = DemoOptions { seed: 1, ..DemoOptions::default() };
    build_workspace(&db, &options, &SilentObserver).expect("demo workspace");
    let data = Workspace::open(&db).expect("open").load_dataset().expect("load");
    let report = backtest(&data, &HealthSettings::default(), &BacktestOptions::default()).expect("report");
    let m = &report.orange_or_red;
    assert!(m.recall.unwrap_or(0.0) >= 0.75 && m.precision.unwrap_or(0.0) >= 0.85 && m.false_alarm_rate.unwrap_or(1.0) <= 0.02, "{m:?}");
    let cast = cast_for(&options);
    let quiet: Vec<&str> = cast
        .stories
        .iter()
        .filter(|s| matches!(s.kind, StoryKind::Seasonal | StoryKind::Lumpy | StoryKind::Thin | StoryKind::Wandering))
        .map(|s| s.customer.as_str())
        .collect();
    let loud: Vec<_> = report.outcomes.iter().filter(|o| quiet.contains(&o.customer.as_str()) && o.worst_level > Level::Green).collect();
    assert!(loud.is_empty(), "{loud:?}");
}
