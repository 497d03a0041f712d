//! After an import: the totals as big figures, every file and sheet with the columns chosen and the
//! notes, and the rejected rows (virtualised, exportable). A cancelled import says that nothing
//! changed, and nothing else: its rows were rolled back.

use super::field_label;
use crate::export::{Table, Value};
use crate::import::mapping::MappingSource;
use crate::store::{FileReport, ImportReport, RejectedRow, SheetReport};
use crate::ui::export_menu;
use crate::ui::i18n::trf;
use crate::ui::{Command, View};
use egui::{Color32, RichText};
use egui_extras::{Column, TableBuilder};
use std::sync::Arc;

/// Green for what went in, orange for what to check, red for what was refused.
const GOOD: Color32 = crate::ui::badge::rgb(crate::palette::GOOD);
const WARN: Color32 = crate::ui::badge::rgb(crate::palette::WARN);

pub(super) use crate::text::number::count;

/// Draws the report of the last import.
pub(super) fn show(ui: &mut egui::Ui, view: &View, report: &ImportReport, cancelled: bool, generation: u64, commands: &mut Vec<Command>) {
    ui.add_space(6.0);
    if cancelled {
        egui::Frame::new().fill(WARN.gamma_multiply(0.15)).inner_margin(14.0).corner_radius(6.0).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(view.t("import.cancelled_title")).size(20.0).strong().color(WARN));
            ui.label(RichText::new(view.t("import.cancelled_body")).size(16.0));
        });
        return;
    }
    ui.horizontal(|ui| {
        ui.label(RichText::new(view.t("import.done_title")).size(20.0).strong());
        ui.label(RichText::new(trf(view.lang, "import.files_count", &[("n", &report.files.len())])).weak());
    });
    ui.add_space(4.0);
    totals(ui, view, report);
    ui.add_space(8.0);
    if report.imported > 0 && !view.snap.knows_us() {
        next_step(ui, view, commands);
        ui.add_space(8.0);
    } else if report.imported > 0 {
        crate::ui::rhythm::digest_strip(ui, view, commands);
        ui.add_space(8.0);
    }
    let files_height = (ui.available_height() * 0.45).max(120.0);
    egui::ScrollArea::vertical().id_salt(("import-files", generation)).max_height(files_height).auto_shrink([false, true]).show(ui, |ui| {
        for file in &report.files {
            file_block(ui, view, file, report.files.len() == 1);
        }
    });
    ui.separator();
    rejected(ui, view, &report.rejected, generation, commands);
}

/// What comes after a first import: naming our company, without which nothing is "ours".
fn next_step(ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    let accent = ui.visuals().hyperlink_color;
    egui::Frame::new().fill(accent.gamma_multiply(0.12)).inner_margin(10.0).corner_radius(6.0).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(view.t("import.next_me")).strong());
            if ui.button(view.t("import.next_me_button")).clicked() {
                commands.push(Command::Navigate(crate::ui::Screen::Dashboard));
            }
        });
    });
}

/// Rows read, imported, duplicates, rejected: four big figures.
fn totals(ui: &mut egui::Ui, view: &View, report: &ImportReport) {
    let figures = [
        ("import.total_read", report.rows_read, None),
        ("import.total_imported", report.imported, Some(GOOD)),
        ("import.total_duplicates", report.duplicates, None),
        ("import.total_rejected", report.rejected.len() as u64, (!report.rejected.is_empty()).then_some(WARN)),
    ];
    ui.horizontal(|ui| {
        for (key, n, color) in figures {
            egui::Frame::group(ui.style()).inner_margin(egui::Margin::symmetric(18, 10)).show(ui, |ui| {
                ui.set_min_width(150.0);
                ui.vertical(|ui| {
                    let mut figure = RichText::new(count(n)).size(30.0).strong();
                    if let Some(c) = color {
                        figure = figure.color(c);
                    }
                    ui.label(figure);
                    ui.label(RichText::new(view.t(key)).weak());
                });
            });
        }
    });
}

