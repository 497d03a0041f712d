//! Companies and their spellings: resolving raw names during import, finding a company by any
//! spelling, merging and splitting.
//!
//! A raw spelling is an alias; an alias belongs to one company. A new spelling joins the company that
//! already owns its matching key, so a merge made once keeps applying to later imports.

use super::{StoreError, Workspace};
use crate::import::company_name::company_key;
use crate::model::CompanyId;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use std::collections::HashMap;
use thiserror::Error;

/// A name that matched no company, or several.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum MatchError {
    /// Nothing matched.
    #[error("no company matches '{query}'{}", suggest(.suggestions))]
    NotFound {
        /// What the user typed.
        query: String,
        /// Close spellings.
        suggestions: Vec<String>,
    },
    /// Several companies matched.
    #[error("'{query}' matches {} companies: {}; give more of the name", .candidates.len(), .candidates.join("; "))]
    Ambiguous {
        /// What the user typed.
        query: String,
        /// The companies it matched.
        candidates: Vec<String>,
    },
}

impl MatchError {
    /// The error in words, for the reader's language.
    pub fn message(&self) -> crate::text::Message {
        match self {
            MatchError::NotFound { query, suggestions } if suggestions.is_empty() => crate::msg!("error.match.not_found", query = query),
            MatchError::NotFound { query, suggestions } => {
                crate::msg!("error.match.not_found_suggestions", query = query, suggestions = suggestions.join("; "))
            }
            MatchError::Ambiguous { query, candidates } => {
                crate::msg!("error.match.ambiguous", query = query, count = candidates.len(), candidates = candidates.join("; "))
            }
        }
    }
}

fn suggest(s: &[String]) -> String {
    if s.is_empty() { String::new() } else { format!("; did you mean: {}?", s.join("; ")) }
}

/// A company found by name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanyMatch {
    /// Its id.
    pub id: CompanyId,
    /// Its display name.
    pub name: String,
}

/// A company with all its spellings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanySummary {
    /// Its id.
    pub id: CompanyId,
    /// Display name.
    pub name: String,
    /// Every spelling read, the display name included.
    pub aliases: Vec<String>,
}

/// Resolves raw names to aliases during one import transaction, creating companies as needed.
#[derive(Clone)]
pub(super) struct Resolver {
    by_raw: HashMap<String, (i64, String)>,
    by_key: HashMap<String, i64>,
}

impl Resolver {
    /// Loads the known spellings and keys.
    pub(super) fn load(tx: &Transaction<'_>) -> Result<Resolver, StoreError> {
        let mut by_raw = HashMap::new();
        let mut stmt = tx.prepare("SELECT raw, id, key FROM aliases")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?)))?;
        for row in rows {
            let (raw, id, key) = row?;
            by_raw.insert(raw, (id, key));
        }
        let mut by_key = HashMap::new();
        let mut stmt = tx.prepare("SELECT key, company_id FROM company_keys")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (key, company) = row?;
            by_key.insert(key, company);
        }
        Ok(Resolver { by_raw, by_key })
    }

    /// The alias id and matching key of a raw name, creating the alias (and company) if new.
    pub(super) fn resolve(&mut self, tx: &Transaction<'_>, raw: &str) -> Result<(i64, &str), StoreError> {
        if !self.by_raw.contains_key(raw) {
            let key = company_key(raw).0;
            let company = match self.by_key.get(&key) {
                Some(c) => *c,
                None => {
                    tx.execute("INSERT INTO companies(name) VALUES (?1)", [raw])?;
                    let c = tx.last_insert_rowid();
                    tx.execute("INSERT INTO company_keys(key, company_id) VALUES (?1, ?2)", params![key, c])?;
                    self.by_key.insert(key.clone(), c);
                    c
                }
            };
            tx.execute("INSERT INTO aliases(raw, key, company_id) VALUES (?1, ?2, ?3)", params![raw, key, company])?;
            self.by_raw.insert(raw.to_string(), (tx.last_insert_rowid(), key));
        }
        let (id, key) = &self.by_raw[raw];
        Ok((*id, key.as_str()))
    }

    /// Records `other` (a local-language name) as another spelling of the company owning `alias`.
    pub(super) fn add_spelling(&mut self, tx: &Transaction<'_>, alias: i64, other: &str) -> Result<(), StoreError> {
        if self.by_raw.contains_key(other) {
            return Ok(());
        }
        let company: i64 = tx.query_row("SELECT company_id FROM aliases WHERE id = ?1", [alias], |r| r.get(0))?;
        let key = company_key(other).0;
        tx.execute("INSERT INTO aliases(raw, key, company_id) VALUES (?1, ?2, ?3)", params![other, key, company])?;
        self.by_raw.insert(other.to_string(), (tx.last_insert_rowid(), key.clone()));
        if let std::collections::hash_map::Entry::Vacant(slot) = self.by_key.entry(key) {
            tx.execute("INSERT INTO company_keys(key, company_id) VALUES (?1, ?2)", params![slot.key(), company])?;
            slot.insert(company);
        }
        Ok(())
    }
}

