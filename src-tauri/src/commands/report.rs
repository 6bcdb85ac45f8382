//! The quarterly Laporan OPD: the signature block settings, and the export to a
//! file the clerk names in the system's save dialog (opened from Rust; the
//! webview never supplies a path).

use renaksi_core::editing::current_profile;
use renaksi_core::period::PeriodRef;
use renaksi_core::profile::Role;
use renaksi_core::report::export::{self, Exported, SignatureSettings};
use renaksi_core::workbook::Paper;
use tauri::{AppHandle, State};

use super::save_dialog::ask_xlsx_path;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn report_settings(state: State<'_, AppState>) -> CommandResult<SignatureSettings> {
    let store = state.store()?;
    Ok(export::signature_settings(&store)?)
}

#[tauri::command]
pub fn save_report_settings(
    state: State<'_, AppState>,
    input: SignatureSettings,
) -> CommandResult<SignatureSettings> {
    let mut store = state.store()?;
    export::save_signature_settings(&mut store, &input)?;
    Ok(export::signature_settings(&store)?)
}

/// Asks where to save, then writes the report. `None` when the clerk cancels.
#[tauri::command]
pub async fn export_report(
    app: AppHandle,
    state: State<'_, AppState>,
    period: PeriodRef,
    paper: String,
) -> CommandResult<Option<Exported>> {
    let paper = match paper.as_str() {
        "f4" => Paper::F4,
        _ => Paper::A4,
    };
    let opd = match current_profile(state.store()?.conn())?.role {
        Role::Opd { code } => code.to_lowercase(),
        Role::Bappeda => "bappeda".into(),
    };
    let suggested = format!("laporan-{opd}-{}-tw{}.xlsx", period.year, period.quarter);
    let Some(path) = ask_xlsx_path(&app, "Simpan laporan OPD", &suggested)? else {
        return Ok(None);
    };
    let data_dir = state.data_dir().to_path_buf();
    let mut store = state.store()?;
    Ok(Some(export::export(
        &mut store, &data_dir, period, paper, &path,
    )?))
}
