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
        let busy = progress.is_some();
        // The drop box is also a button: a click opens the file dialog, as users expect of it.
        let (rect, drop_box) = ui.allocate_exact_size(egui::vec2(460.0, 150.0), egui::Sense::click());
        let color = if drop_box.hovered() && !busy { ui.visuals().hyperlink_color } else { ui.visuals().weak_text_color() };
        ui.painter().rect_stroke(rect, 12.0, egui::Stroke::new(2.0, color), egui::StrokeKind::Inside);
        ui.put(rect, egui::Label::new(egui::RichText::new(view.t("welcome.drop")).size(22.0)).selectable(false));
        if drop_box.on_hover_cursor(egui::CursorIcon::PointingHand).clicked() && !busy {
            commands.push(Command::PickImportFiles);
        }
        ui.add_space(16.0);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::snapshot::Snapshot;
    use crate::text::Lang;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn a_click_on_the_drop_box_opens_the_file_dialog() {
        let snap = Snapshot::default();
        let mut h = Harness::builder().with_size(egui::vec2(1100.0, 700.0)).build_ui_state(
            |ui, commands: &mut Vec<Command>| super::ui(ui, &View { lang: Lang::En, snap: &snap }, None, commands),
            Vec::new(),
        );
        h.run();
        assert!(h.state().is_empty());
        h.get_by_label(crate::text::tr(Lang::En, "welcome.drop")).click();
        h.run();
        assert!(matches!(h.state().as_slice(), [Command::PickImportFiles]), "the drop box asks for the file dialog");
    }
}
