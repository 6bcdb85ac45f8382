use renaksi_core::store::{migrations, settings};
use renaksi_core::{Error, Store};
use rusqlite::Connection;

use crate::temp_db;

fn pragma(conn: &Connection, name: &str) -> String {
    conn.query_row(&format!("PRAGMA {name}"), [], |row| {
        row.get::<_, rusqlite::types::Value>(0)
    })
    .map(|v| match v {
        rusqlite::types::Value::Integer(i) => i.to_string(),
        rusqlite::types::Value::Text(t) => t,
        other => format!("{other:?}"),
    })
    .unwrap()
}

#[test]
fn a_new_database_is_created_with_the_brief_settings_and_current_schema() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    assert!(path.is_file());
    assert_eq!(store.schema_version().unwrap(), migrations::LATEST);
    assert!(store.schema_version().unwrap() > 0);
    let conn = store.conn();
    assert_eq!(pragma(conn, "journal_mode"), "wal");
    assert_eq!(pragma(conn, "synchronous"), "2", "synchronous=FULL");
    assert_eq!(pragma(conn, "foreign_keys"), "1");
    assert_eq!(pragma(conn, "busy_timeout"), "5000");
}

#[test]
fn the_schema_covers_the_whole_model_of_the_brief() {
    let store = Store::open_in_memory().unwrap();
    let mut stmt = store
        .conn()
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .unwrap();
    let tables: Vec<String> = stmt
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for table in [
        "plans",
        "periods",
        "themes",
        "actions",
        "action_supporting_opds",
        "opds",
        "milestones",
        "indicators",
        "targets",
        "realisations",
        "evidence",
        "reports",
        "opd_keys",
        "review_notes",
        "cocreation_sessions",
        "session_participants",
        "session_inputs",
        "input_responses",
        "plan_versions",
        "audit_log",
        "settings",
    ] {
        assert!(tables.iter().any(|t| t == table), "missing table {table}");
    }
}

#[test]
fn reopening_keeps_data_and_does_not_migrate_again() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    store
        .write(|tx| settings::set(tx, "profile.user_name", "Siti"))
        .unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        settings::get(store.conn(), "profile.user_name")
            .unwrap()
            .as_deref(),
        Some("Siti")
    );
    let backups = path.parent().unwrap().join("backups");
    assert!(!backups.exists(), "no migration, so no backup");
}

#[test]
fn a_database_from_a_newer_app_is_refused_and_left_byte_identical() {
    let (_dir, path) = temp_db();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); INSERT INTO future VALUES (42);")
            .unwrap();
        conn.pragma_update(None, "user_version", migrations::LATEST + 1)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let error = Store::open(&path).err().expect("must be refused");
    assert_eq!(error.code(), "db_newer");
    let message = error.to_string();
    assert!(message.contains("versi yang lebih baru"), "{message}");
    assert!(message.contains("Perbarui aplikasi Renaksi"), "{message}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "file must be untouched"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
    let (_dir, path) = temp_db();
    std::fs::write(&path, b"Laporan triwulan, bukan basis data").unwrap();
    let before = std::fs::read(&path).unwrap();
    let error = Store::open(&path).err().expect("must be refused");
    assert!(matches!(error, Error::NotADatabase { .. }), "{error:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn another_programs_sqlite_database_is_refused_and_left_alone() {
    let (_dir, path) = temp_db();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY);")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let error = Store::open(&path).err().expect("must be refused");
    assert_eq!(error.code(), "db_unreadable");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_damaged_database_is_reported_by_quick_check_and_not_written() {
    let (_dir, path) = temp_db();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096;
             CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT);
             CREATE INDEX t_body ON t(body);",
        )
        .unwrap();
        for i in 0..2000 {
            conn.execute(
                "INSERT INTO t (body) VALUES (?1)",
                [format!("baris nomor {i} dengan teks yang cukup panjang")],
            )
            .unwrap();
        }
        conn.pragma_update(None, "user_version", 1).unwrap();
    }
    // Overwrite the middle of the file (well past the header) with garbage.
    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2 / 4096 * 4096;
    for byte in &mut bytes[middle + 8..middle + 4000] {
        *byte = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let error = Store::open(&path).err().expect("must be refused");
    assert!(
        matches!(error, Error::Corrupt { .. } | Error::NotADatabase { .. }),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("berkas tidak diubah")
            || error.to_string().contains("Berkas tidak diubah")
    );
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_migration_takes_a_backup_first_and_runs_in_one_transaction() {
    let (dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    store
        .write(|tx| settings::set(tx, "profile.user_name", "Budi"))
        .unwrap();
    drop(store);

    let mut steps: Vec<&str> = migrations::STEPS.to_vec();
    steps.push("CREATE TABLE extra (id INTEGER PRIMARY KEY);");
    let store = Store::open_with_migrations(&path, &steps).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrations::LATEST + 1);
    drop(store);

    let backups: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let name = backups[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        name.ends_with(&format!("sebelum-migrasi-v{}.db", migrations::LATEST)),
        "{name}"
    );
    let backup = Connection::open(&backups[0]).unwrap();
    assert_eq!(
        pragma(&backup, "user_version"),
        migrations::LATEST.to_string()
    );
    let user: String = backup
        .query_row(
            "SELECT value FROM settings WHERE key = 'profile.user_name'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(user, "Budi");
}

#[test]
fn a_failing_migration_changes_nothing() {
    let (_dir, path) = temp_db();
    drop(Store::open(&path).unwrap());
    let mut steps: Vec<&str> = migrations::STEPS.to_vec();
    steps.push("CREATE TABLE half (id INTEGER); THIS IS NOT SQL;");
    assert!(Store::open_with_migrations(&path, &steps).is_err());
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrations::LATEST);
    let half: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'half'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        half, 0,
        "the first statement of the failed step was rolled back"
    );
}

