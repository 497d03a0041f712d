//! UI-thread time per frame on a 1,000,000-shipment workspace (release): the real app and worker
//! driven headless through egui_kittest — layout plus tessellation of every frame, no GPU upload —
//! while the dashboard idles, while the customer table (every buyer, thousands of rows) scrolls,
//! while a customer opens (its detail computed on the worker), on its detail screen, and while a
//! weight is dragged on the Tiers screen (re-tiering on the worker).
//! Reuses the workspace `cargo bench --bench health` builds (built here when missing).

use customs_radar::demo::{DemoOptions, build_workspace};
use customs_radar::store::SilentObserver;
use customs_radar::ui::app::{Prefs, RadarApp};
use customs_radar::ui::i18n::Lang;
use customs_radar::ui::{Command, Screen};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use std::time::{Duration, Instant};

struct Holder {
    app: Option<RadarApp>,
    db: PathBuf,
}

fn main() {
    let rows: usize = std::env::var("BENCH_ROWS").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let db = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-data/health-{rows}.sqlite"));
    if !db.exists() {
        std::fs::create_dir_all(db.parent().expect("dir")).expect("bench dir");
        build_workspace(&db, &DemoOptions { rows, seed: 7 }, &SilentObserver).expect("demo workspace");
    }
    let demo = std::env::temp_dir().join("customs-radar-frames-demo.sqlite");
    let started = Instant::now();
    // Building the harness runs frames until nothing animates: the spinner keeps it going until
    // the worker's first snapshot has arrived.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(u64::MAX)
        .with_context_setup(|ctx| ctx.set_fonts(customs_radar::ui::fonts::definitions(None)))
        .build_ui_state(
            move |ui, h: &mut Holder| {
                let prefs = Prefs { lang: Lang::En, dark: false, workspace: None };
                let db = h.db.clone();
                let demo = demo.clone();
                h.app.get_or_insert_with(|| RadarApp::with_workspace(ui.ctx().clone(), prefs, Some(db), demo)).draw(ui);
            },
            Holder { app: None, db: db.clone() },
        );

    let mut frames = Vec::new();
    while !h.state().app.as_ref().is_some_and(|a| a.snapshot.as_ref().is_some_and(|s| !s.is_empty()) && !a.busy()) {
        frames.push(frame(&mut h));
        assert!(started.elapsed() < Duration::from_secs(600), "the workspace never loaded");
        std::thread::sleep(Duration::from_millis(5));
    }
    let loaded = started.elapsed().as_secs_f64();
    let snap = h.state().app.as_ref().and_then(|a| a.snapshot.clone()).expect("snapshot");
    println!("workspace {} ({} shipments, {} buyers)", db.display(), snap.shipments, snap.customers.len());
    println!("first snapshot after {loaded:.2} s (load + every analysis on the worker)");
    report("while loading (spinner)", &frames);

    let idle: Vec<f64> = (0..60).map(|_| frame(&mut h)).collect();
    report("dashboard", &idle);

    let app = h.state_mut().app.as_mut().expect("app");
    app.screens.customers.only_ours = false;
    app.apply(vec![Command::Navigate(Screen::Customers)]);
    frame(&mut h);
    let mut scrolling = Vec::new();
    for i in 0..300 {
        h.hover_at(egui::pos2(700.0, 450.0));
        let delta = if i < 240 { -240.0 } else { 2000.0 };
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, delta),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::default(),
        });
        scrolling.push(frame(&mut h));
    }
    report(&format!("customer table, scrolling ({} rows)", snap.customers.len()), &scrolling);

    let id = snap.customers.iter().find(|c| c.ours).map(|c| c.id).expect("a customer of ours");
    h.state_mut().app.as_mut().expect("app").apply(vec![Command::OpenCustomer(id)]);
    let opened = Instant::now();
    let mut opening = Vec::new();
    while h.state().app.as_ref().and_then(|a| a.screens.customer.detail()).is_none_or(|d| d.id != id) {
        opening.push(frame(&mut h));
        assert!(opened.elapsed() < Duration::from_secs(60), "the customer never opened");
        std::thread::sleep(Duration::from_millis(2));
    }
    println!("customer detail arrived after {:.0} ms", opened.elapsed().as_secs_f64() * 1000.0);
    report("opening a customer (waiting frames)", &opening);
    let detail: Vec<f64> = (0..60).map(|_| frame(&mut h)).collect();
    let screen = h.state().app.as_ref().map(|a| a.screen);
    report(&format!("customer detail ({screen:?})"), &detail);

    // Dragging a weight: a new value every frame; the worker re-tiers, the newest request wins.
    h.state_mut().app.as_mut().expect("app").apply(vec![Command::Navigate(Screen::Tiers)]);
    frame(&mut h);
    let label = customs_radar::analysis::tiers::Metric::Frequency.label_en();
    let mut dragging = Vec::new();
    let moved = Instant::now();
    for i in 0..120 {
        h.get_by_role_and_label(egui::accesskit::Role::SpinButton, label).set_value_accesskit(5.0 + f64::from(i));
        dragging.push(frame(&mut h));
    }
    let last = 5.0 + 119.0;
    let tried = |h: &Harness<'_, Holder>| {
        h.state()
            .app
            .as_ref()
            .and_then(|a| a.screens.tiers.report())
            .is_some_and(|r| r.profile.weights.get(customs_radar::analysis::tiers::Metric::Frequency) == last)
    };
    while !tried(&h) {
        dragging.push(frame(&mut h));
        assert!(moved.elapsed() < Duration::from_secs(60), "the re-tiering never arrived");
    }
    println!("120 weight moves re-tiered up to the last in {:.0} ms", moved.elapsed().as_secs_f64() * 1000.0);
    report("tiers screen, dragging a weight", &dragging);
}

/// One frame: egui's layout of the whole window, then tessellation of what it drew (ms).
fn frame(h: &mut Harness<'_, Holder>) -> f64 {
    let t = Instant::now();
    h.step();
    let output = h.output();
    let shapes = output.shapes.clone();
    SHAPES.with(|n| n.set(shapes.len()));
    let ppp = output.pixels_per_point;
    let meshes = h.ctx.tessellate(shapes, ppp);
    std::hint::black_box(meshes);
    t.elapsed().as_secs_f64() * 1000.0
}

thread_local! {
    /// Shapes drawn in the last frame (a check that the screen measured is really drawn).
    static SHAPES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn report(what: &str, ms: &[f64]) {
    if ms.is_empty() {
        println!("{what:<48} no frames");
        return;
    }
    let mut v = ms.to_vec();
    v.sort_by(f64::total_cmp);
    let pct = |p: f64| v[((v.len() - 1) as f64 * p).round() as usize];
    let shapes = SHAPES.with(std::cell::Cell::get);
    println!(
        "{what:<44} {:>4} frames  median {:>6.2} ms  p95 {:>6.2} ms  max {:>6.2} ms  ({shapes} shapes)",
        v.len(),
        pct(0.5),
        pct(0.95),
        pct(1.0)
    );
}
