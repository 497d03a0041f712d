//! The worker thread: it owns the workspace, runs every long job (opening, importing, recomputing,
//! re-tiering, exporting) and sends results back as events. The UI thread only sends requests and
//! draws what comes back, so it never waits on SQLite or a file.
//!
//! Requests are handled in order; a newer re-tiering request replaces older ones still queued, so
//! dragging a weight slider never builds a backlog. An import is cancelled through a shared flag and
//! rolls back, leaving the workspace as it was.

mod observer;
mod protocol;
mod rhythm;

pub use protocol::{Event, Job, Progress, Request};

use crate::analysis::tiers::{TierRules, WeightProfile};
use crate::app::change::Scope;
use crate::app::failure::{self, Failure};
use crate::app::snapshot::{Engine, Snapshot, compute};
use crate::demo::{DemoOptions, build_workspace};
use crate::import::mapping::FieldMap;
use crate::model::CompanyId;
use crate::store::{ImportOptions, ImportReport, Workspace};
use observer::Observer;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex};

pub use crate::app::change::Change;
pub use crate::app::detail::CustomerDetail;

/// What travels to the worker: a request, or word that a re-tiering waits in the slot.
#[allow(clippy::large_enum_variant, reason = "see Request")]
enum Message {
    Request(Request),
    Retier,
}

/// The UI's handle on the worker thread.
pub struct Worker {
    requests: Sender<Message>,
    events: Receiver<Event>,
    events_tx: Sender<Event>,
    cancel: Arc<AtomicBool>,
    pending_retier: Arc<Mutex<Option<Request>>>,
}

impl Worker {
    /// Starts the thread; `repaint` wakes the UI when an event is sent; the demo workspace is built
    /// at `demo_path` when asked for.
    pub fn start(repaint: Option<egui::Context>, demo_path: PathBuf) -> Worker {
        let (requests, inbox) = channel::<Message>();
        let (events_tx, events) = channel::<Event>();
        let cancel = Arc::new(AtomicBool::new(false));
        let pending_retier = Arc::new(Mutex::new(None));
        let mut state = State {
            ws: None,
            snapshot: None,
            demo_path,
            engine: None,
            demo: false,
            out: Outbox { tx: events_tx.clone(), repaint },
            cancel: cancel.clone(),
            pending_retier: pending_retier.clone(),
        };
        let spawned = std::thread::Builder::new().name("customs-radar-worker".into()).spawn(move || {
            while let Ok(message) = inbox.recv() {
                match message {
                    Message::Request(request) => state.handle_guarded(request),
                    Message::Retier => state.report(|s| s.retier()),
                }
            }
        });
        if let Err(err) = spawned {
            let _ = events_tx.send(Event::Failed(crate::msg!("error.worker_start", detail = err.to_string())));
        }
        Worker { requests, events, events_tx, cancel, pending_retier }
    }

    /// Sends a request. Re-tierings coalesce: only the newest waiting one runs.
    pub fn send(&self, request: Request) {
        if matches!(request, Request::Retier { .. }) {
            let mut slot = self.pending_retier.lock().unwrap_or_else(|poison| poison.into_inner());
            let was_empty = slot.is_none();
            *slot = Some(request);
            if was_empty {
                // The worker takes the newest re-tiering from the slot when it gets to this word.
                let _ = self.requests.send(Message::Retier);
            }
            return;
        }
        if matches!(request, Request::Import { .. } | Request::Tune | Request::ReviewReports { .. }) {
            self.cancel.store(false, Ordering::SeqCst);
        }
        if self.requests.send(Message::Request(request)).is_err() {
            let _ = self.events_tx.send(Event::Failed(crate::msg!("error.worker_stopped")));
        }
    }

    /// Asks a running import (which rolls back) or tuning to stop.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }

