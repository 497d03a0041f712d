//! The customer's supply risk: its largest supplier and origin with their shares against the year
//! before, the concentration, and what a dependence on one origin means for us.

use super::super::i18n::trf;
use super::View;
use crate::analysis::supply_risk::{Spread, SupplyRisk};

/// A share as whole percent.
fn pct(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// The section.
pub fn supply(ui: &mut egui::Ui, view: &View, risk: Option<&SupplyRisk>) {
    ui.strong(view.t("supply.title"));
    let Some(r) = risk else {
        ui.label(egui::RichText::new(view.t("supply.none")).weak());
        return;
    };
    let (now, before) = (&r.now, &r.before);
    if let Some((name, share)) = &now.top_supplier {
        let was = before.top_supplier.as_ref().map_or_else(|| "–".to_string(), |(_, s)| pct(*s));
        ui.label(trf(
            view.lang,
            "supply.supplier",
            &[("name", name), ("share", &pct(*share)), ("hhi", &format!("{:.2}", now.supplier_hhi)), ("before", &was)],
        ));
    }
    if !now.origins_known() {
        ui.label(egui::RichText::new(trf(view.lang, "supply.origin_unknown", &[("known", &pct(now.origin_known))])).weak());
        return;
    }
    if let Some((country, share)) = &now.top_origin {
        let country = crate::text::country::country(view.lang, country);
        let was = before.top_origin.as_ref().map_or_else(|| "–".to_string(), |(_, s)| pct(*s));
        ui.label(trf(
            view.lang,
            "supply.origin",
            &[("country", &country), ("share", &pct(*share)), ("hhi", &format!("{:.2}", now.origin_hhi)), ("before", &was)],
        ));
        if now.origin_dependent() {
            let key = if r.our_origin { "supply.dependent_ours" } else { "supply.dependent_other" };
            ui.label(egui::RichText::new(view.t(key)).color(ui.visuals().warn_fg_color));
        }
    }
    bars(ui, view, now, before);
}

/// Two bars each for the largest supplier's and origin's share: the year before, then now.
fn bars(ui: &mut egui::Ui, view: &View, now: &Spread, before: &Spread) {
    let rows = [
        (view.t("supply.bar_supplier"), before.top_supplier.as_ref().map(|t| t.1), now.top_supplier.as_ref().map(|t| t.1)),
        (view.t("supply.bar_origin"), before.top_origin.as_ref().map(|t| t.1), now.top_origin.as_ref().map(|t| t.1)),
    ];
    egui::Grid::new("supply-bars").num_columns(3).spacing([8.0, 2.0]).show(ui, |ui| {
        for (label, was, is) in rows {
            ui.label(egui::RichText::new(label).small());
            for (share, key) in [(was, "supply.year_before"), (is, "supply.year_now")] {
                let text = share.map_or_else(|| "–".to_string(), pct);
                let bar = egui::ProgressBar::new(share.unwrap_or(0.0) as f32).desired_width(110.0);
                ui.add(bar.text(format!("{} {text}", view.t(key))));
            }
            ui.end_row();
        }
    });
}
