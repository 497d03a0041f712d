//! The customer's group siblings: the other members of each group it belongs to (a click opens
//! them) and the members that buy our kind of products only from others — the referral list.

use super::super::i18n::trf;
use super::super::{Command, View};
use crate::analysis::groups::GroupView;
use crate::model::CompanyId;
use crate::text::country::country;
use crate::text::number::{money, percent};

/// Each group with its other members and its referral list.
pub(super) fn groups(ui: &mut egui::Ui, view: &View, id: CompanyId, groups: &[GroupView], commands: &mut Vec<Command>) {
    ui.strong(view.t("detail.groups"));
    if groups.is_empty() {
        ui.label(egui::RichText::new(view.t("detail.no_groups")).weak());
        return;
    }
    for g in groups {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(&g.name).strong());
                if g.suggested {
                    ui.label(egui::RichText::new(view.t("growth.suggested")).italics().weak());
                }
                if g.referral_value > 0.0 {
                    ui.label(
                        egui::RichText::new(trf(view.lang, "growth.referral", &[("value", &money(view.lang, g.referral_value))])).weak(),
                    );
                }
            });
            let siblings: Vec<_> = g.members.iter().filter(|m| m.id != id).collect();
            if siblings.is_empty() {
                ui.label(egui::RichText::new(view.t("detail.no_siblings")).weak());
            }
            for m in siblings {
                ui.horizontal_wrapped(|ui| {
                    if ui.link(&m.customer).on_hover_text(view.t("detail.open_customer")).clicked() {
                        commands.push(Command::OpenCustomer(m.id));
                    }
                    if let Some(raw) = &m.country {
                        ui.label(egui::RichText::new(country(view.lang, raw)).weak());
                    }
                    let figures = trf(
                        view.lang,
                        "detail.sibling_figures",
                        &[("ours", &money(view.lang, m.our_sales_12m)), ("category", &money(view.lang, m.category_12m))],
                    );
                    ui.label(egui::RichText::new(figures).small());
                });
            }
            for m in &g.missing_members {
                ui.horizontal_wrapped(|ui| {
                    ui.label(egui::RichText::new(view.t("growth.missing")).small().color(crate::ui::badge::rgb(crate::palette::WARN)));
                    // A member we do not serve is still a buyer in the data: it can be opened too.
                    if ui.link(&m.customer).on_hover_text(view.t("detail.open_customer")).clicked() {
                        commands.push(Command::OpenCustomer(m.id));
                    }
                    if m.former_customer {
                        ui.label(egui::RichText::new(view.t("growth.former")).italics().small());
                    }
                    ui.label(egui::RichText::new(money(view.lang, m.category_12m)).small());
                    let suppliers: Vec<String> = m.suppliers.iter().map(|s| format!("{} {}", s.supplier, percent(Some(s.share)))).collect();
                    ui.label(egui::RichText::new(suppliers.join(", ")).small().weak());
                });
            }
        });
    }
}
