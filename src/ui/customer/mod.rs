//! One customer: its figures, the signals and the playbook, the share curve, the supplier
//! structure, the HS mix, its group siblings, the CRM card and its cross-sell gaps — one scrolling
//! page, two columns when the window is wide enough.

mod charts;
mod crm;
mod gaps;
mod groups;
mod header;
mod mix;
mod next_order;
mod signals;
mod suppliers;
mod supply;

#[cfg(test)]
mod tests;

use super::{Command, View};
use crate::app::detail::CustomerDetail;
use crate::model::{CompanyId, Hs6, Lang};
use crate::report::{ReportKind, ReportRequest};
use std::sync::Arc;

/// Below this width the page has one column (charts need about 420 points each).
const TWO_COLUMNS: f32 = 880.0;

/// The customer screen's state.
#[derive(Default)]
pub struct CustomerScreen {
    open: Option<CompanyId>,
    detail: Option<Arc<CustomerDetail>>,
    crm: crm::CrmState,
    /// The language chosen for briefings (the interface's until changed).
    report_lang: Option<Lang>,
    /// The insight brief names competitors and their prices (off: it goes to the customer).
    report_competitors: bool,
}

impl CustomerScreen {
    /// Starts showing a customer (its detail arrives from the worker).
    pub fn open(&mut self, id: CompanyId) {
        if self.open != Some(id) {
            // Naming competitors in a brief handed to a customer is chosen per customer, never carried over.
            self.report_competitors = false;
        }
        self.open = Some(id);
        if self.detail.as_ref().is_some_and(|d| d.id != id) {
            self.detail = None;
        }
    }

    /// The customer shown.
    pub fn open_id(&self) -> Option<CompanyId> {
        self.open
    }

    /// The worker's answer.
    pub fn on_detail(&mut self, detail: Arc<CustomerDetail>) {
        if Some(detail.id) == self.open {
            self.detail = Some(detail);
        }
    }

    /// The detail shown, once it has arrived.
    pub fn detail(&self) -> Option<&CustomerDetail> {
        self.detail.as_deref()
    }

    /// "Export briefing": a report kind about this customer, in either language.
    fn report_menu(&mut self, ui: &mut egui::Ui, view: &View, id: CompanyId, commands: &mut Vec<Command>) {
        // The language sits beside the menu: a click inside a menu closes it.
        let chosen = self.report_lang.get_or_insert(view.lang);
        ui.menu_button(view.t("report.export"), |ui| {
            for (kind, key) in [
                (ReportKind::Health, "report.kind.health"),
                (ReportKind::Insight, "report.kind.insight"),
                (ReportKind::Handover, "report.kind.handover"),
            ] {
                if ui.button(view.t(key)).clicked() {
                    let competitors = kind == ReportKind::Insight && self.report_competitors;
                    commands.push(Command::ExportReport(ReportRequest {
                        kind,
                        customer: Some(id),
                        lang: *chosen,
                        as_of: None,
                        competitors,
                        since: None,
                    }));
                    ui.close();
                }
            }
        });
        ui.label(egui::RichText::new(view.t("report.language")).weak());
        ui.radio_value(chosen, Lang::En, "English");
        ui.radio_value(chosen, Lang::Zh, "中文");
        // The insight brief goes to the customer: rivals' names and prices only when chosen.
        ui.checkbox(&mut self.report_competitors, view.t("report.with_competitors")).on_hover_text(view.t("report.with_competitors_tip"));
    }

