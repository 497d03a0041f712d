//! The app: navigation, the status bar, drag-and-drop, and the one place where screens' commands
//! and the worker's events are applied. View state only; results live in snapshots.

mod chrome;
mod screens;

pub use screens::Screens;

use super::i18n::{Lang, tr};
use super::worker::{Event, Job, Progress, Request, Worker};
use super::{Command, Screen, View, dashboard, dialogs, fonts, welcome};
use crate::app::snapshot::Snapshot;
use crate::demo::demo_workspace_path;
use crate::store::{Role, Workspace};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;

/// What the window remembers between runs (eframe storage; data lives in the workspace).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Interface language.
    pub lang: Lang,
    /// Dark theme.
    pub dark: bool,
    /// The last workspace opened.
    pub workspace: Option<PathBuf>,
}

impl Default for Prefs {
    fn default() -> Prefs {
        Prefs { lang: super::i18n::system_lang(), dark: false, workspace: None }
    }
}

/// The application.
pub struct RadarApp {
    /// Remembered preferences.
    pub prefs: Prefs,
    /// The screen shown.
    pub screen: Screen,
    /// The current results (none until the first snapshot arrives).
    pub snapshot: Option<Arc<Snapshot>>,
    /// The running long job, if any.
    pub progress: Option<Progress>,
    /// The last error, shown until dismissed.
    pub error: Option<crate::text::Message>,
    /// A short notice (a file saved), drawn in the language of the moment.
    pub notice: Option<crate::text::Message>,
    /// Per-screen view state.
    pub screens: Screens,
    /// Files to import once the workspace being opened is ready (from the command line: "Open with").
    files_after_open: Vec<PathBuf>,
    worker: Worker,
    ctx: egui::Context,
}

impl RadarApp {
    /// Builds the app from eframe's creation context: fonts, remembered preferences, the workspace,
    /// and `files` to import into it once it is open.
    pub fn new(cc: &eframe::CreationContext<'_>, db: Option<PathBuf>, files: Vec<PathBuf>) -> RadarApp {
        fonts::install(&cc.egui_ctx);
        let prefs: Prefs = cc.storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default();
        let demo = demo_workspace_path();
        // Files opened with the app go into the user's own workspace, never into the demo's.
        let remembered = prefs.workspace.clone().filter(|last| files.is_empty() || *last != demo);
        let path = db.or(remembered).unwrap_or_else(|| Workspace::resolve_path(None));
        let mut app = RadarApp::with_workspace(cc.egui_ctx.clone(), prefs, Some(path), demo);
        app.import_after_open(files);
        app
    }

    /// Builds the app on a context (tests use this without a window); opens `path` when given and
    /// keeps the demo workspace at `demo`.
    pub fn with_workspace(ctx: egui::Context, prefs: Prefs, path: Option<PathBuf>, demo: PathBuf) -> RadarApp {
        ctx.set_theme(if prefs.dark { egui::Theme::Dark } else { egui::Theme::Light });
        let worker = Worker::start(Some(ctx.clone()), demo);
        let mut app = RadarApp {
            prefs,
            screen: Screen::Dashboard,
            snapshot: None,
            progress: None,
            error: None,
            notice: None,
            screens: Screens::default(),
            files_after_open: Vec::new(),
            worker,
            ctx,
        };
        if let Some(path) = path {
            app.open(path);
        }
        app
    }

    /// Opens a workspace file.
    pub fn open(&mut self, path: PathBuf) {
        self.progress = Some(Progress { job: Job::Compute, fraction: None, detail: "loading".into(), rows: 0, rows_per_sec: 0.0 });
        self.worker.send(Request::Open(path));
    }

    /// Imports files as soon as the workspace being opened is ready (at once if it already is).
    pub fn import_after_open(&mut self, paths: Vec<PathBuf>) {
        if self.snapshot.is_some() && !self.busy() {
            self.import(paths);
        } else {
            self.files_after_open.extend(paths);
        }
    }

    /// The worker is busy with a long job.
    pub fn busy(&self) -> bool {
        self.progress.is_some()
    }