    /// Events that have arrived, oldest first.
    pub fn poll(&self) -> Vec<Event> {
        let mut out = Vec::new();
        loop {
            match self.events.try_recv() {
                Ok(e) => out.push(e),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => return out,
            }
        }
    }

    /// A sender for results produced elsewhere (file dialogs).
    pub fn event_sender(&self) -> Sender<Event> {
        self.events_tx.clone()
    }
}

/// Sends events and wakes the UI.
struct Outbox {
    tx: Sender<Event>,
    repaint: Option<egui::Context>,
}

impl Outbox {
    fn send(&self, event: Event) {
        // The result goes first, then the wake-up, so the next frame finds it.
        let _ = self.tx.send(event);
        if let Some(ctx) = &self.repaint {
            ctx.request_repaint();
        }
    }

    fn progress(&self, job: Job, fraction: Option<f32>, detail: impl Into<String>) {
        self.send(Event::Progress(Progress { job, fraction, detail: detail.into(), rows: 0, rows_per_sec: 0.0 }));
    }
}

/// The worker thread's state.
struct State {
    ws: Option<Workspace>,
    snapshot: Option<Arc<Snapshot>>,
    demo_path: PathBuf,
    engine: Option<Engine>,
    demo: bool,
    out: Outbox,
    cancel: Arc<AtomicBool>,
    pending_retier: Arc<Mutex<Option<Request>>>,
}

impl State {
    fn report(&mut self, job: impl FnOnce(&mut State) -> anyhow::Result<()>) {
        if let Err(err) = job(self) {
            self.fail(failure::message(&err));
        }
    }

