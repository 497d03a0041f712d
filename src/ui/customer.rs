//! One customer: signals and playbook, share curve, supplier structure, demand, cross-sell, groups.

use super::detail::CustomerDetail;
use super::{Command, View};
use crate::model::CompanyId;
use std::sync::Arc;

/// The customer screen's state.
#[derive(Default)]
pub struct CustomerScreen {
    open: Option<CompanyId>,
    detail: Option<Arc<CustomerDetail>>,
}

impl CustomerScreen {
    /// Starts showing a customer (its detail arrives from the worker).
    pub fn open(&mut self, id: CompanyId) {
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

    /// Draws the screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
        if ui.button(view.t("app.back")).clicked() {
            commands.push(Command::Navigate(super::Screen::Customers));
        }
        let Some(d) = &self.detail else {
            ui.spinner();
            return;
        };
        ui.heading(&d.name);
    }
}
