//! Our catalog: the HS codes we sell, each with its nomenclature text; codes typed by hand (several at
//! once) or picked from the codes we shipped.

use super::super::i18n::trf;
use super::super::worker::Request;
use super::super::{Command, View};
use super::tokens;
use crate::app::change::Change;
use crate::model::Hs6;
use crate::model::nomenclature::Nomenclature;
use crate::store::catalog_code;
use crate::text::number::money;

/// Codes we shipped offered at most (the largest; "add all" takes every one).
const SUGGESTED: usize = 15;

/// The catalog section's state.
#[derive(Default)]
pub struct CatalogPanel {
    input: String,
    /// Why the last codes typed were refused.
    error: Option<String>,
    /// Codes added or removed, waiting for the snapshot that shows them.
    pending: Vec<String>,
}

impl CatalogPanel {
    /// A new snapshot: what was sent is shown now.
    pub fn on_snapshot(&mut self) {
        self.pending.clear();
    }

    /// The worker refused a change: nothing is waiting for a snapshot any more.
    pub fn on_failed(&mut self) {
        self.pending.clear();
    }

    /// Draws the section.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
        ui.heading(view.t("settings.catalog"));
        ui.label(egui::RichText::new(view.t("settings.catalog_why")).weak());
        ui.add_space(6.0);
        egui::ScrollArea::vertical().id_salt("catalog").auto_shrink([false, true]).show(ui, |ui| {
            self.current(ui, view, commands);
            ui.add_space(8.0);
            self.add(ui, view, commands);
            ui.add_space(8.0);
            self.suggestions(ui, view, commands);
        });
    }

    fn current(&mut self, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
        let catalog = &view.snap.settings.catalog;
        let adding: Vec<&str> = self.pending.iter().filter(|c| !catalog.contains(c)).map(String::as_str).collect();
        if !adding.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.spinner();
                ui.label(egui::RichText::new(trf(view.lang, "settings.adding_codes", &[("codes", &adding.join(", "))])).italics());
            });
        }
        if catalog.is_empty() {
            ui.label(view.t("settings.no_catalog"));
            return;
        }
        ui.strong(trf(view.lang, "settings.catalog_count", &[("n", &catalog.len())]));
        egui::Grid::new("catalog-codes").striped(true).num_columns(3).spacing([12.0, 4.0]).show(ui, |ui| {
            for code in catalog {
                ui.monospace(code.as_str());
                if self.pending.contains(code) {
                    ui.spinner();
                } else if ui.small_button("×").on_hover_text(view.t("settings.remove")).clicked() {
                    self.pending.push(code.clone());
                    commands.push(Command::Send(Request::Apply(Change::RemoveCatalog(vec![code.clone()]))));
                }
                describe(ui, view, code);
                ui.end_row();
            }
        });
    }

    /// The field for codes typed by hand, checked as they are typed.
    fn add(&mut self, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
        let mut submit = false;
        ui.horizontal(|ui| {
            let label = ui.label(view.t("settings.add_codes"));
            let edit = egui::TextEdit::singleline(&mut self.input).hint_text(view.t("settings.codes_hint")).desired_width(320.0);
            let response = ui.add(edit).labelled_by(label.id);
            if response.changed() {
                self.error = None;
            }
            submit |= response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            submit |= ui.add_enabled(!self.input.trim().is_empty(), egui::Button::new(view.t("settings.add"))).clicked();
        });
        let (valid, invalid) = parse(&self.input);
        if !valid.is_empty() {
            egui::Grid::new("catalog-preview").num_columns(2).spacing([12.0, 2.0]).show(ui, |ui| {
                for code in &valid {
                    ui.monospace(code.as_str());
                    describe(ui, view, code);
                    ui.end_row();
                }
            });
        }
        if submit {
            let present = &view.snap.settings.catalog;
            if !invalid.is_empty() {
                self.error = Some(trf(view.lang, "settings.not_codes", &[("codes", &invalid.join(", "))]));
            } else {
                let new: Vec<String> = valid.into_iter().filter(|c| !present.contains(c)).collect();
                if !new.is_empty() {
                    self.pending.extend(new.iter().cloned());
                    commands.push(Command::Send(Request::Apply(Change::AddCatalog(new))));
                }
                self.input.clear();
            }
        } else if !invalid.is_empty() && self.error.is_none() && !self.input.ends_with(char::is_alphanumeric) {
            // Flag a bad code as soon as the next one is started, not while it is being typed.
            self.error = Some(trf(view.lang, "settings.not_codes", &[("codes", &invalid.join(", "))]));
        }
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error.as_str());
        }
    }

    /// The codes we shipped that the catalog does not cover, largest first.
    fn suggestions(&mut self, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
        let catalog = &view.snap.settings.catalog;
        let uncovered: Vec<(Hs6, f64)> = view.snap.our_codes.iter().copied().filter(|(hs, _)| !covered(*hs, catalog)).collect();
        if uncovered.is_empty() {
            return;
        }
        ui.separator();
        ui.horizontal(|ui| {
            ui.strong(view.t("settings.shipped"));
            if ui.button(trf(view.lang, "settings.add_all", &[("n", &uncovered.len())])).clicked() {
                let codes: Vec<String> = uncovered.iter().map(|(hs, _)| hs.to_string()).collect();
                self.pending.extend(codes.iter().cloned());
                commands.push(Command::Send(Request::Apply(Change::AddCatalog(codes))));
            }
        });
        ui.label(egui::RichText::new(view.t("settings.shipped_note")).weak());
        egui::Grid::new("catalog-shipped").striped(true).num_columns(4).spacing([12.0, 4.0]).show(ui, |ui| {
            for (hs, value) in uncovered.iter().take(SUGGESTED) {
                let code = hs.to_string();
                ui.monospace(code.as_str());
                ui.label(money(view.lang, *value));
                if self.pending.contains(&code) {
                    ui.spinner();
                } else if ui.small_button(view.t("settings.add")).clicked() {
                    self.pending.push(code.clone());
                    commands.push(Command::Send(Request::Apply(Change::AddCatalog(vec![code.clone()]))));
                }
                describe(ui, view, &code);
                ui.end_row();
            }
        });
        if uncovered.len() > SUGGESTED {
            ui.label(egui::RichText::new(trf(view.lang, "settings.more_codes", &[("n", &(uncovered.len() - SUGGESTED))])).weak());
        }
    }
}

