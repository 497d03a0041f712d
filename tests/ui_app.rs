//! The whole window driven through egui_kittest on the real app state and the real worker thread:
//! open the demo data from the welcome page, visit every screen, open a customer and find its
//! signals, move a weight and see a tier change, switch language, drop a file and see the summary,
//! open the app with a file ("Open with") and see it imported; the first run on a real provider file,
//! from the import to a populated dashboard.

mod common;

use customs_radar::ui::Screen;
use customs_radar::ui::app::{Prefs, RadarApp};
use customs_radar::ui::i18n::Lang;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The app, created on the harness's own context in the first frame.
struct Holder {
    app: Option<RadarApp>,
    workspace: PathBuf,
    demo: PathBuf,
    /// Files given on the command line ("Open with").
    files: Vec<PathBuf>,
}

fn harness(workspace: PathBuf, demo: PathBuf) -> Harness<'static, Holder> {
    harness_with_files(workspace, demo, Vec::new())
}

fn harness_with_files(workspace: PathBuf, demo: PathBuf, files: Vec<PathBuf>) -> Harness<'static, Holder> {
    let holder = Holder { app: None, workspace, demo, files };
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(|ctx| ctx.set_fonts(customs_radar::ui::fonts::definitions(None)))
        .build_ui_state(
            |ui, h: &mut Holder| {
                let prefs = Prefs { lang: Lang::En, dark: false, workspace: None };
                let (workspace, demo) = (h.workspace.clone(), h.demo.clone());
                let files = std::mem::take(&mut h.files);
                let app = h.app.get_or_insert_with(|| {
                    let mut app = RadarApp::with_workspace(ui.ctx().clone(), prefs, Some(workspace), demo);
                    app.import_after_open(files);
                    app
                });
                app.draw(ui);
            },
            holder,
        )
}

fn app<'h>(h: &'h Harness<'_, Holder>) -> &'h RadarApp {
    h.state().app.as_ref().expect("the app exists after the first frame")
}

