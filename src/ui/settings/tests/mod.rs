//! The settings screen driven like a user would (egui_kittest, no rendering): search, pick, edit,
//! apply; and the helpers behind it.

use super::{Section, SettingsScreen, catalog, parties};

mod tuning;
use crate::analysis::crosssell::Bundle;
use crate::analysis::health::HealthSettings;
use crate::analysis::portfolio::SupplierSummary;
use crate::app::change::Change;
use crate::app::snapshot::Snapshot;
use crate::model::{CompanyId, Hs6};
use crate::store::Role;
use crate::ui::i18n::Lang;
use crate::ui::worker::Request;
use crate::ui::{Command, View, fonts};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const HAIXING: &str = "NINGBO HAIXING HARDWARE CO LTD";
const RIVAL: &str = "ZHEJIANG RIVAL FASTENER CO LTD";
const BOLTS: &str = "JIAXING BOLT WORKS";
const TOOLS: &str = "SHANGHAI TOOLS TRADING";

fn supplier(id: i64, name: &str, aliases: &[&str], value: f64, buyers: usize) -> SupplierSummary {
    let mut all = vec![name.to_string()];
    all.extend(aliases.iter().map(|a| a.to_string()));
    SupplierSummary { id: CompanyId(id), name: name.into(), aliases: all, value, buyers, us: false, competitor: false }
}

/// A workspace that does not know us yet: four suppliers, one spelt three ways.
fn snapshot() -> Snapshot {
    let mut snap = Snapshot { path: "/tmp/settings-test.sqlite".into(), shipments: 1_000, ..Snapshot::default() };
    snap.suppliers = vec![
        supplier(1, HAIXING, &["HAIXING HARDWARE (NINGBO) CO.,LTD", "宁波海兴五金有限公司"], 2_500_000.0, 120),
        supplier(2, RIVAL, &["ZJ RIVAL FASTENERS"], 1_800_000.0, 80),
        supplier(3, BOLTS, &[], 900_000.0, 40),
        supplier(4, TOOLS, &[], 100_000.0, 5),
    ];
    snap
}

struct State {
    screen: SettingsScreen,
    snap: Snapshot,
    lang: Lang,
    commands: Vec<Command>,
}

fn harness(snap: Snapshot, lang: Lang, section: Section) -> Harness<'static, State> {
    let mut screen = SettingsScreen::default();
    screen.on_snapshot(&snap);
    screen.show(section);
    let state = State { screen, snap, lang, commands: Vec::new() };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(|ctx| ctx.set_fonts(fonts::definitions(None)))
        .build_ui_state(
            |ui, s: &mut State| {
                let view = View { lang: s.lang, snap: &s.snap };
                s.screen.ui(ui, &view, &mut s.commands);
            },
            state,
        );
    h.run();
    h
}

/// The changes the screen sent to the worker.
fn changes(h: &Harness<'_, State>) -> Vec<Change> {
    crate::ui::sent_changes(&h.state().commands)
}

/// Clicks into a text field and types, as a user would.
fn type_into(h: &mut Harness<'_, State>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn the_search_narrows_the_suppliers_and_this_is_us_adds_the_one_picked() {
    let mut h = harness(snapshot(), Lang::En, Section::OurCompany);
    for name in [HAIXING, RIVAL, BOLTS, TOOLS] {
        assert!(h.query_by_label(name).is_some(), "{name} is listed before searching");
    }
    assert!(h.query_by_label_contains("None yet").is_some(), "no name is given yet");

    type_into(&mut h, "Find your company", "haixing");
    assert!(h.query_by_label(HAIXING).is_some());
    for name in [RIVAL, BOLTS, TOOLS] {
        assert!(h.query_by_label(name).is_none(), "{name} does not match 'haixing'");
    }
    assert!(h.query_by_label("1 of 4 suppliers, largest first").is_some());
    assert!(changes(&h).is_empty(), "searching changes nothing");

    h.get_by_label("This is us").click();
    h.run_steps(2);
    assert_eq!(changes(&h), vec![Change::AddRole(Role::Me, HAIXING.to_string())]);
    assert!(h.query_by_label("This is us").is_none(), "the row waits for the snapshot");

    // The worker refused it: the row offers the button again (and the spinner stops, so the ui settles).
    h.state_mut().screen.on_failed();
    h.run();
    assert!(h.query_by_label("This is us").is_some());
}

#[test]
fn another_spelling_finds_the_supplier_and_a_name_can_be_typed_by_hand() {
    let mut h = harness(snapshot(), Lang::En, Section::Competitors);
    type_into(&mut h, "Find a competitor", "rival fasteners");
    assert!(h.query_by_label(RIVAL).is_some(), "found by its other spelling");
    assert!(h.query_by_label("ZJ RIVAL FASTENERS").is_some(), "the spelling that matched is shown");
    assert!(h.query_by_label(HAIXING).is_none());

    h.get_by_label("Add “rival fasteners” as a competitor").click();
    h.run_steps(2);
    assert_eq!(changes(&h), vec![Change::AddRole(Role::Competitor, "rival fasteners".to_string())]);
}

