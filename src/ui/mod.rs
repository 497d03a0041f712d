//! The desktop window (eframe, glow). [`app::RadarApp`] holds view state only: it sends requests to
//! the [`worker`], which owns the workspace, and draws the immutable [`Snapshot`]s that come
//! back. One screen per file; screens return [`Command`]s that the app applies in one place.

pub mod app;
pub mod badge;
pub mod cell;
pub mod customer;
pub mod customers;
pub mod dashboard;
pub mod dialogs;
pub mod export_menu;
pub mod fonts;
pub mod growth;
pub mod i18n;
pub mod import;
pub mod quarter_chart;
pub mod rhythm;
pub mod settings;
pub mod supply;
pub mod tiers;
pub mod welcome;
pub mod worker;

use crate::app::snapshot::Snapshot;
use crate::export::{ExportFormat, Table};
use crate::model::CompanyId;
use i18n::Lang;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The screens of the left navigation (and the customer detail reached from them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Screen {
    /// Portfolio figures and alerts.
    #[default]
    Dashboard,
    /// The customer table.
    Customers,
    /// One customer.
    Customer,
    /// Cross-sell gaps and groups.
    Growth,
    /// Weights and tiers.
    Tiers,
    /// What changed, the quarterly review, the team.
    Rhythm,
    /// Importing files.
    Import,
    /// Settings.
    Settings,
}

impl Screen {
    /// The screens listed in the navigation, in order.
    pub const NAV: [Screen; 7] =
        [Screen::Dashboard, Screen::Customers, Screen::Rhythm, Screen::Growth, Screen::Tiers, Screen::Import, Screen::Settings];

    /// The translation key of its name.
    pub fn key(self) -> &'static str {
        match self {
            Screen::Dashboard => "nav.dashboard",
            Screen::Customers | Screen::Customer => "nav.customers",
            Screen::Growth => "nav.growth",
            Screen::Tiers => "nav.tiers",
            Screen::Rhythm => "nav.rhythm",
            Screen::Import => "nav.import",
            Screen::Settings => "nav.settings",
        }
    }
}

/// What a screen asks the app to do.
#[derive(Debug)]
#[allow(clippy::large_enum_variant, reason = "a few commands per user action, applied the same frame")]
pub enum Command {
    /// Show another screen.
    Navigate(Screen),
    /// Show a tab of the review screen.
    ShowRhythm(rhythm::Tab),
    /// Open a customer's detail.
    OpenCustomer(CompanyId),
    /// Show the customer table filtered to one health level or tier (the other filters cleared).
    ShowCustomers(Option<crate::analysis::health::Level>, Option<crate::analysis::tiers::Tier>),
    /// Send a request to the worker.
    Send(worker::Request),
    /// Ask for files to import.
    PickImportFiles,
    /// Ask where to save a table, then save it.
    Export(Table, ExportFormat),
    /// Stop the running import or tuning.
    Cancel,
    /// Ask where to save a PDF briefing, then render it on the worker.
    ExportReport(crate::report::ReportRequest),
    /// Change the interface language (kept in the app's preferences, not the workspace).
    SetLanguage(Lang),
    /// Switch between the dark and the light theme (kept in the app's preferences).
    SetDarkMode(bool),
    /// Ask for a workspace file, then open it.
    OpenWorkspaceDialog,
    /// Ask for a folder, then make the quarterly review's reports there in this language (the
    /// folder's default name, used when no dialog can open).
    MakeReviewReports(Lang, String),
}

/// The changes a screen's commands ask the worker to apply (for the screens' tests).
#[cfg(test)]
pub(crate) fn sent_changes(commands: &[Command]) -> Vec<crate::app::change::Change> {
    commands
        .iter()
        .filter_map(|c| match c {
            Command::Send(worker::Request::Apply(change)) => Some(change.clone()),
            _ => None,
        })
        .collect()
}

/// What every screen reads while drawing.
pub struct View<'a> {
    /// The interface language.
    pub lang: Lang,
    /// The current results.
    pub snap: &'a Snapshot,
}

impl View<'_> {
    /// Translated text for a key.
    pub fn t(&self, key: &str) -> &'static str {
        i18n::tr(self.lang, key)
    }

    /// Translated texts for keys, in order (an export table's headers).
    pub fn texts(&self, keys: &[&str]) -> Vec<String> {
        keys.iter().map(|k| self.t(k).to_string()).collect()
    }

    /// English or Chinese.
    pub fn pick<'s>(&self, en: &'s str, zh: &'s str) -> &'s str {
        self.lang.pick(en, zh)
    }
}

/// Opens the window; `db` overrides the remembered workspace; `files` are imported once it is open.
pub fn run(db: Option<PathBuf>, files: Vec<PathBuf>) -> eframe::Result {
    // The log lives as long as the window; without it the window still works.
    let _log = crate::app::diagnostics::start(&crate::app::diagnostics::log_dir());
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")).ok();
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Customs Radar 海关客户雷达")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([960.0, 600.0])
        .with_drag_and_drop(true);
    if let Some(icon) = icon {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions { viewport, renderer: eframe::Renderer::Glow, ..Default::default() };
    eframe::run_native("customs-radar", options, Box::new(move |cc| Ok(Box::new(app::RadarApp::new(cc, db, files)))))
}
