//! The Template rencana aksi: the plan as a fill-in workbook (the empty
//! template from a database with no plan), and importing a filled-in one at
//! Bappeda: first what it would add, change or archive, then all of it in one
//! transaction, or nothing when any row is wrong.

use std::path::Path;

use renaksi_core::backups::{self, Kind};
pub use renaksi_core::plan_template::apply::{
    FieldChange, RowChange, RowKind, TemplateImported, TemplatePreview,
};
pub use renaksi_core::plan_template::write::TemplateWritten;
pub use renaksi_core::plan_template::TemplateProblem;
use renaksi_core::plan_template::{apply, read, write};
use renaksi_core::profile::RoleKind;
use renaksi_core::store::plans;
use renaksi_core::{Result, Store};

use crate::setup::{self, FirstStart, StartChoice};

/// Writes the template of this database's plan to `out`.
pub fn export(store: &Store, out: &Path) -> Result<TemplateWritten> {
    write::export(store, out)
}

/// The file name the save dialog suggests: `template-rencana-aksi-wonosobo-2018-2019.xlsx`;
/// refused, before any dialog opens, for a profile that may not write it.
pub fn suggested_file_name(store: &Store) -> Result<String> {
    write::require_may_export(store)?;
    Ok(match plans::current(store.conn())? {
        None => "template-rencana-aksi.xlsx".into(),
        Some(plan) => {
            let place: String = plan
                .region
                .trim()
                .trim_start_matches("Kabupaten ")
                .trim_start_matches("Kota ")
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '-'
                    }
                })
                .collect();
            let place = place.trim_matches('-').to_string();
            format!(
                "template-rencana-aksi-{place}-{}-{}.xlsx",
                plan.year_start, plan.year_end
            )
        }
    })
}

fn read_file(file: &Path) -> Result<(Vec<u8>, String)> {
    let bytes = renaksi_core::workbook::reader::read_file(file, "template rencana aksi")?;
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok((bytes, name))
}

/// What importing `file` would do; wrong rows are listed in the preview.
pub fn preview(store: &Store, file: &Path) -> Result<TemplatePreview> {
    let (bytes, name) = read_file(file)?;
    apply::preview(store, bytes, &name)
}

/// Imports `file` into this database's draft plan (or creates the plan): one
/// transaction, or nothing when any row is wrong. The result carries the
/// `Undo` of the import (none when it changed nothing).
pub fn import(store: &mut Store, file: &Path) -> Result<TemplateImported> {
    let (bytes, name) = read_file(file)?;
    // A backup of the plan before it changes, as before an import of reports.
    let preview = apply::preview(store, bytes.clone(), &name)?;
    if preview.problems.is_empty() && preview.change_count() > 0 && store.path().is_some() {
        backups::take(store, Kind::BeforeImport)?;
    }
    apply::import(store, bytes, &name)
}

/// Checks `file` row by row without a database: for a new database, whose
/// file is made only once the template is known to be right.
pub fn check(file: &Path) -> Result<()> {
    let (bytes, _) = read_file(file)?;
    read::read_bytes(bytes).map(drop)
}

/// Opens the database at `db_path`, or when there is none yet, starts it
/// empty at Bappeda as `user` (the command line's `plan import` into a new
/// database).
pub fn open_or_start_bappeda(db_path: &Path, user: &str) -> Result<Store> {
    if db_path.exists() {
        return crate::open_existing(db_path);
    }
    let mut store = Store::open(db_path)?;
    setup::first_start(
        &mut store,
        &FirstStart {
            choice: StartChoice::Empty,
            role: RoleKind::Bappeda,
            opd_code: None,
            user_name: user.to_string(),
        },
        None,
    )?;
    Ok(store)
}
