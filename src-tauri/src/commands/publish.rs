//! The Terbitkan screen (Bappeda): what the public site and the open data
//! hold, the site written into a folder the clerk picks, and the open data
//! written into one. The folder dialog opens from Rust.

use renaksi_api::opendata::{self, OpenDataWritten};
use renaksi_api::publish::{self, PublishOverview};
use renaksi_core::publish::SiteWritten;
use tauri::{AppHandle, State};

use super::save_dialog::ask_folder;
use crate::error::CommandResult;
use crate::state::AppState;

/// The title of the folder dialog for the site (the end-to-end test answers it by title).
const SITE_DIALOG: &str = "Pilih folder untuk situs transparansi";
/// The title of the folder dialog for the open data.
const OPEN_DATA_DIALOG: &str = "Pilih folder untuk data terbuka";

/// What would be published now: the plan, the data date, the figures'
/// quarter, the self-assessment's progress and the open data's tables. Off the
/// main thread: it reads the dashboard's summary and every table.
#[tauri::command]
pub async fn publish_overview(state: State<'_, AppState>) -> CommandResult<PublishOverview> {
    Ok(publish::overview(&*state.store()?)?)
}

/// Asks for a folder, then writes the site there (or into a new folder in
/// it, see `publish::folder_in`). `None` when the user cancels. Whoever may
/// not publish is refused before the dialog opens.
#[tauri::command]
pub async fn publish_site(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<SiteWritten>> {
    publish::require_publisher(&*state.store()?)?;
    let Some(picked) = ask_folder(&app, SITE_DIALOG)? else {
        return Ok(None);
    };
    Ok(Some(publish::site_in(&*state.store()?, &picked)?))
}

/// Asks for a folder, then writes the open data there (or into a new folder
/// in it, see `opendata::folder_in`). `None` when the user cancels. Whoever
/// may not publish is refused before the dialog opens.
#[tauri::command]
pub async fn write_open_data(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<OpenDataWritten>> {
    publish::require_publisher(&*state.store()?)?;
    let Some(picked) = ask_folder(&app, OPEN_DATA_DIALOG)? else {
        return Ok(None);
    };
    Ok(Some(opendata::write_in(&*state.store()?, &picked)?))
}
