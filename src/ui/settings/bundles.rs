//! Solution bundles: named sets of codes that sell together, edited as a list and applied at once.

use super::super::i18n::trf;
use super::super::worker::Request;
use super::super::{Command, View};
use super::catalog::texts;
use super::draft::Edited;
use super::{FormAction, tokens};
use crate::analysis::crosssell::{Bundle, bundle_code};
use crate::app::change::Change;
use crate::app::snapshot::Snapshot;

/// One bundle as typed: its name and its codes in one line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Draft {
    name: String,
    codes: String,
}

impl Draft {
    fn of(b: &Bundle) -> Draft {
        Draft { name: b.name.clone(), codes: b.codes.join(" ") }
    }
}

/// The bundles section's state.
#[derive(Default)]
pub struct BundlesPanel {
    /// The list being edited and the stored one it started from.
    edited: Edited<Vec<Draft>>,
    /// Why the last apply was refused, per bundle (and for the list).
    errors: Vec<Option<String>>,
    error: Option<String>,
}

fn stored(snap: &Snapshot) -> Vec<Draft> {
    snap.settings.bundles.iter().map(Draft::of).collect()
}

impl BundlesPanel {
    /// A new snapshot: the list takes the stored bundles unless it is being edited.
    pub fn on_snapshot(&mut self, snap: &Snapshot) {
        if self.edited.on_snapshot(stored(snap)) {
            self.clear_errors();
        }
    }

    fn load(&mut self, snap: &Snapshot) {
        self.edited.load(stored(snap));
        self.clear_errors();
    }

    fn clear_errors(&mut self) {
        self.errors.clear();
        self.error = None;
    }

    /// The worker refused the change: the draft stays, unsaved.
    pub fn on_failed(&mut self) {
        self.edited.on_failed();
    }

    /// The list differs from the stored bundles.
    pub fn dirty(&self) -> bool {
        self.edited.dirty()
    }

    /// Draws the section.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
        if !self.edited.loaded() {
            self.load(view.snap);
        }
        ui.heading(view.t("settings.bundles"));
        ui.label(egui::RichText::new(view.t("settings.bundles_why")).weak());
        ui.add_space(6.0);
        match self.edited.bar(!self.edited.draft().is_empty(), self.error.as_deref()).ui(ui, view, "settings.remove_all") {
            FormAction::Apply => self.apply(view, commands),
            FormAction::Discard => self.load(view.snap),
            FormAction::Defaults => self.edited.draft_mut().clear(),
            FormAction::None => {}
        }
        ui.add_space(6.0);
        let ours = OurCodes::of(view.snap);
        let mut remove = None;
        let (drafts, errors) = (self.edited.draft_mut(), &self.errors);
        egui::ScrollArea::vertical().id_salt("bundles").auto_shrink([false, true]).show(ui, |ui| {
            if drafts.is_empty() {
                ui.label(view.t("settings.no_bundles"));
            }
            for (i, draft) in drafts.iter_mut().enumerate() {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal(|ui| {
                        let label = ui.label(view.t("settings.bundle_name"));
                        ui.add(egui::TextEdit::singleline(&mut draft.name).desired_width(220.0)).labelled_by(label.id);
                        let label = ui.label(view.t("settings.bundle_codes"));
                        let edit =
                            egui::TextEdit::singleline(&mut draft.codes).hint_text(view.t("settings.bundle_hint")).desired_width(260.0);
                        ui.add(edit).labelled_by(label.id);
                        if ui.small_button("×").on_hover_text(view.t("settings.remove")).clicked() {
                            remove = Some(i);
                        }
                    });
                    codes_line(ui, view, &draft.codes, &ours);
                    if let Some(Some(error)) = errors.get(i) {
                        ui.colored_label(ui.visuals().error_fg_color, error.as_str());
                    }
                });
            }
            if ui.button(view.t("settings.new_bundle")).clicked() {
                drafts.push(Draft::default());
            }
        });
        if let Some(i) = remove {
            self.edited.draft_mut().remove(i);
            if i < self.errors.len() {
                self.errors.remove(i);
            }
        }
    }

    /// Checks every bundle and sends the list, or shows what is wrong beside each bundle.
    fn apply(&mut self, view: &View, commands: &mut Vec<Command>) {
        let drafts = self.edited.draft().clone();
        let mut bundles = Vec::new();
        self.errors = vec![None; drafts.len()];
        for (i, d) in drafts.iter().enumerate() {
            match check(view, d, &drafts[..i]) {
                Ok(b) => bundles.push(b),
                Err(e) => self.errors[i] = Some(e),
            }
        }
        if self.errors.iter().any(Option::is_some) {
            self.error = Some(view.t("settings.bundles_invalid").to_string());
            return;
        }
        self.error = None;
        self.edited.mark_sent();
        *self.edited.draft_mut() = bundles.iter().map(Draft::of).collect();
        commands.push(Command::Send(Request::Apply(Change::Bundles(bundles))));
    }
}

