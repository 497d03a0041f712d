//! The review screen in the test harness on hand-made results: what changed lists the level
//! changes and asks for the meeting's PDF with its date; the review's tick carries the typed note;
//! the team's suggestion is applied only by a click.

use super::*;
use crate::analysis::health::Level;
use crate::analysis::team::{Account, Person, Team};
use crate::analysis::tiers::{ServicePlan, Tier};
use crate::app::digest::LevelChange;
use crate::app::review::{Review, ReviewRow};
use crate::app::snapshot::Snapshot;
use crate::model::{Quarter, ReviewMark};
use crate::report::ReportKind;
use crate::text::Lang;
use crate::ui::worker::{Change, Request};
use chrono::NaiveDate;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

struct State {
    snap: Snapshot,
    screen: RhythmScreen,
    commands: Vec<Command>,
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn row(id: i64, name: &str, tier: Tier, level: Level, owner: &str) -> ReviewRow {
    ReviewRow {
        id: CompanyId(id),
        customer: name.into(),
        tier,
        level,
        protect: false,
        owner: owner.into(),
        our_sales_12m: 100_000.0 * id as f64,
        mark: ReviewMark::default(),
    }
}

fn account(id: i64, name: &str, tier: Tier, owner: &str) -> Account {
    Account {
        id: CompanyId(id),
        customer: name.into(),
        tier,
        protect: false,
        owner: owner.into(),
        backup: String::new(),
        load: 1.0,
        our_sales_12m: 1e5,
    }
}

/// A portfolio of three core customers: one turned red since last month, one owned by a person
/// over capacity.
fn snapshot() -> Snapshot {
    let mut snap = Snapshot { shipments: 100, as_of: Some(day(2026, 10, 20)), generation: 3, ..Snapshot::default() };
    snap.settings.me = vec!["OUR CO".into()];
    snap.digest = Some(Arc::new(Digest {
        level_changes: vec![LevelChange {
            id: CompanyId(1),
            customer: "RED SINCE SEPTEMBER LTD".into(),
            before: Level::Green,
            now: Level::Red,
            reason: Some(("Bought from RIVAL instead".into(), "改从 RIVAL 采购".into())),
        }],
        ..Digest::quiet(day(2026, 9, 30), day(2026, 10, 20))
    }));
    snap.review = Some(Review {
        quarter: Quarter { year: 2026, q: 3 },
        month: 1,
        in_review_month: true,
        rows: vec![
            row(1, "RED SINCE SEPTEMBER LTD", Tier::A, Level::Red, "Li Wei"),
            row(2, "STEADY GMBH", Tier::A, Level::Green, ""),
            row(3, "QUIET SA", Tier::B, Level::Green, "Li Wei"),
        ],
    });
    let team = Team { people: vec![Person { name: "Li Wei".into(), capacity: 1.0 }, Person { name: "Zhang Min".into(), capacity: 4.0 }] };
    let accounts = vec![
        account(1, "RED SINCE SEPTEMBER LTD", Tier::A, "Li Wei"),
        account(2, "STEADY GMBH", Tier::A, ""),
        account(3, "QUIET SA", Tier::B, "li wei"),
    ];
    let load = crate::analysis::team::load(&team, &accounts);
    let suggestion = crate::analysis::team::suggest(&team, &accounts);
    snap.team = Some(crate::app::team::TeamView { team: team.clone(), load, suggestion, accounts });
    snap.settings.team = team;
    snap.settings.plan = ServicePlan::default();
    snap
}

fn harness(tab: Tab, lang: Lang) -> Harness<'static, State> {
    let screen = RhythmScreen { tab, ..RhythmScreen::default() };
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(|ctx| ctx.set_fonts(crate::ui::fonts::definitions(None)))
        .build_ui_state(
            move |ui, s: &mut State| {
                let view = View { lang, snap: &s.snap };
                s.screen.ui(ui, &view, &mut s.commands);
            },
            State { snap: snapshot(), screen, commands: Vec::new() },
        )
}

fn changes(h: &Harness<'_, State>) -> Vec<Change> {
    crate::ui::sent_changes(&h.state().commands)
}

#[test]
fn what_changed_lists_the_level_change_and_asks_for_the_meeting_pdf_from_its_date() {
    let mut h = harness(Tab::Changes, Lang::Zh);
    h.run();
    h.get_by_label("RED SINCE SEPTEMBER LTD");
    h.get_by_label("改从 RIVAL 采购");
    h.get_by_label(crate::text::tr(Lang::Zh, "rhythm.meeting_pdf")).click();
    h.run();
    let asked: Vec<_> =
        h.state().commands.iter().filter_map(|c| if let Command::ExportReport(r) = c { Some(r.clone()) } else { None }).collect();
    assert_eq!(asked.len(), 1);
    assert_eq!((asked[0].kind, asked[0].since, asked[0].lang), (ReportKind::Changes, Some(day(2026, 9, 30)), Lang::Zh));
    h.get_by_label(crate::text::tr(Lang::Zh, "rhythm.since_quarter")).click();
    h.run();
    assert!(
        h.state().commands.iter().any(|c| matches!(c, Command::Send(Request::Digest(d)) if *d == day(2026, 9, 30))),
        "last quarter end, asked of the worker"
    );
}

#[test]
fn ticking_a_customer_marks_it_reviewed_today_with_the_note_typed_beside_it() {
    let mut h = harness(Tab::Review, Lang::En);
    h.run();
    h.get_by_label_contains("0 of 3 reviewed");
    let field = h.get_all_by_role(egui::accesskit::Role::TextInput).next().expect("a note field");
    field.focus();
    field.type_text("Price review in November");
    h.run();
    h.get_all_by_role(egui::accesskit::Role::CheckBox).next().expect("a tick").click();
    h.run();
    let today = chrono::Local::now().date_naive();
    assert_eq!(
        changes(&h),
        [Change::MarkReviewed {
            id: CompanyId(1),
            quarter: Quarter { year: 2026, q: 3 },
            date: today,
            note: "Price review in November".into()
        }],
        "the worst customer is first, its note goes with the tick"
    );
}

#[test]
fn the_suggestion_is_applied_only_when_accepted_and_then_all_of_it() {
    let mut h = harness(Tab::Team, Lang::En);
    h.run();
    let s = h.state().snap.team.clone().expect("team").suggestion;
    assert!(!s.moves.is_empty(), "Li Wei is over capacity and STEADY GMBH has no owner");
    assert!(changes(&h).is_empty(), "nothing is applied by looking");
    h.get_by_label("Without an owner (1)");
    h.get_by_label("Accept all").click();
    h.run();
    let applied = changes(&h);
    let [Change::Assign(list)] = applied.as_slice() else { panic!("{applied:?}") };
    for m in &s.moves {
        assert!(list.iter().any(|a| a.id == m.id && a.owner.as_deref() == Some(m.to.as_str())), "{} moves to {}", m.customer, m.to);
    }
}
