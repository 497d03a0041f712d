//! The CRM card: owner, backup owner, contact lines and dated notes, kept in the workspace. The card
//! is edited as a draft and saved whole; a note is added dated today and deleted after a second
//! click. Every change goes to the worker, which sends the customer's detail back.

use super::super::i18n::trf;
use super::super::worker::Request;
use super::super::{Command, View};
use crate::app::change::Change;
use crate::model::{CompanyId, Crm, CrmCard};
use chrono::NaiveDate;

/// What the card's editor holds between frames.
#[derive(Debug, Default)]
pub(super) struct CrmState {
    /// The customer the draft belongs to.
    company: Option<CompanyId>,
    /// The stored card the draft started from.
    saved: CrmCard,
    /// The card as being edited.
    draft: CrmCard,
    /// The note being written.
    note: String,
    /// The note whose delete button was clicked once.
    confirm_delete: Option<i64>,
}

impl CrmState {
    /// Follows the stored card: a new customer starts a new draft; a changed card (the user's own
    /// save coming back) replaces the draft unless the user has since typed something else.
    fn sync(&mut self, id: CompanyId, crm: &Crm) {
        if self.company != Some(id) {
            *self = CrmState { company: Some(id), saved: crm.card.clone(), draft: crm.card.clone(), ..CrmState::default() };
        } else if self.saved != crm.card {
            if self.draft == self.saved || self.draft.tidy() == crm.card.tidy() {
                self.draft = crm.card.clone();
            }
            self.saved = crm.card.clone();
        }
    }

    /// The draft differs from the stored card.
    fn dirty(&self) -> bool {
        self.draft.tidy() != self.saved.tidy()
    }
}

fn send(commands: &mut Vec<Command>, change: Change) {
    commands.push(Command::Send(Request::Apply(change)));
}

/// The card and the notes of customer `id`; `today` dates a new note.
pub(super) fn card(
    ui: &mut egui::Ui,
    view: &View,
    state: &mut CrmState,
    id: CompanyId,
    crm: &Crm,
    today: NaiveDate,
    commands: &mut Vec<Command>,
) {
    state.sync(id, crm);
    ui.strong(view.t("detail.crm"));
    egui::Grid::new("crm-people").num_columns(2).spacing([8.0, 4.0]).show(ui, |ui| {
        let label = ui.label(view.t("detail.owner")).id;
        ui.add(egui::TextEdit::singleline(&mut state.draft.owner).hint_text(view.t("detail.owner_hint")).desired_width(f32::INFINITY))
            .labelled_by(label);
        ui.end_row();
        let label = ui.label(view.t("detail.backup_owner")).id;
        ui.add(
            egui::TextEdit::singleline(&mut state.draft.backup_owner).hint_text(view.t("detail.owner_hint")).desired_width(f32::INFINITY),
        )
        .labelled_by(label);
        ui.end_row();
    });
    let contacts = ui.label(view.t("detail.contacts")).id;
    let mut remove = None;
    for (i, line) in state.draft.contacts.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let width = (ui.available_width() - 70.0).max(80.0);
            ui.add(
                egui::TextEdit::singleline(line).id_salt(("crm-contact", i)).hint_text(view.t("detail.contact_hint")).desired_width(width),
            )
            .labelled_by(contacts);
            if ui.small_button(view.t("detail.remove")).clicked() {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        state.draft.contacts.remove(i);
    }
    ui.horizontal(|ui| {
        if ui.small_button(view.t("detail.add_contact")).clicked() {
            state.draft.contacts.push(String::new());
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let dirty = state.dirty();
            if ui.add_enabled(dirty, egui::Button::new(view.t("detail.save_card"))).clicked() {
                send(commands, Change::CrmCard(id, state.draft.tidy()));
            }
            if ui.add_enabled(dirty, egui::Button::new(view.t("detail.undo"))).clicked() {
                state.draft = state.saved.clone();
            }
            if dirty {
                ui.label(egui::RichText::new(view.t("detail.unsaved")).small().italics());
            }
        });
    });
    ui.separator();
    notes(ui, view, state, id, crm, today, commands);
}

/// The note being written, then the notes, newest first.
fn notes(ui: &mut egui::Ui, view: &View, state: &mut CrmState, id: CompanyId, crm: &Crm, today: NaiveDate, commands: &mut Vec<Command>) {
    // The caption names the field for screen readers (and tests), not only the hint inside it.
    let label = ui.label(view.t("detail.notes")).id;
    ui.add(egui::TextEdit::multiline(&mut state.note).hint_text(view.t("detail.note_hint")).desired_rows(2).desired_width(f32::INFINITY))
        .labelled_by(label);
    let text = state.note.trim().to_string();
    let add = egui::Button::new(trf(view.lang, "detail.add_note", &[("date", &today)]));
    if ui.add_enabled(!text.is_empty(), add).clicked() {
        send(commands, Change::AddNote(id, today, text));
        state.note.clear();
    }
    if crm.notes.is_empty() {
        ui.label(egui::RichText::new(view.t("detail.no_notes")).weak());
    }
    for note in &crm.notes {
        ui.add_space(2.0);
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(note.date.to_string()).strong().small());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if state.confirm_delete == Some(note.id) {
                    if ui.small_button(view.t("detail.keep")).clicked() {
                        state.confirm_delete = None;
                    }
                    if ui.small_button(view.t("detail.confirm_delete")).clicked() {
                        send(commands, Change::DeleteNote(id, note.id));
                        state.confirm_delete = None;
                    }
                } else if ui.small_button(view.t("detail.delete")).clicked() {
                    state.confirm_delete = Some(note.id);
                }
            });
        });
        ui.add(egui::Label::new(note.text.as_str()).wrap());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(owner: &str) -> CrmCard {
        CrmCard { owner: owner.into(), ..CrmCard::default() }
    }

    #[test]
    fn the_draft_follows_the_stored_card_unless_the_user_typed_on() {
        let mut s = CrmState::default();
        let crm = |owner: &str| Crm { card: card(owner), notes: Vec::new() };
        s.sync(CompanyId(1), &crm("Li"));
        assert_eq!((s.draft.owner.as_str(), s.dirty()), ("Li", false));
        s.draft.owner = "Wang ".into();
        assert!(s.dirty());
        s.sync(CompanyId(1), &crm("Wang"));
        assert_eq!((s.draft.owner.as_str(), s.dirty()), ("Wang", false), "the saved card came back");
        s.draft.owner = "Zhang".into();
        s.sync(CompanyId(1), &crm("Chen"));
        assert_eq!(s.draft.owner, "Zhang", "an edit in progress is kept");
        s.sync(CompanyId(2), &crm("Zhou"));
        assert_eq!((s.draft.owner.as_str(), s.dirty()), ("Zhou", false), "another customer starts afresh");
    }
}
