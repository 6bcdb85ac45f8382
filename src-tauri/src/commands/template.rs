//! The Excel plan template at Bappeda: writing it where the user says, and
//! importing a filled-in one: pick the file (the dialog opens from Rust; the
//! webview names the file only by a token), see what it would add, change or
//! archive, then apply it in one transaction. The import is remembered as the
//! last change, so it can be undone.

use renaksi_api::template::{self, TemplatePreview, TemplateWritten};
use renaksi_core::Error;
use tauri::{AppHandle, State};

use super::exchange::PickedFile;
use super::save_dialog::{ask_xlsx_path, pick_xlsx_file};
use crate::error::CommandResult;
use crate::state::{AppState, ChangeArea};

/// Writes the plan template (the empty one when there is no plan yet);
/// `None` when the user cancels the save dialog.
#[tauri::command]
pub async fn export_plan_template(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<TemplateWritten>> {
    let suggested = template::suggested_file_name(&*state.store()?)?;
    let Some(path) = ask_xlsx_path(&app, "Simpan template rencana aksi", &suggested)? else {
        return Ok(None);
    };
    Ok(Some(template::export(&*state.store()?, &path)?))
}

/// Asks for a filled-in template; `None` when the user cancels.
#[tauri::command]
pub async fn pick_plan_template(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<PickedFile>> {
    let Some(path) = pick_xlsx_file(&app, "Pilih template rencana aksi")? else {
        return Ok(None);
    };
    Ok(Some(PickedFile::new(
        state.remember_pick(path.clone()),
        &path,
    )))
}

/// What importing the picked template would do; its wrong rows are listed.
#[tauri::command]
pub fn preview_plan_template(
    state: State<'_, AppState>,
    token: String,
) -> CommandResult<TemplatePreview> {
    let path = state
        .picked(&token)
        .ok_or_else(|| Error::NotFound("Berkas yang dipilih".into()))?;
    Ok(template::preview(&*state.store()?, &path)?)
}

/// Imports the picked template in one transaction, or nothing when any row is
/// wrong; returns what it did.
#[tauri::command]
pub fn import_plan_template(
    state: State<'_, AppState>,
    token: String,
) -> CommandResult<TemplatePreview> {
    let path = state
        .picked(&token)
        .ok_or_else(|| Error::NotFound("Berkas yang dipilih".into()))?;
    let imported = template::import(&mut *state.store()?, &path)?;
    log::info!(
        "template {} diimpor: {} perubahan",
        path.display(),
        imported.preview.change_count()
    );
    if let Some(undo) = imported.undo {
        state.remember(ChangeArea::PlanEditor, undo);
    }
    Ok(imported.preview)
}