    /// Handles a request; a panic in it becomes an error message instead of a dead worker.
    fn handle_guarded(&mut self, request: Request) {
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.handle(request)));
        if let Err(panic) = caught {
            let what = panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned());
            let detail = what.unwrap_or_else(|| "a job panicked".into());
            self.fail(crate::msg!("error.worker_panic", detail = detail));
        }
    }

    fn handle(&mut self, request: Request) {
        let result = match request {
            Request::Open(path) => self.open(path, false),
            Request::OpenDemo => self.open_demo(),
            Request::Import { paths, mapping } => self.import(&paths, mapping.as_ref()),
            Request::Retier { profile, rules } => self.retier_with(profile, rules),
            Request::Customer(id) => self.customer(id),
            Request::Apply(change) => self.apply(change),
            Request::Preview(paths) => {
                // The saved templates count, as in the import: headers mapped once are not asked again.
                let ws = self.ws.as_ref();
                let template = |sig: &str| ws.and_then(|ws| ws.template(sig).ok().flatten());
                self.out.send(Event::Previewed(crate::import::preview::preview_files(&paths, &template)));
                Ok(())
            }
            Request::Report { request, path } => self.write_report(&request, path),
            Request::Tune => self.tune(),
            Request::Digest(since) => self.digest(since),
            Request::ReviewReports { lang, dir } => self.review_reports(lang, &dir),
            Request::Diagnostics => {
                use crate::app::diagnostics;
                let (path, shipments) = self.snapshot.as_ref().map_or((PathBuf::new(), 0), |s| (s.path.clone(), s.shipments));
                self.out.send(Event::Diagnostics(diagnostics::text(&path, shipments, &diagnostics::log_dir())));
                Ok(())
            }
            Request::Export { table, path, format } => {
                crate::export::write(&table, &path, format).map(|()| self.out.send(Event::Exported(path))).map_err(anyhow::Error::from)
            }
        };
        if let Err(err) = result {
            self.fail(failure::message(&err));
        }
    }

    /// Tells the window what failed, and the log (in English, for support).
    fn fail(&self, message: crate::text::Message) {
        log::warn!("failed: {message}");
        self.out.send(Event::Failed(message));
    }

    fn open(&mut self, path: PathBuf, demo: bool) -> anyhow::Result<()> {
        self.out.progress(Job::Compute, None, "loading");
        let ws = Workspace::open(&path)
            .map_err(|e| Failure(crate::msg!("error.open_workspace", path = path.display().to_string(), reason = e.message())))?;
        let demo = demo || path == self.demo_path;
        // The open workspace changes only once the new one has computed: a file that fails leaves
        // the worker and the screens together on the old one.
        let data = Arc::new(ws.load_dataset()?);
        self.publish(&ws, data, demo)?;
        log::info!("workspace open: {}", path.display());
        self.ws = Some(ws);
        self.demo = demo;
        Ok(())
    }

    fn open_demo(&mut self) -> anyhow::Result<()> {
        let path = self.demo_path.clone();
        self.cancel.store(false, Ordering::SeqCst);
        if !path.exists() || Workspace::open(&path)?.shipment_count()? == 0 {
            let observer = Observer::new(&self.out, self.cancel.clone(), Job::Demo);
            build_workspace(&path, &DemoOptions::default(), &observer)?;
        }
        self.open(path, true)
    }

    /// Loads (when the data changed) and computes a new snapshot.
    fn recompute(&mut self, reload: bool) -> anyhow::Result<()> {
        let Some(ws) = self.ws.take() else { return Ok(()) };
        let data = match (&self.engine, reload) {
            (Some(engine), false) => Ok(engine.data.clone()),
            _ => {
                self.out.progress(Job::Compute, Some(0.0), "loading");
                ws.load_dataset().map(Arc::new).map_err(anyhow::Error::from)
            }
        };
        let result = data.and_then(|data| self.publish(&ws, data, self.demo));
        self.ws = Some(ws);
        result
    }

    /// Computes a snapshot of `ws` from its loaded data and sends it.
    fn publish(&mut self, ws: &Workspace, data: Arc<crate::model::Dataset>, demo: bool) -> anyhow::Result<()> {
        let phases = ["health", "tiers", "changes", "crosssell", "groups", "customers"];
        let out = &self.out;
        let mut step = |phase: &'static str| {
            let at = phases.iter().position(|p| *p == phase).unwrap_or(0);
            out.progress(Job::Compute, Some((at + 1) as f32 / (phases.len() + 1) as f32), phase);
        };
        let started = std::time::Instant::now();
        let (mut snapshot, engine) = compute(ws, data, demo, None, &mut step)?;
        log::info!("{} shipments computed in {:.2} s", snapshot.shipments, started.elapsed().as_secs_f64());
        snapshot.generation = self.snapshot.as_ref().map_or(1, |s| s.generation + 1);
        snapshot.computed = snapshot.generation;
        self.engine = Some(engine);
        let snapshot = Arc::new(snapshot);
        self.snapshot = Some(snapshot.clone());
        self.out.send(Event::Snapshot(snapshot));
        self.add_digest(ws)
    }

    fn import(&mut self, paths: &[PathBuf], mapping: Option<&FieldMap>) -> anyhow::Result<()> {
        let Some(ws) = &mut self.ws else { return Err(Failure(crate::msg!("error.no_workspace")).into()) };
        let observer = Observer::new(&self.out, self.cancel.clone(), Job::Import);
        let names: Vec<String> = paths.iter().filter_map(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).collect();
        log::info!("importing {}", names.join(", "));
        let result = ws.import_files(paths, ImportOptions { mapping }, &observer);
        // Cancelled means rolled back: a click that came after the last batch was too late, and
        // that import stands (and must be recomputed).
        self.cancel.store(false, Ordering::SeqCst);
        let (report, cancelled) = match result {
            Ok(report) => (report, false),
            Err(crate::store::StoreError::Cancelled) => (ImportReport::default(), true),
            Err(e) => return Err(e.into()),
        };
        log::info!(
            "import {}: {} rows read, {} imported, {} duplicates, {} rejected",
            if cancelled { "cancelled" } else { "done" },
            report.rows_read,
            report.imported,
            report.duplicates,
            report.rejected.len()
        );
        let changed = !cancelled && report.imported > 0;
        self.out.send(Event::Imported { report: Arc::new(report), cancelled });
        if changed {
            self.demo = false;
            self.recompute(true)?;
        }
        Ok(())
    }

    /// Runs the newest re-tiering waiting in the slot.
    fn retier(&mut self) -> anyhow::Result<()> {
        let newest = self.pending_retier.lock().unwrap_or_else(|poison| poison.into_inner()).take();
        match newest {
            Some(Request::Retier { profile, rules }) => self.retier_with(profile, rules),
            _ => Ok(()),
        }
    }

    fn retier_with(&mut self, profile: WeightProfile, rules: TierRules) -> anyhow::Result<()> {
        let Some(model) = self.engine.as_ref().and_then(|e| e.model.clone()) else { return Ok(()) };
        let profile = crate::preferences::checked(profile)?;
        self.out.send(Event::Tiers(Arc::new(model.evaluate(&profile, &rules))));
        Ok(())
    }

    fn write_report(&mut self, request: &crate::report::ReportRequest, path: PathBuf) -> anyhow::Result<()> {
        let Some(ws) = &self.ws else { return Err(Failure(crate::msg!("error.no_workspace")).into()) };
        self.out.progress(Job::Report, None, request.kind.key());
        let pdf = crate::report::render(ws, request).map_err(|e| Failure(e.message()))?;
        log::info!("{} briefing written to {}", request.kind.key(), path.file_name().unwrap_or_default().to_string_lossy());
        std::fs::write(&path, pdf)
            .map_err(|e| Failure(crate::msg!("error.write_file", path = path.display().to_string(), detail = e.to_string())))?;
        self.out.send(Event::Exported(path));
        Ok(())
    }

    /// Tunes the thresholds in use on the loaded history, with progress; a cancel stops it.
    fn tune(&mut self) -> anyhow::Result<()> {
        let (Some(engine), Some(snapshot)) = (&self.engine, &self.snapshot) else {
            return Err(Failure(crate::msg!("error.no_workspace")).into());
        };
        let (data, cfg) = (engine.data.clone(), snapshot.settings.thresholds.clone());
        let (out, cancel) = (&self.out, &self.cancel);
        let mut last = -1.0;
        let result = crate::analysis::backtest::tune(&data, &cfg, &crate::analysis::backtest::TuneOptions::default(), &mut |done| {
            // A progress event per percent is plenty.
            if done - last >= 0.01 {
                last = done;
                out.progress(Job::Tune, Some(done as f32), "tune");
            }
            !cancel.load(Ordering::SeqCst)
        });
        self.cancel.store(false, Ordering::SeqCst);
        match result {
            Ok(tuning) => self.out.send(Event::Tuned(Arc::new(tuning))),
            Err(crate::analysis::backtest::TuneError::Cancelled) => self.out.send(Event::TuneCancelled),
            Err(e) => return Err(e.into()),
        }
        Ok(())
    }

    fn customer(&mut self, id: CompanyId) -> anyhow::Result<()> {
        let (Some(ws), Some(engine)) = (&self.ws, &self.engine) else { return Ok(()) };
        let detail = crate::app::detail::build(ws, &engine.data, self.snapshot.as_deref(), id)?;
        self.out.send(Event::Customer(Arc::new(detail)));
        Ok(())
    }

    fn apply(&mut self, change: Change) -> anyhow::Result<()> {
        let Some(ws) = &mut self.ws else { return Err(Failure(crate::msg!("error.no_workspace")).into()) };
        let reload = change.apply(ws)?;
        match change.scope() {
            Scope::Results => self.recompute(reload)?,
            Scope::People => self.refresh_people()?,
            Scope::Detail => {}
        }
        if let Some(id) = change.customer() {
            self.customer(id)?;
        }
        Ok(())
    }
}