#[test]
fn a_given_name_is_removed_with_its_button() {
    let mut snap = snapshot();
    snap.settings.me = vec!["HAIXING".into()];
    snap.suppliers[0].us = true;
    let mut h = harness(snap, Lang::En, Section::OurCompany);
    assert!(h.query_by_label_contains("Matches 1 supplier(s)").is_some(), "what the name matches is shown");
    assert!(h.query_by_label("Marked as us").is_some(), "the supplier is marked as us");
    h.get_by_label("×").click();
    h.run_steps(2);
    assert_eq!(changes(&h), vec![Change::RemoveRole(Role::Me, "HAIXING".to_string())]);
}

#[test]
fn an_edited_threshold_is_applied_with_its_new_value() {
    let mut h = harness(snapshot(), Lang::En, Section::Thresholds);
    h.get_by_label("Apply").click();
    h.run();
    assert!(changes(&h).is_empty(), "nothing to apply before an edit");

    h.get_by_label("Orange from a fall of").set_value_accesskit(0.2);
    h.run();
    assert_eq!(h.get_by_label("Orange from a fall of").value().as_deref(), Some("20 %"), "fractions read as percentages");
    h.get_by_label("Apply").click();
    h.run_steps(2);
    let expected = HealthSettings { share_drop_orange: 0.2, ..HealthSettings::default() };
    assert_eq!(changes(&h), vec![Change::Thresholds(expected)]);
}

#[test]
fn an_invalid_threshold_shows_why_and_sends_nothing() {
    let mut h = harness(snapshot(), Lang::En, Section::Thresholds);
    h.get_by_label("Orange from a fall of").set_value_accesskit(0.0);
    h.run();
    assert!(h.query_by_label("Give a value above 0%, at most 100%.").is_some(), "the field says what it accepts");
    h.get_by_label("Apply").click();
    h.run();
    assert!(changes(&h).is_empty(), "an invalid threshold is not sent");
    assert!(h.query_by_label("Not applied: Orange from a fall of: Give a value above 0%, at most 100%.").is_some());
}

#[test]
fn a_draft_being_edited_survives_a_snapshot_and_a_clean_one_follows_it() {
    let mut h = harness(snapshot(), Lang::En, Section::Thresholds);
    h.get_by_label("Orange from a fall of").set_value_accesskit(0.2);
    h.run();
    let mut newer = snapshot();
    newer.settings.thresholds.share_drop_yellow = 0.05;
    h.state_mut().screen.on_snapshot(&newer);
    h.state_mut().snap = newer;
    h.run();
    assert_eq!(h.get_by_label("Orange from a fall of").value().as_deref(), Some("20 %"), "the edit is kept");
    assert_eq!(h.get_by_label("Yellow from a fall of").value().as_deref(), Some("6 %"), "the form is kept whole while edited");

    h.get_by_label("Discard changes").click();
    h.run();
    assert_eq!(h.get_by_label("Orange from a fall of").value().as_deref(), Some("10 %"));
    assert_eq!(h.get_by_label("Yellow from a fall of").value().as_deref(), Some("5 %"), "discarding shows what is stored");

    let mut newest = snapshot();
    newest.settings.thresholds.share_drop_yellow = 0.08;
    h.state_mut().screen.on_snapshot(&newest);
    h.state_mut().snap = newest;
    h.run();
    assert_eq!(h.get_by_label("Yellow from a fall of").value().as_deref(), Some("8 %"), "a clean form follows the snapshot");
}

#[test]
fn catalog_codes_are_checked_before_they_are_sent() {
    let mut h = harness(snapshot(), Lang::En, Section::Catalog);
    type_into(&mut h, "Add codes", "7318, 12x");
    h.get_by_label("Add").click();
    h.run();
    assert!(changes(&h).is_empty(), "a bad code stops the whole entry");
    assert!(h.query_by_label_contains("Not HS codes: 12x").is_some());

    let mut h = harness(snapshot(), Lang::En, Section::Catalog);
    type_into(&mut h, "Add codes", "731815; 8205.40");
    h.get_by_label("Add").click();
    h.run_steps(2);
    assert_eq!(changes(&h), vec![Change::AddCatalog(vec!["731815".into(), "820540".into()])]);
    assert!(h.query_by_label("Adding 731815, 820540…").is_some(), "the codes show until the snapshot brings them");
}

