//! The user's 1–5 attributes of customers (margin, payment risk, decision-chain complexity,
//! relationship depth), one row per company that has any.

use super::{StoreError, Workspace};
use crate::model::{CompanyId, ManualAttributes};
use rusqlite::{OptionalExtension, Transaction, params};
use rustc_hash::FxHashMap;

fn from_row(r: &rusqlite::Row, first: usize) -> rusqlite::Result<ManualAttributes> {
    Ok(ManualAttributes {
        margin: r.get(first)?,
        payment_risk: r.get(first + 1)?,
        decision_complexity: r.get(first + 2)?,
        relationship_depth: r.get(first + 3)?,
    })
}

fn write(tx: &Transaction, id: CompanyId, a: &ManualAttributes) -> Result<(), StoreError> {
    if a.is_empty() {
        tx.execute("DELETE FROM customer_attributes WHERE company_id = ?1", [id.0])?;
    } else {
        tx.execute(
            "INSERT INTO customer_attributes(company_id, margin, payment_risk, decision_complexity, relationship_depth)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(company_id) DO UPDATE SET margin = excluded.margin, payment_risk = excluded.payment_risk,
                 decision_complexity = excluded.decision_complexity, relationship_depth = excluded.relationship_depth",
            params![id.0, a.margin, a.payment_risk, a.decision_complexity, a.relationship_depth],
        )?;
    }
    Ok(())
}

fn read(tx: &Transaction, id: CompanyId) -> Result<ManualAttributes, StoreError> {
    let found = tx
        .query_row(
            "SELECT margin, payment_risk, decision_complexity, relationship_depth FROM customer_attributes WHERE company_id = ?1",
            [id.0],
            |r| from_row(r, 0),
        )
        .optional()?;
    Ok(found.unwrap_or_default())
}

/// Inside a merge: `into` keeps its values and takes `from`'s where it had none.
pub(super) fn merge_attributes(tx: &Transaction, into: CompanyId, from: CompanyId) -> Result<(), StoreError> {
    let merged = read(tx, into)?.or(read(tx, from)?);
    tx.execute("DELETE FROM customer_attributes WHERE company_id = ?1", [from.0])?;
    write(tx, into, &merged)
}

impl Workspace {
    /// Every customer's attributes that has any.
    pub fn customer_attributes(&self) -> Result<FxHashMap<CompanyId, ManualAttributes>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT company_id, margin, payment_risk, decision_complexity, relationship_depth FROM customer_attributes")?;
        let rows = stmt.query_map([], |r| Ok((CompanyId(r.get(0)?), from_row(r, 1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One customer's attributes (all `None` when never set).
    pub fn attributes_of(&self, id: CompanyId) -> Result<ManualAttributes, StoreError> {
        Ok(self.customer_attributes()?.remove(&id).unwrap_or_default())
    }

    /// Replaces one customer's attributes (all `None` forgets them).
    pub fn set_attributes(&mut self, id: CompanyId, attributes: &ManualAttributes) -> Result<(), StoreError> {
        attributes.validate().map_err(|e| StoreError::Invalid(e.to_string()))?;
        let tx = self.conn.transaction()?;
        let exists: bool = tx.query_row("SELECT EXISTS(SELECT 1 FROM companies WHERE id = ?1)", [id.0], |r| r.get(0))?;
        if !exists {
            return Err(StoreError::Invalid(format!("no company #{}", id.0)));
        }
        write(&tx, id, attributes)?;
        tx.commit()?;
        Ok(())
    }
}
