//! The review rhythm through the whole window on the demo (egui_kittest, real app state and
//! worker): what changed three months back lists what the command line lists; a review's tick
//! carries its note into the CRM card; the quarter's reports come one per core customer; a team
//! typed in the editor and saved, its suggested assignment accepted, fits capacity and keeps an
//! owner with room.

mod common;

use common::window::{app, demo_copy, harness, loaded, send, wait};
use customs_radar::ui::Screen;
use customs_radar::ui::i18n::Lang;
use egui_kittest::kittest::Queryable;

#[test]
fn the_review_rhythm_on_the_demo_what_changed_the_quarterly_review_and_the_team() {
    use customs_radar::analysis::team::{Person, Team};
    use customs_radar::app::change::Change;
    use customs_radar::model::CrmCard;
    use customs_radar::ui::worker::Request;
    let dir = tempfile::tempdir().expect("tmp");
    let db = demo_copy(dir.path());
    let mut h = harness(db.clone(), dir.path().join("demo.sqlite"));
    wait(&mut h, "the workspace", loaded);
    // A short watchlist keeps the quarter's reports quick to make in a debug build.
    let mut rules = app(&h).snapshot.as_ref().expect("snapshot").settings.rules;
    rules.watchlist.cap = 0.02;
    send(&mut h, Request::Apply(Change::Rules(rules)));
    wait(&mut h, "the shorter watchlist and what changed", |a| {
        loaded(a) && a.snapshot.as_ref().is_some_and(|s| s.digest.is_some() && s.review.as_ref().is_some_and(|r| r.rows.len() <= 7))
    });

    // What changed: the dashboard offers it; three months back, customers changed level.
    h.get_by_label("See what changed →").click();
    h.run_steps(2);
    assert_eq!(app(&h).screen, Screen::Rhythm);
    h.get_by_label("3 months ago").click();
    wait(&mut h, "the comparison", |a| !a.busy() && a.screens.rhythm_digest_since().is_some());
    h.run_steps(2);
    let since = app(&h).screens.rhythm_digest_since().expect("a comparison");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_customs-radar"))
        .args(["--db", db.to_str().expect("path"), "changes", "--since", &since.to_string(), "--json"])
        .output()
        .expect("the CLI");
    let cli: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let changed = cli["level_changes"].as_array().expect("level changes");
    assert!(!changed.is_empty(), "three months on the demo change some levels");
    for c in changed.iter().take(5) {
        let name = c["customer"].as_str().expect("name");
        assert!(h.query_all_by_label(name).next().is_some(), "{name} is listed as the command line lists it");
    }

    // The quarterly review: a note, a tick, the note in the CRM card.
    h.get_by_label_contains("Quarterly review").click();
    h.run_steps(2);
    let review = app(&h).snapshot.as_ref().and_then(|s| s.review.clone()).expect("review");
    let first = review.rows.first().expect("a core customer");
    let note = h.get_all_by_role(egui::accesskit::Role::TextInput).next().expect("a note field per customer");
    note.focus();
    note.type_text("Visit in May; keep prices");
    h.run_steps(2);
    h.get_all_by_role(egui::accesskit::Role::CheckBox).next().expect("a tick per customer").click();
    wait(&mut h, "the review mark", |a| {
        a.snapshot
            .as_ref()
            .and_then(|s| s.review.as_ref())
            .is_some_and(|r| r.rows.iter().any(|row| row.id == first.id && row.mark.reviewed_on.is_some()))
    });
    let row = app(&h).snapshot.as_ref().and_then(|s| s.customer(first.id).cloned()).expect("row");
    assert!(matches!(row.review, Some(customs_radar::model::ReviewState::Reviewed(_))), "the customer table shows it reviewed");
    let ws = customs_radar::store::Workspace::open(&db).expect("open");
    let notes = ws.crm(first.id).expect("crm").notes;
    assert!(notes.iter().any(|n| n.text.ends_with("Visit in May; keep prices")), "the note is in the CRM card: {notes:?}");

    // One action makes every core customer's report, one file each and one combined.
    let folder = dir.path().join("review");
    send(&mut h, Request::ReviewReports { lang: Lang::Zh, dir: folder.clone() });
    wait(&mut h, "the quarter's reports", |a| {
        a.notice.as_ref().is_some_and(|n| n.render(customs_radar::text::Lang::En).contains("review-"))
    });
    let files: Vec<_> = std::fs::read_dir(&folder).expect("folder").filter_map(Result::ok).collect();
    assert_eq!(files.len(), review.rows.len() + 1, "one per core customer and the combined one");
    let made = app(&h).snapshot.as_ref().and_then(|s| s.review.clone()).expect("review");
    assert_eq!(made.reported(), made.rows.len(), "every report recorded as made");

    // The team: an owner within capacity keeps the customer; nobody goes over capacity.
    let kept = &review.rows[1.min(review.rows.len() - 1)];
    send(&mut h, Request::Apply(Change::CrmCard(kept.id, CrmCard { owner: "Zhang Min".into(), ..CrmCard::default() })));
    // Two people added in the team editor (12 visits a quarter each) and saved.
    h.get_by_label_contains("Team & visits").click();
    h.run_steps(2);
    for name in ["Li Wei", "Zhang Min"] {
        h.get_by_label("Add a person").click();
        h.run_steps(2);
        let field = h.get_all_by_role(egui::accesskit::Role::TextInput).last().expect("the new person's name");
        field.focus();
        field.type_text(name);
        h.run_steps(2);
    }
    h.get_by_label("Save the team").click();
    wait(&mut h, "the team", |a| !a.busy() && a.snapshot.as_ref().and_then(|s| s.team.as_ref()).is_some_and(|t| t.team.people.len() == 2));
    let saved = app(&h).snapshot.as_ref().map(|s| s.settings.team.clone()).expect("team");
    let expected =
        Team { people: vec![Person { name: "Li Wei".into(), capacity: 12.0 }, Person { name: "Zhang Min".into(), capacity: 12.0 }] };
    assert_eq!(saved, expected, "the team as typed");
    h.run_steps(2);
    h.get_by_label("Accept all").click();
    wait(&mut h, "the accepted assignment", |a| {
        a.snapshot
            .as_ref()
            .and_then(|s| s.team.as_ref())
            .is_some_and(|t| t.suggestion.moves.is_empty() && t.load.people.iter().any(|p| p.customers > 1))
    });
    let tv = app(&h).snapshot.as_ref().and_then(|s| s.team.clone()).expect("team");
    for p in &tv.load.people {
        assert!(!p.over(), "{} carries {:.1} of {:.1}", p.name, p.load, p.capacity);
    }
    assert_eq!(ws.crm(kept.id).expect("crm").card.owner, "Zhang Min", "the owner with room keeps the customer");
    let a_customer = tv.accounts.iter().find(|a| a.tier == customs_radar::analysis::tiers::Tier::A).expect("an A customer");
    let card = ws.crm(a_customer.id).expect("crm").card;
    assert!(!card.owner.is_empty() && !card.backup_owner.is_empty() && card.owner != card.backup_owner, "{card:?}");
}
