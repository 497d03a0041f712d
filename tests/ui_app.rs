//! The whole window driven through egui_kittest on the real app state and the real worker thread:
//! open the demo data from the welcome page, visit every screen, open a customer and find its
//! signals, move a weight and see a tier change, switch language, drop a file and see the summary,
//! open the app with a file ("Open with") and see it imported; the first run on a real provider file,
//! from the import to a populated dashboard.

mod common;

use common::window::{app, demo_copy, harness, harness_with_files, loaded, wait};

use customs_radar::ui::Screen;
use customs_radar::ui::i18n::Lang;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
        ("Review", "What changed"),
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
    common::window::send(&mut h, send);
    wait(&mut h, "the briefing", |a| a.notice.as_ref().is_some_and(|n| n.render(customs_radar::text::Lang::En).contains("briefing.pdf")));
    let bytes = std::fs::read(&pdf).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF"), "a PDF file");
    assert!(!app(&h).busy(), "the progress bar is gone once the file is written");
    assert!(h.query_by_label_contains("Saved ").is_some(), "the status bar says where the file went");
    h.get_by_role_and_label(egui::accesskit::Role::Button, "中文").click();
    h.run_steps(2);
    assert!(h.query_by_label_contains("已保存 ").is_some(), "the notice follows the language switch");
}