#[test]
fn every_section_speaks_chinese() {
    let mut snap = snapshot();
    snap.settings.me = vec!["HAIXING".into()];
    snap.settings.catalog = vec!["7318".into()];
    snap.our_codes = vec![(Hs6(731815), 1_000_000.0), (Hs6(820540), 200_000.0)];
    snap.settings.bundles = vec![Bundle { name: "紧固件套装".into(), codes: vec!["7318".into(), "820540".into()] }];
    snap.suppliers[0].us = true;
    let mut h = harness(snap, Lang::Zh, Section::OurCompany);
    assert!(h.query_by_label("Our company").is_none(), "no English section names");
    for section in Section::ALL {
        h.state_mut().screen.show(section);
        h.run();
        let name = crate::ui::i18n::tr(Lang::Zh, section.key());
        assert!(h.query_all_by_label(name).count() >= 2, "{name}: the list entry and the heading");
        assert!(h.query_by_label(crate::ui::i18n::tr(Lang::En, section.key())).is_none(), "{section:?} shows its English name");
    }
    h.state_mut().screen.show(Section::Thresholds);
    h.run();
    assert!(h.query_by_label("橙色：份额下降达到").is_some(), "threshold labels come in Chinese");
    assert!(h.query_by_label("恢复默认值").is_some());
}

#[test]
fn spellings_match_on_letters_and_digits_in_any_spelling() {
    let snap = snapshot();
    let find = |q: &str| {
        snap.suppliers
            .iter()
            .filter_map(|s| parties::matching(s, &parties::query_words(q)).map(|a| (s.name.as_str(), a)))
            .collect::<Vec<_>>()
    };
    assert_eq!(find("hardware ningbo"), vec![(HAIXING, None)], "words in any order");
    assert_eq!(find("Hai-Xing"), vec![(HAIXING, None)], "punctuation is ignored");
    assert_eq!(find("海兴"), vec![(HAIXING, Some(2))], "the Chinese spelling");
    assert_eq!(find("rival fasteners"), vec![(RIVAL, Some(1))], "only the other spelling has 'fasteners'");
    assert_eq!(find("").len(), 4, "no words: everything");
    assert!(find("nobody").is_empty());
}

#[test]
fn typed_codes_split_on_any_separator() {
    let (valid, invalid) = catalog::parse("7318, 731815；8205.40 12x 7318、73");
    assert_eq!(valid, ["7318", "731815", "820540", "73"]);
    assert_eq!(invalid, ["12x"]);
    let (en, zh) = catalog::texts("7318");
    assert!(en.is_some_and(|t| t.to_lowercase().contains("screws")), "{en:?}");
    assert!(zh.is_some(), "chapter 73 has a Chinese name");
}

#[test]
fn bundles_are_checked_then_sent_whole() {
    let mut snap = snapshot();
    snap.settings.bundles = vec![Bundle { name: "Kit".into(), codes: vec!["7318".into(), "820540".into()] }];
    let mut h = harness(snap, Lang::En, Section::Bundles);
    h.get_by_label("+ New bundle").click();
    h.run();
    h.get_all_by_label("Name").nth(1).expect("the new bundle's name").set_text_value_accesskit("Tools");
    h.get_all_by_label("Codes").nth(1).expect("the new bundle's codes").set_text_value_accesskit("8205 99x");
    h.run();
    h.get_by_label("Apply").click();
    h.run();
    assert!(changes(&h).is_empty(), "a bad code keeps the list back");
    assert!(h.query_by_label_contains("Not HS codes: 99x").is_some());

    h.get_all_by_label("Codes").nth(1).expect("the new bundle's codes").set_text_value_accesskit("8205.40, 8205");
    h.run();
    h.get_by_label("Apply").click();
    h.run_steps(2);
    let kit = Bundle { name: "Kit".into(), codes: vec!["7318".into(), "820540".into()] };
    let tools = Bundle { name: "Tools".into(), codes: vec!["820540".into(), "8205".into()] };
    assert_eq!(changes(&h), vec![Change::Bundles(vec![kit, tools])]);
}

#[test]
fn playbook_texts_are_applied_and_an_empty_title_is_refused() {
    let mut h = harness(snapshot(), Lang::En, Section::Playbook);
    h.get_all_by_label("Title").next().expect("the English title").set_text_value_accesskit("  ");
    h.run();
    h.get_by_label("Apply").click();
    h.run();
    assert!(changes(&h).is_empty());
    assert!(h.query_by_label("Not applied: Yellow needs a title in both languages.").is_some());

    h.get_all_by_label("Title").next().expect("the English title").set_text_value_accesskit("Call them this week");
    h.run();
    h.get_by_label("Apply").click();
    h.run_steps(2);
    let mut expected = crate::analysis::playbook::Playbook::default();
    expected.yellow.title_en = "Call them this week".into();
    assert_eq!(changes(&h), vec![Change::Playbook(expected)]);
}

#[test]
fn copy_diagnostics_asks_the_worker_and_says_it_was_copied() {
    let mut h = harness(snapshot(), Lang::Zh, Section::Appearance);
    assert!(h.query_by_label("诊断信息").is_some(), "the section is there, in Chinese");
    assert!(h.query_by_label("已复制：请粘贴到发给技术支持的消息中。").is_none());
    h.get_by_label("复制诊断信息").click();
    h.run();
    let asked = h.state().commands.iter().filter(|c| matches!(c, Command::Send(Request::Diagnostics))).count();
    assert_eq!(asked, 1, "one click, one request: the worker reads the log, not the UI thread");
    assert!(h.query_by_label("已复制：请粘贴到发给技术支持的消息中。").is_some());
}
