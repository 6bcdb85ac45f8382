//! The system's save and open dialogs for a workbook and its folder dialog,
//! opened from Rust so the webview never supplies a path.

use std::path::PathBuf;

use renaksi_core::Error;
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// Asks where to save an .xlsx file; `None` when the user cancels. The
/// extension is added when the user left it out.
pub fn ask_xlsx_path(
    app: &AppHandle,
    title: &str,
    suggested: &str,
) -> Result<Option<PathBuf>, Error> {
    let Some(picked) = app
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(suggested)
        .add_filter("Buku kerja Excel", &["xlsx"])
        .blocking_save_file()
    else {
        return Ok(None);
    };
    let mut path = picked
        .into_path()
        .map_err(|_| Error::invalid("file", "Tempat itu tidak dapat dipakai untuk menyimpan."))?;
    if path
        .extension()
        .is_none_or(|e| !e.eq_ignore_ascii_case("xlsx"))
    {
        path.set_extension("xlsx");
    }
    Ok(Some(path))
}

/// The system's open dialog for one workbook (.xlsx): a plan package, a plan
/// template, a feedback file; `None` when the clerk cancelled it.
pub fn pick_xlsx_file(app: &AppHandle, title: &str) -> Result<Option<PathBuf>, Error> {
    let Some(picked) = app
        .dialog()
        .file()
        .set_title(title)
        .add_filter("Buku kerja Excel", &["xlsx"])
        .blocking_pick_file()
    else {
        return Ok(None);
    };
    let path = picked
        .into_path()
        .map_err(|_| Error::invalid("file", "Berkas itu tidak dapat dipakai dari sini."))?;
    Ok(Some(path))
}

/// Asks for a folder (the system's folder dialog); `None` when the user cancels.
pub fn ask_folder(app: &AppHandle, title: &str) -> Result<Option<PathBuf>, Error> {
    let Some(picked) = app.dialog().file().set_title(title).blocking_pick_folder() else {
        return Ok(None);
    };
    picked
        .into_path()
        .map(Some)
        .map_err(|_| Error::invalid("folder", "Folder itu tidak dapat dipakai."))
}
