//! The quarterly review: each core customer with its tier, health, owner, whether its quarterly
//! report was made and whether it was reviewed (a checkbox with the day and a note that lands in
//! the CRM card); one action makes every report; the review month is set here.

use super::super::badge;
use super::super::i18n::trf;
use super::super::worker::{Change, Request};
use super::{Command, RhythmScreen, View};
use crate::app::review::{Review, ReviewRow};
use crate::export::{Table, Value};
use crate::model::{ReviewMonth, ReviewState};
use crate::text::number::{money, quarter};
use egui_extras::{Column, TableBuilder};

/// Draws the tab.
pub(super) fn ui(screen: &mut RhythmScreen, ui: &mut egui::Ui, view: &View, commands: &mut Vec<Command>) {
    let Some(review) = &view.snap.review else { return };
    ui.horizontal_wrapped(|ui| {
        ui.heading(trf(view.lang, "review.title", &[("quarter", &quarter(review.quarter, view.lang))]));
        let month = view.snap.settings.review_month.get();
        egui::ComboBox::from_id_salt("review-month")
            .selected_text(trf(view.lang, "review.month", &[("n", &month)]))
            .show_ui(ui, |ui| {
                for m in 1..=3u8 {
                    let picked = ui.selectable_label(m == month, trf(view.lang, "review.month", &[("n", &m)])).clicked();
                    if let (true, Some(m)) = (picked && m != month, ReviewMonth::new(m)) {
                        commands.push(Command::Send(Request::Apply(Change::ReviewMonth(m))));
                    }
                }
            })
            .response
            .on_hover_text(view.t("review.month_tip"));
        if review.in_review_month {
            ui.label(egui::RichText::new(view.t("review.in_month")).strong().color(ui.visuals().warn_fg_color));
        }
    });
    let n = review.rows.len();
    ui.horizontal(|ui| {
        let done = review.reviewed() as f32 / n.max(1) as f32;
        ui.add(egui::ProgressBar::new(done).desired_width(220.0).text(trf(
            view.lang,
            "review.progress",
            &[("done", &review.reviewed()), ("n", &n), ("reports", &review.reported())],
        )));
        let folder = format!("review-{}", review.quarter);
        if ui.button(view.t("review.make_reports")).on_hover_text(view.t("review.make_reports_tip")).clicked() {
            commands.push(Command::MakeReviewReports(view.lang, folder));
        }
        super::super::export_menu::buttons(ui, view, || table(view, review), commands);
    });
    ui.label(egui::RichText::new(view.t("review.lead")).weak());
    ui.add_space(4.0);
    rows(screen, ui, view, review, commands);
}

/// The core customers, one row each.
fn rows(screen: &mut RhythmScreen, ui: &mut egui::Ui, view: &View, review: &Review, commands: &mut Vec<Command>) {
    let today = chrono::Local::now().date_naive();
    let height = ui.text_style_height(&egui::TextStyle::Body) + 10.0;
    TableBuilder::new(ui)
        .id_salt("review-rows")
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(36.0))
        .column(Column::exact(80.0))
        .column(Column::initial(260.0).at_least(140.0).clip(true))
        .column(Column::initial(110.0).clip(true))
        .column(Column::initial(100.0))
        .column(Column::initial(100.0))
        .column(Column::initial(120.0))
        .column(Column::remainder().at_least(160.0))
        .header(22.0, |mut h| {
            let keys = [
                "col.tier",
                "col.level",
                "col.customer",
                "review.col.owner",
                "col.our_sales",
                "review.col.report",
                "review.col.reviewed",
                "review.col.note",
            ];
            super::super::cell::header(&mut h, view, &keys);
        })
        .body(|body| {
            body.rows(height, review.rows.len(), |mut row| {
                let Some(r) = review.rows.get(row.index()) else { return };
                row.col(|ui| _ = badge::tier(ui, r.tier));
                row.col(|ui| _ = badge::level(ui, r.level, view.lang));
                row.col(|ui| {
                    if ui.link(&r.customer).clicked() {
                        commands.push(Command::OpenCustomer(r.id));
                    }
                    if r.protect {
                        ui.label(egui::RichText::new("!").strong().color(ui.visuals().warn_fg_color))
                            .on_hover_text(view.t("tiers.protect_tip"));
                    }
                });
                row.col(|ui| {
                    let owner = if r.owner.is_empty() { view.t("review.no_owner") } else { r.owner.as_str() };
                    ui.label(owner);
                });
                row.col(|ui| _ = ui.label(money(view.lang, r.our_sales_12m)));
                row.col(|ui| _ = ui.label(r.mark.report_on.map_or_else(|| "—".to_string(), |d| d.to_string())));
                row.col(|ui| {
                    let mut reviewed = r.mark.reviewed_on.is_some();
                    let label = r.mark.reviewed_on.map_or_else(String::new, |d| d.to_string());
                    if ui.checkbox(&mut reviewed, label).on_hover_text(view.t("review.check_tip")).changed() {
                        let change = if reviewed {
                            let note = screen.notes.remove(&r.id).unwrap_or_default();
                            Change::MarkReviewed { id: r.id, quarter: review.quarter, date: today, note }
                        } else {
                            Change::UnmarkReviewed(r.id, review.quarter)
                        };
                        commands.push(Command::Send(Request::Apply(change)));
                    }
                });
                row.col(|ui| note(screen, ui, view, r));
            });
        });
}

/// The review's note: kept once reviewed; before that a field whose text is saved with the tick.
fn note(screen: &mut RhythmScreen, ui: &mut egui::Ui, view: &View, r: &ReviewRow) {
    if r.mark.reviewed_on.is_some() {
        let text = if r.mark.note.is_empty() { "—" } else { r.mark.note.as_str() };
        ui.add(egui::Label::new(text).truncate()).on_hover_text(view.t("review.note_in_crm"));
        return;
    }
    // A tick taken back keeps its note, to be given again.
    let draft = screen.notes.entry(r.id).or_insert_with(|| r.mark.note.clone());
    ui.add(egui::TextEdit::singleline(draft).hint_text(view.t("review.note_hint")).desired_width(f32::INFINITY));
}

/// The review as a sheet: what a firm carries into its own CRM.
fn table(view: &View, review: &Review) -> Table {
    let headers = [
        "col.customer",
        "col.tier",
        "col.level",
        "review.col.owner",
        "col.our_sales",
        "review.col.state",
        "review.col.report",
        "review.col.reviewed",
        "review.col.note",
    ];
    let date = |d: Option<chrono::NaiveDate>| Value::from(d.map(|d| d.to_string()));
    Table {
        title: trf(view.lang, "review.sheet", &[("quarter", &review.quarter)]),
        headers: view.texts(&headers),
        rows: review
            .rows
            .iter()
            .map(|r| {
                vec![
                    Value::from(r.customer.as_str()),
                    Value::from(r.tier.to_string()),
                    Value::from(view.t(badge::level_key(r.level))),
                    Value::from(r.owner.as_str()),
                    Value::from(r.our_sales_12m.round()),
                    Value::from(view.t(r.state().text_key())),
                    date(r.mark.report_on),
                    date(r.mark.reviewed_on),
                    Value::from(r.mark.note.as_str()),
                ]
            })
            .collect(),
    }
}

/// A review state in a few words, for the customer table.
pub fn state_text(view: &View, state: ReviewState) -> String {
    match state.date() {
        Some(d) => format!("{} {}", view.t(state.text_key()), d.format("%m-%d")),
        None => view.t(state.text_key()).to_string(),
    }
}