/// One file: status, counts, warnings, its sheets and their columns.
fn file_block(ui: &mut egui::Ui, view: &View, file: &FileReport, only: bool) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        let refused = file.status == "refused";
        ui.horizontal_wrapped(|ui| {
            let (key, color) =
                if refused { ("import.status_refused", ui.visuals().error_fg_color) } else { ("import.status_imported", GOOD) };
            ui.label(RichText::new(view.t(key)).strong().color(color));
            ui.label(RichText::new(&file.file).strong()).on_hover_text(&file.path);
            if !refused {
                ui.label(RichText::new(counts_line(view, file.rows_read, file.imported, file.duplicates, file.rejected)).weak());
            }
        });
        if let Some(reason) = &file.reason {
            ui.label(RichText::new(reason.render(view.lang)).color(ui.visuals().error_fg_color));
        }
        if let Some(when) = &file.imported_before {
            ui.label(RichText::new(trf(view.lang, "import.imported_before", &[("when", &short_time(when))])).color(WARN));
        }
        for note in &file.notes {
            ui.label(RichText::new(format!("! {}", note.render(view.lang))).color(WARN));
        }
        // Numbers that look wrong are shown with the file, not folded away with the sheet's notes.
        for (sheet, warning) in file.sheets.iter().flat_map(|s| s.warnings.iter().map(move |w| (&s.sheet, w))) {
            ui.label(RichText::new(format!("! {sheet}: {}", warning.render(view.lang))).color(WARN));
        }
        let sheets: Vec<&SheetReport> = file.sheets.iter().collect();
        if sheets.is_empty() || (refused && sheets.len() == 1) {
            // A refused one-sheet file already says why above.
            return;
        }
        sheet_grid(ui, view, &file.file, &sheets);
        for sheet in sheets.iter().filter(|s| s.status != "skipped") {
            let open = only || !sheet.unsure.is_empty();
            egui::CollapsingHeader::new(trf(view.lang, "import.sheet_columns", &[("sheet", &sheet.sheet)]))
                .id_salt(("import-sheet", &file.path, &sheet.sheet))
                .default_open(open)
                .show(ui, |ui| sheet_details(ui, view, sheet));
        }
    });
}

/// Read, imported, duplicates and rejected in a line.
fn counts_line(view: &View, read: u64, imported: u64, duplicates: u64, rejected: u64) -> String {
    trf(
        view.lang,
        "import.counts",
        &[("read", &count(read)), ("imported", &count(imported)), ("duplicates", &count(duplicates)), ("rejected", &count(rejected))],
    )
}

/// `2025-03-01T10:15:30.123+08:00` as `2025-03-01 10:15`.
fn short_time(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339).map_or_else(|_| rfc3339.to_string(), |t| t.format("%Y-%m-%d %H:%M").to_string())
}

fn sheet_grid(ui: &mut egui::Ui, view: &View, file: &str, sheets: &[&SheetReport]) {
    egui::Grid::new(("import-sheets", file)).striped(true).num_columns(7).spacing([18.0, 4.0]).show(ui, |ui| {
        for key in [
            "import.col_sheet",
            "import.col_status",
            "import.col_header_row",
            "import.col_read",
            "import.col_imported",
            "import.col_duplicates",
            "import.col_rejected",
        ] {
            ui.label(RichText::new(view.t(key)).strong());
        }
        ui.end_row();
        for s in sheets {
            ui.horizontal(|ui| {
                ui.label(&s.sheet);
                if s.hidden {
                    ui.label(RichText::new(view.t("import.hidden")).italics().weak());
                }
            });
            if s.status == "skipped" {
                let reason = s.reason.as_ref().map(|r| r.render(view.lang)).unwrap_or_default();
                ui.label(RichText::new(view.t("import.status_skipped")).color(WARN)).on_hover_text(&reason);
                let skipped = if s.rows_skipped > 0 {
                    trf(view.lang, "import.rows_skipped", &[("n", &count(s.rows_skipped))])
                } else {
                    String::new()
                };
                ui.label(RichText::new(skipped).weak());
                ui.add(egui::Label::new(RichText::new(reason).weak()).truncate());
                ui.label("");
                ui.label("");
                ui.label("");
            } else {
                ui.label(RichText::new(view.t("import.status_imported")).color(GOOD));
                ui.label(s.header_row.map(|r| r.to_string()).unwrap_or_default());
                ui.label(count(s.rows_read));
                ui.label(count(s.imported));
                ui.label(count(s.duplicates));
                let rejected = RichText::new(count(s.rejected));
                ui.label(if s.rejected > 0 { rejected.color(WARN) } else { rejected });
            }
            ui.end_row();
        }
    });
}