    /// Draws the screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            if ui.button(view.t("app.back")).clicked() {
                commands.push(Command::Navigate(super::Screen::Customers));
            }
            if let Some(id) = self.open {
                self.report_menu(ui, view, id, commands);
            }
        });
        let Some(d) = self.detail.clone() else {
            ui.centered_and_justified(|ui| ui.spinner());
            return;
        };
        header::header(ui, view, &d);
        ui.separator();
        let today = chrono::Local::now().date_naive();
        // One scroll position per customer: a newly opened one starts at its top.
        egui::ScrollArea::vertical().id_salt(("customer-detail", d.id)).auto_shrink(false).show(ui, |ui| {
            let page = Page { view, d: &d };
            if ui.available_width() >= TWO_COLUMNS {
                ui.columns(2, |cols| {
                    section(&mut cols[0], |ui| page.signals(ui));
                    section(&mut cols[1], |ui| crm::card(ui, view, &mut self.crm, d.id, &d.crm, today, commands));
                });
                ui.columns(2, |cols| {
                    section(&mut cols[0], |ui| page.share_curve(ui));
                    section(&mut cols[1], |ui| page.suppliers(ui));
                });
                ui.columns(2, |cols| {
                    section(&mut cols[0], |ui| page.mix(ui));
                    section(&mut cols[1], |ui| groups::groups(ui, view, d.id, &d.groups, commands));
                });
            } else {
                section(ui, |ui| page.signals(ui));
                section(ui, |ui| page.share_curve(ui));
                section(ui, |ui| page.suppliers(ui));
                section(ui, |ui| page.mix(ui));
                section(ui, |ui| groups::groups(ui, view, d.id, &d.groups, commands));
                section(ui, |ui| crm::card(ui, view, &mut self.crm, d.id, &d.crm, today, commands));
            }
            section(ui, |ui| gaps::gaps(ui, view, d.gaps.as_ref(), &d.name, commands));
        });
    }
}

/// A framed block of the page, as wide as its column.
fn section(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    egui::Frame::new().inner_margin(10).corner_radius(6.0).stroke(ui.visuals().widgets.noninteractive.bg_stroke).show(ui, |ui| {
        ui.set_width(ui.available_width());
        add(ui);
    });
    ui.add_space(8.0);
}

/// The read-only sections, drawn from one detail.
struct Page<'a> {
    view: &'a View<'a>,
    d: &'a CustomerDetail,
}

impl Page<'_> {
    fn signals(&self, ui: &mut egui::Ui) {
        signals::signals(ui, self.view, self.d.health.as_ref());
        signals::playbook(ui, self.view, self.d.advice.as_ref());
        ui.add_space(8.0);
        next_order::next_order(ui, self.view, self.d.next_order.as_ref(), self.d.season.as_ref());
    }

    fn share_curve(&self, ui: &mut egui::Ui) {
        match &self.d.profile {
            Some(p) => charts::share_curve(ui, self.view, &p.share_curve),
            None => no_profile(ui, self.view, "detail.share_curve"),
        }
    }

    fn suppliers(&self, ui: &mut egui::Ui) {
        match &self.d.profile {
            Some(p) => suppliers::supplier_structure(ui, self.view, &p.supplier_structure, &p.new_suppliers, self.d.as_of),
            None => no_profile(ui, self.view, "detail.supplier_structure"),
        }
        ui.add_space(8.0);
        supply::supply(ui, self.view, self.d.supply.as_ref());
        if let Some(m) = &self.d.market {
            ui.add_space(4.0);
            ui.label(m.message().render(self.view.lang));
        }
    }

    fn mix(&self, ui: &mut egui::Ui) {
        // Codes we sell, as the profile's demand list marks them (the last two years' codes).
        let ours: Vec<&str> = self.d.profile.iter().flat_map(|p| &p.demand).filter(|c| c.in_catalog).map(|c| c.hs6.as_str()).collect();
        let in_catalog = |code: Hs6| ours.contains(&code.to_string().as_str());
        mix::hs_mix(ui, self.view, &self.d.mix, self.d.as_of, &in_catalog);
    }
}

/// A chart's title and why it is empty: no records by the as-of date.
fn no_profile(ui: &mut egui::Ui, view: &View, title: &str) {
    ui.strong(view.t(title));
    ui.label(egui::RichText::new(view.t("detail.no_records")).weak());
}
