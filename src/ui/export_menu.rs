//! The ".xlsx / .csv" buttons every table carries.

use super::{Command, View};
use crate::export::{ExportFormat, Table};

/// Two buttons; the table is built only when one is clicked.
pub fn buttons(ui: &mut egui::Ui, view: &View, make: impl FnOnce() -> Table, commands: &mut Vec<Command>) {
    let xlsx = ui.button(view.t("app.export_xlsx")).clicked();
    let csv = ui.button(view.t("app.export_csv")).clicked();
    if xlsx || csv {
        commands.push(Command::Export(make(), if xlsx { ExportFormat::Xlsx } else { ExportFormat::Csv }));
    }
}