/// Steps frames until `done` holds (the worker answers on its own thread).
fn wait(h: &mut Harness<'_, Holder>, what: &str, done: impl Fn(&RadarApp) -> bool) {
    let start = Instant::now();
    loop {
        h.step();
        if h.state().app.as_ref().is_some_and(&done) {
            h.step();
            return;
        }
        if let Some(err) = h.state().app.as_ref().and_then(|a| a.error.clone()) {
            panic!("waiting for {what}: the app shows an error: {err}");
        }
        assert!(start.elapsed() < Duration::from_secs(180), "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn loaded(a: &RadarApp) -> bool {
    a.snapshot.as_ref().is_some_and(|s| !s.is_empty()) && !a.busy()
}

/// A copy of a demo workspace built once for this test binary.
fn demo_copy(dir: &Path) -> PathBuf {
    static BUILT: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let built = BUILT.get_or_init(|| {
        let d = tempfile::tempdir().expect("tmp");
        customs_radar::demo::build_workspace(
            &d.path().join("demo.sqlite"),
            &customs_radar::demo::DemoOptions::default(),
            &customs_radar::store::SilentObserver,
        )
        .expect("demo workspace");
        d
    });
    let db = dir.join("ws.sqlite");
    std::fs::copy(built.path().join("demo.sqlite"), &db).expect("copy");
    db
}

#[test]
fn the_demo_opens_from_the_welcome_page_and_every_screen_draws() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut h = harness(dir.path().join("empty.sqlite"), dir.path().join("demo.sqlite"));
    wait(&mut h, "the empty workspace", |a| a.snapshot.is_some() && !a.busy());
    h.get_by_label("Drop files here");
    h.get_by_label("Open demo data").click();
    wait(&mut h, "the demo data", loaded);
    assert!(app(&h).snapshot.as_ref().is_some_and(|s| s.demo), "the status bar says it is demo data");
    h.get_by_label("Alerts, by what to do");
    h.get_by_label_contains("MIDLANDS BUILDERS MERCHANTS");
    // The portfolio over quarters, and the valuable customers in trouble kept in their tiers.
    h.get_by_label("Our portfolio over the last 8 quarters");
    let snap = app(&h).snapshot.clone().expect("snapshot");
    assert_eq!(snap.trajectory.len(), 8);
    assert!(snap.trajectory.iter().filter(|q| q.levels.is_some()).count() >= 7, "levels at every whole quarter end");
    let tiers = snap.tiers.as_ref().expect("tiers");
    let protect: Vec<_> = tiers.customers.iter().filter(|c| c.protect).collect();
    assert!(!protect.is_empty(), "the demo has valuable customers in trouble");
    h.get_by_label("Protect");
    for c in &protect {
        assert!(c.tier <= customs_radar::analysis::tiers::Tier::B || c.core);
        assert!(c.level >= customs_radar::analysis::health::Level::Orange);
        assert!(h.query_all_by_label(&c.customer).next().is_some(), "{} is listed to protect", c.customer);
    }
    // Tiers an owner believes: the largest customer is A, and A holds more of our sales than B.
    let largest = tiers.customers.iter().max_by(|a, b| a.our_sales_12m.total_cmp(&b.our_sales_12m)).expect("customers");
    assert_eq!(largest.tier, customs_radar::analysis::tiers::Tier::A, "{}", largest.customer);
    assert!(tiers.distribution[0].our_sales_12m > tiers.distribution[1].our_sales_12m);
    assert!(tiers.watchlist.count <= (tiers.customers.len() as f64 * 0.2).round() as usize, "a list to work through");

    for (nav, expect) in [
        ("Customers", "Only customers of ours"),
        ("Cross-sell & groups", "Cross-sell gaps across the portfolio"),
        ("Tiers", "Tiers"),
        ("Import", "Import"),
        ("Settings", "Settings"),
        ("Dashboard", "Core watchlist"),
    ] {
        h.get_by_label(nav).click();
        h.run_steps(2);
        assert!(h.query_all_by_label_contains(expect).next().is_some(), "{nav} shows {expect}");
    }
}

#[test]
fn a_customer_opens_with_its_signals_and_chinese_follows_the_switch() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut h = harness(demo_copy(dir.path()), dir.path().join("demo.sqlite"));
    wait(&mut h, "the workspace", loaded);
    h.get_by_label("Customers").click();
    h.run_steps(2);
    let filter = h.get_by_role(egui::accesskit::Role::TextInput);
    filter.focus();
    filter.type_text("midlands");
    h.run_steps(2);
    assert_eq!(app(&h).screens.customers.filter, "midlands");
    h.get_by_label("MIDLANDS BUILDERS MERCHANTS LTD").click();
    wait(&mut h, "the customer's detail", |a| a.screen == Screen::Customer && a.screens.customer.detail().is_some());
    let detail = app(&h).screens.customer.detail().expect("detail");
    let signal = detail.health.as_ref().and_then(|x| x.signals.first()).cloned().expect("the customer has a signal");
    let start: String = signal.explanation.chars().take(30).collect();
    assert!(h.query_by_label_contains(&start).is_some(), "the signal's explanation is shown: {start}");

    h.get_by_role_and_label(egui::accesskit::Role::Button, "中文").click();
    h.run_steps(2);
    assert_eq!(app(&h).prefs.lang, Lang::Zh);
    h.get_by_label("总览");
    h.get_by_label("客户分级");
    let start_zh: String = signal.explanation_zh.chars().take(12).collect();
    assert!(h.query_by_label_contains(&start_zh).is_some(), "the explanation follows the language: {start_zh}");
}

#[test]
fn moving_a_weight_re_tiers_live_and_lists_the_changed_customers() {
    use customs_radar::analysis::tiers::Metric;
    let dir = tempfile::tempdir().expect("tmp");
    let mut h = harness(demo_copy(dir.path()), dir.path().join("demo.sqlite"));
    wait(&mut h, "the workspace", loaded);
    let saved = app(&h).snapshot.as_ref().and_then(|s| s.tiers.clone()).expect("tiers");
    h.get_by_label("Tiers").click();
    h.run_steps(2);
    h.get_by_role_and_label(egui::accesskit::Role::SpinButton, Metric::Frequency.label_en()).set_value_accesskit(400.0);
    wait(&mut h, "the re-tiering", |a| a.screens.tiers.report().is_some_and(|r| r.profile.weights != saved.profile.weights));
    let tried = app(&h).screens.tiers.report().expect("report").clone();
    assert_eq!(tried.profile.weights.get(Metric::Frequency), 400.0);
    let changed = saved.customers.iter().filter(|b| tried.customers.iter().any(|a| a.id == b.id && a.tier != b.tier)).count();
    assert!(changed > 0, "weighting order frequency heavily moves some customers between tiers");
    assert!(h.query_by_label_contains(&format!("Tier changed ({changed})")).is_some(), "the screen lists the {changed} changes");
    let table = app(&h).snapshot.as_ref().and_then(|s| s.tiers.clone()).expect("tiers");
    assert!(Arc::ptr_eq(&table, &saved), "other screens keep the saved tiers until the weights are saved");
}

