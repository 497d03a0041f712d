//! The tiers screen driven through egui_kittest (no rendering): live re-tiering, profiles saved and
//! switched, rules, the changed-customers list, Chinese labels. The portfolio is small and made by
//! hand — eleven customers over four years, enough history for suggested weights.

use super::*;
use crate::analysis::health::HealthSettings;
use crate::analysis::tiers::{Metric, POTENTIAL_FIRST, Tier, TierModel, VALUE_FIRST};
use crate::app::change::Change;
use crate::app::snapshot::Settings;
use crate::model::{Cents, Company, CompanyId, Dataset, Hs6, Precision, RecordDate, Shipment};
use crate::ui::i18n::Lang;
use chrono::{Months, NaiveDate};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::sync::OnceLock;

const US: i64 = 100;
const OTHER: i64 = 300;
const RIVAL: i64 = 200;
const BIG: i64 = 1;
const MONTHS: usize = 48;

/// What customer `id` buys in month `m` (January 2022 is month 0): (supplier, dollars).
fn purchases(id: i64, m: usize) -> Vec<(i64, f64)> {
    match id {
        BIG => vec![(US, 50_000.0), (OTHER, 10_000.0)],
        // Steady customers of different sizes, 80% from us.
        2..=8 => vec![(US, 1_600.0 * id as f64), (OTHER, 400.0 * id as f64)],
        // A small customer that took off half a year ago.
        9 => vec![(US, if m >= MONTHS - 6 { 6_000.0 } else { 1_000.0 }), (OTHER, 500.0)],
        // Left us for the competitor after month 30.
        10 => vec![(US, if m <= 30 { 3_000.0 } else { 0.0 }), (RIVAL, 150_000.0)],
        // A big buyer we hold little of.
        11 => vec![(US, 2_500.0), (RIVAL, 100_000.0)],
        _ => vec![],
    }
}

fn dataset() -> Dataset {
    let mut d = Dataset { catalog: vec!["731815".into()], ..Default::default() };
    let mut names: Vec<(i64, String)> = (1..=11).map(|id| (id, format!("CUSTOMER {id:02}"))).collect();
    names.extend([(US, "US".into()), (RIVAL, "RIVAL".into()), (OTHER, "OTHER".into())]);
    for (id, name) in names {
        d.companies.insert(CompanyId(id), Company { id: CompanyId(id), name: name.clone(), aliases: vec![name], keys: vec![] });
    }
    d.me.insert(CompanyId(US));
    d.competitors.insert(CompanyId(RIVAL));
    let start = NaiveDate::from_ymd_opt(2022, 1, 15).expect("date");
    for m in 0..MONTHS {
        let day = start.checked_add_months(Months::new(m as u32)).expect("date");
        for id in 1..=11 {
            for (supplier, dollars) in purchases(id, m).into_iter().filter(|p| p.1 > 0.0) {
                d.shipments.push(Shipment {
                    date: RecordDate { day, precision: Precision::Day },
                    buyer: CompanyId(id),
                    supplier: Some(CompanyId(supplier)),
                    hs6: Hs6(731815),
                    value: Cents::from_dollars(dollars).expect("dollars"),
                    weight_kg: None,
                    origin: None,
                    destination: None,
                });
            }
        }
    }
    d
}

/// The model, built once for all tests.
fn model() -> &'static TierModel {
    static MODEL: OnceLock<TierModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).expect("date");
        TierModel::build(&dataset(), as_of, &HealthSettings::default(), &Default::default())
    })
}

/// A snapshot as the worker would send it for these settings.
fn snapshot(profiles: Profiles, rules: TierRules) -> Snapshot {
    let report = model().evaluate(&profiles.active(), &rules);
    Snapshot {
        path: PathBuf::from("tiers-test.radar"),
        shipments: 1_000,
        as_of: Some(model().as_of),
        settings: Settings { me: vec!["US".into()], profiles, rules, ..Settings::default() },
        tiers: Some(Arc::new(report)),
        ..Snapshot::default()
    }
}

/// What the harness holds: the screen, the snapshot it draws, and the commands it returned.
struct State {
    screen: TiersScreen,
    snap: Snapshot,
    lang: Lang,
    commands: Vec<Command>,
}

impl State {
    /// A new snapshot arrives, as the app hands it over.
    fn arrive(&mut self, snap: Snapshot) {
        self.screen.on_snapshot(&snap);
        self.snap = snap;
    }

    /// The weights and rules of every re-tiering asked for, oldest first.
    fn retiers(&self) -> Vec<(Weights, TierRules)> {
        let asked = self.commands.iter().filter_map(|c| match c {
            Command::Send(Request::Retier { profile, rules }) => Some((profile.weights, *rules)),
            _ => None,
        });
        asked.collect()
    }

