//! Table `milestones`: verifiable steps of an action, each owned by one OPD.

use std::collections::HashMap;

use rusqlite::{params, Connection, Row, Transaction};

use super::now;
use crate::model::Milestone;
use crate::Result;

pub fn insert(tx: &Transaction<'_>, milestone: &Milestone) -> Result<()> {
    tx.execute(
        "INSERT INTO milestones (id, action_id, opd_id, seq, title, output, start_date, end_date,
                                 status, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            milestone.id,
            milestone.action_id,
            milestone.opd_id,
            milestone.seq,
            milestone.title,
            milestone.output,
            milestone.start_date,
            milestone.end_date,
            milestone.status,
            now()
        ],
    )?;
    Ok(())
}

/// Milestones of one action, in order.
pub fn list_for_action(conn: &Connection, action_id: &str) -> Result<Vec<Milestone>> {
    let mut stmt = conn.prepare(
        "SELECT id, action_id, opd_id, seq, title, output, start_date, end_date, status
         FROM milestones WHERE action_id = ?1 ORDER BY seq",
    )?;
    let rows = stmt.query_map([action_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Number of milestones per action id, for the plan's actions that have any.
pub fn count_by_action(conn: &Connection, plan_id: &str) -> Result<HashMap<String, i64>> {
    let mut stmt = conn.prepare(
        "SELECT m.action_id, count(*) FROM milestones m JOIN actions a ON a.id = m.action_id
         WHERE a.plan_id = ?1 GROUP BY m.action_id",
    )?;
    let rows = stmt.query_map([plan_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Milestone> {
    Ok(Milestone {
        id: row.get(0)?,
        action_id: row.get(1)?,
        opd_id: row.get(2)?,
        seq: row.get(3)?,
        title: row.get(4)?,
        output: row.get(5)?,
        start_date: row.get(6)?,
        end_date: row.get(7)?,
        status: row.get(8)?,
    })
}
