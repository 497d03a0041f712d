//! Import: files dropped or chosen are first previewed on the worker (headers and how they map);
//! layouts the automatic mapping is unsure of, or that miss a required column, are settled in the
//! mapping dialog; then the import runs on the worker with progress, rows/s and cancel, and the
//! summary shows the totals, every file and sheet, and the rejected rows.
//!
//! One import is one transaction with at most one user mapping, so files of several unsure layouts
//! in one drop are imported in turn: the first batch takes the files that map surely together with
//! the first layout asked about; each further layout is asked about when the previous import is done.

mod mapping;
mod summary;
#[cfg(test)]
mod tests;

use super::i18n::trf;
use super::worker::{Job, Progress, Request};
use super::{Command, View};
use crate::import::preview::FilePreview;
use crate::store::ImportReport;
use mapping::{MappingDialog, Outcome};
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;

/// A field's name in the interface language.
fn field_label(view: &View, field: crate::import::field::Field) -> &'static str {
    view.t(&format!("import.field.{}", field.key()))
}

/// The import screen's state.
#[derive(Default)]
pub struct ImportScreen {
    /// The last import's report and whether it was cancelled.
    last: Option<(Arc<ImportReport>, bool)>,
    /// Earlier imports of this session, oldest first.
    earlier: Vec<(Arc<ImportReport>, bool)>,
    /// Files sent for a preview, until it comes back.
    previewing: Option<Vec<PathBuf>>,
    /// Files waiting for the user's answer about their columns.
    pending: Option<Pending>,
    /// Cancel was clicked for the running import.
    cancel_requested: bool,
    /// The rejected-rows table's scroll position is reset for each new report.
    report_generation: u64,
}

/// Files previewed and not yet imported.
struct Pending {
    /// Files that import as recognised; they go with the next import sent.
    ready: Vec<PathBuf>,
    /// One dialog per distinct header layout to ask about, in drop order; the first is shown.
    ask: VecDeque<MappingDialog>,
    /// How many layouts were asked about in all (for "layout 2 of 3").
    total: usize,
}

impl ImportScreen {
    /// Files to import arrived (dropped or chosen): they are previewed first.
    pub fn on_files(&mut self, paths: Vec<PathBuf>, commands: &mut Vec<Command>) {
        if paths.is_empty() {
            return;
        }
        self.retire_last();
        self.pending = None;
        self.previewing = Some(paths.clone());
        commands.push(Command::Send(Request::Preview(paths)));
    }

    /// The preview of the files came back: import at once when every layout maps surely,
    /// otherwise open the mapping dialog.
    pub fn on_preview(&mut self, files: Vec<FilePreview>, commands: &mut Vec<Command>) {
        let paths: Vec<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
        if self.previewing.as_ref() != Some(&paths) {
            // An answer for files since replaced by a newer drop.
            return;
        }
        self.previewing = None;
        let mut ready = Vec::new();
        let mut ask: Vec<MappingDialog> = Vec::new();
        for file in &files {
            match file.layout_to_ask() {
                None => ready.push(file.path.clone()),
                Some(layout) => match ask.iter_mut().find(|d| d.signature() == layout.signature) {
                    Some(dialog) => dialog.add_file(file),
                    None => ask.push(MappingDialog::new(file, layout)),
                },
            }
        }
        if ask.is_empty() {
            self.send_import(ready, None, commands);
        } else {
            let total = ask.len();
            self.pending = Some(Pending { ready, ask: ask.into(), total });
            // The dialog is drawn by this screen: show it even if the user went elsewhere meanwhile.
            commands.push(Command::Navigate(super::Screen::Import));
        }
    }

    /// An import finished.
    pub fn on_imported(&mut self, report: Arc<ImportReport>, cancelled: bool) {
        self.retire_last();
        self.last = Some((report, cancelled));
        self.report_generation += 1;
        self.cancel_requested = false;
        if cancelled {
            // The user stopped the import: the files still waiting for an answer are dropped too.
            self.pending = None;
        }
    }

    /// The last import's report and whether it was cancelled.
    pub fn last(&self) -> Option<(&ImportReport, bool)> {
        self.last.as_ref().map(|(r, c)| (r.as_ref(), *c))
    }

    /// Moves the shown report to the session's earlier ones.
    fn retire_last(&mut self) {
        if let Some(last) = self.last.take() {
            self.earlier.push(last);
        }
    }

    fn send_import(&mut self, paths: Vec<PathBuf>, mapping: Option<crate::import::mapping::FieldMap>, commands: &mut Vec<Command>) {
        if paths.is_empty() {
            return;
        }
        self.retire_last();
        self.cancel_requested = false;
        commands.push(Command::Send(Request::Import { paths, mapping }));
    }

