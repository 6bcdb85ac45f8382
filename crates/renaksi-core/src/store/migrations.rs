//! Schema migrations, numbered by `PRAGMA user_version`. All pending steps run
//! in one transaction; the caller takes a backup of an existing file first.
//!
//! The steps run with foreign keys off, so that a step may rebuild a table
//! (create the new one, copy, drop the old, rename) without the drop deleting
//! the rows that refer to it; `PRAGMA foreign_key_check` then runs before the
//! commit, and a step that leaves a row pointing at nothing is rolled back.

use rusqlite::{Connection, TransactionBehavior};

use crate::{Error, Result};

/// Step `n` (1-based) brings the schema from version `n - 1` to `n`.
pub const STEPS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_quarter_tables_without_rowid.sql"),
    include_str!("migrations/0003_plan_editing.sql"),
    include_str!("migrations/0004_received_indicators.sql"),
    include_str!("migrations/0005_evidence.sql"),
    include_str!("migrations/0006_keys.sql"),
    include_str!("migrations/0007_feedback.sql"),
    include_str!("migrations/0008_self_assessment.sql"),
    include_str!("migrations/0009_assignment_indexes.sql"),
];

/// The schema version this build of the app writes.
pub const LATEST: i64 = STEPS.len() as i64;

/// Applies `steps[from..]` and stamps the new version, all in one transaction.
/// Foreign keys are off while the steps run (SQLite ignores the pragma inside
/// a transaction, so it is set around it) and on again afterwards, whatever
/// the outcome.
pub(crate) fn migrate(conn: &mut Connection, from: i64, steps: &[&str]) -> Result<()> {
    let latest = steps.len() as i64;
    if from >= latest {
        return Ok(());
    }
    let enforced: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let outcome = run_steps(conn, from, steps);
    let restored = conn.pragma_update(None, "foreign_keys", enforced);
    outcome?;
    restored?;
    Ok(())
}

fn run_steps(conn: &mut Connection, from: i64, steps: &[&str]) -> Result<()> {
    let latest = steps.len() as i64;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for step in &steps[from as usize..] {
        tx.execute_batch(step)?;
    }
    // Rows that point at nothing after the steps: the first few, by table.
    let dangling: Vec<(String, String)> = {
        let mut stmt = tx.prepare("PRAGMA foreign_key_check")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(2)?)))?;
        rows.take(5).collect::<rusqlite::Result<_>>()?
    };
    if !dangling.is_empty() {
        let named = dangling
            .iter()
            .map(|(table, parent)| format!("{table} -> {parent}"))
            .collect::<Vec<_>>()
            .join(", ");
        // Dropping `tx` rolls every step back.
        return Err(Error::invalid(
            "migration",
            format!(
                "Pembaruan skema basis data ke versi {latest} dibatalkan seluruhnya: ada baris \
                 yang merujuk data yang tidak ada ({named})."
            ),
        ));
    }
    tx.pragma_update(None, "user_version", latest)?;
    tx.commit()?;
    Ok(())
}

/// One entry of `sqlite_schema`: a table, index, trigger or view with the SQL
/// that made it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct SchemaEntry {
    kind: String,
    name: String,
    table: String,
    sql: Option<String>,
}

/// What `sqlite_schema` holds, sorted. SQLite's statistics tables (made by
/// `ANALYZE`, which only guides the query planner) are left out.
fn schema_of(conn: &Connection) -> Result<Vec<SchemaEntry>> {
    let mut stmt = conn.prepare(
        "SELECT type, name, tbl_name, sql FROM sqlite_schema \
         WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' ORDER BY type, name",
    )?;
    let entries = stmt
        .query_map([], |r| {
            Ok(SchemaEntry {
                kind: r.get(0)?,
                name: r.get(1)?,
                table: r.get(2)?,
                sql: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(entries)
}

/// The schema of a fresh database after each step of this build, by version
/// (index 0 is version 1), made once.
fn expected_schemas() -> Result<&'static [Vec<SchemaEntry>]> {
    static SCHEMAS: std::sync::OnceLock<Vec<Vec<SchemaEntry>>> = std::sync::OnceLock::new();
    if let Some(done) = SCHEMAS.get() {
        return Ok(done);
    }
    let mut conn = Connection::open_in_memory()?;
    let mut schemas = Vec::with_capacity(STEPS.len());
    for version in 1..=STEPS.len() {
        migrate(&mut conn, version as i64 - 1, &STEPS[..version])?;
        schemas.push(schema_of(&conn)?);
    }
    Ok(SCHEMAS.get_or_init(|| schemas))
}

/// Whether the database on `conn`, stamped `version`, has exactly the schema a
/// fresh database migrated to that version has: the same tables, indexes,
/// triggers and views, each with the same SQL. `Err` says the first
/// difference in words for the user (names from the file are cut short).
pub(crate) fn check_schema(conn: &Connection, version: i64) -> Result<(), String> {
    let Some(expected) = usize::try_from(version)
        .ok()
        .and_then(|v| v.checked_sub(1))
        .and_then(|at| expected_schemas().ok()?.get(at))
    else {
        return Err(format!("skema {version} tidak dikenal"));
    };
    let found = schema_of(conn).map_err(|e| e.to_string())?;
    let what = |kind: &str| match kind {
        "table" => "tabel",
        "index" => "indeks",
        "trigger" => "pemicu (trigger)",
        "view" => "view",
        _ => "objek",
    };
    let short = |name: &str| -> String {
        let printable: String = name.chars().filter(|c| !c.is_control()).collect();
        if printable.chars().count() > 60 {
            format!("{}…", printable.chars().take(59).collect::<String>())
        } else {
            printable
        }
    };
    for entry in &found {
        match expected
            .iter()
            .find(|e| e.kind == entry.kind && e.name == entry.name)
        {
            None => {
                return Err(format!(
                    "ada {} tambahan \"{}\" yang tidak dibuat oleh Renaksi",
                    what(&entry.kind),
                    short(&entry.name)
                ))
            }
            Some(e) if e != entry => {
                return Err(format!(
                    "{} \"{}\" berbeda dari susunan Renaksi skema {version}",
                    what(&entry.kind),
                    short(&entry.name)
                ))
            }
            Some(_) => {}
        }
    }
    if let Some(missing) = expected
        .iter()
        .find(|e| !found.iter().any(|f| f.kind == e.kind && f.name == e.name))
    {
        return Err(format!(
            "{} \"{}\" tidak ada",
            what(&missing.kind),
            missing.name
        ));
    }
    Ok(())
}
