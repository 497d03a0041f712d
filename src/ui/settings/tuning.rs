//! "Tune to my history": the health thresholds searched on the earlier part of the workspace's
//! history, every operating point shown on the later part (which the search never saw) as a
//! trade-off between losses warned and customers alarmed for nothing. The user picks a point and
//! saves it as a named threshold set; nothing is applied until they choose to use a set.

use super::super::i18n::{tr, trf};
use super::super::worker::Request;
use super::super::{Command, View};
use super::thresholds::format_value;
use crate::analysis::backtest::{OperatingPoint, Tuning};
use crate::analysis::health::THRESHOLDS;
use crate::app::change::Change;
use crate::text::number::percent;
use egui_plot::{Corner, Legend, MarkerShape, Plot, PlotPoints, Points};
use std::sync::Arc;

/// The tuning section's state.
#[derive(Default)]
pub struct TuningPanel {
    /// The last tuning's result.
    result: Option<Arc<Tuning>>,
    /// A tuning was asked for and has not come back.
    running: bool,
    /// The last tuning was stopped.
    cancelled: bool,
    /// The operating point picked (index in the frontier).
    selected: Option<usize>,
    /// The name to save it under.
    name: String,
}

impl TuningPanel {
    /// A tuning came back: the recommended point is picked.
    pub fn on_tuned(&mut self, tuning: Arc<Tuning>) {
        self.running = false;
        self.cancelled = false;
        self.selected = tuning.recommended;
        if self.name.trim().is_empty() {
            self.name = format!("tuned {}", tuning.to);
        }
        self.result = Some(tuning);
    }

    /// The tuning was stopped.
    pub fn on_cancelled(&mut self) {
        self.running = false;
        self.cancelled = true;
    }

    /// The worker refused a job.
    pub fn on_failed(&mut self) {
        self.running = false;
    }

    /// Draws the section.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
        ui.heading(view.t("settings.tuning"));
        ui.label(egui::RichText::new(view.t("tune.why")).weak());
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let ready = !self.running && view.snap.knows_us() && !view.snap.is_empty();
            if ui.add_enabled(ready, egui::Button::new(view.t("tune.start"))).clicked() {
                self.running = true;
                self.cancelled = false;
                commands.push(Command::Send(Request::Tune));
            }
            if self.running {
                ui.spinner();
                ui.label(view.t("tune.running"));
                if ui.button(view.t("app.cancel")).clicked() {
                    commands.push(Command::Cancel);
                }
            } else if self.cancelled {
                ui.label(egui::RichText::new(view.t("tune.cancelled")).weak());
            }
        });
        egui::ScrollArea::vertical().id_salt("tuning").auto_shrink([false, true]).show(ui, |ui| {
            if let Some(tuning) = self.result.clone() {
                ui.add_space(8.0);
                self.result_ui(ui, view, &tuning, commands);
            }
            ui.add_space(12.0);
            saved_sets(ui, view, commands);
        });
    }

    fn result_ui(&mut self, ui: &mut egui::Ui, view: &View, t: &Tuning, commands: &mut Vec<Command>) {
        if !t.enough_events {
            let counts =
                [("earlier", &t.current.earlier.events as &dyn std::fmt::Display), ("split", &t.split), ("later", &t.current.later.events)];
            ui.colored_label(ui.visuals().warn_fg_color, trf(view.lang, "tune.too_few", &counts));
            return;
        }
        let after = t.split.succ_opt().unwrap_or(t.split);
        ui.label(trf(
            view.lang,
            "tune.summary",
            &[
                ("sets", &t.candidates),
                ("from", &t.from),
                ("split", &t.split),
                ("earlier", &t.current.earlier.events),
                ("after", &after),
                ("to", &t.to),
                ("later", &t.current.later.events),
            ],
        ));
        ui.add_space(6.0);
        self.plot(ui, view, t);
        ui.add_space(6.0);
        self.table(ui, view, t);
        ui.add_space(6.0);
        match t.recommended {
            Some(_) => ui.label(egui::RichText::new(view.t("tune.recommended_why")).weak()),
            None => ui.label(egui::RichText::new(view.t("tune.none_better")).weak()),
        };
        let Some(point) = self.selected.and_then(|i| t.frontier.get(i)) else { return };
        ui.add_space(6.0);
        ui.strong(view.t("tune.changes"));
        changes(ui, view, point, &t.current);
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let label = ui.label(view.t("tune.name"));
            ui.add(egui::TextEdit::singleline(&mut self.name).desired_width(220.0)).labelled_by(label.id);
            let named = !self.name.trim().is_empty();
            let set = || t.threshold_set(point);
            if ui.add_enabled(named, egui::Button::new(view.t("tune.save"))).clicked() {
                commands.push(Command::Send(Request::Apply(Change::SaveThresholdSet(self.name.trim().to_string(), set()))));
            }
            if ui.add_enabled(named, egui::Button::new(view.t("tune.save_use"))).clicked() {
                let name = self.name.trim().to_string();
                commands.push(Command::Send(Request::Apply(Change::SaveThresholdSet(name.clone(), set()))));
                commands.push(Command::Send(Request::Apply(Change::UseThresholdSet(name))));
            }
        });
    }

    /// Losses warned against customers alarmed for nothing, on the later part, for every operating
    /// point and the thresholds in use; a click picks the nearest point.
    fn plot(&mut self, ui: &mut egui::Ui, view: &View, t: &Tuning) {
        let at = |p: &OperatingPoint| [100.0 * p.later.false_alarm_rate.unwrap_or(0.0), 100.0 * p.later.recall.unwrap_or(0.0)];
        let frontier: Vec<[f64; 2]> = t.frontier.iter().map(at).collect();
        let response = Plot::new("tune-tradeoff")
            .height(220.0)
            .legend(Legend::default().position(Corner::RightBottom))
            .x_axis_label(view.t("tune.axis_false"))
            .y_axis_label(view.t("tune.axis_warned"))
            .include_x(0.0)
            .include_y(0.0)
            .include_y(100.0)
            .allow_scroll(false)
            .allow_drag(false)
            .allow_zoom(false)
            .show(ui, |plot| {
                plot.points(Points::new(view.t("tune.points"), PlotPoints::new(frontier.clone())).radius(4.0).filled(true));
                plot.points(
                    Points::new(view.t("tune.in_use"), PlotPoints::new(vec![at(&t.current)]))
                        .shape(MarkerShape::Diamond)
                        .radius(6.0)
                        .filled(true),
                );
                if let Some(p) = self.selected.and_then(|i| t.frontier.get(i)) {
                    plot.points(
                        Points::new(view.t("tune.picked"), PlotPoints::new(vec![at(p)]))
                            .shape(MarkerShape::Circle)
                            .radius(9.0)
                            .filled(false),
                    );
                }
                plot.pointer_coordinate()
            });
        if response.response.clicked()
            && let Some(pointer) = response.inner
        {
            let distance = |p: &[f64; 2]| (p[0] - pointer.x).powi(2) + (p[1] - pointer.y).powi(2);
            self.selected = frontier.iter().enumerate().min_by(|a, b| distance(a.1).total_cmp(&distance(b.1))).map(|(i, _)| i);
        }
    }

    /// One row per operating point: its figures on both parts; a click picks it.
    fn table(&mut self, ui: &mut egui::Ui, view: &View, t: &Tuning) {
        egui::Grid::new("tune-points").striped(true).num_columns(7).spacing([14.0, 4.0]).show(ui, |ui| {
            for key in [
                "tune.col.point",
                "tune.col.warned",
                "tune.col.early",
                "tune.col.false",
                "tune.col.earlier_warned",
                "tune.col.earlier_false",
            ] {
                ui.strong(view.t(key));
            }
            ui.end_row();
            let cells = |ui: &mut egui::Ui, p: &OperatingPoint| {
                ui.label(format!("{} ({})", percent(p.later.recall), p.later.events));
                ui.label(percent(p.later.warned_90_days));
                ui.label(percent(p.later.false_alarm_rate));
                ui.label(format!("{} ({})", percent(p.earlier.recall), p.earlier.events));
                ui.label(percent(p.earlier.false_alarm_rate));
            };
            ui.label(egui::RichText::new(view.t("tune.in_use")).italics());
            cells(ui, &t.current);
            ui.end_row();
            for (i, p) in t.frontier.iter().enumerate() {
                let star = if t.recommended == Some(i) { " ★" } else { "" };
                if ui.selectable_label(self.selected == Some(i), format!("{}{star}", i + 1)).clicked() {
                    self.selected = Some(i);
                }
                cells(ui, p);
                ui.end_row();
            }
        });
    }
}

