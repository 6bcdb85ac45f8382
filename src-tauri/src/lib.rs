//! Renaksi's desktop shell. It opens the local database and serves the web UI;
//! every rule lives in renaksi-core.

#[doc(hidden)]
pub mod bindings;
#[macro_use]
mod commands;
mod display;
mod error;
mod main_window;
mod state;

pub use commands::COMMAND_NAMES;

use std::path::PathBuf;

use state::AppState;
use tauri::Manager;

/// Registers every command of `commands/names.rs`.
macro_rules! handler {
    ($($module:ident::$name:ident,)*) => {
        tauri::generate_handler![$(commands::$module::$name),*]
    };
}

/// Starts the desktop app. `--db PATH` opens that database file instead of the
/// one in the user's data folder.
pub fn run() {
    if let Some(reason) = display::missing() {
        eprintln!("renaksi-desktop: {reason}");
        std::process::exit(1);
    }
    let db_path = match database_path(std::env::args().skip(1)) {
        Ok(path) => path,
        Err(message) => {
            eprintln!("renaksi-desktop: {message}");
            std::process::exit(2);
        }
    };
    tauri::Builder::default()
        // First: a second launch hands over to the running window and exits
        // before anything below runs, so it never opens the database.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        // Native dialogs are opened from Rust only; the window has no permission
        // to call the plugin itself.
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(log_plugin(&db_path))
        .setup(move |app| {
            log::info!(
                "Renaksi {} dimulai; basis data {}",
                renaksi_core::APP_VERSION,
                db_path.display()
            );
            let state = AppState::open(db_path);
            if let Some(failure) = state.open_failure() {
                log::error!("basis data tidak dapat dibuka: {}", failure.message);
            }
            app.manage(state);
            main_window::open(app)?;
            let handle = app.handle().clone();
            std::thread::spawn(move || handle.state::<AppState>().take_daily_backup());
            Ok(())
        })
        .invoke_handler(app_commands!(handler))
        .run(tauri::generate_context!())
        .expect("the Renaksi window could not be started");
}

/// Log files in `log/` beside the database (the data folder), kept small and
/// rotated, so a clerk can send them to support. The webview's console is not
/// forwarded: the window has no permission for the plugin's commands.
fn log_plugin<R: tauri::Runtime>(db_path: &std::path::Path) -> tauri::plugin::TauriPlugin<R> {
    use tauri_plugin_log::{RotationStrategy, Target, TargetKind};
    let folder = renaksi_api::data_dir(db_path).join("log");
    tauri_plugin_log::Builder::new()
        .clear_targets()
        .target(Target::new(TargetKind::Folder {
            path: folder,
            file_name: Some("renaksi".into()),
        }))
        .target(Target::new(TargetKind::Stderr))
        .level(log::LevelFilter::Info)
        .max_file_size(1_000_000)
        .rotation_strategy(RotationStrategy::KeepSome(5))
        .build()
}

fn database_path(mut args: impl Iterator<Item = String>) -> Result<PathBuf, String> {
    let mut explicit = None;
    while let Some(arg) = args.next() {
        if arg == "--db" {
            explicit = Some(PathBuf::from(args.next().ok_or("--db memerlukan PATH")?));
        } else if let Some(path) = arg.strip_prefix("--db=") {
            explicit = Some(PathBuf::from(path));
        }
    }
    renaksi_api::db_path(explicit.as_deref()).map_err(|e| e.to_string())
}
