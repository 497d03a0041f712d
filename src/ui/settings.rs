//! Settings: our company, competitors, catalog, thresholds, playbook, language.

use super::snapshot::Snapshot;
use super::{Command, View};

/// The settings screen's state.
#[derive(Default)]
pub struct SettingsScreen {}

impl SettingsScreen {
    /// A new snapshot arrived (drafts are reset to the stored values).
    pub fn on_snapshot(&mut self, _snap: &Snapshot) {}

    /// Draws the screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View, _commands: &mut Vec<Command>) {
        ui.heading(view.t("nav.settings"));
    }
}