/// The thresholds a point changes against the ones in use, by their labels, as the thresholds form
/// shows values.
fn changes(ui: &mut egui::Ui, view: &View, point: &OperatingPoint, current: &OperatingPoint) {
    let mut any = false;
    for ((name, value), (_, now)) in point.values.iter().zip(&current.values) {
        let Some(t) = THRESHOLDS.iter().find(|t| t.name == *name) else { continue };
        let (before, after) = (format_value(view, t.unit, *now), format_value(view, t.unit, *value));
        if before != after {
            any = true;
            ui.label(format!("{}: {before} → {after}", view.pick(t.label_en, t.label_zh)));
        }
    }
    if !any {
        ui.label(egui::RichText::new(view.t("tune.no_change")).weak());
    }
}

/// The saved threshold sets, each with what its tuning said and buttons to use or forget it.
fn saved_sets(ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    ui.strong(view.t("tune.saved"));
    ui.separator();
    let sets = &view.snap.settings.threshold_sets;
    if sets.is_empty() {
        ui.label(egui::RichText::new(view.t("tune.saved_none")).weak());
        return;
    }
    egui::Grid::new("tune-sets").striped(true).num_columns(4).spacing([14.0, 4.0]).show(ui, |ui| {
        for (name, set) in sets {
            ui.label(name);
            let note = match &set.tuned {
                Some(t) => trf(
                    view.lang,
                    "tune.set_note",
                    &[
                        ("split", &t.split),
                        ("to", &t.to),
                        ("warned", &percent(t.later_recall)),
                        ("events", &t.later_events),
                        ("false", &percent(t.later_false_alarms)),
                    ],
                ),
                None => tr(view.lang, "tune.set_by_hand").to_string(),
            };
            ui.label(egui::RichText::new(note).weak());
            if set.thresholds == view.snap.settings.thresholds {
                ui.label(egui::RichText::new(view.t("tune.in_use")).strong());
            } else if ui.button(view.t("tune.use")).clicked() {
                commands.push(Command::Send(Request::Apply(Change::UseThresholdSet(name.clone()))));
            }
            if ui.small_button(view.t("tune.delete")).clicked() {
                commands.push(Command::Send(Request::Apply(Change::DeleteThresholdSet(name.clone()))));
            }
            ui.end_row();
        }
    });
}
