//! The OPD clerk's workspace: one action with its milestones, indicators,
//! targets, realisations and evidence. Every change returns the refreshed
//! action, and is remembered so the last one can be undone.

use renaksi_api::workspace::{self, Changed, Period};
use renaksi_core::detail::ActionDetail;
use renaksi_core::editing::evidence::{web_link, EvidenceTarget, LinkInput, Opening};
use renaksi_core::editing::indicators::IndicatorInput;
use renaksi_core::editing::milestones::MilestoneInput;
use renaksi_core::editing::narrative::NarrativeInput;
use renaksi_core::editing::values::{RealisationInput, TargetsInput};
use renaksi_core::store::audit::{AuditEntry, HistoryEntity};
use renaksi_core::{Error, Store};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::CommandResult;
use crate::state::{AppState, ChangeArea};

#[tauri::command]
pub fn action_detail(
    state: State<'_, AppState>,
    action_id: String,
    period: Period,
) -> CommandResult<ActionDetail> {
    Ok(workspace::action_detail(
        &*state.store()?,
        &action_id,
        period,
    )?)
}

#[tauri::command]
pub fn save_milestone(
    state: State<'_, AppState>,
    input: MilestoneInput,
    period: Period,
) -> CommandResult<ActionDetail> {
    change(&state, |store| {
        workspace::save_milestone(store, &input, period)
    })
}

#[tauri::command]
pub fn delete_milestone(
    state: State<'_, AppState>,
    id: String,
    period: Period,
) -> CommandResult<ActionDetail> {
    change(&state, |store| {
        workspace::delete_milestone(store, &id, period)
    })
}

#[tauri::command]
pub fn save_indicator(
    state: State<'_, AppState>,
    input: IndicatorInput,
    period: Period,
) -> CommandResult<ActionDetail> {
    change(&state, |store| {
        workspace::save_indicator(store, &input, period)
    })
}

#[tauri::command]
pub fn delete_indicator(
    state: State<'_, AppState>,
    id: String,
    period: Period,
) -> CommandResult<ActionDetail> {
    change(&state, |store| {
        workspace::delete_indicator(store, &id, period)
    })
}

#[tauri::command]
pub fn save_targets(
    state: State<'_, AppState>,
    input: TargetsInput,
    period: Period,
) -> CommandResult<ActionDetail> {
    change(&state, |store| {
        workspace::save_targets(store, &input, period)
    })
}

#[tauri::command]
pub fn save_realisation(
    state: State<'_, AppState>,
    input: RealisationInput,
    period: Period,
) -> CommandResult<ActionDetail> {
    change(&state, |store| {
        workspace::save_realisation(store, &input, period)
    })
}

#[tauri::command]
pub fn save_action_narrative(
    state: State<'_, AppState>,
    input: NarrativeInput,
    period: Period,
) -> CommandResult<ActionDetail> {
    change(&state, |store| {
        workspace::save_narrative(store, &input, period)
    })
}

/// Opens the system's file dialog (from Rust: the webview never names a path)
/// and attaches the chosen file. `None` when the user cancels.
#[tauri::command]
pub async fn add_evidence_file(
    app: AppHandle,
    state: State<'_, AppState>,
    target: EvidenceTarget,
    action_id: String,
    period: Period,
) -> CommandResult<Option<ActionDetail>> {
    let Some(picked) = app
        .dialog()
        .file()
        .set_title("Pilih berkas bukti dukung")
        .blocking_pick_file()
    else {
        return Ok(None);
    };
    let path = picked
        .into_path()
        .map_err(|_| Error::invalid("file", "Berkas itu tidak dapat dibuka dari sini."))?;
    let data_dir = state.data_dir().to_path_buf();
    change(&state, |store| {
        workspace::add_evidence_file(store, &data_dir, &target, &path, &action_id, period)
    })
    .map(Some)
}

#[tauri::command]
pub fn add_evidence_link(
    state: State<'_, AppState>,
    input: LinkInput,
    action_id: String,
    period: Period,
) -> CommandResult<ActionDetail> {
    change(&state, |store| {
        workspace::add_evidence_link(store, &input, &action_id, period)
    })
}

#[tauri::command]
pub fn delete_evidence(
    state: State<'_, AppState>,
    id: String,
    action_id: String,
    period: Period,
) -> CommandResult<ActionDetail> {
    change(&state, |store| {
        workspace::delete_evidence(store, &id, &action_id, period)
    })
}

/// Opens a file with the system's viewer, or a link in the browser. A file
/// whose type is not a document the core lets open (`opens_directly`) is
/// never handed to the opener: the command refuses with why, and the window
/// offers "Tampilkan di folder" ([`show_evidence_folder`]).
#[tauri::command]
pub fn open_evidence(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    // The lock is released before the system viewer starts.
    let opening = workspace::evidence_opening(&*state.store()?, state.data_dir(), &id)?;
    let opened = match opening {
        Opening::File(path) => open::that_detached(path),
        Opening::Folder { reason, .. } => return Err(Error::invalid("fileType", reason).into()),
        // Checked again just before the opener: only a web address goes there.
        Opening::Link(url) => match web_link(&url) {
            Some(url) => open::that_detached(url),
            None => {
                return Err(Error::invalid(
                    "url",
                    "Tautan ini tidak dibuka: hanya tautan http:// atau https:// yang dibuka.",
                )
                .into())
            }
        },
    };
    opened.map_err(|e| {
        Error::Io {
            action: "membuka",
            path: id.into(),
            source: e,
        }
        .into()
    })
}

/// "Tampilkan di folder": opens the folder holding a stored evidence file in
/// the file manager (a directory, checked inside the evidence folder; the file
/// itself is not opened).
#[tauri::command]
pub fn show_evidence_folder(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    let folder = workspace::evidence_folder(&*state.store()?, state.data_dir(), &id)?;
    open::that_detached(&folder).map_err(|e| {
        Error::Io {
            action: "membuka folder",
            path: folder,
            source: e,
        }
        .into()
    })
}

#[tauri::command]
pub fn history(
    state: State<'_, AppState>,
    entity: HistoryEntity,
    entity_id: String,
) -> CommandResult<Vec<AuditEntry>> {
    Ok(workspace::history(&*state.store()?, entity, &entity_id)?)
}

/// Undoes the last change saved in this window; `None` when there is none.
#[tauri::command]
pub fn undo_last(
    state: State<'_, AppState>,
    action_id: String,
    period: Period,
) -> CommandResult<Option<ActionDetail>> {
    let Some(undo) = state.take_last_change(ChangeArea::Workspace) else {
        return Ok(None);
    };
    Ok(Some(workspace::undo(
        &mut *state.store()?,
        &undo,
        &action_id,
        period,
    )?))
}

/// Runs one change, remembers what undoes it, and returns the refreshed action.
/// The change is remembered before the action is read back, so a committed
/// change can be undone even when that read fails.
fn change(
    state: &AppState,
    apply: impl FnOnce(&mut Store) -> renaksi_core::Result<Changed>,
) -> CommandResult<ActionDetail> {
    let changed = apply(&mut *state.store()?)?;
    state.remember(ChangeArea::Workspace, changed.undo);
    Ok(changed.detail?)
}