/// One bundle checked: a name not used above it, and at least one code, each valid.
fn check(view: &View, d: &Draft, above: &[Draft]) -> Result<Bundle, String> {
    let name = d.name.trim();
    if name.is_empty() {
        return Err(view.t("settings.bundle_no_name").to_string());
    }
    if above.iter().any(|a| a.name.trim().eq_ignore_ascii_case(name)) {
        return Err(trf(view.lang, "settings.bundle_twice", &[("name", &name)]));
    }
    let mut codes: Vec<String> = Vec::new();
    let mut bad = Vec::new();
    for token in tokens(&d.codes) {
        match bundle_code(token) {
            Some(c) if !codes.contains(&c) => codes.push(c),
            Some(_) => {}
            None => bad.push(token),
        }
    }
    if !bad.is_empty() {
        return Err(trf(view.lang, "settings.bundle_bad_codes", &[("codes", &bad.join(", "))]));
    }
    if codes.is_empty() {
        return Err(view.t("settings.bundle_no_codes").to_string());
    }
    Ok(Bundle { name: name.to_string(), codes })
}

/// Our codes as far as the snapshot tells: the catalog and the codes we shipped.
struct OurCodes<'a> {
    catalog: &'a [String],
    shipped: Vec<String>,
}

impl OurCodes<'_> {
    fn of(snap: &Snapshot) -> OurCodes<'_> {
        OurCodes { catalog: &snap.settings.catalog, shipped: snap.our_codes.iter().map(|(hs, _)| hs.to_string()).collect() }
    }

    /// A bundle code that takes in one of our codes (or is taken in by a catalog entry).
    fn holds(&self, code: &str) -> bool {
        self.shipped.iter().any(|s| s.starts_with(code)) || self.catalog.iter().any(|c| c.starts_with(code) || code.starts_with(c.as_str()))
    }
}

/// The codes' names under the fields, and a note when none of them is ours (the bundle then leads
/// nowhere).
fn codes_line(ui: &mut egui::Ui, view: &View, codes: &str, ours: &OurCodes) {
    let valid: Vec<String> = tokens(codes).filter_map(bundle_code).collect();
    if valid.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        for code in &valid {
            let (en, zh) = texts(code);
            let name = match view.lang {
                crate::ui::i18n::Lang::Zh => zh.or(en),
                crate::ui::i18n::Lang::En => en.or(zh),
            };
            let text = format!("{code} {}", name.map(|n| shorten(n, 40)).unwrap_or_default());
            let label = ui.label(egui::RichText::new(text).weak().small());
            if let Some(en) = en {
                label.on_hover_text(en);
            }
        }
    });
    if !(valid.iter().any(|c| ours.holds(c)) || (ours.catalog.is_empty() && ours.shipped.is_empty())) {
        ui.label(egui::RichText::new(view.t("settings.bundle_not_ours")).color(ui.visuals().warn_fg_color).small());
    }
}

/// At most `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max { text.to_string() } else { format!("{}…", text.chars().take(max).collect::<String>()) }
}
