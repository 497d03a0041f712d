//! Our company and competitors: the names given, and every supplier in the data to pick from by any
//! spelling (files spell one firm many ways), largest first, or a name typed by hand for files not
//! imported yet.

use super::super::badge;
use super::super::i18n::trf;
use super::super::worker::Request;
use super::super::{Command, View};
use crate::analysis::health::Level;
use crate::analysis::portfolio::SupplierSummary;
use crate::app::change::Change;
use crate::store::Role;
use crate::text::number::money;
use egui_extras::{Column, TableBuilder};

/// One role's section: the search and what was sent but not yet confirmed by a snapshot.
#[derive(Default)]
pub struct PartyPanel {
    query: String,
    /// The suppliers matching `query` (index, and the other spelling that matched, if any).
    matches: Vec<(usize, Option<usize>)>,
    /// What `matches` was computed for: the query and the snapshot's supplier list (address, length).
    computed_for: Option<(String, usize, usize)>,
    /// Names added or removed, waiting for the snapshot that shows the change.
    pending: Vec<String>,
}

impl PartyPanel {
    /// A new snapshot: what was sent is now shown (or failed and is shown as it was).
    pub fn on_snapshot(&mut self) {
        self.pending.clear();
        self.computed_for = None;
    }

    /// The worker refused a change: nothing is waiting for a snapshot any more.
    pub fn on_failed(&mut self) {
        self.pending.clear();
    }

    /// Draws the section for `role`.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View, role: Role, commands: &mut Vec<Command>) {
        let me = role == Role::Me;
        ui.heading(view.t(if me { "settings.our_company" } else { "settings.competitors" }));
        ui.label(egui::RichText::new(view.t(if me { "settings.me_why" } else { "settings.competitors_why" })).weak());
        ui.add_space(6.0);
        self.current(ui, view, role, commands);
        ui.add_space(6.0);
        ui.separator();
        self.search(ui, view, role, commands);
    }

    /// The names given, each with a remove button, and what they match in the data.
    fn current(&mut self, ui: &mut egui::Ui, view: &View, role: Role, commands: &mut Vec<Command>) {
        let names = match role {
            Role::Me => &view.snap.settings.me,
            Role::Competitor => &view.snap.settings.competitors,
        };
        ui.strong(view.t("settings.names_given"));
        if names.is_empty() {
            let key = if role == Role::Me { "settings.no_me" } else { "settings.no_competitors" };
            ui.label(egui::RichText::new(view.t(key)).color(if role == Role::Me {
                ui.visuals().warn_fg_color
            } else {
                ui.visuals().weak_text_color()
            }));
        }
        ui.horizontal_wrapped(|ui| {
            for name in names {
                egui::Frame::group(ui.style()).inner_margin(egui::Margin::symmetric(6, 2)).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.label(name.as_str());
                        if self.pending.contains(name) {
                            ui.spinner();
                        } else if ui.small_button("×").on_hover_text(view.t("settings.remove")).clicked() {
                            self.pending.push(name.clone());
                            commands.push(Command::Send(Request::Apply(Change::RemoveRole(role, name.clone()))));
                        }
                    });
                });
            }
            for name in self.pending.iter().filter(|p| !names.contains(p)) {
                ui.label(egui::RichText::new(name.as_str()).italics());
                ui.spinner();
            }
        });
        if names.is_empty() || view.snap.is_empty() {
            return;
        }
        let found: Vec<&SupplierSummary> =
            view.snap.suppliers.iter().filter(|s| if role == Role::Me { s.us } else { s.competitor }).collect();
        if found.is_empty() {
            ui.label(egui::RichText::new(view.t("settings.none_in_data")).weak());
        } else {
            let value: f64 = found.iter().map(|s| s.value).sum();
            let list: Vec<&str> = found.iter().take(5).map(|s| s.name.as_str()).collect();
            let more = if found.len() > list.len() { format!(" …(+{})", found.len() - list.len()) } else { String::new() };
            let text = trf(
                view.lang,
                "settings.in_data",
                &[("n", &found.len()), ("value", &money(view.lang, value)), ("names", &format!("{}{more}", list.join("; ")))],
            );
            ui.label(egui::RichText::new(text).weak());
        }
    }

    /// The search box, the hand-typed name, and the matching suppliers.
    fn search(&mut self, ui: &mut egui::Ui, view: &View, role: Role, commands: &mut Vec<Command>) {
        let suppliers = &view.snap.suppliers;
        ui.horizontal(|ui| {
            let label = ui.label(view.t(if role == Role::Me { "settings.find_us" } else { "settings.find_competitor" }));
            let edit = egui::TextEdit::singleline(&mut self.query).hint_text(view.t("settings.search_hint")).desired_width(320.0);
            ui.add(edit).labelled_by(label.id);
            if !self.query.is_empty() && ui.small_button("×").on_hover_text(view.t("settings.clear")).clicked() {
                self.query.clear();
            }
        });
        self.refresh(suppliers);
        let typed = self.query.trim().to_string();
        if !typed.is_empty() {
            ui.horizontal_wrapped(|ui| {
                let key = if role == Role::Me { "settings.add_typed_me" } else { "settings.add_typed_competitor" };
                let button = ui.button(trf(view.lang, key, &[("name", &typed)])).on_hover_text(view.t("settings.add_typed_note"));
                if button.clicked() {
                    self.pending.push(typed.clone());
                    commands.push(Command::Send(Request::Apply(Change::AddRole(role, typed.clone()))));
                }
            });
        }
        if suppliers.is_empty() {
            ui.label(egui::RichText::new(view.t("settings.no_suppliers")).weak());
            return;
        }
        let count = trf(view.lang, "settings.suppliers_count", &[("n", &self.matches.len()), ("of", &suppliers.len())]);
        ui.label(egui::RichText::new(count).weak());
        self.table(ui, view, role, commands);
    }

    /// Recomputes the matches when the query or the snapshot changed.
    fn refresh(&mut self, suppliers: &[SupplierSummary]) {
        let key = (self.query.clone(), suppliers.as_ptr() as usize, suppliers.len());
        if self.computed_for.as_ref() == Some(&key) {
            return;
        }
        let words = query_words(&self.query);
        self.matches = suppliers.iter().enumerate().filter_map(|(i, s)| matching(s, &words).map(|alias| (i, alias))).collect();
        self.computed_for = Some(key);
    }

    /// The matching suppliers (virtualised: only the rows in view are drawn).
    fn table(&mut self, ui: &mut egui::Ui, view: &View, role: Role, commands: &mut Vec<Command>) {
        let suppliers = &view.snap.suppliers;
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        let mut picked: Option<String> = None;
        TableBuilder::new(ui)
            .id_salt(("suppliers", role == Role::Me))
            .striped(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(300.0).at_least(160.0).clip(true))
            .column(Column::initial(220.0).clip(true))
            .column(Column::initial(90.0))
            .column(Column::initial(60.0))
            .column(Column::remainder().at_least(120.0))
            .header(22.0, |mut h| {
                super::super::cell::header(
                    &mut h,
                    view,
                    &["settings.col_supplier", "settings.col_spellings", "settings.col_value", "settings.col_buyers", ""],
                );
            })
            .body(|body| {
                body.rows(row_height, self.matches.len(), |mut row| {
                    let Some(&(index, alias)) = self.matches.get(row.index()) else { return };
                    let Some(s) = suppliers.get(index) else { return };
                    row.col(|ui| {
                        let name = egui::RichText::new(s.name.as_str());
                        ui.add(egui::Label::new(if s.us || s.competitor { name.strong() } else { name }).truncate());
                    });
                    row.col(|ui| spellings(ui, view, s, alias));
                    row.col(|ui| {
                        ui.label(money(view.lang, s.value));
                    });
                    row.col(|ui| {
                        ui.label(s.buyers.to_string());
                    });
                    row.col(|ui| {
                        if let Some(name) = role_cell(ui, view, role, s, &self.pending) {
                            picked = Some(name);
                        }
                    });
                });
            });
        if let Some(name) = picked {
            self.pending.push(name.clone());
            commands.push(Command::Send(Request::Apply(Change::AddRole(role, name))));
        }
    }
}

