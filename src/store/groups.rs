//! Groups of companies and the answers to group suggestions. Members are companies (not
//! spellings), so a merge moves membership to the company that remains.

use super::{StoreError, Workspace};
use crate::model::{CompanyGroup, CompanyId, GroupAnswer, SuggestionAnswer};
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::HashMap;

fn save_answer(tx: &Transaction, token: &str, answer: GroupAnswer, members: &[CompanyId], group: Option<&str>) -> Result<(), StoreError> {
    let ids: Vec<i64> = members.iter().map(|m| m.0).collect();
    tx.execute(
        "INSERT INTO group_answers(token, answer, members, group_name) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(token) DO UPDATE SET answer = excluded.answer, members = excluded.members, group_name = excluded.group_name",
        params![token, answer.key(), serde_json::to_string(&ids)?, group],
    )?;
    Ok(())
}

/// Inside a split: the new company stays in the groups of the one it was split from (it was part
/// of it a moment ago); the user can take it out.
pub(super) fn copy_memberships(tx: &Transaction, from: CompanyId, to: CompanyId) -> Result<(), StoreError> {
    tx.execute(
        "INSERT OR IGNORE INTO group_members(group_id, company_id) SELECT group_id, ?2 FROM group_members WHERE company_id = ?1",
        params![from.0, to.0],
    )?;
    Ok(())
}

/// Inside a merge: `from`'s memberships become `into`'s.
pub(super) fn merge_memberships(tx: &Transaction, into: CompanyId, from: CompanyId) -> Result<(), StoreError> {
    tx.execute("UPDATE OR IGNORE group_members SET company_id = ?1 WHERE company_id = ?2", params![into.0, from.0])?;
    tx.execute("DELETE FROM group_members WHERE company_id = ?1", [from.0])?;
    Ok(())
}

impl Workspace {
    /// Every group with its members, by name.
    pub fn company_groups(&self) -> Result<Vec<CompanyGroup>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT g.name, m.company_id FROM company_groups g LEFT JOIN group_members m ON m.group_id = g.id ORDER BY g.name, m.company_id",
        )?;
        let mut out: Vec<CompanyGroup> = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let name: String = r.get(0)?;
            if out.last().is_none_or(|g| g.name != name) {
                out.push(CompanyGroup { name, members: Vec::new() });
            }
            if let (Some(member), Some(group)) = (r.get::<_, Option<i64>>(1)?, out.last_mut()) {
                group.members.push(CompanyId(member));
            }
        }
        Ok(out)
    }

    /// Creates a group, or adds members to the group of that name.
    pub fn add_to_group(&mut self, name: &str, members: &[CompanyId]) -> Result<(), StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("a group needs a name".into()));
        }
        let tx = self.conn.transaction()?;
        tx.execute("INSERT OR IGNORE INTO company_groups(name) VALUES (?1)", [name])?;
        let id: i64 = tx.query_row("SELECT id FROM company_groups WHERE name = ?1", [name], |r| r.get(0))?;
        for m in members {
            tx.execute("INSERT OR IGNORE INTO group_members(group_id, company_id) VALUES (?1, ?2)", params![id, m.0])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Removes a company from a group; false when it was not a member.
    pub fn remove_from_group(&mut self, name: &str, member: CompanyId) -> Result<bool, StoreError> {
        let id = self.group_id(name)?;
        Ok(self.conn.execute("DELETE FROM group_members WHERE group_id = ?1 AND company_id = ?2", params![id, member.0])? > 0)
    }

    /// Deletes a group (its companies stay).
    pub fn delete_group(&mut self, name: &str) -> Result<(), StoreError> {
        let id = self.group_id(name)?;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM group_members WHERE group_id = ?1", [id])?;
        tx.execute("DELETE FROM company_groups WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    /// Renames a group.
    pub fn rename_group(&mut self, name: &str, to: &str) -> Result<(), StoreError> {
        let id = self.group_id(name)?;
        let to = to.trim();
        let taken: Option<i64> = self.conn.query_row("SELECT id FROM company_groups WHERE name = ?1", [to], |r| r.get(0)).optional()?;
        if to.is_empty() || taken.is_some_and(|t| t != id) {
            return Err(StoreError::Invalid(format!("'{to}' cannot be the group's new name (empty or taken)")));
        }
        self.conn.execute("UPDATE company_groups SET name = ?2 WHERE id = ?1", params![id, to])?;
        Ok(())
    }

    /// The answers to group suggestions, by the shared name they rest on.
    pub fn group_answers(&self) -> Result<HashMap<String, SuggestionAnswer>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT token, answer, members, group_name FROM group_answers")?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, Option<String>>(3)?))
        })?;
        let mut out = HashMap::new();
        for row in rows {
            let (token, answer, members, group) = row?;
            let members: Vec<i64> = serde_json::from_str(&members)?;
            if let Some(answer) = GroupAnswer::from_key(&answer) {
                out.insert(token, SuggestionAnswer { answer, members: members.into_iter().map(CompanyId).collect(), group });
            }
        }
        Ok(out)
    }

    /// Accepts a suggestion: its members join `group` (created when new) and the answer is kept, in
    /// one transaction.
    pub fn accept_group_suggestion(&mut self, token: &str, group: &str, members: &[CompanyId]) -> Result<(), StoreError> {
        let group = group.trim();
        if group.is_empty() {
            return Err(StoreError::Invalid("a group needs a name".into()));
        }
        let tx = self.conn.transaction()?;
        tx.execute("INSERT OR IGNORE INTO company_groups(name) VALUES (?1)", [group])?;
        let id: i64 = tx.query_row("SELECT id FROM company_groups WHERE name = ?1", [group], |r| r.get(0))?;
        for m in members {
            tx.execute("INSERT OR IGNORE INTO group_members(group_id, company_id) VALUES (?1, ?2)", params![id, m.0])?;
        }
        save_answer(&tx, token, GroupAnswer::Accepted, members, Some(group))?;
        tx.commit()?;
        Ok(())
    }

    /// Rejects a suggestion with the companies it covers now.
    pub fn reject_group_suggestion(&mut self, token: &str, members: &[CompanyId]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        save_answer(&tx, token, GroupAnswer::Rejected, members, None)?;
        tx.commit()?;
        Ok(())
    }

    fn group_id(&self, name: &str) -> Result<i64, StoreError> {
        let id: Option<i64> =
            self.conn.query_row("SELECT id FROM company_groups WHERE name = ?1", [name.trim()], |r| r.get(0)).optional()?;
        id.ok_or_else(|| StoreError::Invalid(format!("no group named '{}'; see `customs-radar groups`", name.trim())))
    }
}
