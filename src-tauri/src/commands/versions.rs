//! Plan versions: named snapshots of the plan (draft, final, ...) and what
//! changed between two of them, or between one and the plan as it is now.

use renaksi_api::versions;
use renaksi_core::versions::{PlanDiff, VersionList, VersionSummary};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn versions_list(state: State<'_, AppState>) -> CommandResult<VersionList> {
    Ok(versions::list(&*state.store()?)?)
}

#[tauri::command]
pub fn take_version(state: State<'_, AppState>, name: String) -> CommandResult<VersionSummary> {
    Ok(versions::take(&mut *state.store()?, &name)?)
}

/// `to` absent: compared with the plan as it is now.
#[tauri::command]
pub fn version_diff(
    state: State<'_, AppState>,
    from: String,
    to: Option<String>,
) -> CommandResult<PlanDiff> {
    Ok(versions::diff(&*state.store()?, &from, to.as_deref())?)
}