/// The other spellings: the one that matched the search, or how many there are (all on hover).
fn spellings(ui: &mut egui::Ui, view: &View, s: &SupplierSummary, matched: Option<usize>) {
    let others: Vec<&str> = s.aliases.iter().map(String::as_str).filter(|a| *a != s.name).collect();
    if others.is_empty() {
        return;
    }
    let shown = match matched.and_then(|i| s.aliases.get(i)) {
        Some(alias) => alias.clone(),
        None => trf(view.lang, "settings.more_spellings", &[("n", &others.len())]),
    };
    ui.add(egui::Label::new(egui::RichText::new(shown).weak()).truncate()).on_hover_text(others.join("\n"));
}

/// The last cell: what the supplier already is, or the button that makes it `role`. Returns the
/// name to add when the button was clicked.
fn role_cell(ui: &mut egui::Ui, view: &View, role: Role, s: &SupplierSummary, pending: &[String]) -> Option<String> {
    let (is, other) = match role {
        Role::Me => (s.us, s.competitor),
        Role::Competitor => (s.competitor, s.us),
    };
    if is {
        let (key, level) = if role == Role::Me { ("settings.is_us", Level::Green) } else { ("settings.is_competitor", Level::Orange) };
        ui.label(egui::RichText::new(view.t(key)).strong().color(badge::level_color(level)));
        return None;
    }
    if pending.contains(&s.name) {
        ui.spinner();
        return None;
    }
    let key = if role == Role::Me { "settings.this_is_us" } else { "settings.mark_competitor" };
    let mut button = ui.button(view.t(key));
    if other {
        // Possible (a firm may be both in odd data), but worth a second look.
        let note = if role == Role::Me { "settings.now_competitor" } else { "settings.now_us" };
        ui.label(egui::RichText::new(view.t(note)).weak());
        button = button.on_hover_text(view.t(note));
    }
    button.clicked().then(|| s.name.clone())
}

/// The search's words, reduced to the letters and digits spellings are compared on.
pub(super) fn query_words(query: &str) -> Vec<String> {
    query.split_whitespace().map(squash).filter(|w| !w.is_empty()).collect()
}

/// Lower case, letters and digits only: "Ningbo Hai-Xing Co.,Ltd" → "ningbohaixingcoltd", so
/// punctuation and spacing, the usual differences between spellings, do not matter.
pub(super) fn squash(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Whether a supplier matches every word in one of its spellings; `Some(Some(i))` when only the
/// alias `i` does (shown beside the name), `Some(None)` when the name does or there are no words.
pub(super) fn matching(s: &SupplierSummary, words: &[String]) -> Option<Option<usize>> {
    let fits = |text: &str| {
        let key = squash(text);
        words.iter().all(|w| key.contains(w.as_str()))
    };
    if words.is_empty() || fits(&s.name) {
        return Some(None);
    }
    s.aliases.iter().position(|a| fits(a)).map(Some)
}
