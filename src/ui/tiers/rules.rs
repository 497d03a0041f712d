//! The tier rules editor: shares of customers or score cut-offs, and the grace band. Edits re-tier
//! live like the weights; "Save rules" stores them.

use crate::analysis::tiers::{RulesError, Split, TierRules};
use crate::app::change::Change;
use crate::ui::worker::Request;
use crate::ui::{Command, View};
use egui::RichText;

/// Cut-offs offered when the user switches to them with none stored: even steps of the 0–100
/// score, so each tier starts out as a band of the same width.
const START_CUTOFFS: (f64, f64, f64) = (70.0, 50.0, 30.0);

/// Draws the editor; changes go into `rules` (the draft), saving sends them to be stored.
pub(super) fn form(ui: &mut egui::Ui, view: &View, rules: &mut TierRules, commands: &mut Vec<Command>) {
    let saved = view.snap.settings.rules;
    ui.heading(view.t("tiers.rules"));
    let quantiles = matches!(rules.split, Split::Quantiles { .. });
    ui.horizontal(|ui| {
        // Switching kind starts from the stored rules of that kind when there are some.
        if ui.radio(quantiles, view.t("tiers.quantiles")).clicked() && !quantiles {
            rules.split = if matches!(saved.split, Split::Quantiles { .. }) { saved.split } else { TierRules::default().split };
        }
        if ui.radio(!quantiles, view.t("tiers.cutoffs")).clicked() && quantiles {
            let (a, b, c) = START_CUTOFFS;
            rules.split = if matches!(saved.split, Split::Cutoffs { .. }) { saved.split } else { TierRules::cutoffs(a, b, c).split };
        }
    });
    egui::Grid::new("tiers-rules").num_columns(2).spacing([10.0, 4.0]).show(ui, |ui| {
        match &mut rules.split {
            Split::Quantiles { a, b, c } => {
                for (label, value) in [("A", a), ("A + B", b), ("A + B + C", c)] {
                    let id = ui.label(label).id;
                    share(ui, value, id);
                    ui.end_row();
                }
            }
            Split::Cutoffs { a, b, c } => {
                for (label, value) in [("A", a), ("B", b), ("C", c)] {
                    let id = ui.label(label).id;
                    ui.add(egui::DragValue::new(value).range(0.0..=100.0).speed(0.25).max_decimals(1).prefix("≥ ")).labelled_by(id);
                    ui.end_row();
                }
            }
        }
        let grace = ui.label(view.t("tiers.grace")).on_hover_text(view.t("tiers.grace_tip"));
        ui.add(egui::DragValue::new(&mut rules.grace).range(0.0..=20.0).speed(0.05).max_decimals(1)).labelled_by(grace.id);
        ui.end_row();
        let cover = ui.label(view.t("tiers.watchlist_cover")).on_hover_text(view.t("tiers.watchlist_tip"));
        share(ui, &mut rules.watchlist.cover, cover.id);
        ui.end_row();
        let cap = ui.label(view.t("tiers.watchlist_cap")).on_hover_text(view.t("tiers.watchlist_tip"));
        share(ui, &mut rules.watchlist.cap, cap.id);
        ui.end_row();
    });
    let note = if quantiles { "tiers.quantiles_note" } else { "tiers.cutoffs_note" };
    ui.label(RichText::new(view.t(note)).small().weak());
    let valid = match rules.validate() {
        Ok(()) => {
            ui.label(RichText::new(view.pick(&rules.describe(), &rules.describe_zh())).small());
            true
        }
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, format!("{} {}", error_text(view, &e), view.t("tiers.not_applied")));
            false
        }
    };
    ui.horizontal(|ui| {
        if ui.add_enabled(valid && *rules != saved, egui::Button::new(view.t("tiers.save_rules"))).clicked() {
            commands.push(Command::Send(Request::Apply(Change::Rules(*rules))));
        }
        if ui.add_enabled(*rules != saved, egui::Button::new(view.t("tiers.discard"))).clicked() {
            *rules = saved;
        }
        if ui.add_enabled(*rules != TierRules::default(), egui::Button::new(view.t("tiers.default_rules"))).clicked() {
            *rules = TierRules::default();
        }
    });
}

/// A cumulative share edited as a percentage; written back only when edited, so a stored 0.1 is
/// not turned into 0.1000…01 by the round trip.
fn share(ui: &mut egui::Ui, value: &mut f64, label: egui::Id) {
    let mut pct = *value * 100.0;
    let field = egui::DragValue::new(&mut pct).range(0.0..=100.0).speed(0.25).max_decimals(1).suffix("%");
    if ui.add(field).labelled_by(label).changed() {
        *value = pct / 100.0;
    }
}

/// Why the rules are refused, in the user's language.
fn error_text(view: &View, error: &RulesError) -> &'static str {
    match error {
        RulesError::Quantiles(..) => view.t("tiers.err.quantiles"),
        RulesError::Cutoffs(..) => view.t("tiers.err.cutoffs"),
        RulesError::Grace(_) => view.t("tiers.err.grace"),
        RulesError::Watchlist(..) => view.t("tiers.err.watchlist"),
    }
}
