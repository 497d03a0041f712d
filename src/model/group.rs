//! Groups of companies that belong together (one owner, several import entities), as the user
//! defined them, and the user's answers to suggested groups.

use super::CompanyId;
use serde::{Deserialize, Serialize};

/// A named group of companies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompanyGroup {
    /// Its name.
    pub name: String,
    /// Its members.
    pub members: Vec<CompanyId>,
}

/// What the user said of a suggested group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupAnswer {
    /// Made into a group.
    Accepted,
    /// Not a group: never suggest it again.
    Rejected,
}

impl GroupAnswer {
    /// The word stored in the workspace.
    pub fn key(self) -> &'static str {
        match self {
            GroupAnswer::Accepted => "accepted",
            GroupAnswer::Rejected => "rejected",
        }
    }

    /// Parses the stored word.
    pub fn from_key(key: &str) -> Option<GroupAnswer> {
        match key {
            "accepted" => Some(GroupAnswer::Accepted),
            "rejected" => Some(GroupAnswer::Rejected),
            _ => None,
        }
    }
}

/// The user's answer to a suggestion, with the companies it covered then: a company that joins the
/// suggestion later (a new import, a split) is offered again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestionAnswer {
    /// Accepted or rejected.
    pub answer: GroupAnswer,
    /// The suggestion's members when answered.
    pub members: Vec<CompanyId>,
    /// The group an accepted suggestion became.
    pub group: Option<String>,
}
