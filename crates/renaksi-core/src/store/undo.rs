//! Before-images of rows, so the last user action can be undone. Each editing
//! operation captures the rows it is about to touch (parents before children);
//! undoing writes them back in that order, deleting rows that did not exist.

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Transaction};

use crate::Result;

/// One row as it was before a change; `row` is `None` when it did not exist.
#[derive(Debug, Clone, PartialEq)]
pub struct RowImage {
    table: &'static str,
    key: Vec<(&'static str, Value)>,
    row: Option<Vec<(String, Value)>>,
}

impl RowImage {
    /// Whether the row existed when captured (undoing puts it back) or not
    /// (undoing deletes it).
    pub fn existed(&self) -> bool {
        self.row.is_some()
    }
}

/// Reads the current state of the row of `table` with `key`.
pub fn capture(
    conn: &Connection,
    table: &'static str,
    key: &[(&'static str, Value)],
) -> Result<RowImage> {
    let sql = format!("SELECT * FROM {table} WHERE {}", conditions(key, 1));
    let mut stmt = conn.prepare(&sql)?;
    let names: Vec<String> = stmt.column_names().map(|n| n.to_string()).collect();
    let row = stmt
        .query_row(params_from_iter(key.iter().map(|(_, v)| v)), |row| {
            names
                .iter()
                .enumerate()
                .map(|(i, name)| Ok((name.clone(), row.get::<_, Value>(i)?)))
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .optional()?;
    Ok(RowImage {
        table,
        key: key.to_vec(),
        row,
    })
}

/// Puts every row back as it was, in the order captured.
pub fn restore(tx: &Transaction<'_>, images: &[RowImage]) -> Result<()> {
    for image in images {
        let key_values = image.key.iter().map(|(_, v)| v);
        match &image.row {
            None => {
                let sql = format!(
                    "DELETE FROM {} WHERE {}",
                    image.table,
                    conditions(&image.key, 1)
                );
                tx.execute(&sql, params_from_iter(key_values))?;
            }
            Some(columns) => {
                let exists: bool = tx.query_row(
                    &format!(
                        "SELECT EXISTS (SELECT 1 FROM {} WHERE {})",
                        image.table,
                        conditions(&image.key, 1)
                    ),
                    params_from_iter(key_values.clone()),
                    |row| row.get(0),
                )?;
                let values = columns.iter().map(|(_, v)| v);
                if exists {
                    let sets: Vec<String> = columns
                        .iter()
                        .enumerate()
                        .map(|(i, (name, _))| format!("{name} = ?{}", i + 1))
                        .collect();
                    let sql = format!(
                        "UPDATE {} SET {} WHERE {}",
                        image.table,
                        sets.join(", "),
                        conditions(&image.key, columns.len() + 1)
                    );
                    tx.execute(&sql, params_from_iter(values.chain(key_values)))?;
                } else {
                    let names: Vec<&str> = columns.iter().map(|(n, _)| n.as_str()).collect();
                    let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
                    let sql = format!(
                        "INSERT INTO {} ({}) VALUES ({})",
                        image.table,
                        names.join(", "),
                        marks.join(", ")
                    );
                    tx.execute(&sql, params_from_iter(values))?;
                }
            }
        }
    }
    Ok(())
}

/// `k1 = ?n AND k2 = ?n+1 ...`
fn conditions(key: &[(&'static str, Value)], first: usize) -> String {
    key.iter()
        .enumerate()
        .map(|(i, (name, _))| format!("{name} = ?{}", first + i))
        .collect::<Vec<_>>()
        .join(" AND ")
}
