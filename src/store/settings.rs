//! Settings kept in the workspace: which names are "us", which are competitors, our catalog codes.

use super::companies::MatchError;
use super::{StoreError, Workspace};
use crate::import::company_name::company_key;
use rusqlite::params;
use serde::Serialize;

/// A role a supplier name can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Our own firm, under any spelling.
    Me,
    /// A known competitor.
    Competitor,
}

/// What a name added to a role matched.
#[derive(Debug, Clone, PartialEq)]
pub enum RoleMatch {
    /// This company, with all its spellings.
    Company(String),
    /// Nothing yet: the name will apply to files imported later.
    NotYetSeen {
        /// Close spellings in the data.
        suggestions: Vec<String>,
    },
}

impl Role {
    fn key(self) -> &'static str {
        match self {
            Role::Me => "me",
            Role::Competitor => "competitor",
        }
    }
}

impl Workspace {
    /// Adds a company to a role by any spelling or a distinctive part of its name (as
    /// [`Workspace::find_company`]): every spelling of that company counts, and spellings that join it
    /// later too. A name not in the data yet is kept for files imported later. An ambiguous name is
    /// an error listing the candidates.
    pub fn add_role(&mut self, role: Role, name: &str) -> Result<RoleMatch, StoreError> {
        let typed = company_key(name).0;
        if typed.is_empty() {
            return Err(StoreError::Invalid("the name is empty".into()));
        }
        let (keys, found) = match self.find_company(name, None) {
            Ok(company) => (self.company_keys(company.id)?, RoleMatch::Company(company.name)),
            Err(StoreError::Match(MatchError::NotFound { suggestions, .. })) => (vec![typed], RoleMatch::NotYetSeen { suggestions }),
            Err(e) => return Err(e),
        };
        let tx = self.conn.transaction()?;
        for key in keys {
            tx.execute("INSERT OR IGNORE INTO party_roles(role, key, name) VALUES (?1, ?2, ?3)", params![role.key(), key, name.trim()])?;
        }
        tx.commit()?;
        Ok(found)
    }

    /// Removes a name from a role (the name as given, or every spelling of the company it names).
    /// Returns false when it was not there.
    pub fn remove_role(&mut self, role: Role, name: &str) -> Result<bool, StoreError> {
        let mut keys = vec![company_key(name).0];
        if let Ok(company) = self.find_company(name, None) {
            keys.extend(self.company_keys(company.id)?);
        }
        let mut removed = self.conn.execute("DELETE FROM party_roles WHERE role = ?1 AND name = ?2", params![role.key(), name.trim()])?;
        for key in keys {
            removed += self.conn.execute("DELETE FROM party_roles WHERE role = ?1 AND key = ?2", params![role.key(), key])?;
        }
        Ok(removed > 0)
    }

    /// The matching keys of every spelling of a company.
    fn company_keys(&self, id: crate::model::CompanyId) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT DISTINCT key FROM aliases WHERE company_id = ?1")?;
        let keys = stmt.query_map([id.0], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(keys)
    }

    /// The names given for a role, as the user wrote them.
    pub fn role_names(&self, role: Role) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT DISTINCT name FROM party_roles WHERE role = ?1 ORDER BY name")?;
        let names = stmt.query_map([role.key()], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(names)
    }

    /// Adds HS codes (2 to 6 digits or more, dots and spaces allowed) to our catalog; returns how many
    /// were new.
    pub fn add_catalog(&mut self, codes: &[String]) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        let mut added = 0;
        for code in codes {
            let digits = catalog_code(code)?;
            added += tx.execute("INSERT OR IGNORE INTO catalog(hs) VALUES (?1)", [digits])?;
        }
        tx.commit()?;
        Ok(added)
    }

    /// Removes HS codes from the catalog; returns how many were there.
    pub fn remove_catalog(&mut self, codes: &[String]) -> Result<usize, StoreError> {
        let mut removed = 0;
        for code in codes {
            removed += self.conn.execute("DELETE FROM catalog WHERE hs = ?1", [catalog_code(code)?])?;
        }
        Ok(removed)
    }

    /// The catalog as entered (digits), sorted.
    pub fn catalog(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT hs FROM catalog ORDER BY hs")?;
        let codes = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(codes)
    }
}

/// A catalog entry: a chapter (2 digits), heading (4) or subheading (6+), as digits (the settings
/// form checks codes with it before sending them).
pub fn catalog_code(code: &str) -> Result<String, StoreError> {
    let digits: String = code.chars().filter(|c| !matches!(c, '.' | ' ' | '-')).collect();
    let valid = digits.bytes().all(|b| b.is_ascii_digit()) && matches!(digits.len(), 2 | 4 | 6..=14);
    if valid {
        Ok(digits)
    } else {
        Err(StoreError::Invalid(format!("'{code}' is not an HS code (give 2, 4, 6 or more digits, e.g. 7318 or 731815)")))
    }
}

impl Workspace {
    /// A JSON setting, or its default when never set (or when stored by an older version that lacked
    /// some fields: those take their defaults).
    pub fn setting<T: serde::de::DeserializeOwned + Default>(&self, key: &str) -> Result<T, StoreError> {
        let json: Option<String> =
            rusqlite::OptionalExtension::optional(self.conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)))?;
        Ok(match json {
            Some(j) => serde_json::from_str(&j)?,
            None => T::default(),
        })
    }

    /// Stores a JSON setting.
    pub fn set_setting<T: serde::Serialize>(&mut self, key: &str, value: &T) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT INTO settings(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, serde_json::to_string(value)?],
        )?;
        Ok(())
    }

    /// Forgets a setting, so its default applies again.
    pub fn reset_setting(&mut self, key: &str) -> Result<(), StoreError> {
        self.conn.execute("DELETE FROM settings WHERE key = ?1", [key])?;
        Ok(())
    }
}
