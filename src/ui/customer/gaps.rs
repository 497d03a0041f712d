//! The customer's cross-sell gaps: related products it buys from others, with their figures, who
//! supplies them and the opportunity, exportable like every table.

use super::super::export_menu;
use super::super::i18n::trf;
use super::super::{Command, View};
use crate::analysis::crosssell::{CustomerGaps, Gap};
use crate::export::{Table, Value};
use crate::text::number::{change, money, percent};
use egui_extras::{Column, TableBuilder};

/// Suppliers named in a row; the rest are on hover.
const SUPPLIERS_SHOWN: usize = 2;

const HEADERS: [&str; 7] = ["col.hs", "col.product", "col.value_12m", "col.growth", "col.suppliers", "col.opportunity", "col.reason"];

/// The product's name in the interface language: the HS text, or its chapter's Chinese name.
fn product(view: &View, g: &Gap) -> String {
    let en = g.description.as_deref().or(g.file_description.as_deref()).unwrap_or("");
    view.pick(en, g.chapter_zh.as_deref().unwrap_or(en)).to_string()
}

fn suppliers(g: &Gap, all: bool) -> String {
    let take = if all { g.suppliers.len() } else { SUPPLIERS_SHOWN };
    g.suppliers.iter().take(take).map(|s| format!("{} {}", s.supplier, percent(Some(s.share)))).collect::<Vec<_>>().join(", ")
}

/// The heading, the export buttons and the table.
pub(super) fn gaps(ui: &mut egui::Ui, view: &View, gaps: Option<&CustomerGaps>, name: &str, commands: &mut Vec<Command>) {
    let list: &[Gap] = gaps.map_or(&[], |g| &g.gaps);
    ui.horizontal(|ui| {
        ui.strong(view.t("detail.gaps"));
        if let Some(g) = gaps.filter(|g| g.opportunity > 0.0) {
            ui.label(egui::RichText::new(trf(view.lang, "detail.gaps_total", &[("value", &money(view.lang, g.opportunity))])).weak());
        }
        if !list.is_empty() {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                export_menu::buttons(ui, view, || table(view, list, name), commands);
            });
        }
    });
    if list.is_empty() {
        ui.label(egui::RichText::new(view.t("detail.no_gaps")).weak());
        return;
    }
    let row_height = crate::ui::cell::row_height(ui);
    // The page scrolls, not the table: every gap is laid out (a customer has tens, not thousands).
    TableBuilder::new(ui)
        .id_salt("customer-gaps")
        .striped(true)
        .vscroll(false)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        // Text columns share what the figures leave, so the table fits a one-column page too.
        .column(Column::exact(64.0))
        .column(Column::remainder().at_least(120.0).clip(true))
        .column(Column::exact(80.0))
        .column(Column::exact(56.0))
        .column(Column::initial(150.0).at_least(80.0).clip(true))
        .column(Column::exact(100.0))
        .column(Column::remainder().at_least(120.0).clip(true))
        .header(22.0, |mut h| {
            super::super::cell::header(&mut h, view, &HEADERS);
        })
        .body(|body| {
            body.rows(row_height, list.len(), |mut row| {
                let Some(g) = list.get(row.index()) else { return };
                row.col(|ui| {
                    ui.label(g.hs.to_string());
                });
                row.col(|ui| {
                    let label = crate::ui::cell::two_lines(ui, product(view, g));
                    if let Some(file) = &g.file_description {
                        label.on_hover_text(file.as_str());
                    }
                });
                row.col(|ui| {
                    ui.label(money(view.lang, g.value_12m));
                });
                row.col(|ui| {
                    ui.label(if g.value_prior_12m > 0.0 { change(g.growth) } else { view.t("detail.new_code").to_string() });
                });
                row.col(|ui| {
                    let label = crate::ui::cell::two_lines(ui, suppliers(g, false));
                    if g.suppliers.len() > SUPPLIERS_SHOWN {
                        label.on_hover_text(suppliers(g, true));
                    }
                });
                row.col(|ui| {
                    ui.label(egui::RichText::new(money(view.lang, g.opportunity)).strong());
                });
                row.col(|ui| {
                    crate::ui::cell::two_lines(ui, view.pick(&g.reason, &g.reason_zh));
                });
            });
        });
}

/// The table as exported: whole figures, every supplier.
fn table(view: &View, list: &[Gap], name: &str) -> Table {
    Table {
        title: trf(view.lang, "detail.gaps_title", &[("name", &name)]),
        headers: HEADERS.iter().map(|k| view.t(k).to_string()).collect(),
        rows: list
            .iter()
            .map(|g| {
                vec![
                    Value::from(g.hs.to_string()),
                    Value::from(product(view, g)),
                    Value::from(g.value_12m.round()),
                    Value::from(g.growth.map(|x| (x * 1000.0).round() / 1000.0)),
                    Value::from(suppliers(g, true)),
                    Value::from(g.opportunity.round()),
                    Value::from(view.pick(&g.reason, &g.reason_zh)),
                ]
            })
            .collect(),
    }
}
