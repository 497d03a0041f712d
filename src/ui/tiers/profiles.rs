//! The profile bar: choose the profile in use, save the draft into it, save it as a new profile,
//! rename or delete the user's own. Every change goes to the worker as the whole new set of
//! profiles; refusals (a built-in, a taken name) are shown beside the buttons.

use super::Draft;
use crate::analysis::tiers::{ProfileError, Profiles, WeightProfile};
use crate::app::change::Change;
use crate::ui::i18n::trf;
use crate::ui::worker::Request;
use crate::ui::{Command, View};

/// What the bar keeps between frames.
#[derive(Debug, Default)]
pub(super) struct Form {
    /// The name typed for "save as" and "rename".
    pub(super) name: String,
    /// Delete was pressed once; the second press deletes.
    pub(super) confirm_delete: bool,
    /// The last refusal, translated.
    pub(super) error: Option<String>,
}

/// A profile's name as shown: built-ins by their translated name, the user's as typed.
pub(super) fn display_name(view: &View, profile: &WeightProfile) -> String {
    profile.text_key().map_or_else(|| profile.name.clone(), |key| view.t(key).to_string())
}

/// A refusal in the user's language (the error's own text is English and names CLI commands).
pub(super) fn error_text(view: &View, error: &ProfileError) -> String {
    match error {
        ProfileError::BuiltIn(name) => trf(view.lang, "tiers.err.builtin", &[("name", name)]),
        ProfileError::Exists(name) => trf(view.lang, "tiers.err.exists", &[("name", name)]),
        ProfileError::NotFound { name, .. } => trf(view.lang, "tiers.err.not_found", &[("name", name)]),
        ProfileError::EmptyName => view.t("tiers.err.empty_name").to_string(),
        ProfileError::AllZero => view.t("tiers.err.all_zero").to_string(),
        ProfileError::InvalidWeight { metric, .. } => {
            trf(view.lang, "tiers.err.invalid_weight", &[("metric", &view.pick(metric.label_en(), metric.label_zh()))])
        }
        other => other.to_string(),
    }
}

/// What the user asked the bar for this frame.
enum Action {
    Switch(String),
    Save,
    Discard,
    SaveAs,
    Rename,
    Delete,
}

/// Draws the bar and applies what was clicked.
pub(super) fn bar(ui: &mut egui::Ui, view: &View, draft: &mut Draft, form: &mut Form, commands: &mut Vec<Command>) {
    let stored = &view.snap.settings.profiles;
    let base = stored.find(&draft.base).ok();
    let builtin = base.as_ref().is_some_and(|p| p.builtin);
    let edited = draft.weights_edited(stored);
    let mut action = None;
    ui.horizontal(|ui| {
        let label = ui.strong(view.t("tiers.profile"));
        let shown = base.as_ref().map_or_else(|| draft.base.clone(), |p| display_name(view, p));
        let combo = egui::ComboBox::from_id_salt("tiers-profile").selected_text(shown).width(200.0).show_ui(ui, |ui| {
            for p in stored.all() {
                if ui.selectable_label(p.name == draft.base, display_name(view, &p)).clicked() && p.name != draft.base {
                    action = Some(Action::Switch(p.name.clone()));
                }
            }
        });
        let combo = combo.response.labelled_by(label.id);
        if edited {
            combo.on_hover_text(view.t("tiers.switch_discards"));
        }
        if builtin {
            ui.label(egui::RichText::new(view.t("tiers.builtin")).weak()).on_hover_text(view.t("tiers.builtin_note"));
        }
    });
    if let Some((en, zh)) = base.as_ref().and_then(WeightProfile::description) {
        ui.label(egui::RichText::new(view.pick(en, zh)).small().weak());
    }
    ui.horizontal(|ui| {
        let save = ui.add_enabled(!builtin && edited, egui::Button::new(view.t("tiers.save")));
        if builtin && edited {
            save.on_disabled_hover_text(view.t("tiers.builtin_note"));
        } else if save.clicked() {
            action = Some(Action::Save);
        }
        if ui.add_enabled(edited && base.is_some(), egui::Button::new(view.t("tiers.discard"))).clicked() {
            action = Some(Action::Discard);
        }
    });
    ui.horizontal(|ui| {
        ui.add(egui::TextEdit::singleline(&mut form.name).hint_text(view.t("tiers.name_hint")).desired_width(170.0));
        let named = !form.name.trim().is_empty();
        if ui.add_enabled(named, egui::Button::new(view.t("tiers.save_as"))).clicked() {
            action = Some(Action::SaveAs);
        }
        if ui.add_enabled(named && !builtin, egui::Button::new(view.t("tiers.rename"))).clicked() {
            action = Some(Action::Rename);
        }
        if ui.add_enabled(!builtin && base.is_some(), egui::Button::new(view.t("tiers.delete"))).clicked() {
            form.confirm_delete = true;
        }
    });
    if form.confirm_delete {
        ui.horizontal(|ui| {
            ui.label(trf(view.lang, "tiers.delete_confirm", &[("name", &draft.base)]));
            if ui.button(view.t("tiers.delete")).clicked() {
                action = Some(Action::Delete);
            }
            if ui.button(view.t("tiers.cancel")).clicked() {
                form.confirm_delete = false;
            }
        });
    }
    if let Some(action) = action {
        form.error = apply(action, stored, draft, form, commands).err().map(|e| error_text(view, &e));
    }
    if let Some(error) = &form.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
}

/// Applies an action to a copy of the stored profiles and sends the result to be stored. The draft
/// moves at once (to the new name, the new profile's weights) so the screen does not wait for the
/// worker; the snapshot that comes back then equals the draft and leaves it alone.
fn apply(action: Action, stored: &Profiles, draft: &mut Draft, form: &mut Form, commands: &mut Vec<Command>) -> Result<(), ProfileError> {
    let mut profiles = stored.clone();
    match action {
        Action::Switch(name) => {
            profiles.switch(&name)?;
            let chosen = profiles.active();
            draft.base = chosen.name;
            draft.weights = chosen.weights;
            form.confirm_delete = false;
        }
        Action::Save => {
            profiles.set_weights(&draft.base, draft.weights)?;
            profiles.switch(&draft.base)?;
        }
        Action::Discard => {
            draft.weights = profiles.find(&draft.base)?.weights;
            return Ok(());
        }
        Action::SaveAs => {
            profiles.create(&form.name, draft.weights)?;
            profiles.switch(&form.name)?;
            draft.base = profiles.active().name;
            form.name.clear();
        }
        Action::Rename => {
            profiles.rename(&draft.base, &form.name)?;
            let renamed = profiles.find(&form.name)?.name;
            profiles.switch(&renamed)?;
            draft.base = renamed;
            form.name.clear();
        }
        Action::Delete => {
            profiles.delete(&draft.base)?;
            let now = profiles.active();
            draft.base = now.name;
            draft.weights = now.weights;
            form.confirm_delete = false;
        }
    }
    commands.push(Command::Send(Request::Apply(Change::Profiles(profiles))));
    Ok(())
}