    /// Every change sent to be stored, oldest first.
    fn changes(&self) -> Vec<&Change> {
        self.commands
            .iter()
            .filter_map(|c| match c {
                Command::Send(Request::Apply(change)) => Some(change),
                _ => None,
            })
            .collect()
    }

    fn draft(&mut self) -> &mut Draft {
        self.screen.draft.as_mut().expect("a draft after the first snapshot")
    }
}

fn harness(snap: Snapshot, lang: Lang) -> Harness<'static, State> {
    let mut screen = TiersScreen::default();
    screen.on_snapshot(&snap);
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(|ctx| ctx.set_fonts(crate::ui::fonts::definitions(None)))
        .build_ui_state(
            |ui, state: &mut State| {
                let view = View { lang: state.lang, snap: &state.snap };
                state.screen.ui(ui, &view, &mut state.commands);
            },
            State { screen, snap, lang, commands: Vec::new() },
        )
}

fn value_first() -> Weights {
    Profiles::default().active().weights
}

#[test]
fn opening_sends_nothing_and_suggested_weights_are_re_tiered() {
    let mut h = harness(snapshot(Profiles::default(), TierRules::default()), Lang::En);
    h.run();
    assert!(h.state().retiers().is_empty(), "the snapshot's tiers already are the draft's");
    let suggested = h.state().snap.tiers.as_ref().and_then(|t| t.suggested.as_ref()).expect("four years are enough history").weights;
    assert_ne!(suggested, value_first());
    h.get_by_label("Use suggested weights").click();
    h.run();
    assert_eq!(h.state().retiers(), vec![(suggested, TierRules::default())]);
    assert!(h.get_by_label("Use suggested weights").accesskit_node().is_disabled(), "they are in use now");
}

#[test]
fn moving_a_weight_re_tiers_with_the_new_weights() {
    let mut h = harness(snapshot(Profiles::default(), TierRules::default()), Lang::En);
    h.run();
    h.get_by_role_and_label(Role::SpinButton, Metric::Share.label_en()).set_value_accesskit(40.0);
    h.run();
    let mut expected = value_first();
    expected.0[Metric::Share.index()] = 40.0;
    assert_eq!(h.state().retiers(), vec![(expected, TierRules::default())]);
    // Further moves each ask again; moving back to the stored weights too (the table shows drafts).
    h.state_mut().draft().weights.0[Metric::Share.index()] = 10.0;
    h.run();
    assert_eq!(h.state().retiers().last(), Some(&(value_first(), TierRules::default())));
    assert_eq!(h.state().retiers().len(), 2);
}

#[test]
fn weights_that_cannot_score_are_not_sent_and_say_why() {
    let mut h = harness(snapshot(Profiles::default(), TierRules::default()), Lang::En);
    h.state_mut().draft().weights = Weights([0.0; crate::analysis::tiers::METRICS]);
    h.run();
    assert!(h.state().retiers().is_empty());
    assert!(h.query_by_label_contains("At least one weight must be above zero").is_some());
}

#[test]
fn edits_to_a_built_in_are_saved_as_a_new_profile() {
    let mut h = harness(snapshot(Profiles::default(), TierRules::default()), Lang::En);
    h.state_mut().draft().weights.0[Metric::Share.index()] = 40.0;
    h.run();
    assert!(h.get_by_label("Save").accesskit_node().is_disabled(), "built-ins are read-only");
    assert!(h.query_by_label_contains("Unsaved changes").is_some());
    h.state_mut().screen.form.name = "export push".into();
    h.get_by_label("Save as new profile").click();
    h.run();
    let Some(Change::Profiles(saved)) = h.state().changes().last().copied().cloned() else { panic!("profiles sent to be stored") };
    assert_eq!(saved.active.as_deref(), Some("export push"));
    assert_eq!(saved.find("export push").expect("created").weights.get(Metric::Share), 40.0);
    assert_eq!(saved.find(VALUE_FIRST).expect("built in").weights, value_first(), "the built-in is untouched");
    // The snapshot comes back with the new profile in use: the draft is saved, nothing more to send.
    let sent = h.state().retiers().len();
    h.state_mut().arrive(snapshot(saved, TierRules::default()));
    h.run();
    assert_eq!(h.state().retiers().len(), sent);
    assert_eq!(h.state_mut().draft().base, "export push");
    assert!(h.query_by_label_contains("Unsaved changes").is_none());
    assert!(!h.get_by_label("Delete").accesskit_node().is_disabled(), "the user's own profile can be deleted");
}

