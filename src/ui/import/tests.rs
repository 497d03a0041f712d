//! The import screen in a headless egui (egui_kittest, no rendering): the summary of a report, a
//! cancelled import, and the mapping dialog from a preview with a missing column to the import
//! request it sends.

use super::ImportScreen;
use crate::app::snapshot::Snapshot;
use crate::import::field::Field;
use crate::import::preview::{FilePreview, preview_events};
use crate::import::source::read_delimited_bytes;
use crate::store::{ColumnChoice, FileReport, ImportReport, RejectedRow, SheetReport};
use crate::ui::i18n::Lang;
use crate::ui::worker::{Job, Progress, Request};
use crate::ui::{Command, View};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use std::sync::Arc;

/// The screen and the commands it has emitted so far.
struct State {
    screen: ImportScreen,
    commands: Vec<Command>,
    lang: Lang,
    progress: Option<Progress>,
}

impl State {
    fn new(screen: ImportScreen, lang: Lang) -> State {
        State { screen, commands: Vec::new(), lang, progress: None }
    }
}

fn harness(state: State) -> Harness<'static, State> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(|ctx| ctx.set_fonts(crate::ui::fonts::definitions(None)))
        .build_ui_state(
            |ui, s: &mut State| {
                let snap = Snapshot::default();
                let view = View { lang: s.lang, snap: &snap };
                s.screen.ui(ui, &view, s.progress.as_ref(), &mut s.commands);
            },
            state,
        )
}

fn rejected_row(row: u32, column: &str, reason: crate::text::Message) -> RejectedRow {
    RejectedRow { file: "march.xlsx".into(), sheet: "Data".into(), row, column: column.into(), reason }
}

/// A report as the store makes it: one file, one sheet, 15 rows read = 10 + 3 + 2.
fn report() -> ImportReport {
    let rejected = vec![
        rejected_row(7, "金额(USD)", crate::msg!("import.reject.not_an_amount", text = "n/a")),
        rejected_row(9, "HS编码", crate::msg!("import.reject.hs_empty")),
    ];
    let sheet = SheetReport {
        sheet: "Data".into(),
        status: "imported",
        reason: None,
        hidden: false,
        header_row: Some(2),
        mapping_source: Some(crate::import::mapping::MappingSource::Auto),
        columns: vec![ColumnChoice { field: Field::Buyer, column: "B".into(), header: "进口商".into() }],
        notes: vec![crate::msg!("import.note.only_zeros", column = "金额(USD)")],
        warnings: vec![],
        unsure: vec![],
        rows_read: 15,
        imported: 10,
        duplicates: 3,
        rejected: 2,
        rows_skipped: 0,
    };
    let file = FileReport {
        file: "march.xlsx".into(),
        path: "/data/march.xlsx".into(),
        status: "imported",
        reason: None,
        content_hash: "abc".into(),
        imported_before: Some("2025-03-01T10:15:30+08:00".into()),
        rows_read: 15,
        imported: 10,
        duplicates: 3,
        rejected: 2,
        sheets: vec![sheet],
        notes: vec![],
        rejected_rows: vec![],
    };
    ImportReport { rows_read: 15, imported: 10, duplicates: 3, rejected, files: vec![file] }
}

fn shown(h: &Harness<'_, State>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn the_summary_shows_the_counts_the_files_and_the_rejected_rows() {
    let mut screen = ImportScreen::default();
    screen.on_imported(Arc::new(report()), false);
    let mut h = harness(State::new(screen, Lang::En));
    h.run();
    for figure in ["15", "10", "3"] {
        assert!(h.query_all_by_label(figure).next().is_some(), "the total {figure} is shown");
    }
    assert!(shown(&h, "Rows read") && shown(&h, "Duplicates"));
    assert!(shown(&h, "march.xlsx"), "the file is named");
    assert!(shown(&h, "imported before (2025-03-01 10:15)"), "the earlier import of the same file is flagged");
    assert!(shown(&h, "'n/a' is not an amount"), "a rejected row's reason is listed");
    assert!(shown(&h, "the HS code is empty"));
    assert!(shown(&h, "Buyer (importer) ← 进口商 (B)"), "the column chosen for a field is shown");
    assert!(!shown(&h, "Nothing was changed"));
    h.get_by_label("Export .csv").click();
    h.run();
    let table = h.state().commands.iter().find_map(|c| match c {
        Command::Export(table, _) => Some(table.clone()),
        _ => None,
    });
    let table = table.expect("the rejected rows are exported");
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.headers, ["File", "Sheet", "Row", "Column", "Reason"]);
}

