//! The first page of an empty workspace: drop files, choose files, or open the demo data.

use super::worker::{Job, Progress, Request};
use super::{Command, View};

/// Draws the welcome page.
pub fn ui(ui: &mut egui::Ui, view: &View, progress: Option<&Progress>, commands: &mut Vec<Command>) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.15);
        ui.heading(egui::RichText::new(view.t("welcome.title")).size(28.0));
        ui.add_space(8.0);
        ui.label(view.t("welcome.lead"));
        ui.add_space(24.0);
        let (rect, _) = ui.allocate_exact_size(egui::vec2(460.0, 150.0), egui::Sense::hover());
        let stroke = egui::Stroke::new(2.0, ui.visuals().weak_text_color());
        ui.painter().rect_stroke(rect, 12.0, stroke, egui::StrokeKind::Inside);
        ui.put(rect, egui::Label::new(egui::RichText::new(view.t("welcome.drop")).size(22.0)));
        ui.add_space(16.0);
        let busy = progress.is_some();
        ui.horizontal(|ui| {
            let width = 2.0 * 170.0 + ui.spacing().item_spacing.x;
            ui.add_space((ui.available_width() - width).max(0.0) / 2.0);
            if ui.add_enabled(!busy, egui::Button::new(view.t("welcome.choose")).min_size(egui::vec2(170.0, 36.0))).clicked() {
                commands.push(Command::PickImportFiles);
            }
            let demo = egui::Button::new(egui::RichText::new(view.t("welcome.demo")).strong()).min_size(egui::vec2(170.0, 36.0));
            if ui.add_enabled(!busy, demo).clicked() {
                commands.push(Command::Send(Request::OpenDemo));
            }
        });
        ui.add_space(6.0);
        ui.label(egui::RichText::new(view.t("welcome.demo_note")).weak());
        if progress.is_some_and(|p| p.job == Job::Demo) {
            ui.add_space(12.0);
            ui.label(view.t("welcome.building_demo"));
        }
    });
}
