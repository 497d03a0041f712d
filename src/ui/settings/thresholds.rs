//! The health thresholds as one form, drawn from the table of thresholds
//! ([`THRESHOLDS`]: field name, rule, unit, accepted values, label and reason in both languages), so
//! a threshold added to the rules appears here without a widget written for it.

use super::super::i18n::{Lang, trf};
use super::super::worker::Request;
use super::super::{Command, View};
use super::FormAction;
use super::draft::Edited;
use crate::analysis::health::{HealthSettings, THRESHOLDS, Threshold, ThresholdError, Unit};
use crate::app::change::Change;
use crate::app::snapshot::Snapshot;

/// Width of the label column.
const LABEL_WIDTH: f32 = 270.0;
/// Width of the value column.
const VALUE_WIDTH: f32 = 120.0;
/// Width of the back-to-default column.
const RESET_WIDTH: f32 = 64.0;

/// The thresholds section's state: values in [`THRESHOLDS`] order.
#[derive(Default)]
pub struct ThresholdsPanel {
    /// The values being edited and the stored ones they started from.
    edited: Edited<Vec<f64>>,
    /// Why the last apply was refused.
    error: Option<String>,
}

/// The default values in table order (read once: `values` goes through JSON).
fn defaults() -> &'static [f64] {
    static DEFAULTS: std::sync::OnceLock<Vec<f64>> = std::sync::OnceLock::new();
    DEFAULTS.get_or_init(|| values(&HealthSettings::default()))
}

/// A settings' values in table order.
fn values(s: &HealthSettings) -> Vec<f64> {
    // Every name of the table is a field (a test in `analysis::health::thresholds` checks it).
    THRESHOLDS.iter().map(|t| s.get(t.name).unwrap_or_default()).collect()
}

impl ThresholdsPanel {
    /// A new snapshot: the form takes the stored values unless it is being edited.
    pub fn on_snapshot(&mut self, snap: &Snapshot) {
        if self.edited.on_snapshot(values(&snap.settings.thresholds)) {
            self.error = None;
        }
    }

    fn load(&mut self, snap: &Snapshot) {
        self.edited.load(values(&snap.settings.thresholds));
        self.error = None;
    }

    /// The worker refused the change: the draft stays, unsaved.
    pub fn on_failed(&mut self) {
        self.edited.on_failed();
    }

    /// The form differs from the stored thresholds.
    pub fn dirty(&self) -> bool {
        self.edited.dirty()
    }

    /// Draws the section.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
        if !self.edited.loaded() {
            self.load(view.snap);
        }
        let defaults = defaults();
        ui.heading(view.t("settings.thresholds"));
        ui.label(egui::RichText::new(view.t("settings.thresholds_why")).weak());
        ui.add_space(6.0);
        match self.edited.bar(self.edited.draft() != defaults, self.error.as_deref()).ui(ui, view, "settings.reset_defaults") {
            FormAction::Apply => self.apply(view, commands),
            FormAction::Discard => self.load(view.snap),
            FormAction::Defaults => {
                *self.edited.draft_mut() = defaults.to_vec();
                self.error = None;
            }
            FormAction::None => {}
        }
        ui.add_space(6.0);
        let base = self.edited.base().cloned().unwrap_or_default();
        let draft = self.edited.draft_mut();
        egui::ScrollArea::vertical().id_salt("thresholds").auto_shrink([false, true]).show(ui, |ui| {
            let mut rule = None;
            for (i, t) in THRESHOLDS.iter().enumerate() {
                if i == 0 || t.rule != rule {
                    rule = t.rule;
                    ui.add_space(8.0);
                    let key = format!("settings.rule.{}", t.rule.map_or("general", |k| k.key()));
                    ui.strong(view.t(&key));
                    ui.separator();
                }
                let (Some(value), Some(default)) = (draft.get_mut(i), defaults.get(i)) else { continue };
                let changed = base.get(i).is_some_and(|b| b != value);
                row(ui, view, t, value, *default, changed);
            }
        });
    }

    /// Validates the form and sends it, or says which threshold is wrong and why.
    fn apply(&mut self, view: &View, commands: &mut Vec<Command>) {
        let mut settings = view.snap.settings.thresholds.clone();
        let mut refused = None;
        for (t, v) in THRESHOLDS.iter().zip(self.edited.draft()) {
            if let Err(e) = settings.set(t.name, *v) {
                refused = Some(e);
            }
        }
        if let Err(e) = settings.validate() {
            refused = Some(e);
        }
        let Some(error) = refused else {
            self.error = None;
            self.edited.mark_sent();
            commands.push(Command::Send(Request::Apply(Change::Thresholds(settings))));
            return;
        };
        let find = |name: &str| THRESHOLDS.iter().find(|t| t.name == name);
        self.error = Some(match &error {
            ThresholdError::OutOfRange { name, .. } if let Some(t) = find(name) => {
                trf(view.lang, "settings.th_refused", &[("name", &label(view.lang, t)), ("rule", &bounds_text(view, t))])
            }
            ThresholdError::Misordered { lower, upper, .. } if let (Some(l), Some(u)) = (find(lower), find(upper)) => {
                trf(view.lang, "settings.th_misordered", &[("lower", &label(view.lang, l)), ("upper", &label(view.lang, u))])
            }
            other => trf(view.lang, "settings.th_refused_raw", &[("detail", &other.message().render(view.lang))]),
        });
    }
}