    /// Applies what the worker sent.
    pub fn poll_worker(&mut self) {
        for event in self.worker.poll() {
            match event {
                Event::Progress(p) => self.progress = Some(p),
                Event::Snapshot(snap) => {
                    self.progress = None;
                    if !snap.path.as_os_str().is_empty() {
                        self.prefs.workspace = Some(snap.path.clone());
                    }
                    let switched = self.snapshot.as_ref().is_some_and(|old| old.path != snap.path);
                    if switched {
                        // Company ids belong to one workspace file: a customer open in the old one
                        // is no customer of the new one.
                        self.screens.customer = Default::default();
                        if self.screen == Screen::Customer {
                            self.screen = Screen::Customers;
                        }
                    }
                    self.screens.tiers.on_snapshot(&snap);
                    self.screens.settings.on_snapshot(&snap);
                    self.screens.rhythm.on_snapshot(self.snapshot.as_deref(), &snap);
                    if self.screen == Screen::Customer
                        && let Some(id) = self.screens.customer.open_id()
                    {
                        self.worker.send(Request::Customer(id));
                    }
                    self.snapshot = Some(snap);
                    if !self.files_after_open.is_empty() {
                        let files = std::mem::take(&mut self.files_after_open);
                        self.import(files);
                    }
                }
                // Weights being tried stay on the Tiers screen: every other screen shows saved tiers.
                Event::Tiers(report) => self.screens.tiers.on_tiers(report),
                Event::Customer(detail) => self.screens.customer.on_detail(detail),
                Event::Imported { report, cancelled } => {
                    if cancelled || report.imported == 0 {
                        self.progress = None;
                    }
                    self.screens.import.on_imported(report, cancelled);
                    self.screen = Screen::Import;
                }
                Event::Previewed(files) => {
                    let mut commands = Vec::new();
                    self.screens.import.on_preview(files, &mut commands);
                    self.apply(commands);
                }
                Event::Exported(path) => {
                    if self.progress.as_ref().is_some_and(|p| p.job == Job::Report) {
                        self.progress = None;
                    }
                    self.notice = Some(crate::msg!("app.exported", path = path.display().to_string()));
                }
                Event::Picked(purpose, paths) => self.picked(purpose, paths),
                Event::Tuned(tuning) => {
                    self.progress = None;
                    self.screens.settings.on_tuned(tuning);
                }
                Event::Digest(digest) => {
                    self.progress = None;
                    let computed = self.snapshot.as_ref().map_or(0, |s| s.computed);
                    self.screens.rhythm.on_digest(digest, computed);
                }
                Event::ReviewWritten(files) => {
                    self.progress = None;
                    self.notice = Some(crate::msg!("review.written", n = files.each.len(), path = files.combined.display().to_string()));
                }
                Event::Cancelled(_) => {
                    self.progress = None;
                    self.notice = Some(crate::msg!("error.report.cancelled"));
                }
                Event::TuneCancelled => {
                    self.progress = None;
                    self.screens.settings.on_tune_cancelled();
                }
                Event::Diagnostics(text) => self.ctx.copy_text(text),
                Event::Failed(message) => {
                    self.progress = None;
                    // The workspace they were meant for did not open.
                    self.files_after_open.clear();
                    self.error = Some(message);
                    self.screens.settings.on_failed();
                }
            }
        }
    }

    fn picked(&mut self, purpose: dialogs::Purpose, paths: Vec<PathBuf>) {
        match purpose {
            dialogs::Purpose::Import => self.import(paths),
            dialogs::Purpose::Export(format, table) => {
                if let Some(path) = paths.into_iter().next() {
                    self.worker.send(Request::Export { table: *table, path, format });
                }
            }
            dialogs::Purpose::Report(request, _) => {
                if let Some(path) = paths.into_iter().next() {
                    self.progress = Some(Progress { job: Job::Report, fraction: None, detail: String::new(), rows: 0, rows_per_sec: 0.0 });
                    self.worker.send(Request::Report { request, path });
                }
            }
            dialogs::Purpose::OpenWorkspace => {
                if let Some(path) = paths.into_iter().next() {
                    self.open(path);
                }
            }
            dialogs::Purpose::ReviewFolder(lang, _) => {
                if let Some(dir) = paths.into_iter().next() {
                    self.progress =
                        Some(Progress { job: Job::Report, fraction: Some(0.0), detail: "review".into(), rows: 0, rows_per_sec: 0.0 });
                    self.worker.send(Request::ReviewReports { lang, dir });
                }
            }
        }
    }

    /// Starts importing files (dropped or chosen).
    pub fn import(&mut self, paths: Vec<PathBuf>) {
        if paths.is_empty() || self.busy() {
            return;
        }
        self.screen = Screen::Import;
        let mut commands = Vec::new();
        self.screens.import.on_files(paths, &mut commands);
        self.apply(commands);
    }

