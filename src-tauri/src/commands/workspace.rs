//! The OPD clerk's workspace: one action with its milestones, indicators,
//! targets, realisations and evidence. Every change returns the refreshed
//! action, and is remembered so the last one can be undone.

use renaksi_core::detail::{self, ActionDetail};
use renaksi_core::editing::evidence::{self, EvidenceTarget, LinkInput};
use renaksi_core::editing::indicators::{self, IndicatorInput};
use renaksi_core::editing::milestones::{self, MilestoneInput};
use renaksi_core::editing::narrative::{self, NarrativeInput};
use renaksi_core::editing::values::{self, RealisationInput, TargetsInput};
use renaksi_core::editing::{self, Undo};
use renaksi_core::period::PeriodRef;
use renaksi_core::store::audit::{self, AuditEntry};
use renaksi_core::{store, Error, Store};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::CommandResult;
use crate::state::AppState;

type Period = Option<PeriodRef>;

#[tauri::command]
pub fn action_detail(
    state: State<'_, AppState>,
    action_id: String,
    period: Period,
) -> CommandResult<ActionDetail> {
    Ok(detail::action_detail(
        state.store()?.conn(),
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
    change(&state, &input.action_id, period, |store| {
        Ok(milestones::save(store, &input)?.1)
    })
}

#[tauri::command]
pub fn delete_milestone(
    state: State<'_, AppState>,
    id: String,
    period: Period,
) -> CommandResult<ActionDetail> {
    let action_id = action_of(&state, |s| {
        Ok(store::milestones::get(s.conn(), &id)?.map(|m| m.action_id))
    })?;
    change(&state, &action_id, period, |store| {
        milestones::delete(store, &id)
    })
}

#[tauri::command]
pub fn save_indicator(
    state: State<'_, AppState>,
    input: IndicatorInput,
    period: Period,
) -> CommandResult<ActionDetail> {
    change(&state, &input.action_id, period, |store| {
        Ok(indicators::save(store, &input)?.1)
    })
}

#[tauri::command]
pub fn delete_indicator(
    state: State<'_, AppState>,
    id: String,
    period: Period,
) -> CommandResult<ActionDetail> {
    let action_id = indicator_action(&state, &id)?;
    change(&state, &action_id, period, |store| {
        indicators::delete(store, &id)
    })
}

#[tauri::command]
pub fn save_targets(
    state: State<'_, AppState>,
    input: TargetsInput,
    period: Period,
) -> CommandResult<ActionDetail> {
    let action_id = indicator_action(&state, &input.indicator_id)?;
    change(&state, &action_id, period, |store| {
        values::save_targets(store, &input)
    })
}

#[tauri::command]
pub fn save_realisation(
    state: State<'_, AppState>,
    input: RealisationInput,
    period: Period,
) -> CommandResult<ActionDetail> {
    let action_id = indicator_action(&state, &input.indicator_id)?;
    change(&state, &action_id, period, |store| {
        values::save_realisation(store, &input)
    })
}

#[tauri::command]
pub fn save_action_narrative(
    state: State<'_, AppState>,
    input: NarrativeInput,
    period: Period,
) -> CommandResult<ActionDetail> {
    change(&state, &input.action_id, period, |store| {
        narrative::save(store, &input)
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
    change(&state, &action_id, period, |store| {
        evidence::add_file(store, &data_dir, &target, &path)
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
    change(&state, &action_id, period, |store| {
        evidence::add_link(store, &input)
    })
}

#[tauri::command]
pub fn delete_evidence(
    state: State<'_, AppState>,
    id: String,
    action_id: String,
    period: Period,
) -> CommandResult<ActionDetail> {
    change(&state, &action_id, period, |store| {
        evidence::delete(store, &id)
    })
}

/// Opens a file with the system's viewer, or a link in the browser.
#[tauri::command]
pub fn open_evidence(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    // The lock is released before the system viewer starts.
    let opening = {
        let store = state.store()?;
        evidence::opening(&store, state.data_dir(), &id)?
    };
    let opened = match opening {
        evidence::Opening::File(path) => open::that_detached(path),
        evidence::Opening::Link(url) => open::that_detached(url),
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

#[tauri::command]
pub fn history(
    state: State<'_, AppState>,
    entity: String,
    entity_id: String,
) -> CommandResult<Vec<AuditEntry>> {
    Ok(audit::history(state.store()?.conn(), &entity, &entity_id)?)
}

/// Undoes the last change saved in this window; `None` when there is none.
#[tauri::command]
pub fn undo_last(
    state: State<'_, AppState>,
    action_id: String,
    period: Period,
) -> CommandResult<Option<ActionDetail>> {
    let Some(undo) = state.take_last_change() else {
        return Ok(None);
    };
    let mut store = state.store()?;
    editing::undo(&mut store, &undo)?;
    Ok(Some(detail::action_detail(
        store.conn(),
        &action_id,
        period,
    )?))
}

/// Runs one change, remembers what undoes it, and returns the refreshed action.
fn change(
    state: &AppState,
    action_id: &str,
    period: Period,
    apply: impl FnOnce(&mut Store) -> renaksi_core::Result<Undo>,
) -> CommandResult<ActionDetail> {
    let mut store = state.store()?;
    let undo = apply(&mut store)?;
    state.remember(undo);
    Ok(detail::action_detail(store.conn(), action_id, period)?)
}

fn indicator_action(state: &AppState, id: &str) -> CommandResult<String> {
    action_of(state, |s| {
        Ok(store::indicators::get(s.conn(), id)?.map(|i| i.action_id))
    })
}

fn action_of(
    state: &AppState,
    find: impl FnOnce(&Store) -> renaksi_core::Result<Option<String>>,
) -> CommandResult<String> {
    let store = state.store()?;
    Ok(find(&store)?.ok_or_else(|| Error::NotFound("Data".into()))?)
}