#[test]
fn unsaved_edits_survive_a_recompute_and_are_re_tiered_on_the_new_data() {
    let mut h = harness(snapshot(Profiles::default(), TierRules::default()), Lang::En);
    h.state_mut().draft().weights.0[Metric::Headroom.index()] = 30.0;
    h.run();
    assert_eq!(h.state().retiers().len(), 1);
    // Another screen's change: the stored settings did not move, the draft stays.
    h.state_mut().arrive(snapshot(Profiles::default(), TierRules::default()));
    h.run();
    let retiers = h.state().retiers();
    assert_eq!(retiers.len(), 2, "the kept draft is re-tiered on the new snapshot");
    assert_eq!(retiers[1].0.get(Metric::Headroom), 30.0);
    // A different workspace starts afresh.
    let mut other = snapshot(Profiles::default(), TierRules::default());
    other.path = PathBuf::from("other.radar");
    h.state_mut().arrive(other);
    h.run();
    assert_eq!(h.state_mut().draft().weights, value_first());
}

#[test]
fn switching_profile_re_tiers_and_stores_the_choice() {
    let mut h = harness(snapshot(Profiles::default(), TierRules::default()), Lang::En);
    h.run();
    assert_eq!(h.get_by_role_and_label(Role::ComboBox, "Weight profile").value().as_deref(), Some("Value first"));
    h.get_by_role_and_label(Role::ComboBox, "Weight profile").click();
    h.run();
    h.get_by_label("Potential first").click();
    h.run();
    let potential = Profiles::default().find(POTENTIAL_FIRST).expect("built in").weights;
    assert_eq!(h.state().retiers(), vec![(potential, TierRules::default())]);
    let Some(Change::Profiles(saved)) = h.state().changes().last().copied() else { panic!("the choice is stored") };
    assert_eq!(saved.active.as_deref(), Some(POTENTIAL_FIRST));
}

#[test]
fn rules_re_tier_live_and_are_saved_on_request() {
    let mut h = harness(snapshot(Profiles::default(), TierRules::default()), Lang::En);
    h.run();
    h.get_by_label("Score cut-offs").click_accesskit();
    h.run();
    let cutoffs = TierRules::cutoffs(70.0, 50.0, 30.0);
    assert_eq!(h.state().retiers(), vec![(value_first(), cutoffs)]);
    assert!(h.state().changes().is_empty(), "trying rules stores nothing");
    h.get_by_label("Save rules").click_accesskit();
    h.run();
    assert_eq!(h.state().changes(), vec![&Change::Rules(cutoffs)]);
}

#[test]
fn a_customer_whose_tier_changed_is_listed_and_opens() {
    let mut h = harness(snapshot(Profiles::default(), TierRules::default()), Lang::En);
    h.run();
    let name = format!("CUSTOMER {BIG:02}");
    assert!(h.query_by_label(&name).is_none(), "no change under the saved profile");
    let stored = h.state().snap.tiers.clone().expect("tiers");
    // A re-tiering for other weights than the draft's is stale and ignored.
    let potential = Profiles::default().find(POTENTIAL_FIRST).expect("built in");
    h.state_mut().screen.on_tiers(Arc::new(model().evaluate(&potential, &TierRules::default())));
    h.run();
    assert!(h.query_by_label(&name).is_none());
    // One for the draft's weights where the biggest customer lands elsewhere.
    let mut moved = (*stored).clone();
    let big = moved.customers.iter_mut().find(|c| c.id == CompanyId(BIG)).expect("our biggest customer");
    assert_eq!(big.tier, Tier::A);
    big.tier = Tier::B;
    h.state_mut().screen.on_tiers(Arc::new(moved));
    h.run();
    assert!(h.query_by_label("Tier changed (1)").is_some());
    h.get_by_label(&name).click();
    h.run();
    assert!(h.state().commands.iter().any(|c| matches!(c, Command::OpenCustomer(id) if *id == CompanyId(BIG))));
}

#[test]
fn chinese_labels_when_the_language_is_chinese() {
    let mut h = harness(snapshot(Profiles::default(), TierRules::default()), Lang::Zh);
    h.run();
    assert!(h.query_by_label("采用建议权重").is_some());
    let combo = h.get_by_role_and_label(Role::ComboBox, "权重方案");
    assert_eq!(combo.value().as_deref(), Some("价值优先"), "built-in profiles by their Chinese names");
    assert!(h.query_by_role_and_label(Role::SpinButton, Metric::Monetary.label_zh()).is_some());
    assert!(h.query_by_label("Use suggested weights").is_none());
    assert!(h.query_by_role_and_label(Role::SpinButton, Metric::Monetary.label_en()).is_none());
}