#[test]
fn a_number_that_looks_wrong_is_shown_with_its_file() {
    let mut r = report();
    let typed = crate::msg!("import.warn.all_zero");
    let warning = typed.render(Lang::En);
    r.files[0].sheets[0].warnings.push(typed);
    let mut screen = ImportScreen::default();
    screen.on_imported(Arc::new(r), false);
    let mut h = harness(State::new(screen, Lang::En));
    h.run();
    assert!(shown(&h, &format!("! Data: {warning}")), "the warning is shown beside the file, not folded away");
}

#[test]
fn a_cancelled_import_says_nothing_changed() {
    let mut screen = ImportScreen::default();
    screen.on_imported(Arc::new(ImportReport::default()), true);
    let mut h = harness(State::new(screen, Lang::En));
    h.run();
    assert!(shown(&h, "Import cancelled"));
    assert!(shown(&h, "Nothing was changed"), "a cancelled import says the workspace is as before");
    assert!(!shown(&h, "Rows read"), "no totals for an import that was rolled back");
}

#[test]
fn the_summary_reads_in_chinese() {
    let mut screen = ImportScreen::default();
    screen.on_imported(Arc::new(report()), false);
    let mut h = harness(State::new(screen, Lang::Zh));
    h.run();
    assert!(shown(&h, "读取行数") && shown(&h, "被拒绝的行"));
    // The library's messages read in Chinese too: a refused row's reason, a sheet's note.
    assert!(shown(&h, "“n/a”不是金额"), "a rejected row's reason in Chinese");
    assert!(shown(&h, "HS编码为空"));
}

fn preview_of(path: &str, csv: &str) -> FilePreview {
    let mut events = Vec::new();
    read_delimited_bytes(path, csv.as_bytes(), &mut |e| {
        events.push(e);
        true
    })
    .expect("csv");
    let sheets = preview_events(events, &|_| None);
    FilePreview { path: PathBuf::from(path), name: path.into(), sheets, error: None }
}

fn sent_imports(commands: &[Command]) -> Vec<(&Vec<PathBuf>, &Option<crate::import::mapping::FieldMap>)> {
    commands
        .iter()
        .filter_map(|c| match c {
            Command::Send(Request::Import { paths, mapping }) => Some((paths, mapping)),
            _ => None,
        })
        .collect()
}

#[test]
fn files_that_map_surely_are_imported_without_asking() {
    let mut screen = ImportScreen::default();
    let mut commands = Vec::new();
    let path = "shipments.csv";
    screen.on_files(vec![PathBuf::from(path)], &mut commands);
    assert!(matches!(commands.as_slice(), [Command::Send(Request::Preview(p))] if p == &[PathBuf::from(path)]), "a preview comes first");
    // The file tests/ui_app.rs drops on the whole window.
    let csv = "Date,Importer,Exporter,HS Code,Value USD,Weight KG\n\
               2025-01-05,ACME IMPORTS LTD,NINGBO HAIXING HARDWARE CO LTD,731815,12000,5000\n\
               2025-02-05,ACME IMPORTS LTD,NINGBO HAIXING HARDWARE CO LTD,731816,8000,3000\n\
               2025-03-05,,NINGBO HAIXING HARDWARE CO LTD,731815,9000,3000\n";
    let mut commands = Vec::new();
    screen.on_preview(vec![preview_of(path, csv)], &mut commands);
    let imports = sent_imports(&commands);
    assert_eq!(imports.len(), 1, "{commands:?}");
    assert_eq!(imports[0], (&vec![PathBuf::from(path)], &None));
    assert!(screen.pending.is_none());
}

