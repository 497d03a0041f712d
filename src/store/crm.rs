//! The customers' CRM cards and dated notes. Kept by company (not spelling): a merge moves them to
//! the company that remains; a split leaves them with the company split from, since they were
//! written about it.

use super::{StoreError, Workspace};
use crate::model::date::{from_ymd_number, ymd_number};
use crate::model::{CompanyId, Crm, CrmCard, CrmNote};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use rustc_hash::FxHashMap;

fn read_card(conn: &Connection, id: CompanyId) -> Result<CrmCard, StoreError> {
    let found: Option<(String, String, String)> = conn
        .query_row("SELECT owner, backup_owner, contacts FROM crm_cards WHERE company_id = ?1", [id.0], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    let Some((owner, backup_owner, contacts)) = found else { return Ok(CrmCard::default()) };
    Ok(CrmCard { owner, backup_owner, contacts: serde_json::from_str(&contacts)? })
}

fn write_card(conn: &Connection, id: CompanyId, card: &CrmCard) -> Result<(), StoreError> {
    let card = card.tidy();
    if card.is_empty() {
        // An emptied card leaves no row behind, like attributes set back to nothing.
        conn.execute("DELETE FROM crm_cards WHERE company_id = ?1", [id.0])?;
    } else {
        conn.execute(
            "INSERT INTO crm_cards(company_id, owner, backup_owner, contacts) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(company_id) DO UPDATE SET owner = excluded.owner, backup_owner = excluded.backup_owner, contacts = excluded.contacts",
            params![id.0, card.owner, card.backup_owner, serde_json::to_string(&card.contacts)?],
        )?;
    }
    Ok(())
}

/// Refuses an id that names no company.
pub(super) fn check_company(conn: &Connection, id: CompanyId) -> Result<(), StoreError> {
    let exists: bool = conn.query_row("SELECT EXISTS(SELECT 1 FROM companies WHERE id = ?1)", [id.0], |r| r.get(0))?;
    if exists { Ok(()) } else { Err(StoreError::Invalid(format!("no company #{}", id.0))) }
}

/// Inside a merge: `into` keeps its owner and backup owner and takes `from`'s where it named none;
/// contact lines are joined (no line twice); every note moves.
pub(super) fn merge_crm(tx: &Connection, into: CompanyId, from: CompanyId) -> Result<(), StoreError> {
    let (kept, other) = (read_card(tx, into)?, read_card(tx, from)?);
    let pick = |a: &str, b: &str| if a.trim().is_empty() { b.to_string() } else { a.to_string() };
    let mut contacts = kept.contacts.clone();
    for line in other.contacts {
        if !contacts.iter().any(|c| c.trim().eq_ignore_ascii_case(line.trim())) {
            contacts.push(line);
        }
    }
    let merged = CrmCard { owner: pick(&kept.owner, &other.owner), backup_owner: pick(&kept.backup_owner, &other.backup_owner), contacts };
    tx.execute("DELETE FROM crm_cards WHERE company_id = ?1", [from.0])?;
    write_card(tx, into, &merged)?;
    tx.execute("UPDATE crm_notes SET company_id = ?1 WHERE company_id = ?2", params![into.0, from.0])?;
    Ok(())
}

impl Workspace {
    /// Every card kept, by company (the team's owners and backups).
    pub fn crm_cards(&self) -> Result<FxHashMap<CompanyId, CrmCard>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT company_id FROM crm_cards")?;
        let ids: Vec<i64> = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        ids.into_iter().map(|id| Ok((CompanyId(id), read_card(&self.conn, CompanyId(id))?))).collect()
    }

    /// A customer's card and notes (an empty card when none was kept), notes newest first.
    pub fn crm(&self, id: CompanyId) -> Result<Crm, StoreError> {
        let card = read_card(&self.conn, id)?;
        let mut stmt = self.conn.prepare("SELECT id, date, text FROM crm_notes WHERE company_id = ?1 ORDER BY date DESC, id DESC")?;
        let rows = stmt.query_map([id.0], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?)))?;
        let mut notes = Vec::new();
        for row in rows {
            let (note, date, text) = row?;
            // The app writes only real dates; a damaged one is shown as the earliest rather than lost.
            notes.push(CrmNote { id: note, date: from_ymd_number(date).unwrap_or(NaiveDate::MIN), text });
        }
        Ok(Crm { card, notes })
    }

    /// Replaces a customer's card (trimmed, blank contact lines dropped; an empty card is forgotten).
    pub fn set_crm_card(&mut self, id: CompanyId, card: &CrmCard) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        check_company(&tx, id)?;
        write_card(&tx, id, card)?;
        tx.commit()?;
        Ok(())
    }

    /// Replaces several cards in one transaction (an accepted team assignment): all or none.
    pub fn set_crm_cards(&mut self, cards: &[(CompanyId, CrmCard)]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for (id, card) in cards {
            check_company(&tx, *id)?;
            write_card(&tx, *id, card)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Adds a dated note to a customer; returns its id. An empty note is refused.
    pub fn add_crm_note(&mut self, id: CompanyId, date: NaiveDate, text: &str) -> Result<i64, StoreError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(StoreError::Invalid("a note needs some text".into()));
        }
        check_company(&self.conn, id)?;
        self.conn.execute("INSERT INTO crm_notes(company_id, date, text) VALUES (?1, ?2, ?3)", params![id.0, ymd_number(date), text])?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Deletes a note; false when there was no such note.
    pub fn delete_crm_note(&mut self, note: i64) -> Result<bool, StoreError> {
        Ok(self.conn.execute("DELETE FROM crm_notes WHERE id = ?1", [note])? > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    /// A workspace in a temporary directory holding companies #1 and #2.
    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().expect("temporary directory");
        let ws = Workspace::open(&dir.path().join("crm.sqlite")).expect("workspace");
        ws.conn.execute_batch("INSERT INTO companies(id, name) VALUES (1, 'ACME'), (2, 'ACME GMBH')").expect("companies");
        (dir, ws)
    }

    fn card(owner: &str, backup: &str, contacts: &[&str]) -> CrmCard {
        CrmCard { owner: owner.into(), backup_owner: backup.into(), contacts: contacts.iter().map(|c| (*c).to_string()).collect() }
    }

    #[test]
    fn a_card_is_saved_tidy_replaced_and_forgotten_when_emptied() {
        let (_dir, mut ws) = workspace();
        assert_eq!(ws.crm(CompanyId(1)).expect("crm"), Crm::default());
        ws.set_crm_card(CompanyId(1), &card(" Li Wei ", "Zhang Min", &["Anna Berg, buyer, anna@acme.de", " "])).expect("save");
        assert_eq!(ws.crm(CompanyId(1)).expect("crm").card, card("Li Wei", "Zhang Min", &["Anna Berg, buyer, anna@acme.de"]));
        ws.set_crm_card(CompanyId(1), &card("Wang Fang", "", &[])).expect("replace");
        assert_eq!(ws.crm(CompanyId(1)).expect("crm").card, card("Wang Fang", "", &[]));
        ws.set_crm_card(CompanyId(1), &card(" ", "", &[""])).expect("empty");
        let rows: i64 = ws.conn.query_row("SELECT count(*) FROM crm_cards", [], |r| r.get(0)).expect("count");
        assert_eq!(rows, 0, "an empty card leaves no row");
        assert!(ws.set_crm_card(CompanyId(9), &card("X", "", &[])).is_err(), "no such company");
    }

    #[test]
    fn notes_are_dated_listed_newest_first_and_deleted() {
        let (_dir, mut ws) = workspace();
        let old = ws.add_crm_note(CompanyId(1), day(2025, 3, 1), "Visited; price pressure from RIVAL").expect("note");
        let new = ws.add_crm_note(CompanyId(1), day(2025, 9, 15), "  Sent the quote  ").expect("note");
        ws.add_crm_note(CompanyId(2), day(2025, 9, 16), "Other company").expect("note");
        assert!(ws.add_crm_note(CompanyId(1), day(2025, 9, 15), "   ").is_err(), "empty notes are refused");
        assert!(ws.add_crm_note(CompanyId(9), day(2025, 9, 15), "text").is_err(), "no such company");
        let notes = ws.crm(CompanyId(1)).expect("crm").notes;
        assert_eq!(
            notes.iter().map(|n| (n.id, n.date, n.text.as_str())).collect::<Vec<_>>(),
            [(new, day(2025, 9, 15), "Sent the quote"), (old, day(2025, 3, 1), "Visited; price pressure from RIVAL")]
        );
        assert!(ws.delete_crm_note(old).expect("delete"));
        assert!(!ws.delete_crm_note(old).expect("again"), "already gone");
        assert_eq!(ws.crm(CompanyId(1)).expect("crm").notes.len(), 1);
    }

    #[test]
    fn a_merge_keeps_both_companies_crm() {
        let (_dir, mut ws) = workspace();
        ws.set_crm_card(CompanyId(1), &card("Li Wei", "", &["Anna Berg, buyer"])).expect("save");
        ws.set_crm_card(CompanyId(2), &card("Someone else", "Zhang Min", &["anna berg, BUYER", "Jonas, QA"])).expect("save");
        ws.add_crm_note(CompanyId(1), day(2025, 1, 10), "first").expect("note");
        ws.add_crm_note(CompanyId(2), day(2025, 2, 10), "second").expect("note");
        ws.merge_companies(CompanyId(1), CompanyId(2)).expect("merge");
        let crm = ws.crm(CompanyId(1)).expect("crm");
        assert_eq!(crm.card, card("Li Wei", "Zhang Min", &["Anna Berg, buyer", "Jonas, QA"]), "owner kept, blanks filled, contacts joined");
        assert_eq!(crm.notes.iter().map(|n| n.text.as_str()).collect::<Vec<_>>(), ["second", "first"]);
        assert_eq!(ws.crm(CompanyId(2)).expect("crm"), Crm::default(), "nothing is left on the merged-away company");
    }
}
