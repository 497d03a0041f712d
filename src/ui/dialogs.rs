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
    /// The folder for the quarterly review's reports (in this language; the default folder name).
    ReviewFolder(crate::model::Lang, String),
}

/// Customs files the import understands.
pub const IMPORT_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "xlsb", "ods", "csv", "tsv", "txt"];

/// Nothing chosen this fast means no dialog opened (no desktop portal, no display): nobody cancels
/// a dialog within a quarter of a second.
fn no_dialog(elapsed: std::time::Duration) -> bool {
    elapsed < std::time::Duration::from_millis(250)
}

/// What happens when no dialog can open: a file to save goes to the documents folder under its
/// usual name (and the notice says where); files to open are dropped on the window instead.
fn without_dialog(purpose: Purpose) -> Event {
    let folder = directories::UserDirs::new().and_then(|u| u.document_dir().or(Some(u.home_dir())).map(PathBuf::from));
    let name = match &purpose {
        Purpose::Export(format, table) => Some(format!("{}.{}", table.title, format.extension())),
        Purpose::Report(_, name) | Purpose::ReviewFolder(_, name) => Some(name.clone()),
        Purpose::Import | Purpose::OpenWorkspace => None,
    };
    match (folder, name) {
        (Some(folder), Some(name)) => Event::Picked(purpose, vec![free_path(&folder, &name)]),
        (_, Some(_)) => Event::Failed(crate::msg!("error.no_dialog_save")),
        (_, None) if purpose == Purpose::OpenWorkspace => Event::Failed(crate::msg!("error.no_dialog_workspace")),
        (_, None) => Event::Failed(crate::msg!("error.no_dialog_import")),
    }
}

/// `folder/name`, or `folder/name (2)`… when a file of that name is already there.
fn free_path(folder: &std::path::Path, name: &str) -> PathBuf {
    let path = folder.join(name);
    if !path.exists() {
        return path;
    }
    let (stem, ext) = name.rsplit_once('.').map_or((name, String::new()), |(s, e)| (s, format!(".{e}")));
    (2..).map(|n| folder.join(format!("{stem} ({n}){ext}"))).find(|p| !p.exists()).unwrap_or(path)
}

/// Opens the dialog for `purpose` and sends what was chosen (nothing when cancelled).
pub fn open(purpose: Purpose, title: String, events: Sender<Event>, repaint: egui::Context) {
    let failed = events.clone();
    let spawned = std::thread::Builder::new().name("file-dialog".into()).spawn(move || {
        let started = std::time::Instant::now();
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
                Purpose::ReviewFolder(..) => rfd::AsyncFileDialog::new()
                    .set_title(&title)
                    .pick_folder()
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
        } else if no_dialog(started.elapsed()) {
            let _ = events.send(without_dialog(purpose));
        }
        repaint.request_repaint();
    });
    if let Err(err) = spawned {
        let _ = failed.send(Event::Failed(crate::msg!("error.file_dialog", detail = err.to_string())));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dialog_that_returns_at_once_never_opened() {
        assert!(no_dialog(std::time::Duration::from_millis(3)));
        assert!(!no_dialog(std::time::Duration::from_secs(2)), "a person took two seconds to cancel");
    }

    #[test]
    fn without_a_dialog_a_file_is_saved_beside_the_others_never_over_them() {
        let dir = std::env::temp_dir().join(format!("cr-dialogs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        assert_eq!(free_path(&dir, "health-ACME-zh.pdf"), dir.join("health-ACME-zh.pdf"));
        std::fs::write(dir.join("health-ACME-zh.pdf"), b"x").expect("write");
        assert_eq!(free_path(&dir, "health-ACME-zh.pdf"), dir.join("health-ACME-zh (2).pdf"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn files_to_open_without_a_dialog_are_dropped_on_the_window() {
        match without_dialog(Purpose::Import) {
            Event::Failed(m) => assert_eq!(m.key(), "error.no_dialog_import"),
            other => panic!("{other:?}"),
        }
    }
}