#[test]
fn a_missing_column_opens_the_dialog_and_the_choice_is_sent_with_the_import() {
    let mut screen = ImportScreen::default();
    let mut commands = Vec::new();
    let (unclear, clear) = ("unclear.csv", "clear.csv");
    screen.on_files(vec![PathBuf::from(unclear), PathBuf::from(clear)], &mut commands);
    let unclear_csv = "日期,进口商,HS编码,备注\n2025-01-05,ACME LTD,7318159000,1200\n2025-02-05,BETA LLC,7318159000,800\n";
    let clear_csv = "Date,Importer,Exporter,HS Code,Value USD\n2025-01-05,ACME IMPORTS LTD,NINGBO CO LTD,731815,12000\n";
    let mut commands = Vec::new();
    screen.on_preview(vec![preview_of(unclear, unclear_csv), preview_of(clear, clear_csv)], &mut commands);
    assert!(sent_imports(&commands).is_empty(), "nothing is imported before the user answers");
    let mut h = harness(State { commands, ..State::new(screen, Lang::En) });
    h.run();
    assert!(shown(&h, "No column was found for: Value in USD"), "the dialog says what is missing");
    assert!(shown(&h, "Still missing: Value in USD"));
    assert!(shown(&h, "1200"), "the file's sample values are shown");
    h.get_by_role_and_label(Role::ComboBox, "Value in USD").click();
    h.run();
    h.get_by_label("D · 备注").click();
    h.run();
    assert!(!shown(&h, "Still missing"), "the value now has a column");
    h.get_by_label("Import with this mapping").click();
    h.run();
    let imports = sent_imports(&h.state().commands);
    assert_eq!(imports.len(), 1, "one import is sent");
    let (paths, mapping) = imports[0];
    assert_eq!(paths, &vec![PathBuf::from(clear), PathBuf::from(unclear)], "the clear file goes along");
    let mapping = mapping.as_ref().expect("the user's mapping is sent");
    assert_eq!(mapping.get(&Field::Value).map(String::as_str), Some("备注"));
    assert_eq!(mapping.get(&Field::Buyer).map(String::as_str), Some("进口商"), "the automatic choices are kept");
    assert!(h.state().screen.pending.is_none(), "the dialog is closed");
    assert!(!shown(&h, "Import with this mapping"));
}

#[test]
fn cancelling_the_dialog_imports_nothing() {
    let mut screen = ImportScreen::default();
    let mut commands = Vec::new();
    screen.on_files(vec![PathBuf::from("unclear.csv")], &mut commands);
    let csv = "日期,进口商,HS编码,备注\n2025-01-05,ACME LTD,7318159000,1200\n";
    screen.on_preview(vec![preview_of("unclear.csv", csv)], &mut commands);
    let mut h = harness(State::new(screen, Lang::En));
    h.run();
    h.get_by_label("Import with this mapping").click();
    h.run();
    assert!(sent_imports(&h.state().commands).is_empty(), "the import button waits for a value column");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(sent_imports(&h.state().commands).is_empty());
    assert!(h.state().screen.pending.is_none());
}

#[test]
fn a_stale_preview_is_ignored() {
    let mut screen = ImportScreen::default();
    let mut commands = Vec::new();
    screen.on_files(vec![PathBuf::from("old.csv")], &mut commands);
    screen.on_files(vec![PathBuf::from("new.csv")], &mut commands);
    let csv = "Date,Importer,Exporter,HS Code,Value USD\n2025-01-05,ACME IMPORTS LTD,NINGBO CO LTD,731815,12000\n";
    let mut commands = Vec::new();
    screen.on_preview(vec![preview_of("old.csv", csv)], &mut commands);
    assert!(commands.is_empty(), "the answer for replaced files starts nothing");
    screen.on_preview(vec![preview_of("new.csv", csv)], &mut commands);
    assert_eq!(sent_imports(&commands).len(), 1);
}

#[test]
fn a_running_import_shows_rows_rate_and_place_and_can_be_cancelled() {
    let progress =
        Progress { job: Job::Import, fraction: Some(0.5), detail: "march.xlsx · Data".into(), rows: 12_345, rows_per_sec: 6_789.4 };
    let mut h = harness(State { progress: Some(progress), ..State::new(ImportScreen::default(), Lang::En) });
    // The bar animates: a few frames, not until it settles.
    h.run_steps(3);
    assert!(shown(&h, "12,345 rows read"));
    assert!(shown(&h, "6,789 rows/s"));
    assert!(shown(&h, "march.xlsx · Data"), "the file and sheet being read");
    h.get_by_label("Cancel import").click();
    h.run_steps(3);
    assert!(h.state().commands.iter().any(|c| matches!(c, Command::Cancel)), "cancel reaches the worker");
    assert!(shown(&h, "Cancelling…"));
}

