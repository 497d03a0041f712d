//! What the health check found — each signal with its colour, its explanation and since when — and
//! what the playbook says to do about it: the level's actions, the opening line, and talking points
//! from the customer's own figures.

use super::super::View;
use super::super::badge;
use super::super::i18n::trf;
use crate::analysis::health::{CustomerHealth, Level};
use crate::analysis::playbook::Advice;
use egui::Color32;

/// A growth opportunity is a chance, not a risk: it gets its own colour.
const OPPORTUNITY: Color32 = crate::ui::badge::rgb(crate::palette::US);

/// The signals, worst first; a line saying why there are none when there are none.
pub(super) fn signals(ui: &mut egui::Ui, view: &View, health: Option<&CustomerHealth>) {
    ui.strong(view.t("detail.signals"));
    let Some(h) = health else {
        // Without our own names no one is a customer of ours yet: say what to set, not "no health".
        let key = if view.snap.knows_us() { "detail.not_ours" } else { "app.need_me" };
        ui.label(egui::RichText::new(view.t(key)).weak());
        return;
    };
    if h.signals.is_empty() {
        ui.horizontal(|ui| {
            badge::dot(ui, badge::level_color(Level::Green));
            ui.label(view.t("detail.no_signals"));
        });
        return;
    }
    for s in &h.signals {
        let color = if s.kind.is_risk() { badge::level_color(Level::from(s.severity)) } else { OPPORTUNITY };
        egui::Frame::new()
            .inner_margin(egui::Margin::symmetric(8, 6))
            .corner_radius(4.0)
            .fill(color.gamma_multiply(0.08))
            .stroke(egui::Stroke::new(1.0, color.gamma_multiply(0.5)))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    badge::dot(ui, color);
                    ui.label(egui::RichText::new(view.t(s.kind.text_key())).strong().color(color));
                    let level =
                        if s.kind.is_risk() { view.t(badge::level_key(Level::from(s.severity))) } else { view.t("detail.opportunity") };
                    ui.label(egui::RichText::new(level).small());
                    let since = s.since.unwrap_or(s.from);
                    ui.label(egui::RichText::new(trf(view.lang, "detail.since", &[("date", &since)])).small().weak());
                });
                ui.add(egui::Label::new(view.pick(&s.explanation, &s.explanation_zh)).wrap());
            });
        ui.add_space(4.0);
    }
}

/// The playbook's advice for the customer's level; nothing when it is green.
pub(super) fn playbook(ui: &mut egui::Ui, view: &View, advice: Option<&Advice>) {
    let Some(a) = advice else { return };
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.strong(view.t("detail.playbook"));
        badge::dot(ui, badge::level_color(a.level));
        ui.label(egui::RichText::new(view.pick(&a.play.title_en, &a.play.title_zh)).strong());
    });
    let actions = if view.lang == super::super::i18n::Lang::Zh { &a.play.actions_zh } else { &a.play.actions_en };
    for (i, action) in actions.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(format!("{}.", i + 1)).weak());
            ui.add(egui::Label::new(action.as_str()).wrap());
        });
    }
    let script = view.pick(&a.play.script_en, &a.play.script_zh);
    if !script.trim().is_empty() {
        ui.add_space(4.0);
        ui.label(egui::RichText::new(view.t("detail.script")).small().weak());
        egui::Frame::new().inner_margin(8).corner_radius(4.0).fill(ui.visuals().faint_bg_color).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(egui::Label::new(egui::RichText::new(script).italics()).wrap());
        });
    }
    let points = if view.lang == super::super::i18n::Lang::Zh { &a.talking_points_zh } else { &a.talking_points_en };
    if !points.is_empty() {
        ui.add_space(4.0);
        ui.label(egui::RichText::new(view.t("detail.talking_points")).small().weak());
        for point in points {
            ui.horizontal_wrapped(|ui| {
                ui.label("•");
                ui.add(egui::Label::new(point.as_str()).wrap());
            });
        }
    }
}
