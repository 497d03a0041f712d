//! Native file dialogs (rfd), run on their own thread so the window keeps drawing while one is
//! open; the chosen paths come back as a worker event.

use super::worker::Event;
use crate::export::ExportFormat;
use std::path::PathBuf;
use std::sync::mpsc::Sender;

/// Why files were asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    /// Files to import.
    Import,
    /// Where to save an export (the table travels with the request).
    Export(ExportFormat, Box<crate::export::Table>),
    /// A workspace file to open.
    OpenWorkspace,
    /// Where to save a PDF briefing (with its default file name).
    Report(crate::report::ReportRequest, String),
}

/// Customs files the import understands.
pub const IMPORT_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "xlsb", "ods", "csv", "tsv", "txt"];

/// Opens the dialog for `purpose` and sends what was chosen (nothing when cancelled).
pub fn open(purpose: Purpose, title: String, events: Sender<Event>, repaint: egui::Context) {
    let failed = events.clone();
    let spawned = std::thread::Builder::new().name("file-dialog".into()).spawn(move || {
        let chosen: Vec<PathBuf> = pollster::block_on(async {
            match &purpose {
                Purpose::Import => rfd::AsyncFileDialog::new()
                    .set_title(&title)
                    .add_filter("customs data", IMPORT_EXTENSIONS)
                    .pick_files()
                    .await
                    .map(|files| files.iter().map(|f| f.path().to_path_buf()).collect())
                    .unwrap_or_default(),
                Purpose::Export(format, table) => rfd::AsyncFileDialog::new()
                    .set_title(&title)
                    .set_file_name(format!("{}.{}", table.title, format.extension()))
                    .add_filter(format.extension(), &[format.extension()])
                    .save_file()
                    .await
                    .map(|f| vec![f.path().to_path_buf()])
                    .unwrap_or_default(),
                Purpose::Report(_, name) => rfd::AsyncFileDialog::new()
                    .set_title(&title)
                    .set_file_name(name.as_str())
                    .add_filter("PDF", &["pdf"])
                    .save_file()
                    .await
                    .map(|f| vec![f.path().to_path_buf()])
                    .unwrap_or_default(),
                Purpose::OpenWorkspace => rfd::AsyncFileDialog::new()
                    .set_title(&title)
                    .add_filter("workspace", &["sqlite", "db"])
                    .pick_file()
                    .await
                    .map(|f| vec![f.path().to_path_buf()])
                    .unwrap_or_default(),
            }
        });
        if !chosen.is_empty() {
            let _ = events.send(Event::Picked(purpose, chosen));
            repaint.request_repaint();
        }
    });
    if let Err(err) = spawned {
        let _ = failed.send(Event::Failed(crate::msg!("error.file_dialog", detail = err.to_string())));
    }
}
