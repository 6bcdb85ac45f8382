//! Before-images of rows, so the last user action can be undone. Each editing
//! operation captures the rows it is about to touch (parents before children);
//! undoing writes them back in that order, deleting rows that did not exist.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Transaction};

use crate::{Error, Result};

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

/// Puts every row back as it was, in the order captured. A row the change
/// added is not deleted while rows made since, outside this change, refer to
/// it: deleting it would take them along (ON DELETE CASCADE), so the undo is
/// refused and nothing is written.
pub fn restore(tx: &Transaction<'_>, images: &[RowImage]) -> Result<()> {
    let references = if images.iter().any(|i| i.row.is_none()) {
        references_by_parent(tx)?
    } else {
        HashMap::new()
    };
    for image in images {
        let key_values = image.key.iter().map(|(_, v)| v);
        match &image.row {
            None => {
                require_no_later_dependents(tx, image, images, &references)?;
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

/// Every foreign key of the schema, by the table it refers to: (child table,
/// child column, parent column or `None` for the parent's primary key).
type References = HashMap<String, Vec<(String, String, Option<String>)>>;

fn references_by_parent(conn: &Connection) -> Result<References> {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut references = References::new();
    for child in tables {
        let mut stmt =
            conn.prepare("SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?1)")?;
        let links = stmt.query_map([&child], |row| {
            Ok((row.get::<_, String>(0)?, row.get(1)?, row.get(2)?))
        })?;
        for link in links {
            let (parent, from, to) = link?;
            references
                .entry(parent)
                .or_default()
                .push((child.clone(), from, to));
        }
    }
    Ok(references)
}

/// Refuses to delete `image`'s row while a row that this change did not
/// capture refers to it.
fn require_no_later_dependents(
    tx: &Transaction<'_>,
    image: &RowImage,
    images: &[RowImage],
    references: &References,
) -> Result<()> {
    for (child, from, to) in references.get(image.table).into_iter().flatten() {
        let parent_column = to.as_deref().unwrap_or(image.key[0].0);
        let Some((_, value)) = image.key.iter().find(|(name, _)| *name == parent_column) else {
            continue;
        };
        let captured: Vec<&RowImage> = images.iter().filter(|i| i.table == child).collect();
        let key_names: Vec<&str> = captured
            .first()
            .map(|i| i.key.iter().map(|(name, _)| *name).collect())
            .unwrap_or_default();
        let selected = if key_names.is_empty() {
            "1".to_string()
        } else {
            key_names.join(", ")
        };
        let mut stmt = tx.prepare(&format!("SELECT {selected} FROM {child} WHERE {from} = ?1"))?;
        let mut rows = stmt.query([value])?;
        while let Some(row) = rows.next()? {
            let key: Vec<Value> = (0..key_names.len())
                .map(|i| row.get(i))
                .collect::<rusqlite::Result<_>>()?;
            let part_of_this_change = !key_names.is_empty()
                && captured
                    .iter()
                    .any(|i| i.key.iter().map(|(_, v)| v).eq(key.iter()));
            if !part_of_this_change {
                return Err(Error::invalid(
                    "undo",
                    "Perubahan terakhir tidak dapat diurungkan lagi: sudah ada data yang dibuat \
                     sesudahnya dan bergantung padanya.",
                ));
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
