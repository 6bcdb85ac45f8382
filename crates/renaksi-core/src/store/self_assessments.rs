//! Table `self_assessments`: the OGP end-of-commitment self-assessment of an
//! action (one row per action).

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::Result;

/// One stored assessment. `completion` and `opened_government` are the stored
/// words of `self_assessment::Completion` and `OpenedGovernment`;
/// `evidence_links` is a JSON array of web links.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentRow {
    pub action_id: String,
    pub completion: String,
    pub opened_government: String,
    pub explanation: String,
    pub evidence_links: String,
    pub recorded_by: String,
    pub recorded_at: String,
}

const COLUMNS: &str =
    "action_id, completion, opened_government, explanation, evidence_links, recorded_by, recorded_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<AssessmentRow> {
    Ok(AssessmentRow {
        action_id: row.get(0)?,
        completion: row.get(1)?,
        opened_government: row.get(2)?,
        explanation: row.get(3)?,
        evidence_links: row.get(4)?,
        recorded_by: row.get(5)?,
        recorded_at: row.get(6)?,
    })
}

/// Sets the assessment of an action, replacing any earlier one.
pub fn upsert(tx: &Transaction<'_>, row: &AssessmentRow) -> Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO self_assessments ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (action_id) DO UPDATE SET completion = excluded.completion,
                 opened_government = excluded.opened_government,
                 explanation = excluded.explanation, evidence_links = excluded.evidence_links,
                 recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at"
        ),
        params![
            row.action_id,
            row.completion,
            row.opened_government,
            row.explanation,
            row.evidence_links,
            row.recorded_by,
            row.recorded_at
        ],
    )?;
    Ok(())
}

pub fn delete(tx: &Transaction<'_>, action_id: &str) -> Result<()> {
    tx.execute(
        "DELETE FROM self_assessments WHERE action_id = ?1",
        [action_id],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, action_id: &str) -> Result<Option<AssessmentRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM self_assessments WHERE action_id = ?1"),
            [action_id],
            from_row,
        )
        .optional()?)
}

/// The assessments of a plan's actions.
pub fn list_for_plan(conn: &Connection, plan_id: &str) -> Result<Vec<AssessmentRow>> {
    let mut stmt = conn.prepare(
        "SELECT s.action_id, s.completion, s.opened_government, s.explanation,
                s.evidence_links, s.recorded_by, s.recorded_at
         FROM self_assessments s JOIN actions a ON a.id = s.action_id
         WHERE a.plan_id = ?1 ORDER BY a.code",
    )?;
    let rows = stmt.query_map([plan_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
