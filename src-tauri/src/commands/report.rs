//! The quarterly Laporan OPD: the signature block settings, and the export to a
//! file the clerk names in the system's save dialog (opened from Rust; the
//! webview never supplies a path).

use renaksi_api::report::{self, ExportReport};
use renaksi_api::Paper;
use renaksi_core::calendar::history::ReportHistory;
use renaksi_core::calendar::ReportCalendar;
use renaksi_core::dates::today_local;
use renaksi_core::period::PeriodRef;
use renaksi_core::report::export::{Exported, SignatureSettings};
use tauri::{AppHandle, State};

use super::save_dialog::ask_xlsx_path;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn report_settings(state: State<'_, AppState>) -> CommandResult<SignatureSettings> {
    Ok(report::signature_settings(&*state.store()?)?)
}

/// The fingerprint of this installation's signing key, which the OPD reads
/// out to Bappeda; `None` while there is no key yet.
#[tauri::command]
pub fn own_key(state: State<'_, AppState>) -> CommandResult<Option<report::OwnKey>> {
    Ok(report::own_key(&*state.store()?, state.data_dir())?)
}

/// The OPD's calendar as of the computer's date: the next report due (or
/// the oldest overdue) and each quarter's state.
#[tauri::command]
pub fn report_calendar(state: State<'_, AppState>) -> CommandResult<ReportCalendar> {
    Ok(report::calendar(&*state.store()?, today_local())?)
}

/// Every report exported here, with Bappeda's status for it.
#[tauri::command]
pub fn report_history(state: State<'_, AppState>) -> CommandResult<ReportHistory> {
    Ok(report::history(&*state.store()?)?)
}

#[tauri::command]
pub fn save_report_settings(
    state: State<'_, AppState>,
    input: SignatureSettings,
) -> CommandResult<SignatureSettings> {
    Ok(report::save_signature_settings(
        &mut *state.store()?,
        &input,
    )?)
}

/// Whether the OPD holds evidence files: the export offers "sertakan bukti
/// dukung", checked, when it does.
#[tauri::command]
pub fn report_has_evidence_files(state: State<'_, AppState>) -> CommandResult<bool> {
    Ok(report::has_file_evidence(&*state.store()?)?)
}

/// Asks where to save, then writes the report, and with `with_evidence` the
/// evidence bundle beside it (`<name>.bukti.zip`). `None` when the clerk
/// cancels. A paper other than a4 or f4 is refused before the dialog opens,
/// as `{code: 'invalid', field: 'paper'}`.
#[tauri::command]
pub async fn export_report(
    app: AppHandle,
    state: State<'_, AppState>,
    period: PeriodRef,
    paper: String,
    with_evidence: bool,
) -> CommandResult<Option<Exported>> {
    let paper: Paper = paper.parse()?;
    let suggested = report::suggested_file_name(&*state.store()?, period)?;
    let Some(out) = ask_xlsx_path(&app, "Simpan laporan OPD", &suggested)? else {
        return Ok(None);
    };
    let request = ExportReport {
        period,
        paper,
        out,
        with_evidence,
    };
    Ok(Some(report::export(
        &mut *state.store()?,
        state.data_dir(),
        &request,
    )?))
}
