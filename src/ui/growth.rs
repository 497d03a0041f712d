//! Cross-sell & groups: the portfolio-wide gap list and the groups with their referral lists;
//! suggested groups are accepted or rejected here.

use super::export_menu;
use super::i18n::trf;
use super::worker::Request;
use super::{Command, View};
use crate::analysis::crosssell::PortfolioGap;
use crate::analysis::groups::GroupView;
use crate::app::change::Change;
use crate::export::{Table, Value};
use crate::text::country::country;
use crate::text::number::{money, percent};
use egui_extras::{Column, TableBuilder};

/// The growth screen's state.
#[derive(Default)]
pub struct GrowthScreen {}

impl GrowthScreen {
    /// Draws the screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
        if !view.snap.knows_us() {
            ui.label(view.t("app.need_me"));
            return;
        }
        super::supply::portfolio(ui, view, commands);
        ui.separator();
        let height = ui.available_height();
        ui.allocate_ui(egui::vec2(ui.available_width(), height * 0.55), |ui| gaps(ui, view, commands));
        ui.separator();
        groups(ui, view, commands);
    }
}

fn gaps(ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    let list: &[PortfolioGap] = view.snap.crosssell.as_ref().map_or(&[], |c| &c.portfolio);
    ui.horizontal(|ui| {
        ui.heading(view.t("growth.gaps"));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            export_menu::buttons(ui, view, || gaps_table(view, list), commands);
        });
    });
    ui.label(egui::RichText::new(view.t("growth.gaps_note")).weak());
    if list.is_empty() {
        ui.label(view.t("growth.no_gaps"));
        return;
    }
    let row_height = super::cell::row_height(ui);
    TableBuilder::new(ui)
        .id_salt("gaps")
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(240.0).clip(true))
        .column(Column::initial(70.0))
        .column(Column::initial(230.0).clip(true))
        .column(Column::initial(95.0))
        .column(Column::initial(110.0))
        .column(Column::remainder().clip(true))
        .header(22.0, |mut h| {
            super::cell::header(&mut h, view, &["col.customer", "col.hs", "col.product", "col.value_12m", "col.opportunity", "col.reason"]);
        })
        .body(|body| {
            body.rows(row_height, list.len(), |mut row| {
                let Some(g) = list.get(row.index()) else { return };
                row.col(|ui| {
                    if ui.link(&g.customer).clicked() {
                        commands.push(Command::OpenCustomer(g.id));
                    }
                });
                row.col(|ui| {
                    ui.label(g.hs.to_string());
                });
                row.col(|ui| {
                    super::cell::two_lines(ui, g.description.as_deref().unwrap_or(""));
                });
                row.col(|ui| {
                    ui.label(money(view.lang, g.value_12m));
                });
                row.col(|ui| {
                    ui.label(egui::RichText::new(money(view.lang, g.opportunity)).strong());
                });
                row.col(|ui| {
                    super::cell::two_lines(ui, view.pick(&g.reason, &g.reason_zh));
                });
            });
        });
}

fn gaps_table(view: &View, list: &[PortfolioGap]) -> Table {
    let headers = ["col.customer", "col.hs", "col.product", "col.value_12m", "col.opportunity", "col.reason"];
    Table {
        title: view.t("growth.gaps").to_string(),
        headers: view.texts(&headers),
        rows: list
            .iter()
            .map(|g| {
                vec![
                    Value::from(g.customer.as_str()),
                    Value::from(g.hs.to_string()),
                    Value::from(g.description.clone()),
                    Value::from(g.value_12m.round()),
                    Value::from(g.opportunity.round()),
                    Value::from(view.pick(&g.reason, &g.reason_zh)),
                ]
            })
            .collect(),
    }
}

fn groups(ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    let list: &[GroupView] = view.snap.groups.as_ref().map_or(&[], |g| &g.groups);
    ui.horizontal(|ui| {
        ui.heading(view.t("growth.groups"));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            export_menu::buttons(ui, view, || referral_table(view, list), commands);
        });
    });
    ui.label(egui::RichText::new(view.t("growth.groups_note")).weak());
    if list.is_empty() {
        ui.label(view.t("growth.no_groups"));
        return;
    }
    egui::ScrollArea::vertical().id_salt("groups").show(ui, |ui| {
        for g in list {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.strong(&g.name);
                    if g.suggested {
                        ui.label(egui::RichText::new(view.t("growth.suggested")).italics());
                        let members: Vec<_> = g.members.iter().map(|m| m.id).collect();
                        if ui.button(view.t("growth.accept")).clicked() {
                            let group = g.adds_to.clone().unwrap_or_else(|| g.name.clone());
                            let change = Change::AcceptGroup { token: g.name.clone(), group, members: members.clone() };
                            commands.push(Command::Send(Request::Apply(change)));
                        }
                        if ui.button(view.t("growth.reject")).clicked() {
                            commands.push(Command::Send(Request::Apply(Change::RejectGroup { token: g.name.clone(), members })));
                        }
                    }
                    if g.referral_value > 0.0 {
                        ui.label(trf(view.lang, "growth.referral", &[("value", &money(view.lang, g.referral_value))]));
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    ui.label(egui::RichText::new(view.t("col.members")).weak());
                    for m in &g.members {
                        if ui.link(&m.customer).clicked() {
                            commands.push(Command::OpenCustomer(m.id));
                        }
                        ui.label(egui::RichText::new(money(view.lang, m.our_sales_12m)).weak());
                    }
                });
                for m in &g.missing_members {
                    ui.horizontal(|ui| {
                        ui.label(egui::RichText::new(view.t("growth.missing")).color(crate::ui::badge::rgb(crate::palette::WARN)));
                        if ui.link(&m.customer).clicked() {
                            commands.push(Command::OpenCustomer(m.id));
                        }
                        if m.former_customer {
                            ui.label(egui::RichText::new(view.t("growth.former")).italics());
                        }
                        ui.label(money(view.lang, m.category_12m));
                        let suppliers: Vec<String> =
                            m.suppliers.iter().map(|s| format!("{} {}", s.supplier, percent(Some(s.share)))).collect();
                        ui.label(egui::RichText::new(suppliers.join(", ")).weak());
                    });
                }
            });
        }
    });
}

fn referral_table(view: &View, list: &[GroupView]) -> Table {
    let headers = ["col.group", "col.customer", "col.country", "col.wallet", "col.suppliers"];
    Table {
        title: view.t("growth.groups").to_string(),
        headers: view.texts(&headers),
        rows: list
            .iter()
            .flat_map(|g| {
                g.missing_members.iter().map(move |m| {
                    let suppliers: Vec<String> = m.suppliers.iter().map(|s| format!("{} {}", s.supplier, percent(Some(s.share)))).collect();
                    vec![
                        Value::from(g.name.as_str()),
                        Value::from(m.customer.as_str()),
                        Value::from(m.country.as_deref().map(|k| country(view.lang, k).into_owned())),
                        Value::from(m.category_12m.round()),
                        Value::from(suppliers.join(", ")),
                    ]
                })
            })
            .collect(),
    }
}
