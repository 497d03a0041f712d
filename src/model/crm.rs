//! The small CRM card the user keeps for a customer: who owns the account, who stands in, how to
//! reach the people there, and dated notes of what was said. Free text throughout: the app reads none
//! of it, it only keeps it beside the figures.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The card's fixed part, replaced whole when the user saves it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrmCard {
    /// The salesperson who owns the account ("" when nobody is named).
    pub owner: String,
    /// Who stands in for the owner ("" when nobody is named).
    pub backup_owner: String,
    /// One free-text line per contact: name, role, phone or email.
    pub contacts: Vec<String>,
}

impl CrmCard {
    /// The card as it is kept: fields trimmed, blank contact lines dropped.
    pub fn tidy(&self) -> CrmCard {
        CrmCard {
            owner: self.owner.trim().to_string(),
            backup_owner: self.backup_owner.trim().to_string(),
            contacts: self.contacts.iter().map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect(),
        }
    }

    /// True when nothing is filled in (after tidying).
    pub fn is_empty(&self) -> bool {
        let t = self.tidy();
        t.owner.is_empty() && t.backup_owner.is_empty() && t.contacts.is_empty()
    }
}

/// One dated note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrmNote {
    /// Its id in the workspace (to delete it).
    pub id: i64,
    /// The day it is about (the day it was written, unless the user says otherwise).
    pub date: NaiveDate,
    /// What was said or agreed.
    pub text: String,
}

/// A customer's card and notes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Crm {
    /// Owner, backup owner, contacts.
    pub card: CrmCard,
    /// Notes, newest first.
    pub notes: Vec<CrmNote>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_is_kept_tidy() {
        let card =
            CrmCard { owner: "  Li Wei ".into(), backup_owner: " ".into(), contacts: vec!["".into(), " Anna, buyer ".into(), "  ".into()] };
        let tidy = card.tidy();
        assert_eq!(tidy, CrmCard { owner: "Li Wei".into(), backup_owner: String::new(), contacts: vec!["Anna, buyer".into()] });
        assert!(!card.is_empty());
        assert!(CrmCard { owner: " ".into(), backup_owner: String::new(), contacts: vec![" ".into()] }.is_empty());
    }
}
