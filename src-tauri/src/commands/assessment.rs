//! The OGP end-of-commitment self-assessment (Bappeda): the plan's actions
//! with their assessments, one action's set or taken back (remembered as the
//! last change of this screen, so it can be undone), and its workbook saved
//! where the user says.

use renaksi_api::assessment::{self, ExportAssessment};
use renaksi_api::Paper;
use renaksi_core::self_assessment::workbook::AssessmentWritten;
use renaksi_core::self_assessment::{AssessmentForm, AssessmentList};
use tauri::{AppHandle, State};

use super::save_dialog::ask_xlsx_path;
use crate::error::CommandResult;
use crate::state::{AppState, ChangeArea};

#[tauri::command]
pub fn self_assessment(state: State<'_, AppState>) -> CommandResult<AssessmentList> {
    Ok(assessment::get(&*state.store()?)?)
}

/// Records one action's assessment; a wrong field comes back as
/// `{code: 'invalid', field}` (`explanation`, `evidenceLinks`).
#[tauri::command]
pub fn set_self_assessment(
    state: State<'_, AppState>,
    form: AssessmentForm,
) -> CommandResult<AssessmentList> {
    let changed = assessment::set(&mut *state.store()?, &form)?;
    state.remember(ChangeArea::Assessment, changed.undo);
    Ok(changed.list?)
}

/// Takes back one action's assessment.
#[tauri::command]
pub fn clear_self_assessment(
    state: State<'_, AppState>,
    action_id: String,
) -> CommandResult<AssessmentList> {
    let changed = assessment::clear(&mut *state.store()?, &action_id)?;
    state.remember(ChangeArea::Assessment, changed.undo);
    Ok(changed.list?)
}

/// Undoes the last change of an assessment; `None` when there is none.
#[tauri::command]
pub fn undo_self_assessment(state: State<'_, AppState>) -> CommandResult<Option<AssessmentList>> {
    let Some(undo) = state.take_last_change(ChangeArea::Assessment) else {
        return Ok(None);
    };
    Ok(Some(assessment::undo(&mut *state.store()?, &undo)?))
}

/// Asks where to save, then writes the IRM-shaped workbook. `None` when the
/// user cancels; a paper other than a4 or f4, and an OPD, are refused before
/// the dialog opens.
#[tauri::command]
pub async fn export_self_assessment(
    app: AppHandle,
    state: State<'_, AppState>,
    paper: String,
) -> CommandResult<Option<AssessmentWritten>> {
    let paper: Paper = paper.parse()?;
    let suggested = {
        let store = state.store()?;
        assessment::require_exporter(&store)?;
        assessment::suggested_file_name(&store)?
    };
    let Some(out) = ask_xlsx_path(&app, "Simpan penilaian akhir komitmen", &suggested)? else {
        return Ok(None);
    };
    Ok(Some(assessment::export(
        &*state.store()?,
        &ExportAssessment { paper, out },
    )?))
}
