//! An empty Tauri 2 window: the same Tauri, window size and build profile as
//! the desktop app, and a page with one line of text. `cargo xtask bench`
//! measures the app's cold start and memory against it.

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the empty window could not start");
}
