//! Table `periods`: the quarters of each plan year, their due dates and closure.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::model::Period;
use crate::Result;

pub fn insert(tx: &Transaction<'_>, plan_id: &str, period: &Period) -> Result<()> {
    tx.execute(
        "INSERT INTO periods (plan_id, year, quarter, due_date, closed) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![plan_id, period.year, period.quarter, period.due_date, period.closed],
    )?;
    Ok(())
}

/// Sets a quarter's due date and closure, adding the quarter if new.
pub fn upsert(tx: &Transaction<'_>, plan_id: &str, period: &Period) -> Result<()> {
    tx.execute(
        "INSERT INTO periods (plan_id, year, quarter, due_date, closed) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (plan_id, year, quarter) DO UPDATE SET
             due_date = excluded.due_date, closed = excluded.closed",
        params![
            plan_id,
            period.year,
            period.quarter,
            period.due_date,
            period.closed
        ],
    )?;
    Ok(())
}

pub fn list(conn: &Connection, plan_id: &str) -> Result<Vec<Period>> {
    let mut stmt = conn.prepare(
        "SELECT year, quarter, due_date, closed FROM periods WHERE plan_id = ?1
         ORDER BY year, quarter",
    )?;
    let rows = stmt.query_map([plan_id], |row| {
        Ok(Period {
            year: row.get(0)?,
            quarter: row.get(1)?,
            due_date: row.get(2)?,
            closed: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, plan_id: &str, year: i32, quarter: u8) -> Result<Option<Period>> {
    Ok(conn
        .query_row(
            "SELECT year, quarter, due_date, closed FROM periods
             WHERE plan_id = ?1 AND year = ?2 AND quarter = ?3",
            params![plan_id, year, quarter],
            |row| {
                Ok(Period {
                    year: row.get(0)?,
                    quarter: row.get(1)?,
                    due_date: row.get(2)?,
                    closed: row.get(3)?,
                })
            },
        )
        .optional()?)
}

/// Sets the due date and closure of an existing quarter.
pub fn update(tx: &Transaction<'_>, plan_id: &str, period: &Period) -> Result<()> {
    tx.execute(
        "UPDATE periods SET due_date = ?4, closed = ?5 WHERE plan_id = ?1 AND year = ?2 AND quarter = ?3",
        params![plan_id, period.year, period.quarter, period.due_date, period.closed],
    )?;
    Ok(())
}