fn label(lang: Lang, t: &Threshold) -> &'static str {
    lang.pick(t.label_en, t.label_zh)
}

/// One threshold: label, value with its unit, back-to-default button, and its reason (or, when the
/// value is not accepted, what is).
fn row(ui: &mut egui::Ui, view: &View, t: &Threshold, value: &mut f64, default: f64, changed: bool) {
    let height = ui.spacing().interact_size.y;
    ui.horizontal(|ui| {
        let label = ui
            .allocate_ui_with_layout(egui::vec2(LABEL_WIDTH, height), egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.set_width(LABEL_WIDTH);
                let text = egui::RichText::new(label(view.lang, t));
                let text = if changed { text.strong().color(ui.visuals().warn_fg_color) } else { text };
                ui.add(egui::Label::new(text).truncate())
            })
            .inner;
        let hover = trf(view.lang, "settings.th_default", &[("value", &format_value(view, t.unit, default))]);
        ui.add_sized([VALUE_WIDTH, height], drag_value(view, t, value)).labelled_by(label.id).on_hover_text(hover);
        if t.unit.whole() {
            // A count typed with decimals is stored rounded; the form shows what will be stored.
            *value = value.round();
        }
        ui.allocate_ui_with_layout(egui::vec2(RESET_WIDTH, height), egui::Layout::left_to_right(egui::Align::Center), |ui| {
            ui.set_width(RESET_WIDTH);
            let tip = trf(view.lang, "settings.th_back_to_default", &[("value", &format_value(view, t.unit, default))]);
            if *value != default && ui.small_button(view.t("settings.default_short")).on_hover_text(tip).clicked() {
                *value = default;
            }
        });
        let (text, color) = if t.bounds.contains(*value) {
            (view.pick(t.reason_en, t.reason_zh).to_string(), ui.visuals().weak_text_color())
        } else {
            (bounds_text(view, t), ui.visuals().error_fg_color)
        };
        ui.add(egui::Label::new(egui::RichText::new(text).color(color)).wrap());
    });
}

/// The value field of a threshold: its unit, its accepted range, percentages shown as such.
fn drag_value<'a>(view: &View, t: &Threshold, value: &'a mut f64) -> egui::DragValue<'a> {
    let d = egui::DragValue::new(value).range(t.bounds.min..=t.bounds.max);
    match t.unit {
        Unit::Months | Unit::Quarters | Unit::Orders | Unit::Days => {
            d.speed(0.1).fixed_decimals(0).suffix(format!(" {}", view.t(unit_key(t.unit))))
        }
        Unit::Usd => d.speed(100.0).prefix("$").custom_formatter(|v, _| thousands(v)).custom_parser(|s| number(s.trim_start_matches('$'))),
        Unit::Percent => d
            .speed(0.001)
            .suffix(" %")
            .custom_formatter(|v, _| trimmed(v * 100.0, 1))
            .custom_parser(|s| number(s.trim_end_matches('%')).map(|p| p / 100.0)),
        Unit::Times => d.speed(0.01).suffix(" ×").custom_formatter(|v, _| trimmed(v, 2)).custom_parser(number),
    }
}

fn unit_key(unit: Unit) -> &'static str {
    match unit {
        Unit::Months => "settings.unit.months",
        Unit::Quarters => "settings.unit.quarters",
        Unit::Orders => "settings.unit.orders",
        Unit::Days => "settings.unit.days",
        Unit::Usd => "settings.unit.usd",
        Unit::Percent => "settings.unit.percent",
        Unit::Times => "settings.unit.times",
    }
}

/// A value as the form shows it: `15%`, `$20,000`, `2.5×`, `12 months`.
pub(super) fn format_value(view: &View, unit: Unit, v: f64) -> String {
    match unit {
        Unit::Percent => format!("{}%", trimmed(v * 100.0, 1)),
        Unit::Usd => format!("${}", thousands(v)),
        Unit::Times => format!("{}×", trimmed(v, 2)),
        Unit::Months | Unit::Quarters | Unit::Orders | Unit::Days => format!("{} {}", trimmed(v, 0), view.t(unit_key(unit))),
    }
}

/// What a threshold accepts, in words.
fn bounds_text(view: &View, t: &Threshold) -> String {
    let b = t.bounds;
    let (min, max) = (format_value(view, t.unit, b.min), format_value(view, t.unit, b.max));
    let key = match (b.min_excluded, b.max.is_finite()) {
        (false, true) => "settings.th_between",
        (true, true) => "settings.th_above_at_most",
        (false, false) => "settings.th_at_least",
        (true, false) => "settings.th_above",
    };
    trf(view.lang, key, &[("min", &min), ("max", &max)])
}

/// At most `decimals` decimals, without trailing zeros.
fn trimmed(v: f64, decimals: usize) -> String {
    let text = format!("{v:.decimals$}");
    if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.').to_string() } else { text }
}

/// Whole dollars with thousands separators.
fn thousands(v: f64) -> String {
    let out = crate::text::number::grouped(v);
    if v < 0.0 { format!("-{out}") } else { out }
}

/// A number typed by hand: separators and spaces ignored.
fn number(text: &str) -> Option<f64> {
    text.chars().filter(|c| !c.is_whitespace() && *c != ',').collect::<String>().parse().ok()
}