impl Workspace {
    /// Every company with its spellings, by name.
    pub fn companies(&self) -> Result<Vec<CompanySummary>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT c.id, c.name, a.raw FROM companies c JOIN aliases a ON a.company_id = c.id ORDER BY c.name, c.id, a.raw")?;
        let mut out: Vec<CompanySummary> = Vec::new();
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?;
        for row in rows {
            let (id, name, raw) = row?;
            match out.last_mut() {
                Some(last) if last.id == CompanyId(id) => last.aliases.push(raw),
                _ => out.push(CompanySummary { id: CompanyId(id), name, aliases: vec![raw] }),
            }
        }
        Ok(out)
    }

    /// Finds one company by any spelling or a distinctive part of one, case-insensitively.
    ///
    /// An exact spelling wins; otherwise the one company whose key equals or contains the query's
    /// key, or whose spelling contains it. Several such companies are ambiguous. `only` restricts the search (e.g. to customers).
    pub fn find_company(&self, query: &str, only: Option<&[CompanyId]>) -> Result<CompanyMatch, StoreError> {
        let all = self.companies()?;
        let allowed = |c: &&CompanySummary| only.is_none_or(|ids| ids.contains(&c.id));
        let q = query.trim().to_uppercase();
        let qkey = company_key(query).0;
        // Tiers, strictest first: an exact spelling, then the same matching key.
        let spelled: Vec<&CompanySummary> =
            all.iter().filter(allowed).filter(|c| c.aliases.iter().any(|a| a.to_uppercase() == q)).collect();
        let keyed: Vec<&CompanySummary> =
            all.iter().filter(allowed).filter(|c| c.aliases.iter().any(|a| company_key(a).0 == qkey)).collect();
        let pick = |found: Vec<&CompanySummary>| -> Option<Result<CompanyMatch, StoreError>> {
            match found.len() {
                0 => None,
                1 => Some(Ok(CompanyMatch { id: found[0].id, name: found[0].name.clone() })),
                _ => Some(Err(MatchError::Ambiguous {
                    query: query.to_string(),
                    candidates: found.iter().map(|c| c.name.clone()).collect(),
                }
                .into())),
            }
        };
        if let Some(result) = pick(spelled) {
            return result;
        }
        // A matching key or a distinctive part: unique across both, or the user must say more.
        let mut found = keyed;
        for c in all.iter().filter(allowed) {
            let part = !qkey.is_empty() && c.aliases.iter().any(|a| company_key(a).0.contains(&qkey) || a.to_uppercase().contains(&q));
            if part && !found.iter().any(|f| f.id == c.id) {
                found.push(c);
            }
        }
        if let Some(result) = pick(found) {
            return result;
        }
        let mut close: Vec<(f64, &str)> = all
            .iter()
            .filter(allowed)
            .map(|c| (strsim::jaro_winkler(&company_key(&c.name).0, &qkey), c.name.as_str()))
            .filter(|(s, _)| *s > 0.8)
            .collect();
        close.sort_by(|a, b| b.0.total_cmp(&a.0));
        Err(MatchError::NotFound { query: query.to_string(), suggestions: close.iter().take(5).map(|(_, n)| n.to_string()).collect() }
            .into())
    }

    /// A company's display name.
    pub fn company_name(&self, id: CompanyId) -> Result<String, StoreError> {
        let name: Option<String> = self.conn.query_row("SELECT name FROM companies WHERE id = ?1", [id.0], |r| r.get(0)).optional()?;
        name.ok_or_else(|| StoreError::Invalid(format!("no company #{}", id.0)))
    }

    /// Merges `from` into `into`: every spelling and key of `from` now belongs to `into`, also for
    /// files imported later; `into` keeps its 1–5 attributes and takes `from`'s where it had none;
    /// group memberships, CRM card and notes move to `into`.
    pub fn merge_companies(&mut self, into: CompanyId, from: CompanyId) -> Result<(), StoreError> {
        if into == from {
            return Err(StoreError::Invalid("a company cannot be merged into itself".into()));
        }
        let tx = self.conn.transaction()?;
        tx.execute("UPDATE aliases SET company_id = ?1 WHERE company_id = ?2", params![into.0, from.0])?;
        tx.execute("UPDATE company_keys SET company_id = ?1 WHERE company_id = ?2", params![into.0, from.0])?;
        super::attributes::merge_attributes(&tx, into, from)?;
        super::groups::merge_memberships(&tx, into, from)?;
        super::crm::merge_crm(&tx, into, from)?;
        super::reviews::merge_reviews(&tx, into, from)?;
        tx.execute("DELETE FROM companies WHERE id = ?1", [from.0])?;
        tx.commit()?;
        Ok(())
    }

    /// Splits one spelling off into a company of its own, which later imports keep apart.
    pub fn split_alias(&mut self, raw: &str) -> Result<CompanyId, StoreError> {
        let tx = self.conn.transaction()?;
        let found: Option<(i64, String, i64)> = tx
            .query_row("SELECT id, key, company_id FROM aliases WHERE raw = ?1 COLLATE NOCASE", [raw], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        let Some((alias, key, company)) = found else {
            return Err(StoreError::Invalid(format!("no spelling '{raw}' is known; see `customs-radar company list`")));
        };
        let siblings: i64 =
            tx.query_row("SELECT count(*) FROM aliases WHERE company_id = ?1 AND id <> ?2", params![company, alias], |r| r.get(0))?;
        if siblings == 0 {
            return Err(StoreError::Invalid(format!("'{raw}' is already the only spelling of its company")));
        }
        let name: String = tx.query_row("SELECT raw FROM aliases WHERE id = ?1", [alias], |r| r.get(0))?;
        tx.execute("INSERT INTO companies(name) VALUES (?1)", [&name])?;
        let new_id = tx.last_insert_rowid();
        tx.execute("UPDATE aliases SET company_id = ?1, pinned = 1 WHERE id = ?2", params![new_id, alias])?;
        super::groups::copy_memberships(&tx, CompanyId(company), CompanyId(new_id))?;
        // The key moves too unless another spelling of the old company shares it.
        let shared: i64 =
            tx.query_row("SELECT count(*) FROM aliases WHERE company_id = ?1 AND key = ?2", params![company, key], |r| r.get(0))?;
        if shared == 0 {
            tx.execute("UPDATE company_keys SET company_id = ?1 WHERE key = ?2", params![new_id, key])?;
        }
        let display: Option<String> = tx.query_row("SELECT name FROM companies WHERE id = ?1", [company], |r| r.get(0)).optional()?;
        if display.as_deref() == Some(name.as_str()) {
            tx.execute(
                "UPDATE companies SET name = (SELECT raw FROM aliases WHERE company_id = ?1 ORDER BY id LIMIT 1) WHERE id = ?1",
                [company],
            )?;
        }
        tx.commit()?;
        Ok(CompanyId(new_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    fn chinese(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn match_errors_speak_chinese_with_their_fields() {
        let none = MatchError::NotFound { query: "Acme".into(), suggestions: vec![] };
        let near = MatchError::NotFound { query: "Acme".into(), suggestions: vec!["ACME GMBH".into(), "ACMA SRL".into()] };
        let many = MatchError::Ambiguous { query: "Ningbo".into(), candidates: vec!["NINGBO A".into(), "NINGBO B".into()] };
        for e in [&none, &near, &many] {
            let (en, zh) = (e.message().render(Lang::En), e.message().render(Lang::Zh));
            assert!(chinese(&zh), "{zh}");
            assert_ne!(en, zh);
        }
        assert!(none.message().render(Lang::Zh).contains("Acme"));
        assert!(near.message().render(Lang::Zh).contains("ACME GMBH; ACMA SRL"));
        let zh = many.message().render(Lang::Zh);
        assert!(zh.contains("Ningbo") && zh.contains("2 家") && zh.contains("NINGBO B"), "{zh}");
    }
}