/// Where the mapping came from, the columns chosen, the notes, the fields to check.
fn sheet_details(ui: &mut egui::Ui, view: &View, sheet: &SheetReport) {
    if let Some(source) = sheet.mapping_source {
        let key = match source {
            MappingSource::Auto => "import.source_auto",
            MappingSource::Template => "import.source_template",
            MappingSource::User => "import.source_user",
        };
        ui.label(RichText::new(view.t(key)).italics());
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(view.t("import.columns")).strong());
        for c in &sheet.columns {
            let text = format!("{} ← {} ({})", field_label(view, c.field), c.header, c.column);
            let label = RichText::new(text);
            ui.label(if sheet.unsure.contains(&c.field) { label.color(WARN) } else { label });
            ui.label(RichText::new("·").weak());
        }
    });
    if !sheet.unsure.is_empty() {
        let fields: Vec<&str> = sheet.unsure.iter().map(|f| field_label(view, *f)).collect();
        ui.label(RichText::new(trf(view.lang, "import.unsure_note", &[("fields", &fields.join(", "))])).color(WARN));
    }
    for note in &sheet.notes {
        ui.label(RichText::new(format!("· {}", note.render(view.lang))).weak());
    }
}

/// The rejected rows: file, sheet, row, column, reason; only the visible rows are laid out.
fn rejected(ui: &mut egui::Ui, view: &View, rows: &[RejectedRow], generation: u64, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        ui.heading(view.t("import.rejected_title"));
        ui.label(RichText::new(count(rows.len() as u64)).weak());
        if !rows.is_empty() {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                export_menu::buttons(ui, view, || rejected_table(view, rows), commands);
            });
        }
    });
    if rows.is_empty() {
        ui.label(view.t("import.rejected_none"));
        return;
    }
    ui.label(RichText::new(view.t("import.rejected_note")).weak());
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    TableBuilder::new(ui)
        .id_salt(("import-rejected", generation))
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(200.0).clip(true))
        .column(Column::initial(120.0).clip(true))
        .column(Column::initial(60.0))
        .column(Column::initial(150.0).clip(true))
        .column(Column::remainder().clip(true))
        .header(22.0, |mut h| {
            crate::ui::cell::header(&mut h, view, &REJECTED_COLUMNS);
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let Some(r) = rows.get(row.index()) else { return };
                row.col(|ui| {
                    ui.add(egui::Label::new(&r.file).truncate());
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&r.sheet).truncate());
                });
                row.col(|ui| {
                    ui.label(r.row.to_string());
                });
                row.col(|ui| {
                    ui.add(egui::Label::new(&r.column).truncate());
                });
                row.col(|ui| {
                    let reason = r.reason.render(view.lang);
                    // Shown whole on hover when cut (egui's own tooltip; another would double it).
                    ui.add(egui::Label::new(&reason).truncate());
                });
            });
        });
}

const REJECTED_COLUMNS: [&str; 5] = ["import.col_file", "import.col_sheet", "import.col_row", "import.col_column", "import.col_reason"];

/// The rejected rows as an export table.
fn rejected_table(view: &View, rows: &[RejectedRow]) -> Table {
    Table {
        title: view.t("import.rejected_title").to_string(),
        headers: REJECTED_COLUMNS.iter().map(|k| view.t(k).to_string()).collect(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Value::from(r.file.as_str()),
                    Value::from(r.sheet.as_str()),
                    Value::from(f64::from(r.row)),
                    Value::from(r.column.as_str()),
                    Value::from(r.reason.render(view.lang)),
                ]
            })
            .collect(),
    }
}

/// The session's earlier imports, newest first, one line each.
pub(super) fn earlier(ui: &mut egui::Ui, view: &View, list: &[(Arc<ImportReport>, bool)]) {
    if list.is_empty() {
        return;
    }
    ui.add_space(6.0);
    egui::CollapsingHeader::new(trf(view.lang, "import.earlier", &[("n", &list.len())])).id_salt("import-earlier").show(ui, |ui| {
        for (report, cancelled) in list.iter().rev() {
            let mut names: Vec<&str> = report.files.iter().take(3).map(|f| f.file.as_str()).collect();
            if report.files.len() > 3 {
                names.push("…");
            }
            let files = names.join(", ");
            let line = if *cancelled {
                trf(view.lang, "import.earlier_cancelled", &[("files", &files)])
            } else {
                let counts = counts_line(view, report.rows_read, report.imported, report.duplicates, report.rejected.len() as u64);
                format!("{files}: {counts}")
            };
            ui.label(line);
        }
    });
}
