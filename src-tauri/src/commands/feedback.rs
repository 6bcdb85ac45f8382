//! Umpan balik: Bappeda writes the feedback file for one OPD (save dialog)
//! or for every OPD into a folder (folder dialog); an OPD takes one (open
//! dialog), lists the notes it received, replies to them, and sees the last
//! file taken. Every dialog opens from Rust; the webview never names a path.

use renaksi_api::feedback::{self, WriteFeedback};
use renaksi_api::Paper;
use renaksi_core::feedback::{FeedbackStatus, FeedbackWritten, ReceivedNote, TakenFeedback};
use tauri::{AppHandle, State};

use super::save_dialog::{ask_folder, ask_xlsx_path, pick_xlsx_file};
use crate::error::CommandResult;
use crate::state::AppState;

/// Bappeda: asks where to save (suggesting `umpan-balik-<KODE>-<n>.xlsx`),
/// then writes the feedback file of the OPD `opd_code`. `None` when the
/// clerk cancels. A paper other than a4 or f4, or an unknown OPD, is
/// refused before the dialog opens.
#[tauri::command]
pub async fn write_feedback(
    app: AppHandle,
    state: State<'_, AppState>,
    opd_code: String,
    paper: String,
) -> CommandResult<Option<FeedbackWritten>> {
    let paper: Paper = paper.parse()?;
    let suggested = feedback::suggested_file_name(&*state.store()?, &opd_code)?;
    let Some(out) = ask_xlsx_path(&app, "Simpan umpan balik untuk OPD", &suggested)? else {
        return Ok(None);
    };
    let request = WriteFeedback {
        opd_code,
        paper,
        out,
    };
    let written = feedback::write(&mut *state.store()?, state.data_dir(), &request)?;
    log::info!(
        "umpan balik {} nomor {} ditulis ke {}",
        written.opd_code,
        written.sequence,
        written.path
    );
    Ok(Some(written))
}

/// Bappeda: asks for a folder, then writes one feedback file per OPD with a
/// role in the plan into it. `None` when the clerk cancels. Anyone but
/// Bappeda on the active plan is refused before the dialog opens.
#[tauri::command]
pub async fn write_feedback_all(
    app: AppHandle,
    state: State<'_, AppState>,
    paper: String,
) -> CommandResult<Option<Vec<FeedbackWritten>>> {
    let paper: Paper = paper.parse()?;
    feedback::require_writer(&*state.store()?)?;
    let Some(dir) = ask_folder(&app, "Pilih folder untuk berkas umpan balik semua OPD")? else {
        return Ok(None);
    };
    let written = feedback::write_all(&mut *state.store()?, state.data_dir(), &dir, paper)?;
    log::info!(
        "umpan balik untuk {} OPD ditulis ke {}",
        written.len(),
        dir.display()
    );
    Ok(Some(written))
}

/// OPD: asks for Bappeda's feedback file and takes it (after a backup when
/// it changes anything). A refused file rejects with the reason and changes
/// nothing. `None` when the clerk cancels.
#[tauri::command]
pub async fn take_feedback(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<TakenFeedback>> {
    let Some(path) = pick_xlsx_file(&app, "Pilih berkas umpan balik dari Bappeda")? else {
        return Ok(None);
    };
    let result = feedback::take(&mut *state.store()?, &path);
    match &result {
        Ok(taken) => {
            if taken.changed {
                // A quarter the file closed must not be written by an undo.
                state.forget_last_change();
            }
            log::info!(
                "umpan balik {} nomor {} diambil (berubah: {})",
                path.display(),
                taken.sequence,
                taken.changed
            );
        }
        Err(e) => log::warn!("umpan balik {} ditolak: {e}", path.display()),
    }
    Ok(Some(result?))
}

/// OPD: every verifier note received, oldest first, each with its replies.
#[tauri::command]
pub fn feedback_notes(state: State<'_, AppState>) -> CommandResult<Vec<ReceivedNote>> {
    Ok(feedback::notes(&*state.store()?)?)
}

/// OPD: answers a received note; the note with its replies.
#[tauri::command]
pub fn reply_to_note(
    state: State<'_, AppState>,
    note_id: String,
    body: String,
) -> CommandResult<ReceivedNote> {
    Ok(feedback::reply(&mut *state.store()?, &note_id, &body)?)
}

/// OPD: the last feedback file taken, or `None`.
#[tauri::command]
pub fn feedback_status(state: State<'_, AppState>) -> CommandResult<Option<FeedbackStatus>> {
    Ok(feedback::status(&*state.store()?)?)
}
