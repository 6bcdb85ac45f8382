//! Table `milestones`: verifiable steps of an action, each owned by one OPD.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::now;
use crate::model::Milestone;
use crate::Result;

const COLUMNS: &str = "id, action_id, opd_id, seq, title, output, start_date, end_date, status";

pub fn insert(tx: &Transaction<'_>, milestone: &Milestone) -> Result<()> {
    // Cached: an import or a package writes thousands of these in one transaction.
    tx.prepare_cached(
        "INSERT INTO milestones (id, action_id, opd_id, seq, title, output, start_date, end_date,
                                 status, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
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
    ])?;
    Ok(())
}

pub fn update(tx: &Transaction<'_>, milestone: &Milestone) -> Result<()> {
    tx.execute(
        "UPDATE milestones SET title = ?2, output = ?3, start_date = ?4, end_date = ?5,
                status = ?6, updated_at = ?7
         WHERE id = ?1",
        params![
            milestone.id,
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

pub fn delete(tx: &Transaction<'_>, id: &str) -> Result<()> {
    tx.execute("DELETE FROM milestones WHERE id = ?1", [id])?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Milestone>> {
    // Cached: an import looks up every row of a report.
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM milestones WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

/// The number the next milestone of an action gets.
pub fn next_seq(conn: &Connection, action_id: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(max(seq), 0) + 1 FROM milestones WHERE action_id = ?1",
        [action_id],
        |row| row.get(0),
    )?)
}

/// All milestones of a plan, by action and order.
pub fn list_for_plan(conn: &Connection, plan_id: &str) -> Result<Vec<Milestone>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM milestones WHERE action_id IN (SELECT id FROM actions WHERE plan_id = ?1)
         ORDER BY action_id, seq"
    ))?;
    let rows = stmt.query_map([plan_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Milestones of one action, in order.
pub fn list_for_action(conn: &Connection, action_id: &str) -> Result<Vec<Milestone>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM milestones WHERE action_id = ?1 ORDER BY seq"
    ))?;
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
