//! The top of the customer page: its name and spellings, country, health level, tier and score, and
//! the figures that size it — our sales, its category purchases, our share, our last order.

use super::super::View;
use super::super::badge;
use super::super::i18n::trf;
use crate::app::detail::CustomerDetail;
use crate::text::country::country;
use crate::text::number::{money, percent};

/// Spellings listed in full; more are counted and shown on hover.
const SPELLINGS_SHOWN: usize = 4;

/// One figure: a weak caption above a strong value.
fn stat(ui: &mut egui::Ui, caption: &str, value: impl FnOnce(&mut egui::Ui)) {
    egui::Frame::new().inner_margin(egui::Margin::symmetric(10, 4)).corner_radius(4.0).fill(ui.visuals().faint_bg_color).show(ui, |ui| {
        ui.vertical(|ui| {
            ui.label(egui::RichText::new(caption).small().weak());
            value(ui);
        });
    });
}

/// Name, spellings and the figures.
pub(super) fn header(ui: &mut egui::Ui, view: &View, d: &CustomerDetail) {
    let row = view.snap.customer(d.id);
    ui.horizontal_wrapped(|ui| {
        ui.heading(egui::RichText::new(&d.name).strong());
        if let Some(raw) = row.and_then(|r| r.country.as_deref()) {
            ui.label(egui::RichText::new(country(view.lang, raw)).weak());
        }
        if row.is_some_and(|r| r.core) {
            ui.label(egui::RichText::new(view.t("col.core")).small().strong().color(badge::tier_color(crate::analysis::tiers::Tier::A)));
        }
    });
    let others: Vec<&str> = d.aliases.iter().map(String::as_str).filter(|a| *a != d.name).collect();
    if !others.is_empty() {
        let mut text = others.iter().take(SPELLINGS_SHOWN).copied().collect::<Vec<_>>().join(" · ");
        if others.len() > SPELLINGS_SHOWN {
            text.push_str(&trf(view.lang, "detail.more", &[("n", &(others.len() - SPELLINGS_SHOWN))]));
        }
        let label = ui.label(egui::RichText::new(trf(view.lang, "detail.spellings", &[("names", &text)])).weak().small());
        if others.len() > SPELLINGS_SHOWN {
            label.on_hover_text(others.join("\n"));
        }
    }
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        stat(ui, view.t("col.level"), |ui| match &d.health {
            Some(h) => {
                badge::level(ui, h.level, view.lang);
            }
            None => {
                ui.label(view.t("detail.not_ours_short"));
            }
        });
        if let Some((tier, score)) = row.and_then(|r| r.tier) {
            stat(ui, view.t("detail.tier_score"), |ui| {
                ui.horizontal(|ui| {
                    badge::tier(ui, tier);
                    ui.label(egui::RichText::new(format!("{score:.0}")).strong());
                    if row.is_some_and(|r| r.protect) {
                        let mark = egui::RichText::new(view.t("tiers.protect")).small().strong().color(ui.visuals().warn_fg_color);
                        ui.label(mark).on_hover_text(view.t("tiers.protect_tip"));
                    }
                });
            });
        }
        let (ours, category, share) = match (&d.health, row) {
            (Some(h), _) => (h.ours_12m.dollars(), h.category_12m.dollars(), h.share),
            (None, Some(r)) => (r.our_sales_12m, r.category_12m, r.share),
            (None, None) => (0.0, 0.0, None),
        };
        stat(ui, view.t("col.our_sales"), |ui| {
            ui.label(egui::RichText::new(money(view.lang, ours)).strong());
        });
        stat(ui, view.t("col.wallet"), |ui| {
            ui.label(egui::RichText::new(money(view.lang, category)).strong());
        });
        stat(ui, view.t("col.share"), |ui| {
            ui.label(egui::RichText::new(percent(share)).strong());
        });
        if let Some(rhythm) = d.profile.as_ref().map(|p| &p.rhythm)
            && let (Some(last), Some(days)) = (rhythm.last_order, rhythm.days_since_last)
        {
            stat(ui, view.t("detail.last_order"), |ui| {
                let text = trf(view.lang, "detail.days_ago", &[("date", &last), ("days", &days)]);
                let label = ui.label(egui::RichText::new(text).strong());
                if let Some(gap) = rhythm.usual_gap_days {
                    label.on_hover_text(trf(view.lang, "detail.usual_gap", &[("days", &format!("{gap:.0}"))]));
                }
            });
        }
    });
    // Why the tier: where its score places it and what lifts or holds it back.
    if let Some(why) = row.and_then(|r| r.why.as_ref()) {
        ui.label(egui::RichText::new(why.render(view.lang)).small().weak());
    }
}
