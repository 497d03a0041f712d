//! Settings: our company, competitors, catalog, bundles, thresholds, playbook, language and the
//! workspace. Each section edits a draft of what the snapshot holds; applying sends one
//! [`Change`](crate::app::change::Change) to the worker, which stores it and recomputes in the background
//! (the status bar shows the progress) and sends a new snapshot back.

mod appearance;
mod bundles;
mod catalog;
mod draft;
pub mod parties;
mod playbook;
mod thresholds;
mod tuning;

#[cfg(test)]
mod tests;

use super::{Command, View};
use crate::app::snapshot::Snapshot;
use crate::store::Role;

/// The sections of the settings screen, in the order of its left list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    /// Which suppliers are us.
    #[default]
    OurCompany,
    /// Which suppliers are competitors.
    Competitors,
    /// Our catalog codes.
    Catalog,
    /// Solution bundles.
    Bundles,
    /// Health thresholds.
    Thresholds,
    /// Tuning the thresholds to the firm's history, and the saved sets.
    Tuning,
    /// Playbook texts.
    Playbook,
    /// Language, theme, workspace.
    Appearance,
}

impl Section {
    /// Every section, in list order.
    pub const ALL: [Section; 8] = [
        Section::OurCompany,
        Section::Competitors,
        Section::Catalog,
        Section::Bundles,
        Section::Thresholds,
        Section::Tuning,
        Section::Playbook,
        Section::Appearance,
    ];

    /// The translation key of its name.
    pub fn key(self) -> &'static str {
        match self {
            Section::OurCompany => "settings.our_company",
            Section::Competitors => "settings.competitors",
            Section::Catalog => "settings.catalog",
            Section::Bundles => "settings.bundles",
            Section::Thresholds => "settings.thresholds",
            Section::Tuning => "settings.tuning",
            Section::Playbook => "settings.playbook",
            Section::Appearance => "settings.appearance",
        }
    }
}

/// The settings screen's state: the section shown and each section's draft.
#[derive(Default)]
pub struct SettingsScreen {
    section: Section,
    /// The workspace the drafts belong to (another one resets the section).
    path: Option<std::path::PathBuf>,
    me: parties::PartyPanel,
    competitors: parties::PartyPanel,
    catalog: catalog::CatalogPanel,
    bundles: bundles::BundlesPanel,
    thresholds: thresholds::ThresholdsPanel,
    tuning: tuning::TuningPanel,
    playbook: playbook::PlaybookPanel,
}

impl SettingsScreen {
    /// A new snapshot arrived: drafts take the stored values unless the user is editing them.
    pub fn on_snapshot(&mut self, snap: &Snapshot) {
        if self.path.as_ref() != Some(&snap.path) {
            // Another workspace: nothing typed for the last one applies here, and the first section
            // (our company) is where a new workspace starts.
            *self = SettingsScreen { path: Some(snap.path.clone()), ..SettingsScreen::default() };
        }
        self.me.on_snapshot();
        self.competitors.on_snapshot();
        self.catalog.on_snapshot();
        self.bundles.on_snapshot(snap);
        self.thresholds.on_snapshot(snap);
        self.playbook.on_snapshot(snap);
    }

    /// The worker refused a job (perhaps a change sent from here): nothing is waiting any more, and
    /// drafts not stored stay as typed, marked unsaved.
    pub fn on_failed(&mut self) {
        self.me.on_failed();
        self.competitors.on_failed();
        self.catalog.on_failed();
        self.bundles.on_failed();
        self.thresholds.on_failed();
        self.tuning.on_failed();
        self.playbook.on_failed();
    }

    /// A tuning came back.
    pub fn on_tuned(&mut self, tuning: std::sync::Arc<crate::analysis::backtest::Tuning>) {
        self.tuning.on_tuned(tuning);
    }

    /// A tuning was stopped.
    pub fn on_tune_cancelled(&mut self) {
        self.tuning.on_cancelled();
    }

    /// The section shown.
    pub fn section(&self) -> Section {
        self.section
    }

    /// Shows a section.
    /// The panel where a role's names are picked, which the dashboard's first-run step shares.
    pub fn party_panel(&mut self, role: Role) -> &mut parties::PartyPanel {
        match role {
            Role::Me => &mut self.me,
            Role::Competitor => &mut self.competitors,
        }
    }

    /// Shows a section.
    pub fn show(&mut self, section: Section) {
        self.section = section;
    }