#[test]
fn a_dropped_file_is_imported_and_summarised() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("shipments.csv");
    std::fs::write(
        &file,
        "Date,Importer,Exporter,HS Code,Value USD,Weight KG\n\
         2025-01-05,ACME IMPORTS LTD,NINGBO HAIXING HARDWARE CO LTD,731815,12000,5000\n\
         2025-02-05,ACME IMPORTS LTD,NINGBO HAIXING HARDWARE CO LTD,731816,8000,3000\n\
         2025-03-05,,NINGBO HAIXING HARDWARE CO LTD,731815,9000,3000\n",
    )
    .expect("csv");
    let mut h = harness(dir.path().join("ws.sqlite"), dir.path().join("demo.sqlite"));
    wait(&mut h, "the empty workspace", |a| a.snapshot.is_some() && !a.busy());
    h.input_mut().dropped_files.push(Arc::new(Dropped(file.clone())));
    wait(&mut h, "the import", |a| a.screens.import.last().is_some() && !a.busy());
    let (report, cancelled) = app(&h).screens.import.last().expect("report");
    assert!(!cancelled);
    assert_eq!((report.rows_read, report.imported, report.duplicates, report.rejected.len()), (3, 2, 0, 1));
    assert_eq!(app(&h).screen, Screen::Import);
    assert!(h.query_all_by_label_contains("shipments.csv").next().is_some(), "the summary names the file");
    assert_eq!(app(&h).snapshot.as_ref().map(|s| s.shipments), Some(2), "the new snapshot holds the imported rows");
}

#[test]
fn a_file_opened_with_the_app_is_imported_once_the_workspace_is_open() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("opened.csv");
    std::fs::write(
        &file,
        "Date,Importer,Exporter,HS Code,Value USD,Weight KG\n\
         2025-01-05,ACME IMPORTS LTD,NINGBO HAIXING HARDWARE CO LTD,731815,12000,5000\n\
         2025-02-05,ACME IMPORTS LTD,NINGBO HAIXING HARDWARE CO LTD,731816,8000,3000\n",
    )
    .expect("csv");
    let mut h = harness_with_files(dir.path().join("ws.sqlite"), dir.path().join("demo.sqlite"), vec![file]);
    wait(&mut h, "the import of the opened file", |a| a.screens.import.last().is_some() && !a.busy());
    let (report, cancelled) = app(&h).screens.import.last().expect("report");
    assert!(!cancelled);
    assert_eq!((report.rows_read, report.imported), (2, 2));
    assert_eq!(app(&h).screen, Screen::Import);
    assert_eq!(app(&h).snapshot.as_ref().map(|s| s.shipments), Some(2), "the opened file went into the workspace");
}

