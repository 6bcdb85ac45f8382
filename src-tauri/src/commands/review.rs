//! Catatan verifikator: Bappeda's notes on reports, actions and indicators.

use renaksi_api::review;
use renaksi_core::review::{NoteInput, ReviewNote};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn review_notes(state: State<'_, AppState>) -> CommandResult<Vec<ReviewNote>> {
    Ok(review::list(&*state.store()?)?)
}

#[tauri::command]
pub fn add_review_note(state: State<'_, AppState>, input: NoteInput) -> CommandResult<ReviewNote> {
    Ok(review::add(&mut *state.store()?, &input)?)
}

#[tauri::command]
pub fn set_review_note_resolved(
    state: State<'_, AppState>,
    id: String,
    resolved: bool,
) -> CommandResult<ReviewNote> {
    Ok(review::set_resolved(&mut *state.store()?, &id, resolved)?)
}
