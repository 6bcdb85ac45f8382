//! Table `indicators`: measures of an action, each owned by one OPD.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::now;
use crate::model::Indicator;
use crate::Result;

const COLUMNS: &str = "id, action_id, milestone_id, opd_id, seq, description, unit, baseline, \
                       polarity, aggregation";

pub fn insert(tx: &Transaction<'_>, indicator: &Indicator) -> Result<()> {
    // Cached: an import or a package writes thousands of these in one transaction.
    tx.prepare_cached(
        "INSERT INTO indicators (id, action_id, milestone_id, opd_id, seq, description, unit,
                                 baseline, polarity, aggregation, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        indicator.id,
        indicator.action_id,
        indicator.milestone_id,
        indicator.opd_id,
        indicator.seq,
        indicator.description,
        indicator.unit,
        indicator.baseline,
        indicator.polarity,
        indicator.aggregation,
        now()
    ])?;
    Ok(())
}

pub fn update(tx: &Transaction<'_>, indicator: &Indicator) -> Result<()> {
    tx.execute(
        "UPDATE indicators SET milestone_id = ?2, description = ?3, unit = ?4, baseline = ?5,
                polarity = ?6, aggregation = ?7, updated_at = ?8
         WHERE id = ?1",
        params![
            indicator.id,
            indicator.milestone_id,
            indicator.description,
            indicator.unit,
            indicator.baseline,
            indicator.polarity,
            indicator.aggregation,
            now()
        ],
    )?;
    Ok(())
}

pub fn delete(tx: &Transaction<'_>, id: &str) -> Result<()> {
    tx.execute("DELETE FROM indicators WHERE id = ?1", [id])?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Indicator>> {
    // Cached: an import looks up every row of a report.
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM indicators WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

/// The number the next indicator of an action gets.
pub fn next_seq(conn: &Connection, action_id: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(max(seq), 0) + 1 FROM indicators WHERE action_id = ?1",
        [action_id],
        |row| row.get(0),
    )?)
}

/// All indicators of a plan, by action and order.
pub fn list_for_plan(conn: &Connection, plan_id: &str) -> Result<Vec<Indicator>> {
    let mut all = Vec::new();
    for_each_in_plan(conn, plan_id, |i| all.push(i))?;
    Ok(all)
}

/// Hands each indicator of a plan to `take`, by action and order, without
/// holding them all: a province's plan has hundreds of thousands.
pub fn for_each_in_plan(
    conn: &Connection,
    plan_id: &str,
    mut take: impl FnMut(Indicator),
) -> Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM indicators WHERE action_id IN (SELECT id FROM actions WHERE plan_id = ?1)
         ORDER BY action_id, seq"
    ))?;
    let mut rows = stmt.query([plan_id])?;
    while let Some(row) = rows.next()? {
        take(from_row(row)?);
    }
    Ok(())
}

/// Indicators of one action, in order.
pub fn list_for_action(conn: &Connection, action_id: &str) -> Result<Vec<Indicator>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM indicators WHERE action_id = ?1 ORDER BY seq"
    ))?;
    let rows = stmt.query_map([action_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Number of indicators per action id, for the plan's actions that have any.
pub fn count_by_action(conn: &Connection, plan_id: &str) -> Result<HashMap<String, i64>> {
    let mut stmt = conn.prepare(
        "SELECT i.action_id, count(*) FROM indicators i JOIN actions a ON a.id = i.action_id
         WHERE a.plan_id = ?1 GROUP BY i.action_id",
    )?;
    let rows = stmt.query_map([plan_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Indicator> {
    Ok(Indicator {
        id: row.get(0)?,
        action_id: row.get(1)?,
        milestone_id: row.get(2)?,
        opd_id: row.get(3)?,
        seq: row.get(4)?,
        description: row.get(5)?,
        unit: row.get(6)?,
        baseline: row.get(7)?,
        polarity: row.get(8)?,
        aggregation: row.get(9)?,
    })
}
