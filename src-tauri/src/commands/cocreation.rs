//! Co-creation sessions (sesi ko-kreasi): the record of a workshop, its
//! participants, the inputs captured live per action and the government's
//! responses, and the berita acara saved where the user says. Every change
//! returns the whole session, which is what the screen shows.

use renaksi_api::cocreation::{self, ExportBeritaAcara};
use renaksi_api::Paper;
use renaksi_core::cocreation::berita_acara::BeritaAcaraWritten;
use renaksi_core::cocreation::{
    InputForm, ParticipantForm, ResponseForm, Session, SessionForm, SessionList,
};
use renaksi_core::Store;
use tauri::{AppHandle, State};

use super::save_dialog::ask_xlsx_path;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn sessions_list(state: State<'_, AppState>) -> CommandResult<SessionList> {
    Ok(cocreation::list(&*state.store()?)?)
}

#[tauri::command]
pub fn session_detail(state: State<'_, AppState>, id: String) -> CommandResult<Session> {
    Ok(cocreation::session(&*state.store()?, &id)?)
}

#[tauri::command]
pub fn save_session(state: State<'_, AppState>, form: SessionForm) -> CommandResult<Session> {
    Ok(cocreation::save_session(&mut *state.store()?, &form)?)
}

#[tauri::command]
pub fn delete_session(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    Ok(cocreation::delete_session(&mut *state.store()?, &id)?)
}

#[tauri::command]
pub fn add_participant(
    state: State<'_, AppState>,
    form: ParticipantForm,
) -> CommandResult<Session> {
    change(&state, &form.session_id, |store| {
        cocreation::add_participant(store, &form).map(drop)
    })
}

#[tauri::command]
pub fn remove_participant(
    state: State<'_, AppState>,
    id: String,
    session_id: String,
) -> CommandResult<Session> {
    change(&state, &session_id, |store| {
        cocreation::remove_participant(store, &id)
    })
}

#[tauri::command]
pub fn save_input(state: State<'_, AppState>, form: InputForm) -> CommandResult<Session> {
    change(&state, &form.session_id, |store| {
        cocreation::save_input(store, &form).map(drop)
    })
}

#[tauri::command]
pub fn delete_input(
    state: State<'_, AppState>,
    id: String,
    session_id: String,
) -> CommandResult<Session> {
    change(&state, &session_id, |store| {
        cocreation::delete_input(store, &id)
    })
}

#[tauri::command]
pub fn set_response(
    state: State<'_, AppState>,
    form: ResponseForm,
    session_id: String,
) -> CommandResult<Session> {
    change(&state, &session_id, |store| {
        cocreation::set_response(store, &form).map(drop)
    })
}

/// Runs one change and returns the whole session, as the screen shows it.
fn change(
    state: &AppState,
    session_id: &str,
    apply: impl FnOnce(&mut Store) -> renaksi_core::Result<()>,
) -> CommandResult<Session> {
    let mut store = state.store()?;
    apply(&mut store)?;
    Ok(cocreation::session(&store, session_id)?)
}

/// Asks where to save, then writes the berita acara on `paper` (a4 or f4).
/// `None` when cancelled. A bad paper is refused before the dialog opens, as
/// `{code: 'invalid', field: 'paper'}`.
#[tauri::command]
pub async fn export_berita_acara(
    app: AppHandle,
    state: State<'_, AppState>,
    session_id: String,
    paper: String,
) -> CommandResult<Option<BeritaAcaraWritten>> {
    let paper: Paper = paper.parse()?;
    let suggested = cocreation::suggested_file_name(&*state.store()?, &session_id)?;
    let Some(out) = ask_xlsx_path(&app, "Simpan berita acara", &suggested)? else {
        return Ok(None);
    };
    let request = ExportBeritaAcara {
        session_id,
        paper,
        out,
    };
    Ok(Some(cocreation::export_berita_acara(
        &*state.store()?,
        &request,
    )?))
}
