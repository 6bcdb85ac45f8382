//! First start: where the data lives, and the choice between the demo plan and
//! an empty start.

use renaksi_core::demo::{self, DemoView};
use renaksi_core::{profile, store::plans, APP_VERSION};
use serde::Serialize;
use tauri::State;

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    needs_setup: bool,
    data_file: String,
    schema_version: i64,
    app_version: &'static str,
}

#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> CommandResult<AppStatus> {
    status(&state)
}

#[tauri::command]
pub fn first_start(state: State<'_, AppState>, choice: String) -> CommandResult<AppStatus> {
    {
        let mut store = state.store()?;
        match choice.as_str() {
            "demo" => {
                demo::load(&mut store, &DemoView::Bappeda)?;
            }
            "empty" => store.write(|tx| profile::record_setup_choice(tx, "empty"))?,
            _ => return Err(CommandError::invalid("Pilihan awal tidak dikenal.")),
        }
    }
    status(&state)
}

fn status(state: &AppState) -> CommandResult<AppStatus> {
    let store = state.store()?;
    let conn = store.conn();
    let needs_setup = profile::setup_choice(conn)?.is_none() && plans::current(conn)?.is_none();
    Ok(AppStatus {
        needs_setup,
        data_file: state.db_path.display().to_string(),
        schema_version: store.schema_version()?,
        app_version: APP_VERSION,
    })
}