/// The codes typed, as digits the workspace accepts, and the tokens it would refuse.
pub(super) fn parse(text: &str) -> (Vec<String>, Vec<String>) {
    let mut valid: Vec<String> = Vec::new();
    let mut invalid = Vec::new();
    for token in tokens(text) {
        match catalog_code(token) {
            Ok(code) if !valid.contains(&code) => valid.push(code),
            Ok(_) => {}
            Err(_) => invalid.push(token.to_string()),
        }
    }
    (valid, invalid)
}

/// True when a catalog entry covers the code (as the analyses read the catalog: either is a
/// prefix of the other, so a national 8-digit line covers its subheading too).
fn covered(hs: Hs6, catalog: &[String]) -> bool {
    let text = hs.to_string();
    catalog.iter().any(|c| text.starts_with(c.as_str()) || c.starts_with(text.as_str()))
}

/// The English nomenclature text of a code (chapter, heading or subheading by its length) and the
/// Chinese name of its chapter.
pub(super) fn texts(digits: &str) -> (Option<&'static str>, Option<&'static str>) {
    let n = Nomenclature::builtin();
    let Some(chapter) = digits.get(..2).and_then(|c| c.parse::<u32>().ok()) else { return (None, None) };
    let english = match digits.len() {
        2 => n.chapter(chapter),
        3..=5 => digits.get(..4).and_then(|h| h.parse().ok()).and_then(|h| n.heading(h)),
        _ => digits.get(..6).and_then(Hs6::parse).and_then(|code| n.describe(code).en),
    };
    (english, n.chapter_zh(chapter))
}

/// A code's description in one line: the English text, or in Chinese the chapter's name followed by
/// the English text (the nomenclature has Chinese only for chapters).
pub(super) fn describe(ui: &mut egui::Ui, view: &View, digits: &str) {
    let (english, chapter_zh) = texts(digits);
    let text = match (view.lang, english, chapter_zh) {
        (_, None, None) => {
            ui.label(egui::RichText::new(view.t("settings.unknown_code")).weak());
            return;
        }
        (crate::ui::i18n::Lang::Zh, en, Some(zh)) => format!("{zh}  {}", en.unwrap_or("")),
        (_, en, zh) => en.or(zh).unwrap_or("").to_string(),
    };
    // Shown whole on hover when cut (egui's own tooltip for elided labels).
    ui.add(egui::Label::new(text).truncate());
}
