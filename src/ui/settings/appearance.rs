//! Language and theme (kept on this computer by the app) and the workspace file (where every other
//! setting is kept).

use super::super::i18n::{Lang, trf};
use super::super::worker::Request;
use super::super::{Command, View};

/// Draws the section.
pub fn ui(ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    ui.heading(view.t("settings.appearance"));
    ui.add_space(6.0);
    ui.strong(view.t("settings.language"));
    ui.horizontal(|ui| {
        for (lang, key) in [(Lang::En, "settings.lang_en"), (Lang::Zh, "settings.lang_zh")] {
            if ui.radio(view.lang == lang, view.t(key)).clicked() && view.lang != lang {
                commands.push(Command::SetLanguage(lang));
            }
        }
    });
    ui.add_space(8.0);
    ui.strong(view.t("settings.theme"));
    let dark = ui.ctx().theme() == egui::Theme::Dark;
    ui.horizontal(|ui| {
        for (is_dark, key) in [(false, "settings.theme_light"), (true, "settings.theme_dark")] {
            if ui.radio(dark == is_dark, view.t(key)).clicked() && dark != is_dark {
                commands.push(Command::SetDarkMode(is_dark));
            }
        }
    });
    ui.add_space(12.0);
    ui.separator();
    ui.heading(view.t("settings.workspace"));
    let snap = view.snap;
    ui.horizontal_wrapped(|ui| {
        ui.label(view.t("settings.workspace_file"));
        ui.add(egui::Label::new(egui::RichText::new(snap.path.display().to_string()).monospace()).selectable(true));
        if snap.demo {
            ui.label(egui::RichText::new(view.t("app.demo_badge")).strong());
        }
    });
    ui.label(egui::RichText::new(trf(view.lang, "settings.shipments", &[("n", &snap.shipments)])).weak());
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        if ui.button(view.t("settings.open_workspace")).clicked() {
            commands.push(Command::OpenWorkspaceDialog);
        }
        if !snap.demo && ui.button(view.t("welcome.demo")).clicked() {
            commands.push(Command::Send(Request::OpenDemo));
        }
    });
    ui.add_space(6.0);
    ui.label(egui::RichText::new(view.t("settings.kept_where")).weak());
    ui.add_space(12.0);
    ui.separator();
    diagnostics(ui, view, commands);
}

/// "Copy diagnostics": what support needs, on the clipboard, with where the log is kept.
fn diagnostics(ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    use crate::app::diagnostics;
    ui.heading(view.t("settings.diagnostics"));
    let dir = diagnostics::log_dir();
    ui.horizontal_wrapped(|ui| {
        ui.label(view.t("settings.log_folder"));
        ui.add(egui::Label::new(egui::RichText::new(dir.display().to_string()).monospace()).selectable(true));
    });
    let copied = egui::Id::unique("settings-diagnostics-copied");
    ui.horizontal(|ui| {
        if ui.button(view.t("settings.copy_diagnostics")).clicked() {
            // The worker reads the log (no file I/O on the UI thread) and the app copies its answer.
            commands.push(Command::Send(Request::Diagnostics));
            ui.data_mut(|d| d.insert_temp(copied, true));
        }
        if ui.data(|d| d.get_temp::<bool>(copied)).unwrap_or(false) {
            ui.label(egui::RichText::new(view.t("settings.diagnostics_copied")).weak());
        }
    });
    ui.label(egui::RichText::new(view.t("settings.diagnostics_note")).weak());
}
