//! The column-mapping dialog: one header layout the automatic mapping is unsure of (or that misses a
//! required column), its first rows, and a column chosen per field, pre-filled with the automatic
//! choice. The answer becomes the import's user mapping, which the store saves as a template for
//! these headers, so the next file laid out the same way imports without asking.

use super::field_label;
use crate::import::cell::column_letter;
use crate::import::field::{Field, HeaderText};
use crate::import::mapping::{FieldMap, MappingError};
use crate::import::preview::{FilePreview, Layout};
use crate::ui::View;
use crate::ui::i18n::trf;
use egui::{Color32, RichText};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

const WARN: Color32 = crate::ui::badge::rgb(crate::palette::WARN);

/// The fields an import needs (a month may stand in for the date; a local value with an exchange
/// rate for the dollar value), listed first.
const REQUIRED: [Field; 4] = [Field::Date, Field::Buyer, Field::Hs, Field::Value];

/// What the user decided.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Outcome {
    /// Import these files (and those waiting) with this mapping.
    Import(FieldMap),
    /// Import them with the automatic choices.
    AsRecognised,
    /// Leave these files out; go on with the others.
    Skip,
    /// Import nothing of what is waiting.
    CancelAll,
}

/// Where the dialog stands among the layouts of one drop.
pub(super) struct Situation {
    /// This layout's number, from 1.
    pub step: usize,
    /// Layouts asked about in all.
    pub total: usize,
    /// Files that map surely and go with this import.
    pub ready: usize,
    /// Other files still waiting (surely mapped or of other layouts).
    pub others: usize,
}

/// Why a field is highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flag {
    /// Mapped on weak evidence.
    Unsure,
    /// No column was found.
    Missing,
}

/// The dialog for one layout.
pub(super) struct MappingDialog {
    layout: Layout,
    sheet: String,
    files: Vec<PathBuf>,
    names: Vec<String>,
    /// Field → column index chosen.
    choices: BTreeMap<Field, usize>,
    /// The automatic mapping's doubts.
    flags: BTreeMap<Field, Flag>,
    /// Unsure fields the user has looked at (chose a column, even the same one).
    confirmed: BTreeSet<Field>,
    /// Columns a user can pick: named, and the first of equal names (a mapping names headers, and a
    /// header names the first column so called).
    options: Vec<usize>,
}

impl MappingDialog {
    /// A dialog for `layout`, found in `file`, pre-filled with the automatic choices.
    pub(super) fn new(file: &FilePreview, layout: &Layout) -> MappingDialog {
        let sheet = file.sheets.iter().find(|s| s.layout.as_ref() == Some(layout)).map(|s| s.name.clone()).unwrap_or_default();
        let (choices, flags) = match &layout.mapping {
            Ok(m) => (m.columns.clone(), m.unsure.iter().map(|f| (*f, Flag::Unsure)).collect()),
            Err(MappingError::Missing { missing, found, .. }) => (found.clone(), missing.iter().map(|f| (*f, Flag::Missing)).collect()),
            Err(MappingError::Implausible { found, .. }) => (found.clone(), BTreeMap::from([(Field::Value, Flag::Unsure)])),
            Err(MappingError::UnknownColumn { .. }) => (BTreeMap::new(), BTreeMap::new()),
        };
        let mut seen = BTreeSet::new();
        let options = (0..layout.headers.len())
            .filter(|i| {
                let compact = HeaderText::new(&layout.headers[*i]).compact;
                !compact.is_empty() && seen.insert(compact)
            })
            .collect();
        MappingDialog {
            layout: layout.clone(),
            sheet,
            files: vec![file.path.clone()],
            names: vec![file.name.clone()],
            choices,
            flags,
            confirmed: BTreeSet::new(),
            options,
        }
    }

    /// Another file with the same headers.
    pub(super) fn add_file(&mut self, file: &FilePreview) {
        self.files.push(file.path.clone());
        self.names.push(file.name.clone());
    }

    /// The header signature this dialog is about.
    pub(super) fn signature(&self) -> &str {
        &self.layout.signature
    }

