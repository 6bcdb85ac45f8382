//! `cargo xtask dist`: the release build and the installers of this platform.
//!
//! Installs what is missing, builds the UI, builds the `renaksi` command in the
//! release profile and hands it to the Tauri CLI (from `ui/node_modules`, pinned in
//! `ui/package.json`) as a sidecar, then lets the Tauri CLI build the desktop app in
//! the release profile (LTO, one codegen unit, stripped, size-optimised) and bundle it:
//! the `.deb` on Linux, the NSIS `.exe` and the `.msi` on Windows.
//!
//! The AppImage needs `linuxdeploy` and `AppRun`, which the Tauri CLI downloads from
//! GitHub into its tool cache. Nothing here goes to the internet for them: the AppImage
//! is built when both are already in the cache, or when asked with `--appimage` (on a
//! machine that can reach GitHub), and is otherwise skipped with a note.

use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

use crate::{cmd, deps, root, target_dir, Result};

pub const USAGE: &str = "dist [--appimage]";

pub fn dist(args: &[String]) -> Result {
    let force_appimage = match args {
        [] => false,
        [flag] if flag == "--appimage" => true,
        _ => return Err(format!("usage: cargo xtask {USAGE}")),
    };
    let started = Instant::now();
    let started_at = SystemTime::now();
    let root = root();
    let ui = root.join("ui");
    let tauri_cli = ui.join("node_modules/@tauri-apps/cli/tauri.js");
    prepare(&ui, &tauri_cli)?;

    // The desktop crate embeds ui/dist when it compiles.
    cmd::run(&ui, NPM, &["run", "build"], &[])?;

    let sidecar = cli_sidecar(&root)?;
    let config = target_dir().join("dist").join("tauri.dist.json");
    std::fs::write(&config, sidecar_config(&sidecar))
        .map_err(|e| format!("{}: {e}", config.display()))?;

    let bundles = bundles(force_appimage);
    let config_text = config.to_string_lossy();
    let tauri_cli_text = tauri_cli.to_string_lossy();
    cmd::run(
        &root.join("src-tauri"),
        "node",
        &[
            &tauri_cli_text,
            "build",
            "--ci",
            "--bundles",
            &bundles.join(","),
            "--config",
            &config_text,
        ],
        &[],
    )?;

    let found = report(&target_dir().join("release").join("bundle"), started_at)?;
    if found == 0 {
        return Err("the Tauri CLI finished but no installer was found".into());
    }
    let elapsed = started.elapsed().as_secs();
    println!("xtask: dist took {}m {:02}s", elapsed / 60, elapsed % 60);
    Ok(())
}

/// npm is a batch file on Windows, which `Command` finds only by its full name.
const NPM: &str = if cfg!(windows) { "npm.cmd" } else { "npm" };

/// On Debian and Ubuntu, what `cargo xtask run` installs. Elsewhere (a Windows build
/// machine) Rust, Node.js and the platform's build tools must be there already; the
/// UI's npm packages, the Tauri CLI among them, are installed when missing.
fn prepare(ui: &Path, tauri_cli: &Path) -> Result {
    if cfg!(target_os = "linux") {
        deps::for_run()?;
    } else if !tauri_cli.is_file() {
        cmd::run(
            ui,
            NPM,
            &["ci", "--ignore-scripts", "--no-audit", "--no-fund"],
            &[],
        )?;
    }
    if tauri_cli.is_file() {
        Ok(())
    } else {
        Err(format!(
            "{} is missing: run `npm ci` in ui/",
            tauri_cli.display()
        ))
    }
}

/// The bundles of this platform. On Linux the AppImage only when it can be made
/// without the internet (or when asked for).
fn bundles(force_appimage: bool) -> Vec<&'static str> {
    match std::env::consts::OS {
        "windows" => vec!["nsis", "msi"],
        "macos" => vec!["app", "dmg"],
        _ => {
            let mut list = vec!["deb"];
            let missing = appimage_tools_missing();
            if force_appimage || missing.is_empty() {
                list.push("appimage");
            } else {
                println!(
                    "xtask: skipping the AppImage: the Tauri CLI would download {} from GitHub \
                     (not in {}). Run `cargo xtask dist --appimage` once on a machine with \
                     internet to fetch them; later runs build it offline.",
                    missing.join(" and "),
                    tauri_tools_dir().display()
                );
            }
            list
        }
    }
}

