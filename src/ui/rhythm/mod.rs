//! The review rhythm: what changed since last month (for the monthly sales meeting), the quarterly
//! review of the core customers, and the team — who visits whom against each person's capacity.

mod changes;
mod review;
mod team;

use super::{Command, View};
use crate::app::digest::Digest;
use crate::model::CompanyId;
use std::collections::HashMap;
use std::sync::Arc;

/// The screen's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    /// What changed since an earlier date.
    #[default]
    Changes,
    /// The quarterly review.
    Review,
    /// The team and its load.
    Team,
}

/// View state of the review screen.
#[derive(Default)]
pub struct RhythmScreen {
    /// The tab shown.
    pub tab: Tab,
    /// A comparison with a date the user picked, and the figures (`Snapshot::computed`) it was
    /// made from.
    custom: Option<(u64, Arc<Digest>)>,
    /// The date typed in the comparison field.
    since_text: String,
    /// Review notes being written, by customer.
    notes: HashMap<CompanyId, String>,
    /// The team being edited.
    team: team::TeamDraft,
}

impl RhythmScreen {
    /// A comparison the worker made from the figures `computed`.
    pub fn on_digest(&mut self, digest: Arc<Digest>, computed: u64) {
        self.since_text = digest.since.to_string();
        self.custom = Some((computed, digest));
    }

    /// A new snapshot: drafts about another workspace are dropped, a team or plan saved (or
    /// changed elsewhere) replaces its draft, a comparison made from older figures gives way.
    pub fn on_snapshot(&mut self, old: Option<&crate::app::snapshot::Snapshot>, new: &crate::app::snapshot::Snapshot) {
        if old.is_none_or(|o| o.path != new.path) {
            *self = RhythmScreen { tab: self.tab, ..RhythmScreen::default() };
            return;
        }
        if old.is_some_and(|o| o.settings.team != new.settings.team || o.settings.plan != new.settings.plan) {
            self.team = team::TeamDraft::default();
        }
        if self.custom.as_ref().is_some_and(|(computed, _)| *computed != new.computed) {
            self.custom = None;
        }
    }

    /// The earlier date of a comparison the user asked for.
    pub fn custom_since(&self) -> Option<chrono::NaiveDate> {
        self.custom.as_ref().map(|(_, d)| d.since)
    }

    /// Shows a tab.
    pub fn show(&mut self, tab: Tab) {
        self.tab = tab;
    }

    /// The comparison shown: the one the user asked for, else the snapshot's (last month end).
    fn digest<'a>(&'a self, view: &'a View) -> Option<&'a Digest> {
        self.custom.as_ref().map(|(_, d)| d.as_ref()).or(view.snap.digest.as_deref())
    }

    /// Draws the screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            let reviewed = view.snap.review.as_ref().map(|r| format!(" {}/{}", r.reviewed(), r.rows.len())).unwrap_or_default();
            for (tab, label) in [
                (Tab::Changes, view.t("rhythm.tab.changes").to_string()),
                (Tab::Review, format!("{}{reviewed}", view.t("rhythm.tab.review"))),
                (Tab::Team, view.t("rhythm.tab.team").to_string()),
            ] {
                ui.selectable_value(&mut self.tab, tab, egui::RichText::new(label).size(16.0));
            }
        });
        ui.separator();
        if !view.snap.knows_us() || view.snap.review.is_none() {
            ui.label(view.t("rhythm.needs_us"));
            return;
        }
        match self.tab {
            Tab::Changes => changes::ui(self, ui, view, commands),
            Tab::Review => review::ui(self, ui, view, commands),
            Tab::Team => team::ui(self, ui, view, commands),
        }
    }
}

/// One line on what changed since the last month end, with the way to the full list: the
/// dashboard opens with it and every import ends on it.
pub fn digest_strip(ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    let Some(d) = &view.snap.digest else { return };
    let accent = ui.visuals().hyperlink_color;
    egui::Frame::new().fill(accent.gamma_multiply(0.10)).inner_margin(8.0).corner_radius(6.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(super::i18n::trf(view.lang, "rhythm.changes_since", &[("date", &d.since)])).strong());
            ui.label(changes::summary(view, d));
            if ui.button(view.t("rhythm.see_changes")).clicked() {
                commands.push(Command::ShowRhythm(Tab::Changes));
            }
        });
    });
}

pub use review::state_text;

#[cfg(test)]
mod tests;
