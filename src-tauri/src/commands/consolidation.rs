//! Bappeda's regency picture: the dashboard's figures and the Rekap kabupaten
//! workbook, saved where the user says.

use renaksi_api::consolidation::{self, ExportRekap};
use renaksi_api::Paper;
use renaksi_core::consolidation::RegencySummary;
use renaksi_core::period::PeriodRef;
use renaksi_core::rekap::RekapWritten;
use tauri::{AppHandle, State};

use super::save_dialog::ask_xlsx_path;
use crate::error::CommandResult;
use crate::state::AppState;

/// The regency summary the dashboard shows, for a period (default: the overview's).
#[tauri::command]
pub fn consolidation_summary(
    state: State<'_, AppState>,
    period: Option<PeriodRef>,
) -> CommandResult<Option<RegencySummary>> {
    Ok(consolidation::summary(&*state.store()?, period)?)
}

/// Asks where to save, then writes the rekap. `None` when the user cancels.
/// A paper other than a4 or f4 is refused before the dialog opens, as
/// `{code: 'invalid', field: 'paper'}`.
#[tauri::command]
pub async fn export_rekap(
    app: AppHandle,
    state: State<'_, AppState>,
    period: PeriodRef,
    paper: String,
) -> CommandResult<Option<RekapWritten>> {
    let paper: Paper = paper.parse()?;
    let suggested = consolidation::suggested_file_name(period);
    let Some(out) = ask_xlsx_path(&app, "Simpan rekap kabupaten", &suggested)? else {
        return Ok(None);
    };
    let request = ExportRekap { period, paper, out };
    Ok(Some(consolidation::export_rekap(
        &*state.store()?,
        &request,
    )?))
}
