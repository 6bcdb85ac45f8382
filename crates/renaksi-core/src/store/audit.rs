//! Table `audit_log`: who changed what, when, and from what to what.

use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};

use super::now;
use crate::Result;

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub entity: String,
    pub entity_id: String,
    pub operation: String,
    pub field: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

/// The rows whose history the workspace shows, by the `entity` word of
/// their audit rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum HistoryEntity {
    Action,
    Milestone,
    Indicator,
    Theme,
    Opd,
    /// A verifier note's thread: written, replies written (OPD) or received
    /// (Bappeda), resolved.
    Note,
}

impl HistoryEntity {
    /// The `entity` of its rows in `audit_log`.
    pub fn as_str(self) -> &'static str {
        match self {
            HistoryEntity::Action => "action",
            HistoryEntity::Milestone => "milestone",
            HistoryEntity::Indicator => "indicator",
            HistoryEntity::Theme => "theme",
            HistoryEntity::Opd => "opd",
            HistoryEntity::Note => "review_note",
        }
    }
}

/// What a change did to one entity; `field`, `old` and `new` describe an update.
pub struct Change<'a> {
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub operation: &'a str,
    pub field: Option<&'a str>,
    pub old: Option<&'a str>,
    pub new: Option<&'a str>,
}

impl<'a> Change<'a> {
    pub fn new(entity: &'a str, entity_id: &'a str, operation: &'a str) -> Self {
        Change {
            entity,
            entity_id,
            operation,
            field: None,
            old: None,
            new: None,
        }
    }

    /// The field that changed.
    pub fn on(self, field: &'a str) -> Self {
        Change {
            field: Some(field),
            ..self
        }
    }

    /// The value before the change.
    pub fn from(self, old: Option<&'a str>) -> Self {
        Change { old, ..self }
    }

    /// The value after the change.
    pub fn to(self, new: Option<&'a str>) -> Self {
        Change { new, ..self }
    }
}

pub fn record(tx: &Transaction<'_>, actor: &str, change: &Change<'_>) -> Result<()> {
    tx.execute(
        "INSERT INTO audit_log (at, actor, entity, entity_id, operation, field, old_value, new_value)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            now(),
            actor,
            change.entity,
            change.entity_id,
            change.operation,
            change.field,
            change.old,
            change.new
        ],
    )?;
    Ok(())
}

/// The history of one entity, newest first.
pub fn history(conn: &Connection, entity: &str, entity_id: &str) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare(
        "SELECT at, actor, entity, entity_id, operation, field, old_value, new_value
         FROM audit_log WHERE entity = ?1 AND entity_id = ?2 ORDER BY id DESC",
    )?;
    let rows = stmt.query_map([entity, entity_id], |row| {
        Ok(AuditEntry {
            at: row.get(0)?,
            actor: row.get(1)?,
            entity: row.get(2)?,
            entity_id: row.get(3)?,
            operation: row.get(4)?,
            field: row.get(5)?,
            old_value: row.get(6)?,
            new_value: row.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