    /// Applies screens' commands.
    pub fn apply(&mut self, commands: Vec<Command>) {
        for command in commands {
            match command {
                Command::Navigate(screen) => self.screen = screen,
                Command::ShowRhythm(tab) => {
                    self.screens.rhythm.show(tab);
                    self.screen = Screen::Rhythm;
                }
                Command::ShowCustomers(level, tier) => {
                    self.screens.customers.show_only(level, tier);
                    self.screen = Screen::Customers;
                }
                Command::OpenCustomer(id) => {
                    self.screens.customer.open(id);
                    self.screen = Screen::Customer;
                    self.worker.send(Request::Customer(id));
                }
                Command::Send(request) => {
                    let long = match &request {
                        Request::Open(_) | Request::OpenDemo | Request::Import { .. } | Request::Tune => true,
                        Request::Apply(change) => change.scope() == crate::app::change::Scope::Results,
                        _ => false,
                    };
                    if long {
                        let job = if matches!(request, Request::Import { .. }) {
                            Job::Import
                        } else if matches!(request, Request::Tune) {
                            Job::Tune
                        } else if matches!(request, Request::OpenDemo) {
                            Job::Demo
                        } else {
                            Job::Compute
                        };
                        self.progress = Some(Progress { job, fraction: None, detail: String::new(), rows: 0, rows_per_sec: 0.0 });
                    }
                    self.worker.send(request);
                }
                Command::PickImportFiles => dialogs::open(
                    dialogs::Purpose::Import,
                    tr(self.prefs.lang, "welcome.choose").into(),
                    self.worker.event_sender(),
                    self.ctx.clone(),
                ),
                Command::Export(table, format) => dialogs::open(
                    dialogs::Purpose::Export(format, Box::new(table)),
                    tr(self.prefs.lang, if format == crate::export::ExportFormat::Xlsx { "app.export_xlsx" } else { "app.export_csv" })
                        .into(),
                    self.worker.event_sender(),
                    self.ctx.clone(),
                ),
                Command::ExportReport(request) => {
                    let name = request.customer.and_then(|id| self.snapshot.as_ref().and_then(|s| s.customer(id)).map(|c| c.name.clone()));
                    let file = crate::report::file_name(request.kind, name.as_deref(), request.lang);
                    let title = tr(self.prefs.lang, "report.save_title").to_string();
                    dialogs::open(dialogs::Purpose::Report(request, file), title, self.worker.event_sender(), self.ctx.clone());
                }
                Command::MakeReviewReports(lang, folder) => {
                    let title = tr(self.prefs.lang, "review.folder_title").to_string();
                    dialogs::open(dialogs::Purpose::ReviewFolder(lang, folder), title, self.worker.event_sender(), self.ctx.clone());
                }
                Command::Cancel => self.worker.cancel(),
                Command::SetLanguage(lang) => self.prefs.lang = lang,
                Command::SetDarkMode(dark) => {
                    self.prefs.dark = dark;
                    self.ctx.set_theme(if dark { egui::Theme::Dark } else { egui::Theme::Light });
                }
                Command::OpenWorkspaceDialog => dialogs::open(
                    dialogs::Purpose::OpenWorkspace,
                    tr(self.prefs.lang, "settings.open_workspace").into(),
                    self.worker.event_sender(),
                    self.ctx.clone(),
                ),
            }
        }
    }

    /// Draws the whole window.
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        self.poll_worker();
        let mut commands = Vec::new();
        self.dropped_files(ui.ctx());
        egui::Panel::left("nav").resizable(false).exact_size(190.0).show(ui, |ui| self.nav(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status(ui, &mut commands));
        egui::CentralPanel::default().show(ui, |ui| self.central(ui, &mut commands));
        self.drop_overlay(ui.ctx());
        self.apply(commands);
    }

    fn central(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let lang = self.prefs.lang;
        if let Some(message) = self.error.clone() {
            egui::Frame::new().fill(ui.visuals().error_fg_color.gamma_multiply(0.15)).inner_margin(8.0).corner_radius(4.0).show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(egui::RichText::new(tr(lang, "app.error")).strong());
                    ui.label(message.render(lang));
                    if ui.button(tr(lang, "app.dismiss")).clicked() {
                        self.error = None;
                    }
                });
            });
            ui.add_space(6.0);
        }
        let snap = match self.snapshot.clone() {
            Some(snap) => snap,
            None if self.busy() => {
                ui.centered_and_justified(|ui| ui.spinner());
                return;
            }
            // Opening failed (the error says why): the welcome page and Settings still work.
            None => Arc::new(Snapshot::default()),
        };
        let view = View { lang, snap: &snap };
        let screen = self.screen;
        if snap.is_empty() && !matches!(screen, Screen::Import | Screen::Settings) {
            welcome::ui(ui, &view, self.progress.as_ref(), commands);
            return;
        }
        match screen {
            Screen::Dashboard => dashboard::ui(ui, &view, self.screens.settings.party_panel(Role::Me), commands),
            Screen::Customers => self.screens.customers.ui(ui, &view, commands),
            Screen::Customer => self.screens.customer.ui(ui, &view, commands),
            Screen::Growth => self.screens.growth.ui(ui, &view, commands),
            Screen::Tiers => self.screens.tiers.ui(ui, &view, commands),
            Screen::Import => self.screens.import.ui(ui, &view, self.progress.as_ref(), commands),
            Screen::Settings => self.screens.settings.ui(ui, &view, commands),
            Screen::Rhythm => self.screens.rhythm.ui(ui, &view, commands),
        }
    }

    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> =
            ctx.input(|i| i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect());
        if !dropped.is_empty() {
            self.import(dropped);
        }
    }
}

impl eframe::App for RadarApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }
}
