//! Tiers: the weight form, live re-tiering, the distribution, changed tiers, suggested weights.
//!
//! The screen edits a draft — the profile it started from, its weights and the tier rules — and
//! asks the worker to re-tier whenever the draft changes, so tiers follow the sliders. Nothing is
//! stored until the user saves: built-in profiles are read-only, so edits to one are saved as a new
//! profile. Changes are measured against the stored profile's report, kept from the last snapshot
//! because the app writes every re-tiering into the snapshot itself.

mod changes;
mod chart;
mod profiles;
mod rules;
mod weights;

#[cfg(test)]
mod tests;

use super::i18n::trf;
use super::worker::Request;
use super::{Command, View};
use crate::analysis::tiers::{Profiles, TierReport, TierRules, WeightProfile, Weights};
use crate::app::snapshot::Snapshot;
use std::path::PathBuf;
use std::sync::Arc;

/// The weights and rules being tried, and the profile they started from.
#[derive(Debug, Clone, PartialEq)]
struct Draft {
    /// The profile the weights belong to (the one in use, unless a switch is on its way).
    base: String,
    /// The weights tried.
    weights: Weights,
    /// The rules tried.
    rules: TierRules,
}

impl Draft {
    /// The draft the stored settings give: the active profile and the stored rules.
    fn stored(profiles: &Profiles, rules: TierRules) -> Draft {
        let active = profiles.active();
        Draft { base: active.name, weights: active.weights, rules }
    }

    /// The weights differ from those stored under the base profile (or that profile is gone).
    fn weights_edited(&self, profiles: &Profiles) -> bool {
        !profiles.find(&self.base).is_ok_and(|p| p.weights == self.weights)
    }

    /// Weights or rules differ from what is stored.
    fn edited(&self, profiles: &Profiles, rules: &TierRules) -> bool {
        self.weights_edited(profiles) || self.rules != *rules
    }
}

/// The tiers screen's state.
#[derive(Default)]
pub struct TiersScreen {
    /// What the user is trying; `None` until the first snapshot.
    draft: Option<Draft>,
    /// The report under the draft (the stored one until a re-tiering arrives).
    report: Option<Arc<TierReport>>,
    /// The report under the stored profile and rules, from the last snapshot.
    stored: Option<Arc<TierReport>>,
    /// The weights and rules last sent to be re-tiered (or given by the snapshot).
    sent: Option<(Weights, TierRules)>,
    /// The workspace the draft belongs to: another workspace starts afresh.
    workspace: Option<PathBuf>,
    /// Customers whose tier differs between `report` and `stored`.
    changed: Vec<changes::Changed>,
    /// The profile bar's name field, confirmation and error.
    form: profiles::Form,
    /// The table shown under the chart.
    tab: changes::Tab,
}

impl TiersScreen {
    /// A new snapshot arrived: the draft follows the stored settings unless it holds unsaved edits.
    pub fn on_snapshot(&mut self, snap: &Snapshot) {
        let (profiles, rules) = (&snap.settings.profiles, snap.settings.rules);
        let same_workspace = self.workspace.as_ref() == Some(&snap.path);
        self.workspace = Some(snap.path.clone());
        self.stored = snap.tiers.clone();
        match &self.draft {
            // Another screen's change recomputed everything: keep the edits and re-tier them on the
            // new data (after a save the stored settings equal the draft, so it is not kept here).
            Some(draft) if same_workspace && draft.edited(profiles, &rules) => self.sent = None,
            _ => {
                let draft = Draft::stored(profiles, rules);
                // The snapshot's report is already the draft's.
                self.sent = Some((draft.weights, draft.rules));
                self.draft = Some(draft);
                self.report = snap.tiers.clone();
                self.form.confirm_delete = false;
            }
        }
        self.refresh_changes();
    }

    /// The report under the weights and rules being tried (the saved one until a re-tiering).
    pub fn report(&self) -> Option<&TierReport> {
        self.report.as_deref()
    }

    /// A re-tiering arrived.
    pub fn on_tiers(&mut self, report: Arc<TierReport>) {
        // One for weights the user has since moved away from is stale: a newer request follows.
        if self.draft.as_ref().is_some_and(|d| d.weights == report.profile.weights && d.rules == report.rules) {
            self.report = Some(report);
            self.refresh_changes();
        }
    }

    /// Draws the screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
        if self.draft.is_none() {
            self.on_snapshot(view.snap);
        }
        if !view.snap.knows_us() {
            ui.label(view.t("app.need_me"));
            return;
        }
        let (Some(stored), Some(draft)) = (self.stored.clone(), self.draft.as_mut()) else {
            ui.label(view.t("tiers.no_customers"));
            return;
        };
        let report = self.report.clone().unwrap_or_else(|| stored.clone());
        let settings = &view.snap.settings;
        let edited = draft.edited(&settings.profiles, &settings.rules);
        header(ui, view, &report, edited);
        egui::Panel::left("tiers-form").resizable(true).default_size(560.0).size_range(460.0..=760.0).show(ui, |ui| {
            egui::ScrollArea::vertical().id_salt("tiers-form").auto_shrink(false).show(ui, |ui| {
                profiles::bar(ui, view, draft, &mut self.form, commands);
                ui.separator();
                weights::form(ui, view, draft, report.suggested.as_ref());
                ui.separator();
                rules::form(ui, view, &mut draft.rules, commands);
            });
        });
        egui::CentralPanel::default().show(ui, |ui| {
            chart::distribution(ui, view, &report, edited.then_some(&*stored));
            ui.separator();
            changes::tabs(ui, view, &mut self.tab, &self.changed, &report, commands);
        });
        self.send_retier(commands);
    }

    /// Asks for a re-tiering when the draft moved since the last one (the worker keeps only the
    /// newest waiting request, so one per frame while a slider is dragged costs little).
    fn send_retier(&mut self, commands: &mut Vec<Command>) {
        let Some(draft) = &self.draft else { return };
        let now = (draft.weights, draft.rules);
        // Invalid weights or rules would fail on the worker; the form says what is wrong.
        if self.sent == Some(now) || self.stored.is_none() || draft.weights.validate().is_err() || draft.rules.validate().is_err() {
            return;
        }
        let profile = WeightProfile { name: draft.base.clone(), weights: draft.weights, builtin: false };
        commands.push(Command::Send(Request::Retier { profile, rules: draft.rules }));
        self.sent = Some(now);
    }

    fn refresh_changes(&mut self) {
        self.changed = match (&self.report, &self.stored) {
            (Some(report), Some(stored)) => changes::changed(report, stored),
            _ => Vec::new(),
        };
    }
}

/// The title line: how many customers, as of when, and whether the tiers shown are saved ones.
fn header(ui: &mut egui::Ui, view: &View, report: &TierReport, edited: bool) {
    ui.horizontal(|ui| {
        ui.heading(view.t("nav.tiers"));
        ui.label(egui::RichText::new(trf(view.lang, "tiers.summary", &[("n", &report.customers.len()), ("date", &report.as_of)])).weak());
        ui.separator();
        if edited {
            ui.label(egui::RichText::new(view.t("tiers.unsaved")).color(ui.visuals().warn_fg_color).strong());
        } else {
            ui.label(egui::RichText::new(view.t("tiers.saved_state")).weak());
        }
    });
    ui.label(egui::RichText::new(view.t("tiers.live_note")).small().weak());
}