#[test]
fn the_first_run_on_a_real_provider_file_ends_on_a_populated_dashboard() {
    let Some(samples) = common::samples_dir() else { return };
    let dir = tempfile::tempdir().expect("tmp");
    let mut h = harness(dir.path().join("ws.sqlite"), dir.path().join("demo.sqlite"));
    wait(&mut h, "the empty workspace", |a| a.snapshot.is_some() && !a.busy());
    h.input_mut().dropped_files.push(Arc::new(Dropped(samples.join("Angola Import S.xlsx"))));
    wait(&mut h, "the import", |a| a.screens.import.last().is_some() && !a.busy());
    let imported = app(&h).screens.import.last().expect("report").0.imported;
    assert!(imported > 100, "{imported} rows");
    // The summary says what comes next and takes the user there.
    h.get_by_label("Next: tell the app which of the suppliers in these files is your company.");
    h.get_by_label("Choose our company →").click();
    h.run_steps(2);
    assert_eq!(app(&h).screen, Screen::Dashboard);
    // Before we are known, every importer is listed with its totals.
    let snap = app(&h).snapshot.clone().expect("snapshot");
    assert!(!snap.knows_us());
    let importers = snap.customers.len();
    assert!(importers > 10 && snap.customers.iter().all(|c| !c.ours && c.total_imports > 0.0), "{importers} importers");
    h.get_by_label("Customers").click();
    h.run_steps(2);
    assert!(h.query_all_by_label_contains(&snap.customers[0].name).next().is_some(), "the largest importer is listed");
    h.get_by_label("Dashboard").click();
    h.run_steps(2);
    // Step 1: one click on the largest supplier names it as us.
    let largest = snap.suppliers.first().expect("suppliers").name.clone();
    h.get_all_by_label("This is us").next().expect("one button per supplier").click();
    wait(&mut h, "our company named", |a| a.snapshot.as_ref().is_some_and(|s| s.knows_us()) && !a.busy());
    let snap = app(&h).snapshot.clone().expect("snapshot");
    assert_eq!(snap.settings.me, [largest], "the first offered is the largest supplier");
    // Step 2: the suppliers selling our codes to our customers, one click each.
    let rival = snap.rivals.iter().find(|r| !r.competitor).expect("rivals sell our codes to our customers").name.clone();
    h.get_by_label("Next: who are your competitors?");
    h.get_all_by_label("Competitor").next().expect("one button per rival").click();
    wait(&mut h, "a competitor named", |a| a.snapshot.as_ref().is_some_and(|s| !s.settings.competitors.is_empty()) && !a.busy());
    let snap = app(&h).snapshot.clone().expect("snapshot");
    assert_eq!(snap.settings.competitors, [rival]);
    // One click each: the step stays for the next one until the user is done.
    h.get_by_label("Done");
    h.get_all_by_label("Competitor").next().expect("the next rival").click();
    wait(&mut h, "a second competitor", |a| a.snapshot.as_ref().is_some_and(|s| s.settings.competitors.len() == 2) && !a.busy());
    h.get_by_label("Done").click();
    h.run_steps(2);
    assert!(h.query_by_label("Next: who are your competitors?").is_none(), "done for this session");
    let snap = app(&h).snapshot.clone().expect("snapshot");
    // A populated dashboard: our customers counted, levels and tiers, the portfolio over quarters.
    let ours = snap.customers.iter().filter(|c| c.ours).count();
    assert!(ours > 0 && snap.health.is_some() && snap.tiers.is_some(), "{ours} customers of ours");
    h.get_by_label("Customers of ours");
    h.get_by_label(&ours.to_string());
    h.get_by_label("Alerts, by what to do");
    assert!(!snap.trajectory.is_empty());
    h.get_by_label(&format!("Our portfolio over the last {} quarters", snap.trajectory.len()));
}

/// A file dropped on the window, as the platform layer hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn a_briefing_is_written_by_the_worker_while_the_window_keeps_drawing() {
    use customs_radar::report::{ReportKind, ReportRequest};
    let dir = tempfile::tempdir().expect("tmp");
    let mut h = harness(demo_copy(dir.path()), dir.path().join("demo.sqlite"));
    wait(&mut h, "the workspace", loaded);
    let id = app(&h).snapshot.as_ref().and_then(|s| s.customers.iter().find(|c| c.name == "MIDLANDS BUILDERS MERCHANTS LTD").map(|c| c.id));
    let pdf = dir.path().join("briefing.pdf");
    let request = ReportRequest { kind: ReportKind::Health, customer: id, lang: Lang::Zh, as_of: None, competitors: false, since: None };
    let send = customs_radar::ui::worker::Request::Report { request, path: pdf.clone() };
    h.state_mut().app.as_mut().expect("app").apply(vec![customs_radar::ui::Command::Send(send)]);
    wait(&mut h, "the briefing", |a| a.notice.as_deref().is_some_and(|n| n.to_string().contains("briefing.pdf")));
    let bytes = std::fs::read(&pdf).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF"), "a PDF file");
    assert!(!app(&h).busy(), "the progress bar is gone once the file is written");
}

/// Sends commands as a screen would.
fn send(h: &mut Harness<'_, Holder>, request: customs_radar::ui::worker::Request) {
    h.state_mut().app.as_mut().expect("app").apply(vec![customs_radar::ui::Command::Send(request)]);
}

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
    wait(&mut h, "the quarter's reports", |a| a.notice.as_deref().is_some_and(|n| n.contains("review-")));
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