    /// The files with these headers.
    pub(super) fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// The choices as the import takes them: field → header text.
    pub(super) fn field_map(&self) -> FieldMap {
        self.choices.iter().filter_map(|(f, c)| self.layout.headers.get(*c).map(|h| (*f, h.clone()))).collect()
    }

    fn chosen(&self, field: Field) -> bool {
        self.choices.contains_key(&field)
    }

    /// Required fields still without a column, after the stand-ins (month, local value and rate).
    fn still_missing(&self) -> Vec<Field> {
        REQUIRED
            .into_iter()
            .filter(|f| match f {
                Field::Date => !self.chosen(Field::Date) && !self.chosen(Field::Month),
                Field::Value => !(self.chosen(Field::Value) || (self.chosen(Field::LocalValue) && self.chosen(Field::ExchangeRate))),
                f => !self.chosen(*f),
            })
            .collect()
    }

    /// Headers chosen for more than one field.
    fn chosen_twice(&self) -> Vec<&str> {
        let mut seen = BTreeSet::new();
        let mut twice = BTreeSet::new();
        for c in self.choices.values() {
            if !seen.insert(*c) {
                twice.insert(*c);
            }
        }
        twice.into_iter().filter_map(|c| self.layout.headers.get(c)).map(String::as_str).collect()
    }

    /// The column's name in lists: `C · 进口商`.
    fn option_text(&self, column: usize) -> String {
        format!("{} · {}", column_letter(column), self.layout.headers.get(column).map_or("", String::as_str))
    }

