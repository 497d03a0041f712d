//! The playbook: what to do at each alert level — title, actions and opening words, in English and
//! Chinese side by side — edited and applied at once, or reset to the built-in texts.

use super::super::badge;
use super::super::i18n::trf;
use super::super::worker::Request;
use super::super::{Command, View};
use super::FormAction;
use super::draft::Edited;
use crate::analysis::health::Level;
use crate::analysis::playbook::{Play, Playbook};
use crate::app::change::Change;
use crate::app::snapshot::Snapshot;

/// The levels with a play, in the order shown.
const LEVELS: [Level; 3] = [Level::Yellow, Level::Orange, Level::Red];

/// One level's play as typed: actions one per line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Draft {
    title_en: String,
    title_zh: String,
    actions_en: String,
    actions_zh: String,
    script_en: String,
    script_zh: String,
}

impl Draft {
    fn of(p: &Play) -> Draft {
        Draft {
            title_en: p.title_en.clone(),
            title_zh: p.title_zh.clone(),
            actions_en: p.actions_en.join("\n"),
            actions_zh: p.actions_zh.join("\n"),
            script_en: p.script_en.clone(),
            script_zh: p.script_zh.clone(),
        }
    }

    fn play(&self) -> Play {
        let lines = |text: &str| text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
        Play {
            title_en: self.title_en.trim().to_string(),
            title_zh: self.title_zh.trim().to_string(),
            actions_en: lines(&self.actions_en),
            actions_zh: lines(&self.actions_zh),
            script_en: self.script_en.trim().to_string(),
            script_zh: self.script_zh.trim().to_string(),
        }
    }
}

type Drafts = [Draft; 3];

fn drafts(p: &Playbook) -> Drafts {
    [Draft::of(&p.yellow), Draft::of(&p.orange), Draft::of(&p.red)]
}

/// The built-in texts as drafts (built once: compared on every frame).
fn defaults() -> &'static Drafts {
    static DEFAULTS: std::sync::OnceLock<Drafts> = std::sync::OnceLock::new();
    DEFAULTS.get_or_init(|| drafts(&Playbook::default()))
}

/// The playbook section's state.
#[derive(Default)]
pub struct PlaybookPanel {
    /// The texts being edited and the stored ones they started from.
    edited: Edited<Drafts>,
    /// The level shown (index into [`LEVELS`]).
    level: usize,
    /// Why the last apply was refused.
    error: Option<String>,
}

impl PlaybookPanel {
    /// A new snapshot: the texts take the stored ones unless they are being edited.
    pub fn on_snapshot(&mut self, snap: &Snapshot) {
        if self.edited.on_snapshot(drafts(&snap.settings.playbook)) {
            self.error = None;
        }
    }

    fn load(&mut self, snap: &Snapshot) {
        self.edited.load(drafts(&snap.settings.playbook));
        self.error = None;
    }

    /// The worker refused the change: the draft stays, unsaved.
    pub fn on_failed(&mut self) {
        self.edited.on_failed();
    }

    /// The texts differ from the stored ones.
    pub fn dirty(&self) -> bool {
        self.edited.dirty()
    }

    /// Draws the section.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
        if !self.edited.loaded() {
            self.load(view.snap);
        }
        ui.heading(view.t("settings.playbook"));
        ui.label(egui::RichText::new(view.t("settings.playbook_why")).weak());
        ui.add_space(6.0);
        let defaults = defaults();
        match self.edited.bar(self.edited.draft() != defaults, self.error.as_deref()).ui(ui, view, "settings.reset_texts") {
            FormAction::Apply => self.apply(view, commands),
            FormAction::Discard => self.load(view.snap),
            FormAction::Defaults => {
                *self.edited.draft_mut() = defaults.clone();
                self.error = None;
            }
            FormAction::None => {}
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            for (i, level) in LEVELS.iter().enumerate() {
                let edited = self.edited.base().is_some_and(|b| b.get(i) != self.edited.draft().get(i));
                let text = egui::RichText::new(view.t(badge::level_key(*level))).color(badge::level_color(*level));
                let mut button = egui::Button::selectable(self.level == i, text.strong());
                if edited {
                    button = button.right_text(egui::RichText::new("●").color(ui.visuals().warn_fg_color));
                }
                if ui.add(button).clicked() {
                    self.level = i;
                }
            }
        });
        ui.add_space(6.0);
        let Some(draft) = self.edited.draft_mut().get_mut(self.level) else { return };
        egui::ScrollArea::vertical().id_salt("playbook").auto_shrink([false, true]).show(ui, |ui| {
            ui.columns(2, |cols| {
                if let [en, zh] = cols {
                    language_column(en, view, "settings.pb_english", &mut draft.title_en, &mut draft.actions_en, &mut draft.script_en);
                    language_column(zh, view, "settings.pb_chinese", &mut draft.title_zh, &mut draft.actions_zh, &mut draft.script_zh);
                }
            });
        });
    }

    /// Checks that every level has a title and an action in both languages, then sends the playbook.
    fn apply(&mut self, view: &View, commands: &mut Vec<Command>) {
        let plays = self.edited.draft().each_ref().map(Draft::play);
        for (i, (play, level)) in plays.iter().zip(LEVELS).enumerate() {
            let missing = if play.title_en.is_empty() || play.title_zh.is_empty() {
                Some("settings.pb_no_title")
            } else if play.actions_en.is_empty() || play.actions_zh.is_empty() {
                Some("settings.pb_no_actions")
            } else {
                None
            };
            if let Some(key) = missing {
                self.level = i;
                self.error = Some(trf(view.lang, key, &[("level", &view.t(badge::level_key(level)))]));
                return;
            }
        }
        let [yellow, orange, red] = plays;
        let playbook = Playbook { yellow, orange, red };
        self.error = None;
        self.edited.mark_sent();
        *self.edited.draft_mut() = drafts(&playbook);
        commands.push(Command::Send(Request::Apply(Change::Playbook(playbook))));
    }
}

/// One language's texts of a play.
fn language_column(ui: &mut egui::Ui, view: &View, heading: &str, title: &mut String, actions: &mut String, script: &mut String) {
    ui.strong(view.t(heading));
    let label = ui.label(view.t("settings.pb_title"));
    ui.add(egui::TextEdit::singleline(title).desired_width(f32::INFINITY)).labelled_by(label.id);
    ui.add_space(4.0);
    let label = ui.label(view.t("settings.pb_actions"));
    ui.add(egui::TextEdit::multiline(actions).desired_rows(5).desired_width(f32::INFINITY)).labelled_by(label.id);
    ui.add_space(4.0);
    let label = ui.label(view.t("settings.pb_script"));
    ui.add(egui::TextEdit::multiline(script).desired_rows(3).desired_width(f32::INFINITY)).labelled_by(label.id);
}
