// The app's own commands are declared in the app manifest so that the ACL of
// capabilities/main.json applies to them like to any plugin command.
include!("src/commands/names.rs");

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMAND_NAMES);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("tauri build script failed");
}
