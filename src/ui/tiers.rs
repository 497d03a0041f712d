//! Tiers: the weight form, live re-tiering, the distribution, changed tiers, suggested weights.

use super::snapshot::Snapshot;
use super::{Command, View};
use crate::analysis::tiers::TierReport;
use std::sync::Arc;

/// The tiers screen's state.
#[derive(Default)]
pub struct TiersScreen {
    report: Option<Arc<TierReport>>,
}

impl TiersScreen {
    /// A new snapshot arrived.
    pub fn on_snapshot(&mut self, snap: &Snapshot) {
        self.report = snap.tiers.clone();
    }

    /// A re-tiering arrived.
    pub fn on_tiers(&mut self, report: Arc<TierReport>) {
        self.report = Some(report);
    }

    /// Draws the screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View, _commands: &mut Vec<Command>) {
        ui.heading(view.t("nav.tiers"));
    }
}
