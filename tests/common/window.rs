//! The whole window on the real app state and the real worker thread, in the egui_kittest
//! harness: the app created in the first frame, frames stepped until the worker answers, a demo
//! workspace built once per test binary.

use customs_radar::ui::app::{Prefs, RadarApp};
use customs_radar::ui::i18n::Lang;
use egui_kittest::Harness;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The app, created on the harness's own context in the first frame.
pub struct Holder {
    /// The app (after the first frame).
    pub app: Option<RadarApp>,
    /// The workspace it opens.
    workspace: PathBuf,
    /// Where the demo workspace is built.
    demo: PathBuf,
    /// Files given on the command line ("Open with").
    files: Vec<PathBuf>,
}

/// The window on `workspace` (the demo is built at `demo` when asked for).
pub fn harness(workspace: PathBuf, demo: PathBuf) -> Harness<'static, Holder> {
    harness_with_files(workspace, demo, Vec::new())
}

/// The window on `workspace`, importing `files` once it is open.
pub fn harness_with_files(workspace: PathBuf, demo: PathBuf, files: Vec<PathBuf>) -> Harness<'static, Holder> {
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

/// The app in the harness.
pub fn app<'h>(h: &'h Harness<'_, Holder>) -> &'h RadarApp {
    h.state().app.as_ref().expect("the app exists after the first frame")
}

/// Steps frames until `done` holds (the worker answers on its own thread).
pub fn wait(h: &mut Harness<'_, Holder>, what: &str, done: impl Fn(&RadarApp) -> bool) {
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

/// A workspace with shipments is shown and nothing runs.
pub fn loaded(a: &RadarApp) -> bool {
    a.snapshot.as_ref().is_some_and(|s| !s.is_empty()) && !a.busy()
}

/// A copy of a demo workspace built once for this test binary.
pub fn demo_copy(dir: &Path) -> PathBuf {
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

/// Sends commands as a screen would.
pub fn send(h: &mut Harness<'_, Holder>, request: customs_radar::ui::worker::Request) {
    h.state_mut().app.as_mut().expect("app").apply(vec![customs_radar::ui::Command::Send(request)]);
}