    /// Draws the screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
        egui::Panel::left("settings-sections").resizable(false).exact_size(190.0).show(ui, |ui| self.sections(ui, view));
        egui::CentralPanel::no_frame().show(ui, |ui| {
            if !view.snap.knows_us() && self.section != Section::OurCompany {
                self.need_us_banner(ui, view);
            }
            match self.section {
                Section::OurCompany => self.me.ui(ui, view, Role::Me, commands),
                Section::Competitors => self.competitors.ui(ui, view, Role::Competitor, commands),
                Section::Catalog => self.catalog.ui(ui, view, commands),
                Section::Bundles => self.bundles.ui(ui, view, commands),
                Section::Thresholds => self.thresholds.ui(ui, view, commands),
                Section::Tuning => self.tuning.ui(ui, view, commands),
                Section::Playbook => self.playbook.ui(ui, view, commands),
                Section::Appearance => appearance::ui(ui, view, commands),
            }
        });
    }

    /// The left list; a dot marks a section with changes not applied yet.
    fn sections(&mut self, ui: &mut egui::Ui, view: &View) {
        ui.add_space(4.0);
        ui.heading(view.t("nav.settings"));
        ui.add_space(8.0);
        for section in Section::ALL {
            let unsaved = match section {
                Section::Bundles => self.bundles.dirty(),
                Section::Thresholds => self.thresholds.dirty(),
                Section::Playbook => self.playbook.dirty(),
                _ => false,
            };
            let mut button =
                egui::Button::selectable(self.section == section, view.t(section.key())).min_size(egui::vec2(ui.available_width(), 28.0));
            if unsaved {
                button = button.right_text(egui::RichText::new("●").color(ui.visuals().warn_fg_color));
            }
            let response = ui.add(button);
            let response = if unsaved { response.on_hover_text(view.t("settings.unsaved")) } else { response };
            if response.clicked() {
                self.section = section;
            }
        }
    }

    /// Shown above every other section while no supplier is marked as us.
    fn need_us_banner(&mut self, ui: &mut egui::Ui, view: &View) {
        egui::Frame::new().fill(ui.visuals().warn_fg_color.gamma_multiply(0.15)).inner_margin(8.0).corner_radius(4.0).show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(view.t("settings.need_us"));
                if ui.button(view.t("settings.go_our_company")).clicked() {
                    self.section = Section::OurCompany;
                }
            });
        });
        ui.add_space(6.0);
    }
}

/// The row of buttons under a form: apply, discard, reset, and where the change stands.
pub(super) struct FormBar<'a> {
    /// The draft differs from what is stored.
    pub dirty: bool,
    /// The draft differs from the built-in defaults.
    pub differs_from_default: bool,
    /// A change was sent and its snapshot has not come back yet.
    pub sent: bool,
    /// Why the last apply was refused.
    pub error: Option<&'a str>,
}

/// What the user asked of a form bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FormAction {
    /// Nothing.
    None,
    /// Check and send the draft.
    Apply,
    /// Back to the stored values.
    Discard,
    /// Fill the form with the defaults (applied only with Apply).
    Defaults,
}

impl FormBar<'_> {
    /// Draws the bar; `reset_key` names the reset button.
    pub fn ui(&self, ui: &mut egui::Ui, view: &View, reset_key: &str) -> FormAction {
        let mut action = FormAction::None;
        ui.horizontal_wrapped(|ui| {
            if ui.add_enabled(self.dirty, egui::Button::new(view.t("settings.apply"))).clicked() {
                action = FormAction::Apply;
            }
            if ui.add_enabled(self.dirty, egui::Button::new(view.t("settings.discard"))).clicked() {
                action = FormAction::Discard;
            }
            if ui.add_enabled(self.differs_from_default, egui::Button::new(view.t(reset_key))).clicked() {
                action = FormAction::Defaults;
            }
            if self.sent {
                ui.spinner();
                ui.label(egui::RichText::new(view.t("settings.recomputing")).weak());
            } else if self.dirty {
                ui.label(egui::RichText::new(view.t("settings.unsaved")).color(ui.visuals().warn_fg_color));
            }
        });
        if let Some(error) = self.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        action
    }
}

/// Tokens of a list typed by hand: split on spaces, commas, semicolons (ASCII or Chinese).
pub(super) fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '，' | '；' | '、')).filter(|t| !t.is_empty())
}
