//! The tasks behind `cargo xtask run|test|lint|bindings`.

use std::path::{Path, PathBuf};

use crate::{cmd, deps, root, target_dir, Result};

pub fn run() -> Result {
    // Checked before anything is installed or built: the window could not open.
    if let Some(reason) = no_display() {
        return Err(reason.into());
    }
    deps::for_run()?;
    let root = root();
    build_ui(&root)?;
    cmd::run(
        &root,
        "cargo",
        &["build", "-p", "renaksi-cli", "-p", "renaksi-desktop"],
        &[],
    )?;
    let bin = target_dir().join("debug");
    let demo_db = target_dir().join("demo").join("renaksi.db");
    if !demo_db.exists() {
        let db = demo_db.to_string_lossy();
        cmd::run(&root, &exe(&bin, "renaksi"), &["demo", "--db", &db], &[])?;
    }
    println!(
        "xtask: opening the Wonosobo demo plan in {}",
        demo_db.display()
    );
    cmd::run(
        &root,
        &exe(&bin, "renaksi-desktop"),
        &["--db", &demo_db.to_string_lossy()],
        &[],
    )
}

/// On Linux without a display (neither `DISPLAY` nor `WAYLAND_DISPLAY` set), the
/// sentence that says so; the desktop app checks the same when it starts.
fn no_display() -> Option<&'static str> {
    let set = |name: &str| std::env::var_os(name).is_some_and(|value| !value.is_empty());
    (cfg!(target_os = "linux") && !set("DISPLAY") && !set("WAYLAND_DISPLAY")).then_some(
        "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set), so \
         nothing was built or launched: run `cargo xtask run` in a desktop session, or under \
         `xvfb-run`.",
    )
}

pub fn test() -> Result {
    let chromium = deps::for_test()?;
    let root = root();
    let ui = root.join("ui");
    // The desktop crate embeds ui/dist at compile time, so the UI is built first.
    cmd::run(&ui, "npm", &["run", "typecheck"], &[])?;
    cmd::run(&ui, "npm", &["test"], &[])?;
    build_ui(&root)?;
    cmd::run(&root, "cargo", &["test", "--workspace"], &[])?;
    cmd::run(
        &root,
        "cargo",
        &["build", "-p", "renaksi-cli", "-p", "renaksi-desktop"],
        &[],
    )?;
    end_to_end(&root)?;
    // Last, so a machine without Chromium still runs every other test; then
    // this step fails with the reason.
    site(&root, chromium)
}

/// The public site's tests: the demo site written by the real `renaksi`, opened
/// in Chromium (headless, no display needed), axe-core on every page; the
/// screenshots go to a temporary folder (RENAKSI_SITE_SCREENSHOTS=1 puts them
/// in docs/).
fn site(root: &Path, chromium: Result<String>) -> Result {
    let chromium = chromium.map_err(|reason| format!("public site tests not run: {reason}"))?;
    let cli = exe(&target_dir().join("debug"), "renaksi");
    cmd::run(
        &root.join("tests/site"),
        "timeout",
        &[
            "--kill-after=30",
            "900",
            "node",
            "--test",
            "--test-concurrency=1",
            "site.test.mjs",
        ],
        &[("RENAKSI_CLI", &cli), ("CHROMIUM", &chromium)],
    )
}

pub fn lint() -> Result {
    deps::for_run()?;
    let root = root();
    build_ui(&root)?;
    cmd::run(&root, "cargo", &["fmt", "--all", "--", "--check"], &[])?;
    cmd::run(
        &root,
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        &[],
    )
}

/// Rewrites ui/src/api/bindings.ts: the stale-bindings test with
/// `UPDATE_BINDINGS=1` writes what the Rust types render to.
pub fn bindings() -> Result {
    let root = root();
    // The desktop crate embeds ui/dist. Built without the type check when
    // missing: the type check may be what the new bindings are for.
    if !root.join("ui/dist").exists() {
        cmd::run(&root.join("ui"), "npx", &["vite", "build"], &[])?;
    }
    cmd::run(
        &root,
        "cargo",
        &[
            "test",
            "-p",
            "renaksi-desktop",
            "--test",
            "bindings",
            "--",
            "bindings_are_generated",
        ],
        &[("UPDATE_BINDINGS", "1")],
    )?;
    println!("xtask: wrote ui/src/api/bindings.ts");
    Ok(())
}

/// `npm run build` (type check included), producing ui/dist.
fn build_ui(root: &Path) -> Result {
    cmd::run(&root.join("ui"), "npm", &["run", "build"], &[])
}

/// The end-to-end tests: the real desktop app under Xvfb, driven through
/// tauri-driver and WebKitWebDriver.
fn end_to_end(root: &Path) -> Result {
    let bin = target_dir().join("debug");
    let app = exe(&bin, "renaksi-desktop");
    let cli = exe(&bin, "renaksi");
    let screenshots = target_dir().join("e2e-screenshots");
    std::fs::create_dir_all(&screenshots).map_err(|e| e.to_string())?;
    let driver = if cmd::exists("tauri-driver") {
        "tauri-driver".to_string()
    } else {
        deps::dirs_cargo_bin()
            .join("tauri-driver")
            .to_string_lossy()
            .into_owned()
    };
    let e2e = root.join("tests/e2e");
    let mut specs: Vec<PathBuf> = std::fs::read_dir(&e2e)
        .map_err(|e| e.to_string())?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    specs.sort();
    let specs: Vec<String> = specs
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    // A hung test must not hold CI until its own limit: 20 minutes is ample.
    let mut args = vec![
        "--kill-after=30",
        "1200",
        "xvfb-run",
        "-a",
        // Larger than the windows the tests size (1366×768 for the plan overview's layout).
        "--server-args=-screen 0 1920x1080x24",
        // A session bus of its own, as a desktop has: the single-instance check uses it.
        "dbus-run-session",
        "--",
        "node",
        "--test",
        "--test-concurrency=1",
    ];
    args.extend(specs.iter().map(String::as_str));
    cmd::run(
        &e2e,
        "timeout",
        &args,
        &[
            ("RENAKSI_APP", &app),
            ("RENAKSI_CLI", &cli),
            ("TAURI_DRIVER", &driver),
            ("RENAKSI_SCREENSHOTS", &screenshots.to_string_lossy()),
            ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
            ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
        ],
    )
}

fn exe(dir: &Path, name: &str) -> String {
    dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
        .to_string_lossy()
        .into_owned()
}