    /// Shows the dialog; the user's answer when a button was clicked.
    pub(super) fn show(&mut self, ctx: &egui::Context, view: &View, at: Situation) -> Option<Outcome> {
        let screen = ctx.content_rect();
        let width = (screen.width() - 80.0).clamp(480.0, 920.0);
        // Everything but the buttons scrolls, so the dialog fits a small window too.
        let height = (screen.height() - 260.0).max(160.0);
        let id = egui::Id::unique("import-mapping");
        // Anchored at the top, not the centre: the dialog's height changes as choices are made, and
        // a centred dialog would move under the pointer.
        let area = egui::Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 30.0));
        egui::Modal::new(id)
            .area(area)
            .show(ctx, |ui| {
                ui.set_width(width);
                self.intro(ui, view, &at);
                ui.add_space(6.0);
                egui::ScrollArea::vertical()
                    .id_salt(("import-mapping-body", &self.layout.signature))
                    .max_height(height)
                    .auto_shrink([false, true])
                    .show(ui, |ui| {
                        self.first_rows(ui, view);
                        ui.add_space(6.0);
                        self.fields(ui, view);
                    });
                ui.add_space(6.0);
                self.buttons(ui, view, &at)
            })
            .inner
    }

    fn intro(&self, ui: &mut egui::Ui, view: &View, at: &Situation) {
        ui.horizontal(|ui| {
            ui.heading(view.t("import.map.title"));
            if at.total > 1 {
                ui.label(RichText::new(trf(view.lang, "import.map.step", &[("n", &at.step), ("total", &at.total)])).weak());
            }
        });
        ui.label(RichText::new(trf(view.lang, "import.map.file", &[("file", &self.names.first().map_or("", String::as_str))])).strong());
        ui.label(trf(view.lang, "import.map.sheet", &[("sheet", &self.sheet), ("row", &self.layout.header_row)]));
        if self.names.len() > 1 {
            ui.label(RichText::new(trf(view.lang, "import.map.also", &[("files", &self.names[1..].join(", "))])).weak());
        }
        let labels = |want: Flag| -> String {
            self.flags.iter().filter(|(_, f)| **f == want).map(|(field, _)| field_label(view, *field)).collect::<Vec<_>>().join(", ")
        };
        let why = if let Err(MappingError::Implausible { column, evidence, .. }) = &self.layout.mapping {
            // Why the value needs a look: the figures, in the user's language.
            trf(
                view.lang,
                "import.map.why_implausible",
                &[
                    ("column", column),
                    ("per_kg", &format!("{:.2}", evidence.usd_per_kg)),
                    ("chapter", &evidence.chapter),
                    ("ceiling", &format!("{:.2}", evidence.range.1)),
                    ("factor", &format!("{:.0}", evidence.factor)),
                ],
            )
        } else if !self.layout.recognised {
            trf(view.lang, "import.map.why_unrecognised", &[("row", &self.layout.header_row)])
        } else if self.flags.values().any(|f| *f == Flag::Missing) {
            trf(view.lang, "import.map.why_missing", &[("fields", &labels(Flag::Missing))])
        } else {
            trf(view.lang, "import.map.why_unsure", &[("fields", &labels(Flag::Unsure))])
        };
        ui.label(RichText::new(why).color(WARN));
    }

    /// The header and the sample rows, as in the file.
    fn first_rows(&self, ui: &mut egui::Ui, view: &View) {
        egui::CollapsingHeader::new(view.t("import.map.preview")).id_salt("import-mapping-rows").default_open(true).show(ui, |ui| {
            egui::ScrollArea::horizontal().id_salt(("import-mapping-rows-scroll", &self.layout.signature)).show(ui, |ui| {
                egui::Grid::new(("import-mapping-rows-grid", &self.layout.signature)).striped(true).spacing([14.0, 2.0]).show(ui, |ui| {
                    for c in 0..self.layout.headers.len() {
                        ui.label(RichText::new(column_letter(c)).weak().small());
                    }
                    ui.end_row();
                    for (c, h) in self.layout.headers.iter().enumerate() {
                        let used = self.choices.values().any(|v| *v == c);
                        let text = RichText::new(h).strong();
                        ui.label(if used { text } else { text.weak() });
                    }
                    ui.end_row();
                    for row in &self.layout.samples {
                        for value in row {
                            ui.add(egui::Label::new(shorten(value, 28)).truncate());
                        }
                        ui.end_row();
                    }
                });
            });
        });
    }

    /// A row per field: its column, the chosen column's samples, and what is wrong.
    fn fields(&mut self, ui: &mut egui::Ui, view: &View) {
        egui::Grid::new(("import-mapping-fields-grid", &self.layout.signature)).num_columns(4).spacing([12.0, 6.0]).striped(true).show(
            ui,
            |ui| {
                ui.label(RichText::new(view.t("import.map.field")).strong());
                ui.label(RichText::new(view.t("import.map.column")).strong());
                ui.label(RichText::new(view.t("import.map.samples")).strong());
                ui.label("");
                ui.end_row();
                let section = |ui: &mut egui::Ui, key: &str| {
                    ui.label(RichText::new(view.t(key)).italics().weak());
                    ui.end_row();
                };
                section(ui, "import.map.required");
                for field in REQUIRED {
                    self.field_row(ui, view, field, true);
                }
                section(ui, "import.map.optional");
                for field in Field::ALL.into_iter().filter(|f| !REQUIRED.contains(f)) {
                    self.field_row(ui, view, field, false);
                }
            },
        );
        ui.label(RichText::new(view.t("import.map.required_note")).weak().small());
        ui.label(RichText::new(view.t("import.map.auto_note")).weak().small());
    }

    fn field_row(&mut self, ui: &mut egui::Ui, view: &View, field: Field, required: bool) {
        let name = field_label(view, field);
        ui.label(if required { RichText::new(name).strong() } else { RichText::new(name) });
        let current = self.choices.get(&field).copied();
        let selected = current.map_or_else(|| view.t("import.map.auto").to_string(), |c| self.option_text(c));
        let mut picked: Option<Option<usize>> = None;
        let combo =
            egui::ComboBox::from_id_salt(("import-mapping-field", field.key())).width(240.0).selected_text(selected).show_ui(ui, |ui| {
                if ui.selectable_label(current.is_none(), view.t("import.map.auto")).clicked() {
                    picked = Some(None);
                }
                for c in &self.options {
                    let samples = self.layout.column_samples(*c).join(" · ");
                    if ui.selectable_label(current == Some(*c), self.option_text(*c)).on_hover_text(samples).clicked() {
                        picked = Some(Some(*c));
                    }
                }
            });
        // The field's name names the box, for screen readers and tests alike (labels in a grid
        // share automatic ids, so `labelled_by` would point at the wrong one).
        let _ = combo.response.accessible_name(name);
        if let Some(choice) = picked {
            self.confirmed.insert(field);
            match choice {
                Some(c) => self.choices.insert(field, c),
                None => self.choices.remove(&field),
            };
        }
        let samples = self.choices.get(&field).map(|c| self.layout.column_samples(*c)).unwrap_or_default();
        let shown: Vec<String> = samples.iter().map(|s| shorten(s, 24)).collect();
        ui.add(egui::Label::new(RichText::new(shown.join(" · ")).weak()).truncate());
        self.status(ui, view, field, required);
        ui.end_row();
    }

    /// Missing, to check, or what stands in for the field.
    fn status(&self, ui: &mut egui::Ui, view: &View, field: Field, required: bool) {
        let error = ui.visuals().error_fg_color;
        if self.chosen(field) {
            if self.flags.get(&field) == Some(&Flag::Unsure) && !self.confirmed.contains(&field) {
                ui.label(RichText::new(view.t("import.map.unsure")).color(WARN).strong());
            } else {
                ui.label("");
            }
            return;
        }
        let text = match field {
            Field::Date if self.chosen(Field::Month) => RichText::new(view.t("import.map.month_instead")).weak(),
            Field::Value if self.chosen(Field::LocalValue) && self.chosen(Field::ExchangeRate) => {
                RichText::new(view.t("import.map.value_derived")).weak()
            }
            _ if required => RichText::new(view.t("import.map.missing")).color(error).strong(),
            _ => RichText::new(""),
        };
        ui.label(text);
    }

    fn buttons(&self, ui: &mut egui::Ui, view: &View, at: &Situation) -> Option<Outcome> {
        let missing = self.still_missing();
        let twice = self.chosen_twice();
        let error = ui.visuals().error_fg_color;
        if !missing.is_empty() {
            let fields: Vec<&str> = missing.iter().map(|f| field_label(view, *f)).collect();
            ui.label(RichText::new(trf(view.lang, "import.map.need", &[("fields", &fields.join(", "))])).color(error));
        }
        for header in &twice {
            ui.label(RichText::new(trf(view.lang, "import.map.twice", &[("header", header)])).color(error));
        }
        if at.ready > 0 {
            ui.label(RichText::new(trf(view.lang, "import.map.ready", &[("n", &at.ready)])).weak());
        }
        ui.label(RichText::new(view.t("import.map.template_note")).weak());
        ui.add_space(4.0);
        let mut outcome = None;
        ui.horizontal(|ui| {
            let can_import = missing.is_empty() && twice.is_empty();
            let import = egui::Button::new(RichText::new(view.t("import.map.import")).strong());
            if ui.add_enabled(can_import, import).clicked() {
                outcome = Some(Outcome::Import(self.field_map()));
            }
            // Importing as recognised only makes sense when the recognition found every field.
            if self.layout.mapping.is_ok()
                && ui.button(view.t("import.map.as_recognised")).on_hover_text(view.t("import.map.as_recognised_tip")).clicked()
            {
                outcome = Some(Outcome::AsRecognised);
            }
            if at.others > 0 && ui.button(view.t("import.map.skip")).on_hover_text(view.t("import.map.skip_tip")).clicked() {
                outcome = Some(Outcome::Skip);
            }
            let cancel = ui.button(view.t("import.map.cancel"));
            if cancel.on_hover_text(view.t("import.map.cancel_tip")).clicked() {
                outcome = Some(Outcome::CancelAll);
            }
        });
        outcome
    }
}

/// At most `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max { text.to_string() } else { format!("{}…", text.chars().take(max - 1).collect::<String>()) }
}
