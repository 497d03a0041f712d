//! The quarterly review's state per customer and quarter: the day its quarterly health report was
//! made, the day it was reviewed and the review's note. Kept by company, like the CRM card, so a
//! merge moves it; a review's note is also written into the CRM card's notes, where the customer's
//! history is read.

use super::crm::check_company;
use super::{StoreError, Workspace};
use crate::model::date::{from_ymd_number, ymd_number};
use crate::model::{CompanyId, Quarter, ReviewMark};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use rustc_hash::FxHashMap;

impl Workspace {
    /// Every customer's review state for a quarter (customers never marked are absent).
    pub fn reviews(&self, quarter: Quarter) -> Result<FxHashMap<CompanyId, ReviewMark>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT company_id, report_on, reviewed_on, note FROM reviews WHERE quarter = ?1")?;
        let rows = stmt.query_map([quarter.to_string()], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Option<i64>>(1)?, r.get::<_, Option<i64>>(2)?, r.get::<_, String>(3)?))
        })?;
        let mut out = FxHashMap::default();
        for row in rows {
            let (id, report_on, reviewed_on, note) = row?;
            let mark =
                ReviewMark { report_on: report_on.and_then(from_ymd_number), reviewed_on: reviewed_on.and_then(from_ymd_number), note };
            out.insert(CompanyId(id), mark);
        }
        Ok(out)
    }

    /// Marks a customer reviewed for a quarter on `date`. A note (trimmed; may be empty) is kept
    /// with the review and, when not empty and not the note this review already had (a tick taken
    /// back and given again), added to the CRM card's notes under the same date, prefixed by the
    /// quarter so the card says which review it came from.
    pub fn mark_reviewed(&mut self, id: CompanyId, quarter: Quarter, date: NaiveDate, note: &str) -> Result<(), StoreError> {
        let note = note.trim();
        let tx = self.conn.transaction()?;
        check_company(&tx, id)?;
        let had: Option<String> = tx
            .query_row("SELECT note FROM reviews WHERE company_id = ?1 AND quarter = ?2", params![id.0, quarter.to_string()], |r| r.get(0))
            .optional()?;
        tx.execute(
            "INSERT INTO reviews(company_id, quarter, reviewed_on, note) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(company_id, quarter) DO UPDATE SET reviewed_on = excluded.reviewed_on, note = excluded.note",
            params![id.0, quarter.to_string(), ymd_number(date), note],
        )?;
        if !note.is_empty() && had.as_deref() != Some(note) {
            tx.execute(
                "INSERT INTO crm_notes(company_id, date, text) VALUES (?1, ?2, ?3)",
                params![id.0, ymd_number(date), format!("{quarter}: {note}")],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Takes the reviewed mark back. Its note stays with the review, to be given again with the
    /// tick (and the copy in the CRM card stays: it is history).
    pub fn unmark_reviewed(&mut self, id: CompanyId, quarter: Quarter) -> Result<(), StoreError> {
        self.conn
            .execute("UPDATE reviews SET reviewed_on = NULL WHERE company_id = ?1 AND quarter = ?2", params![id.0, quarter.to_string()])?;
        Ok(())
    }

    /// Records that the quarterly health reports of `ids` were made on `date`.
    pub fn mark_reports_made(&mut self, ids: &[CompanyId], quarter: Quarter, date: NaiveDate) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for id in ids {
            check_company(&tx, *id)?;
            tx.execute(
                "INSERT INTO reviews(company_id, quarter, report_on) VALUES (?1, ?2, ?3)
                 ON CONFLICT(company_id, quarter) DO UPDATE SET report_on = excluded.report_on",
                params![id.0, quarter.to_string(), ymd_number(date)],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

/// Inside a merge: `into` keeps its own marks and takes `from`'s where it has none (a quarter, a
/// report day, a review day, a note), so no review is lost.
pub(super) fn merge_reviews(tx: &Connection, into: CompanyId, from: CompanyId) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO reviews(company_id, quarter, report_on, reviewed_on, note)
         SELECT ?1, quarter, report_on, reviewed_on, note FROM reviews WHERE company_id = ?2
         ON CONFLICT(company_id, quarter) DO UPDATE SET
             report_on = COALESCE(reviews.report_on, excluded.report_on),
             reviewed_on = COALESCE(reviews.reviewed_on, excluded.reviewed_on),
             note = CASE WHEN reviews.note = '' THEN excluded.note ELSE reviews.note END",
        params![into.0, from.0],
    )?;
    tx.execute("DELETE FROM reviews WHERE company_id = ?1", [from.0])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    const Q3: Quarter = Quarter { year: 2026, q: 3 };

    /// A workspace in a temporary directory holding companies #1 and #2.
    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().expect("temporary directory");
        let ws = Workspace::open(&dir.path().join("reviews.sqlite")).expect("workspace");
        ws.conn.execute_batch("INSERT INTO companies(id, name) VALUES (1, 'ACME'), (2, 'ACME GMBH')").expect("companies");
        (dir, ws)
    }

    #[test]
    fn a_review_is_marked_with_its_note_in_the_crm_card_and_taken_back() {
        let (_dir, mut ws) = workspace();
        assert!(ws.reviews(Q3).expect("reviews").is_empty());
        ws.mark_reports_made(&[CompanyId(1), CompanyId(2)], Q3, day(2026, 10, 3)).expect("reports");
        ws.mark_reviewed(CompanyId(1), Q3, day(2026, 10, 12), "  Keep prices; visit in November ").expect("review");
        let marks = ws.reviews(Q3).expect("reviews");
        let one = &marks[&CompanyId(1)];
        assert_eq!(one.report_on, Some(day(2026, 10, 3)));
        assert_eq!(one.reviewed_on, Some(day(2026, 10, 12)));
        assert_eq!(one.note, "Keep prices; visit in November");
        assert_eq!(marks[&CompanyId(2)].reviewed_on, None, "made, not reviewed");
        let notes = ws.crm(CompanyId(1)).expect("crm").notes;
        assert_eq!(notes.len(), 1);
        assert_eq!((notes[0].date, notes[0].text.as_str()), (day(2026, 10, 12), "2026Q3: Keep prices; visit in November"));
        assert!(ws.reviews(Q3.next()).expect("other quarter").is_empty(), "marks are per quarter");

        ws.mark_reviewed(CompanyId(2), Q3, day(2026, 10, 13), " ").expect("review without a note");
        assert!(ws.crm(CompanyId(2)).expect("crm").notes.is_empty(), "no note, nothing in the card");
        ws.unmark_reviewed(CompanyId(1), Q3).expect("unmark");
        let one = &ws.reviews(Q3).expect("reviews")[&CompanyId(1)];
        assert_eq!((one.reviewed_on, one.note.as_str(), one.report_on), (None, "Keep prices; visit in November", Some(day(2026, 10, 3))));
        assert_eq!(ws.crm(CompanyId(1)).expect("crm").notes.len(), 1, "the card keeps the history");
        ws.mark_reviewed(CompanyId(1), Q3, day(2026, 10, 14), "Keep prices; visit in November").expect("ticked again");
        assert_eq!(ws.crm(CompanyId(1)).expect("crm").notes.len(), 1, "the same note is not written twice");
        ws.mark_reviewed(CompanyId(1), Q3, day(2026, 10, 15), "Keep prices; visit in December").expect("corrected");
        assert_eq!(ws.crm(CompanyId(1)).expect("crm").notes.len(), 2, "a corrected note is history too");
        assert!(ws.mark_reviewed(CompanyId(9), Q3, day(2026, 10, 12), "x").is_err(), "no such company");
        assert!(!ws.reviews(Q3).expect("reviews").contains_key(&CompanyId(9)));
    }

    #[test]
    fn a_merge_keeps_the_remaining_company_marks_and_takes_the_others() {
        let (_dir, mut ws) = workspace();
        ws.mark_reviewed(CompanyId(1), Q3, day(2026, 10, 12), "kept").expect("review");
        ws.mark_reviewed(CompanyId(2), Q3, day(2026, 10, 14), "dropped").expect("review");
        ws.mark_reviewed(CompanyId(2), Q3.prev(), day(2026, 7, 2), "moved").expect("review");
        // Only a report made for the next quarter on the remaining company: the other's review fills it.
        ws.mark_reports_made(&[CompanyId(1)], Q3.next(), day(2027, 1, 3)).expect("report");
        ws.mark_reviewed(CompanyId(2), Q3.next(), day(2027, 1, 9), "filled in").expect("review");
        let tx = ws.conn.transaction().expect("tx");
        merge_reviews(&tx, CompanyId(1), CompanyId(2)).expect("merge");
        tx.commit().expect("commit");
        assert_eq!(ws.reviews(Q3).expect("q3")[&CompanyId(1)].note, "kept");
        assert_eq!(ws.reviews(Q3.prev()).expect("q2")[&CompanyId(1)].note, "moved");
        let q4 = &ws.reviews(Q3.next()).expect("q4")[&CompanyId(1)];
        assert_eq!((q4.report_on, q4.reviewed_on, q4.note.as_str()), (Some(day(2027, 1, 3)), Some(day(2027, 1, 9)), "filled in"));
        assert!(!ws.reviews(Q3).expect("q3").contains_key(&CompanyId(2)));
    }
}
