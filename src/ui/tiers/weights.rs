//! The weight form: a slider and a number per metric, each weight's share of the total as a
//! percentage (the built-ins add up to 100, and one click scales edited weights back to 100), and
//! the weights learnt from history beside the user's; the evidence for them (correlations) stays in
//! the explanation, not on the form.

use super::Draft;
use super::profiles::error_text;
use crate::analysis::tiers::suggest::MIN_CUSTOMERS;
use crate::analysis::tiers::{Metric, Suggestion, Weights};
use crate::text::number::percent;
use crate::ui::View;
use crate::ui::i18n::trf;
use egui::RichText;

/// The slider's top; the number beside it goes further (weights count by their share of the
/// total, so 100 is not a ceiling, only a convenient scale: the built-ins add up to it).
const SLIDER_MAX: f64 = 100.0;
/// The number field's top.
const FIELD_MAX: f64 = 1000.0;

/// Draws the form; moving a weight changes the draft (the screen then re-tiers).
pub(super) fn form(ui: &mut egui::Ui, view: &View, draft: &mut Draft, suggested: Option<&Suggestion>) {
    let saved = view.snap.settings.profiles.find(&draft.base).ok().map(|p| p.weights);
    ui.horizontal(|ui| {
        ui.heading(view.t("tiers.weights"));
        if let Some(s) = suggested {
            let unused = draft.weights != s.weights;
            if ui.add_enabled(unused, egui::Button::new(view.t("tiers.use_suggested"))).clicked() {
                draft.weights = s.weights;
            }
        }
    });
    match suggested {
        Some(s) => {
            let (fit, yours) = (format!("{:.2}", s.fit), format!("{:.2}", s.your_fit));
            ui.label(RichText::new(trf(view.lang, "tiers.fit", &[("fit", &fit), ("yours", &yours)])).small());
        }
        None => {
            ui.label(RichText::new(trf(view.lang, "tiers.no_suggestion", &[("n", &MIN_CUSTOMERS)])).small().weak());
        }
    }
    ui.add_space(4.0);
    grid(ui, view, &mut draft.weights, saved.as_ref(), suggested);
    ui.horizontal(|ui| {
        let total = draft.weights.total();
        ui.label(RichText::new(trf(view.lang, "tiers.total", &[("total", &number(total))])).small().weak());
        if total > 0.0 && (total - 100.0).abs() >= 0.05 && ui.small_button(view.t("tiers.to_100")).clicked() {
            draft.weights = to_100(&draft.weights);
        }
    });
    if let Err(e) = draft.weights.validate() {
        ui.colored_label(ui.visuals().error_fg_color, format!("{} {}", error_text(view, &e), view.t("tiers.not_applied")));
    }
    if let Some(s) = suggested {
        egui::CollapsingHeader::new(view.t("tiers.explanation")).id_salt("tiers-explanation").show(ui, |ui| {
            ui.label(view.pick(&s.explanation, &s.explanation_zh));
            ui.add_space(4.0);
            ui.label(RichText::new(view.t("tiers.rho_tip")).small().strong());
            egui::Grid::new("tiers-rho").num_columns(2).spacing([10.0, 2.0]).show(ui, |ui| {
                for m in Metric::ALL {
                    ui.label(RichText::new(m.label(view.lang)).small());
                    rho(ui, view, m, s.correlations.0[m.index()]);
                    ui.end_row();
                }
            });
        });
    }
}

/// One row per metric: label, slider, number, share, the suggested share.
fn grid(ui: &mut egui::Ui, view: &View, weights: &mut Weights, saved: Option<&Weights>, suggested: Option<&Suggestion>) {
    ui.spacing_mut().slider_width = 120.0;
    let warn = ui.visuals().warn_fg_color;
    egui::Grid::new("tiers-weights").num_columns(5).striped(true).spacing([10.0, 4.0]).show(ui, |ui| {
        ui.strong(view.t("tiers.col.metric"));
        ui.strong(view.t("tiers.col.weight"));
        ui.label("");
        ui.strong(view.t("tiers.col.share"));
        ui.strong(view.t("tiers.col.suggested"));
        ui.end_row();
        let total = weights.total();
        for m in Metric::ALL {
            let i = m.index();
            let before = saved.map(|w| w.get(m)).filter(|w| *w != weights.0[i]);
            let name = RichText::new(m.label(view.lang));
            // A weight moved away from the stored profile is marked, with the stored value on hover.
            let label = ui.label(if before.is_some() { name.color(warn) } else { name });
            let label_id = label.id;
            if let Some(w) = before {
                label.on_hover_text(trf(view.lang, "tiers.saved_value", &[("value", &number(w))]));
            }
            let slider =
                egui::Slider::new(&mut weights.0[i], 0.0..=SLIDER_MAX).show_value(false).step_by(1.0).clamping(egui::SliderClamping::Edits);
            ui.add(slider).labelled_by(label_id);
            ui.add(egui::DragValue::new(&mut weights.0[i]).range(0.0..=FIELD_MAX).speed(0.25).max_decimals(1)).labelled_by(label_id);
            let w = weights.0[i];
            ui.label(if w > 0.0 && total > 0.0 { percent(Some(w / total)) } else { String::new() });
            match suggested {
                Some(s) => {
                    let theirs = s.weights.shares()[i];
                    let text = RichText::new(if theirs > 0.0 { percent(Some(theirs)) } else { "–".into() });
                    ui.label(if theirs > 0.0 { text.strong() } else { text.weak() });
                }
                None => {
                    ui.label("");
                }
            }
            ui.end_row();
        }
    });
}

/// A metric's correlation with later sales, or why it has none.
fn rho(ui: &mut egui::Ui, view: &View, m: Metric, value: Option<f64>) {
    match value {
        Some(r) => ui.label(RichText::new(format!("{r:+.2}")).small()).on_hover_text(view.t("tiers.rho_tip")),
        None if m.is_manual() => ui.label(RichText::new("–").weak()).on_hover_text(view.t("tiers.manual_tip")),
        None => ui.label(RichText::new("–").weak()).on_hover_text(view.t("tiers.flat_tip")),
    };
}

/// The same weights scaled to add up to 100, each rounded to a tenth (the largest takes the
/// rounding so the sum is exact).
fn to_100(w: &Weights) -> Weights {
    let mut out = Weights(w.shares().map(|s| (s * 1000.0).round() / 10.0));
    let gap = 100.0 - out.total();
    if let Some(i) = (0..out.0.len()).max_by(|a, b| out.0[*a].total_cmp(&out.0[*b])) {
        out.0[i] = ((out.0[i] + gap) * 10.0).round() / 10.0;
    }
    out
}

/// A weight as typed: whole numbers without decimals.
pub(super) fn number(w: f64) -> String {
    if w.fract() == 0.0 { format!("{w:.0}") } else { format!("{w:.1}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaling_to_100_keeps_each_weights_share() {
        let w = Weights::of(&[(Metric::Monetary, 30.0), (Metric::Share, 10.0), (Metric::Tenure, 5.0)]);
        let scaled = to_100(&w);
        assert!((scaled.total() - 100.0).abs() < 1e-9, "{}", scaled.total());
        assert_eq!(scaled.get(Metric::Share), 22.2);
        assert_eq!(scaled.get(Metric::Tenure), 11.1);
        assert_eq!(scaled.get(Metric::Monetary), 66.7);
    }
}