#[test]
fn each_unclear_layout_is_asked_about_in_turn() {
    let mut screen = ImportScreen::default();
    let mut commands = Vec::new();
    let (a, b) = ("a.csv", "b.csv");
    screen.on_files(vec![PathBuf::from(a), PathBuf::from(b)], &mut commands);
    let a_csv = "日期,进口商,HS编码,备注\n2025-01-05,ACME LTD,7318159000,1200\n";
    let b_csv = "日期,进口商,HS编码,说明\n2025-01-05,ACME LTD,7318159000,900\n";
    screen.on_preview(vec![preview_of(a, a_csv), preview_of(b, b_csv)], &mut commands);
    let mut h = harness(State::new(screen, Lang::En));
    h.run();
    assert!(shown(&h, "layout 1 of 2") && shown(&h, "File: a.csv"));
    h.get_by_role_and_label(Role::ComboBox, "Value in USD").click();
    h.run();
    h.get_by_label("D · 备注").click();
    h.run();
    h.get_by_label("Import with this mapping").click();
    h.run();
    let imports = sent_imports(&h.state().commands);
    assert_eq!(imports.len(), 1);
    assert_eq!(imports[0].0, &vec![PathBuf::from(a)], "only the first layout's file goes with the first import");
    // The app marks the import as running as soon as it sends it.
    h.state_mut().progress = Some(Progress { job: Job::Import, fraction: None, detail: String::new(), rows: 0, rows_per_sec: 0.0 });
    h.run_steps(3);
    assert!(!shown(&h, "File: b.csv"), "the next layout waits until the import is done");
    assert!(shown(&h, "1 more file(s) wait"));
    h.state_mut().progress = None;
    h.state_mut().screen.on_imported(Arc::new(report()), false);
    h.run();
    assert!(shown(&h, "layout 2 of 2") && shown(&h, "File: b.csv"), "then the next layout is asked about");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(sent_imports(&h.state().commands).len(), 1, "cancel imports nothing more");
    assert!(h.state().screen.pending.is_none());
}

#[test]
fn cancelling_an_import_drops_the_files_still_waiting() {
    let mut screen = ImportScreen::default();
    let mut commands = Vec::new();
    screen.on_files(vec![PathBuf::from("a.csv"), PathBuf::from("b.csv")], &mut commands);
    let a_csv = "日期,进口商,HS编码,备注\n2025-01-05,ACME LTD,7318159000,1200\n";
    let b_csv = "日期,进口商,HS编码,说明\n2025-01-05,ACME LTD,7318159000,900\n";
    screen.on_preview(vec![preview_of("a.csv", a_csv), preview_of("b.csv", b_csv)], &mut commands);
    assert!(screen.pending.as_ref().is_some_and(|p| p.ask.len() == 2));
    screen.on_imported(Arc::new(ImportReport::default()), true);
    assert!(screen.pending.is_none(), "after a cancel nothing more is asked or imported");
}

#[test]
fn a_value_that_does_not_look_like_dollars_opens_the_dialog_with_the_figures() {
    let mut screen = ImportScreen::default();
    let mut commands = Vec::new();
    let path = "tz.csv";
    screen.on_files(vec![PathBuf::from(path)], &mut commands);
    // Tiles in Tanzanian shillings under a header that names no currency: ~1,500 "dollars" a kilogram.
    let mut csv = String::from("DATE,IMPORTER,EXPORTER,HS_CODE,TOTALVALUE,NET_WEIGHT_KG\n");
    for i in 0..8 {
        csv.push_str(&format!("2024-03-0{},DAR HOTEL LTD,FOSHAN TILES,690721,{},{}\n", i + 1, 15_000_000 + i * 100_000, 10_000 + i * 50));
    }
    let mut commands = Vec::new();
    screen.on_preview(vec![preview_of(path, &csv)], &mut commands);
    assert!(sent_imports(&commands).is_empty(), "nothing is imported before the user looks");
    let mut h = harness(State { commands, ..State::new(screen, Lang::En) });
    h.run();
    assert!(shown(&h, "The values in “TOTALVALUE” do not look like US dollars"), "the dialog says why");
    assert!(shown(&h, "HS chapter 69"));
    h.get_by_label("Cancel").click();
    h.run();
    assert!(sent_imports(&h.state().commands).is_empty());
}

#[test]
fn after_a_first_import_the_summary_says_what_comes_next() {
    let mut screen = ImportScreen::default();
    screen.on_imported(Arc::new(report()), false);
    let mut h = harness(State::new(screen, Lang::En));
    h.run();
    assert!(shown(&h, "Next: tell the app which of the suppliers in these files is your company."));
    h.get_by_label("Choose our company →").click();
    h.run();
    assert!(
        h.state().commands.iter().any(|c| matches!(c, Command::Navigate(crate::ui::Screen::Dashboard))),
        "the button leads to the first step"
    );
}