#[test]
fn a_write_that_fails_halfway_saves_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let result = store.write(|tx| {
        settings::set(tx, "a", "1")?;
        tx.execute(
            "INSERT INTO opds (id, code, name) VALUES ('x', NULL, 'y')",
            [],
        )?;
        Ok(())
    });
    assert!(result.is_err());
    assert_eq!(settings::get(store.conn(), "a").unwrap(), None);
}

#[test]
fn a_schema_1_database_keeps_every_target_and_realisation_on_moving_to_key_ordered_tables() {
    let (dir, path) = temp_db();
    let rows = |conn: &Connection| -> Vec<String> {
        let mut stmt = conn
            .prepare(
                "SELECT 't', indicator_id, year, quarter, value, '', '', '', '' FROM targets
                 UNION ALL
                 SELECT 'r', indicator_id, year, quarter, value, notes, obstacles, follow_up,
                        updated_at FROM realisations
                 ORDER BY 1, 2, 3, 4",
            )
            .unwrap();
        stmt.query_map([], |r| {
            Ok((0..9)
                .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                .collect::<Vec<_>>()
                .join("|"))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect()
    };
    // Today's demo loader writes today's columns, so the demo is loaded into a
    // current database and its rows copied into the schema 1 file, column by
    // column of the older schema.
    let current = dir.path().join("current.db");
    {
        let mut store = Store::open(&current).unwrap();
        renaksi_core::demo::load(&mut store, &renaksi_core::demo::DemoView::Bappeda).unwrap();
    }
    let before = {
        let store = Store::open_with_migrations(&path, &migrations::STEPS[..1]).unwrap();
        assert_eq!(store.schema_version().unwrap(), 1);
        copy_rows_into_older_schema(store.conn(), &current);
        rows(store.conn())
    };
    assert!(
        before.iter().any(|r| r.starts_with("Text(\"t\")")),
        "the demo has targets"
    );
    assert!(
        before.iter().any(|r| r.starts_with("Text(\"r\")")),
        "the demo has realisations"
    );

    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrations::LATEST);
    assert_eq!(rows(store.conn()), before);
    for table in ["targets", "realisations"] {
        let sql: String = store
            .conn()
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert!(sql.contains("WITHOUT ROWID"), "{table}: {sql}");
    }
    // The file from before the move is kept.
    assert!(dir.path().join("backups").is_dir());
}

/// Copies every row of the database at `from` into `conn`'s tables, taking only
/// the columns `conn`'s (older) schema has.
fn copy_rows_into_older_schema(conn: &rusqlite::Connection, from: &std::path::Path) {
    conn.execute("ATTACH DATABASE ?1 AS newer", [from.to_str().unwrap()])
        .unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for table in tables {
        let columns: Vec<String> = conn
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let columns = columns.join(", ");
        conn.execute_batch(&format!(
            "INSERT INTO main.{table} ({columns}) SELECT {columns} FROM newer.{table}"
        ))
        .unwrap();
    }
    conn.execute_batch("PRAGMA foreign_keys = ON; DETACH DATABASE newer")
        .unwrap();
}

fn rows(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// A later step that rebuilds a parent table the way SQLite documents it
/// (new table, copy, drop the old, rename) keeps every row that refers to it:
/// the steps run with foreign keys off, so dropping the old table deletes no
/// child. Foreign keys are on again afterwards.
#[test]
fn a_step_that_rebuilds_a_parent_table_keeps_every_child_row() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    renaksi_core::demo::load(&mut store, &renaksi_core::demo::DemoView::Bappeda).unwrap();
    let children = ["targets", "realisations"].map(|t| rows(store.conn(), t));
    assert!(children.iter().all(|&n| n > 0), "{children:?}");
    let indicators = rows(store.conn(), "indicators");
    let sql: String = store
        .conn()
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'indicators'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let indexes: Vec<String> = {
        let mut stmt = store
            .conn()
            .prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'indicators' AND sql IS NOT NULL")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    drop(store);
    let rebuild = format!(
        "{};\nINSERT INTO indicators_new SELECT * FROM indicators;\nDROP TABLE indicators;\n\
         ALTER TABLE indicators_new RENAME TO indicators;\n{};",
        sql.replacen("CREATE TABLE indicators", "CREATE TABLE indicators_new", 1),
        indexes.join(";\n")
    );
    let mut steps: Vec<&str> = migrations::STEPS.to_vec();
    steps.push(&rebuild);
    let store = Store::open_with_migrations(&path, &steps).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrations::LATEST + 1);
    assert_eq!(rows(store.conn(), "indicators"), indicators);
    assert_eq!(
        ["targets", "realisations"].map(|t| rows(store.conn(), t)),
        children,
        "no child row lost"
    );
    assert_eq!(pragma(store.conn(), "foreign_keys"), "1");
}

/// A step that leaves rows pointing at nothing is refused with a message, and
/// every step of it is rolled back: the database is as it was.
#[test]
fn a_step_that_leaves_a_dangling_reference_is_rolled_back() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    renaksi_core::demo::load(&mut store, &renaksi_core::demo::DemoView::Bappeda).unwrap();
    let before = ["opds", "actions", "milestones"].map(|t| rows(store.conn(), t));
    drop(store);
    let mut steps: Vec<&str> = migrations::STEPS.to_vec();
    steps.push("CREATE TABLE extra (id INTEGER PRIMARY KEY); DELETE FROM opds;");
    let error = Store::open_with_migrations(&path, &steps)
        .err()
        .expect("the step is refused");
    assert_eq!(error.code(), "invalid");
    assert!(error.to_string().contains("merujuk"), "{error}");
    assert!(error.to_string().contains("opds"), "{error}");

    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrations::LATEST);
    assert_eq!(
        ["opds", "actions", "milestones"].map(|t| rows(store.conn(), t)),
        before
    );
    let extra: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'extra'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(extra, 0);
    assert_eq!(pragma(store.conn(), "foreign_keys"), "1");
}

/// The schema of a database never calls a function SQLite does not know to be
/// harmless: the live store and a backup are read with `trusted_schema=OFF`.
#[test]
fn the_store_does_not_trust_its_schema() {
    let (_dir, path) = temp_db();
    let store = Store::open(&path).unwrap();
    assert_eq!(pragma(store.conn(), "trusted_schema"), "0");
}

/// A migration that is refused leaves no before-migration copy behind: the
/// file is unchanged, and a copy of data that cannot be brought up to date
/// must not become the newest backup a recovery offers.
#[test]
fn a_refused_migration_leaves_no_copy_to_recover_from() {
    let (dir, path) = temp_db();
    drop(Store::open(&path).unwrap());
    let mut steps: Vec<&str> = migrations::STEPS.to_vec();
    steps.push("DELETE FROM plans; THIS IS NOT SQL;");
    assert!(Store::open_with_migrations(&path, &steps).is_err());
    let left = std::fs::read_dir(dir.path().join("backups"))
        .map(|entries| entries.count())
        .unwrap_or(0);
    assert_eq!(left, 0);
}
