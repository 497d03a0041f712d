//! The window's frame around the screens: the navigation, the status bar with the progress bar,
//! and the overlay shown while files are dragged over the window.

use super::RadarApp;
use crate::ui::i18n::{Lang, tr, trf};
use crate::ui::worker::{Job, Progress};
use crate::ui::{Command, Screen};

impl RadarApp {
    pub(super) fn nav(&mut self, ui: &mut egui::Ui) {
        let lang = self.prefs.lang;
        ui.add_space(8.0);
        ui.heading(tr(lang, "app.title"));
        ui.add_space(12.0);
        let ready = self.snapshot.as_ref().is_some_and(|s| !s.is_empty());
        for screen in Screen::NAV {
            let selected = self.screen == screen || (screen == Screen::Customers && self.screen == Screen::Customer);
            let enabled = ready || matches!(screen, Screen::Import | Screen::Settings | Screen::Dashboard);
            let button = egui::Button::selectable(selected, tr(lang, screen.key())).min_size(egui::vec2(ui.available_width(), 28.0));
            if ui.add_enabled(enabled, button).clicked() {
                self.screen = screen;
            }
        }
        ui.with_layout(egui::Layout::bottom_up(egui::Align::Min), |ui| {
            ui.add_space(8.0);
            if ui.button(tr(lang, "nav.language")).clicked() {
                self.prefs.lang = if lang == Lang::En { Lang::Zh } else { Lang::En };
            }
            let theme = if self.prefs.dark { "nav.theme_light" } else { "nav.theme_dark" };
            if ui.button(tr(lang, theme)).clicked() {
                self.prefs.dark = !self.prefs.dark;
                ui.ctx().set_theme(if self.prefs.dark { egui::Theme::Dark } else { egui::Theme::Light });
            }
        });
    }

    pub(super) fn status(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let lang = self.prefs.lang;
        ui.horizontal(|ui| {
            if let Some(p) = &self.progress {
                let text = progress_text(lang, p);
                // The bar holds what fits; the file and sheet being read follow it, cut to the room left.
                let bar = egui::ProgressBar::new(p.fraction.unwrap_or(0.0)).text(text).desired_width(300.0);
                ui.add(if p.fraction.is_none() { bar.animate(true) } else { bar });
                if p.job == Job::Import && !p.detail.is_empty() && p.rows > 0 {
                    ui.scope(|ui| {
                        ui.set_max_width(260.0);
                        ui.add(egui::Label::new(egui::RichText::new(&p.detail).weak()).truncate());
                    });
                }
                let stoppable = matches!(p.job, Job::Import | Job::Tune) || p.detail == "review";
                if stoppable && ui.button(tr(lang, "app.cancel")).clicked() {
                    commands.push(Command::Cancel);
                }
                ui.separator();
            }
            if let Some(snap) = &self.snapshot {
                if snap.demo {
                    ui.label(egui::RichText::new(tr(lang, "app.demo_badge")).strong());
                    ui.separator();
                }
                ui.label(egui::RichText::new(trf(lang, "app.workspace", &[("path", &snap.path.display())])).weak());
                if let Some(as_of) = snap.as_of {
                    ui.label(egui::RichText::new(trf(lang, "app.as_of", &[("date", &as_of)])).weak());
                }
            }
            if let Some(notice) = &self.notice {
                ui.separator();
                ui.label(notice.render(lang));
            }
        });
    }

    pub(super) fn drop_overlay(&self, ctx: &egui::Context) {
        if ctx.input(|i| i.raw.hovered_files.is_empty()) {
            return;
        }
        let screen = ctx.content_rect();
        let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop-overlay")));
        painter.rect_filled(screen, 0.0, egui::Color32::from_rgba_unmultiplied(20, 90, 170, 150));
        painter.rect_stroke(screen.shrink(12.0), 12.0, egui::Stroke::new(3.0, egui::Color32::WHITE), egui::StrokeKind::Inside);
        painter.text(
            screen.center(),
            egui::Align2::CENTER_CENTER,
            tr(self.prefs.lang, "app.drop_here"),
            egui::FontId::proportional(28.0),
            egui::Color32::WHITE,
        );
    }
}

/// The progress bar's text.
pub(super) fn progress_text(lang: Lang, p: &Progress) -> String {
    match p.job {
        Job::Import | Job::Demo if p.rows > 0 => {
            let rate = crate::text::number::grouped(p.rows_per_sec);
            trf(lang, "import.progress", &[("rows", &crate::text::number::count(p.rows)), ("rate", &rate)])
        }
        Job::Demo => tr(lang, "welcome.building_demo").to_string(),
        Job::Import => tr(lang, "app.working").to_string(),
        Job::Compute if p.detail == "loading" || p.detail.is_empty() => tr(lang, "app.loading").to_string(),
        Job::Compute => tr(lang, "app.computing").to_string(),
        Job::Report => tr(lang, "report.rendering").to_string(),
        Job::Tune => tr(lang, "tune.running").to_string(),
    }
}