/// Where the Tauri CLI keeps the tools it downloads (linuxdeploy, AppRun, NSIS, WiX).
fn tauri_tools_dir() -> PathBuf {
    std::env::var_os("XDG_CACHE_HOME")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cache")))
        .unwrap_or_default()
        .join("tauri")
}

/// The AppImage tools that are not in the Tauri CLI's cache yet.
fn appimage_tools_missing() -> Vec<String> {
    let arch = std::env::consts::ARCH;
    let dir = tauri_tools_dir();
    [
        format!("AppRun-{arch}"),
        format!("linuxdeploy-{arch}.AppImage"),
    ]
    .into_iter()
    .filter(|name| !dir.join(name).is_file())
    .collect()
}

/// Builds `renaksi` in the release profile and copies it to where the Tauri CLI
/// expects a sidecar (`<name>-<target triple>`). Returns the path without the triple.
fn cli_sidecar(root: &Path) -> Result<PathBuf> {
    cmd::run(
        root,
        "cargo",
        &["build", "--release", "-p", "renaksi-cli"],
        &[],
    )?;
    let triple = cmd::output("rustc", &["-vV"])
        .and_then(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("host: ").map(str::to_string))
        })
        .ok_or("could not read the host target triple from `rustc -vV`")?;
    let suffix = std::env::consts::EXE_SUFFIX;
    let built = target_dir()
        .join("release")
        .join(format!("renaksi{suffix}"));
    let dir = target_dir().join("dist").join("sidecar");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let copy = dir.join(format!("renaksi-{triple}{suffix}"));
    std::fs::copy(&built, &copy)
        .map_err(|e| format!("{} -> {}: {e}", built.display(), copy.display()))?;
    Ok(dir.join("renaksi"))
}

/// The configuration merged over tauri.conf.json for this build only: the sidecar.
/// Kept out of tauri.conf.json so that plain `cargo build` never needs it.
fn sidecar_config(sidecar: &Path) -> String {
    let path = sidecar
        .to_string_lossy()
        .replace('\\', "\\\\")
        .replace('"', "\\\"");
    format!("{{\n  \"bundle\": {{ \"externalBin\": [\"{path}\"] }}\n}}\n")
}

/// Prints every installer under `bundle_dir` written since `since`, with its size
/// (and a .deb's installed size); returns how many there were.
fn report(bundle_dir: &Path, since: SystemTime) -> Result<usize> {
    let mut found = 0;
    let kinds =
        std::fs::read_dir(bundle_dir).map_err(|e| format!("{}: {e}", bundle_dir.display()))?;
    let mut files: Vec<PathBuf> = kinds
        .filter_map(|kind| kind.ok())
        .filter_map(|kind| std::fs::read_dir(kind.path()).ok())
        .flatten()
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            let name = path.to_string_lossy();
            let fresh = std::fs::metadata(path)
                .and_then(|m| m.modified())
                .is_ok_and(|modified| modified >= since);
            path.is_file()
                && fresh
                && [".deb", ".rpm", ".AppImage", ".exe", ".msi", ".dmg"]
                    .iter()
                    .any(|ext| name.ends_with(ext))
        })
        .collect();
    files.sort();
    for file in files {
        let bytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        println!("xtask: {} ({})", file.display(), human(bytes));
        if file.extension().is_some_and(|ext| ext == "deb") {
            let text = file.to_string_lossy();
            if let Some(kib) = cmd::output("dpkg-deb", &["-f", &text, "Installed-Size"]) {
                println!("xtask:   installed size {kib} KiB (dpkg-deb Installed-Size)");
            }
        }
        found += 1;
    }
    Ok(found)
}

fn human(bytes: u64) -> String {
    const MIB: f64 = 1024.0 * 1024.0;
    format!("{bytes} bytes, {:.1} MiB", bytes as f64 / MIB)
}