    /// Draws the screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View, progress: Option<&Progress>, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            ui.heading(view.t("nav.import"));
            ui.add_space(12.0);
            let idle = progress.is_none() && self.previewing.is_none() && self.pending.is_none();
            if ui.add_enabled(idle, egui::Button::new(view.t("import.choose"))).clicked() {
                commands.push(Command::PickImportFiles);
            }
            ui.label(egui::RichText::new(view.t("import.hint")).weak());
        });
        ui.add_space(6.0);
        let importing = progress.filter(|p| p.job == Job::Import);
        if let Some(p) = importing {
            self.progress_panel(ui, view, p, commands);
        } else if self.previewing.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(view.t("import.previewing"));
            });
        } else if progress.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(view.t(if self.last.is_some() { "import.computing" } else { "app.working" }));
            });
        }
        if importing.is_none() {
            match &self.last {
                Some((report, cancelled)) => summary::show(ui, view, report, *cancelled, self.report_generation, commands),
                None => {
                    ui.add_space(12.0);
                    ui.label(view.t("import.none_yet"));
                    ui.label(egui::RichText::new(view.t("import.intro")).weak());
                }
            }
            summary::earlier(ui, view, &self.earlier);
        }
        if progress.is_none() {
            self.dialog(ui, view, commands);
        } else if let Some(pending) = &self.pending {
            // The next layout is asked about when the running import is done, not over its progress.
            let files: usize = pending.ask.iter().map(|d| d.files().len()).sum::<usize>() + pending.ready.len();
            ui.label(egui::RichText::new(trf(view.lang, "import.waiting_files", &[("n", &files)])).weak());
        }
    }

    /// The import under way: a large bar, rows, rows/s, where it is, and cancel.
    fn progress_panel(&mut self, ui: &mut egui::Ui, view: &View, p: &Progress, commands: &mut Vec<Command>) {
        egui::Frame::group(ui.style()).inner_margin(16.0).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.heading(view.t("import.running"));
            ui.add_space(6.0);
            let bar = egui::ProgressBar::new(p.fraction.unwrap_or(0.0)).desired_height(28.0).desired_width(ui.available_width());
            ui.add(if p.fraction.is_some() { bar.show_percentage() } else { bar.animate(true) });
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new(trf(view.lang, "import.rows_read", &[("n", &summary::count(p.rows))])).size(20.0).strong());
                ui.separator();
                let rate = summary::count(p.rows_per_sec.max(0.0).round() as u64);
                ui.label(egui::RichText::new(trf(view.lang, "import.rate", &[("rate", &rate)])).size(20.0));
            });
            let detail = if p.detail.is_empty() { view.t("import.starting").to_string() } else { p.detail.clone() };
            ui.label(egui::RichText::new(detail).weak());
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if self.cancel_requested {
                    ui.spinner();
                    ui.label(view.t("import.cancelling"));
                } else if ui.button(view.t("import.cancel")).clicked() {
                    self.cancel_requested = true;
                    commands.push(Command::Cancel);
                }
                ui.label(egui::RichText::new(view.t("import.cancel_note")).weak());
            });
        });
    }

    /// The mapping dialog for the first layout waiting, and what its answer does.
    fn dialog(&mut self, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
        let Some(pending) = &mut self.pending else { return };
        let total = pending.total;
        let step = total - pending.ask.len() + 1;
        let ready = pending.ready.len();
        let others = pending.ask.len().saturating_sub(1) + ready;
        let Some(dialog) = pending.ask.front_mut() else {
            self.pending = None;
            return;
        };
        let Some(outcome) = dialog.show(ui.ctx(), view, mapping::Situation { step, total, ready, others }) else { return };
        let Some(mut pending) = self.pending.take() else { return };
        let Some(dialog) = pending.ask.pop_front() else { return };
        let mut ready = std::mem::take(&mut pending.ready);
        match outcome {
            Outcome::Import(map) => {
                ready.extend(dialog.files().iter().cloned());
                self.send_import(ready, Some(map), commands);
            }
            Outcome::AsRecognised => {
                ready.extend(dialog.files().iter().cloned());
                self.send_import(ready, None, commands);
            }
            Outcome::Skip => {
                if pending.ask.is_empty() {
                    self.send_import(ready, None, commands);
                } else {
                    // The files that map surely wait for the next layout's import.
                    pending.ready = ready;
                }
            }
            Outcome::CancelAll => return,
        }
        if !pending.ask.is_empty() {
            self.pending = Some(pending);
        }
    }
}
