//! Installing what is missing on a fresh Debian/Ubuntu machine: system packages
//! (through apt-get, with sudo when not root), Node.js, tauri-driver and the npm
//! packages of the UI and the end-to-end tests. Each step is skipped when done.

use std::path::Path;

use crate::{cmd, Result};

/// What building and running the desktop app needs (Tauri 2 on Linux).
const BUILD_PACKAGES: &[&str] = &[
    "build-essential",
    "curl",
    "wget",
    "file",
    "pkg-config",
    "libwebkit2gtk-4.1-dev",
    "libxdo-dev",
    "libssl-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
];

/// What the end-to-end tests add: WebKit's WebDriver, a virtual display, fonts,
/// LibreOffice with poppler to print exported workbooks to PDF and read them, and
/// xdotool to answer the system's file dialogs, which WebDriver cannot reach, and
/// a session bus (dbus-run-session), through which a second launch finds the
/// first. Chromium, for the public site's tests, is installed on its own
/// ([`chromium`]): not every apt has it.
const TEST_PACKAGES: &[&str] = &[
    "webkit2gtk-driver",
    "dbus",
    "xvfb",
    "xauth",
    "fonts-dejavu-core",
    "fonts-crosextra-carlito",
    "libreoffice-calc-nogui",
    "poppler-utils",
    "xdotool",
];

/// Node.js major version the UI toolchain (Vite 7) needs.
const NODE_MAJOR: u32 = 20;

pub fn for_run() -> Result {
    system_packages(BUILD_PACKAGES)?;
    node()?;
    npm_install(&crate::root().join("ui"))
}

/// Installs what the tests need. Returns the Chromium the site's tests run in,
/// or why there is none: that fails the site's tests only, after the others ran.
pub fn for_test() -> Result<Result<String>> {
    let all: Vec<&str> = BUILD_PACKAGES
        .iter()
        .chain(TEST_PACKAGES)
        .copied()
        .collect();
    system_packages(&all)?;
    node()?;
    tauri_driver()?;
    npm_install(&crate::root().join("ui"))?;
    npm_install(&crate::root().join("tests/e2e"))?;
    npm_install(&crate::root().join("tests/site"))?;
    Ok(chromium())
}

/// Where Debian's `chromium` package puts the browser.
const CHROMIUM: &str = "/usr/bin/chromium";

/// The Chromium for the public site's tests: `$CHROMIUM` when set, else
/// Debian's package, installed with apt in a step of its own when apt offers
/// it (`apt-cache policy chromium` shows a candidate). Ubuntu's apt does not:
/// its `chromium-browser` is a wrapper around a snap, which does not run in
/// containers, so it is not tried.
fn chromium() -> Result<String> {
    if let Some(path) = std::env::var_os("CHROMIUM").filter(|p| !p.is_empty()) {
        let path = path.to_string_lossy().into_owned();
        return if Path::new(&path).is_file() {
            Ok(path)
        } else {
            Err(format!(
                "the public site's tests need Chromium, and CHROMIUM names {path}, which does \
                 not exist."
            ))
        };
    }
    if Path::new(CHROMIUM).is_file() {
        return Ok(CHROMIUM.to_string());
    }
    if !cmd::exists("apt-cache") {
        return Err(
            "the public site's tests need Chromium, and this system has no apt to \
                    install it with: install a Chromium and set CHROMIUM to its path."
                .into(),
        );
    }
    let offered =
        || has_candidate(&cmd::output("apt-cache", &["policy", "chromium"]).unwrap_or_default());
    // A fresh machine may not have read the package lists yet.
    if !offered() && (apt_update().is_err() || !offered()) {
        return Err(
            "the public site's tests need Chromium, and apt here has no `chromium` \
                    package to install (`apt-cache policy chromium` shows no candidate; \
                    Ubuntu ships Chromium only as a snap, which does not run in containers): \
                    install a Chromium and set CHROMIUM to its path, or run them on Debian."
                .into(),
        );
    }
    println!("xtask: installing chromium for the public site's tests");
    apt_install(&["chromium"]).map_err(|e| {
        format!(
            "the public site's tests need Chromium, and installing Debian's `chromium` failed: {e}"
        )
    })?;
    if Path::new(CHROMIUM).is_file() {
        Ok(CHROMIUM.to_string())
    } else {
        Err(format!(
            "the `chromium` package was installed but {CHROMIUM} is missing; set CHROMIUM to \
             the browser's path."
        ))
    }
}

/// Whether `apt-cache policy` output names a version apt would install.
fn has_candidate(policy: &str) -> bool {
    policy.lines().any(|line| {
        line.trim()
            .strip_prefix("Candidate:")
            .map(str::trim)
            .is_some_and(|c| !c.is_empty() && c != "(none)")
    })
}

/// What `cargo xtask bench` adds to the build: the end-to-end harness's display and
/// driver, and Python's venv for the peers.
const BENCH_PACKAGES: &[&str] = &[
    "webkit2gtk-driver",
    "xvfb",
    "xauth",
    "fonts-dejavu-core",
    "python3",
    "python3-venv",
];

pub fn for_bench() -> Result {
    let all: Vec<&str> = BUILD_PACKAGES
        .iter()
        .chain(BENCH_PACKAGES)
        .copied()
        .collect();
    system_packages(&all)?;
    node()?;
    tauri_driver()?;
    npm_install(&crate::root().join("ui"))?;
    npm_install(&crate::root().join("tests/e2e"))
}

/// A Python venv at `dir` with `requirements` installed from PyPI; returns its
/// python. Reinstalls when the requirements file is newer than the last install.
pub fn python_venv(dir: &Path, requirements: &Path) -> Result<std::path::PathBuf> {
    let python = dir.join("bin").join("python");
    let stamp = dir.join(".installed");
    let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    if let (Some(wanted), Some(done)) = (modified(requirements), modified(&stamp)) {
        if python.is_file() && done >= wanted {
            return Ok(python);
        }
    }
    let root = crate::root();
    let dir_text = dir.to_string_lossy();
    if !python.is_file() {
        // Debian's python3 has no venv module (or no ensurepip) without python3-venv.
        if cmd::run(&root, "python3", &["-m", "venv", &dir_text], &[]).is_err() {
            let _ = std::fs::remove_dir_all(dir);
            apt_install(&["python3-venv"])?;
            cmd::run(&root, "python3", &["-m", "venv", &dir_text], &[])?;
        }
    }
    let python_text = python.to_string_lossy();
    cmd::run(
        &root,
        &python_text,
        &[
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
            &requirements.to_string_lossy(),
        ],
        &[],
    )?;
    std::fs::write(&stamp, "").map_err(|e| format!("{}: {e}", stamp.display()))?;
    Ok(python)
}

fn system_packages(packages: &[&str]) -> Result {
    if !cmd::exists("dpkg-query") {
        println!("xtask: not a Debian/Ubuntu system; make sure these are installed: {packages:?}");
        return Ok(());
    }
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|pkg| {
            cmd::output("dpkg-query", &["-W", "-f=${db:Status-Status}", pkg]).as_deref()
                != Some("installed")
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    println!("xtask: installing system packages: {}", missing.join(" "));
    apt_install(&missing)
}

/// `apt-get` with sudo when not root.
fn apt_get(args: &[&str]) -> Result {
    let as_root = cmd::output("id", &["-u"]).as_deref() == Some("0");
    let (program, mut all): (&str, Vec<&str>) = if as_root {
        ("apt-get", vec![])
    } else {
        ("sudo", vec!["apt-get"])
    };
    all.extend(args);
    let env = [("DEBIAN_FRONTEND", "noninteractive")];
    cmd::run(&crate::root(), program, &all, &env)
}

fn apt_update() -> Result {
    apt_get(&["update", "-q"])
}

fn apt_install(packages: &[&str]) -> Result {
    apt_update()?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend(packages);
    apt_get(&args)
}

fn node() -> Result {
    let major = |version: String| {
        version
            .trim_start_matches('v')
            .split('.')
            .next()
            .and_then(|m| m.parse::<u32>().ok())
    };
    match cmd::output("node", &["--version"]).and_then(major) {
        Some(found) if found >= NODE_MAJOR => Ok(()),
        Some(found) => Err(format!(
            "Node.js {found} is too old; the UI needs Node.js {NODE_MAJOR} or newer"
        )),
        None => {
            apt_install(&["nodejs", "npm"])?;
            match cmd::output("node", &["--version"]).and_then(major) {
                Some(found) if found >= NODE_MAJOR => Ok(()),
                _ => Err(format!(
                    "install Node.js {NODE_MAJOR} or newer, then run again"
                )),
            }
        }
    }
}

fn tauri_driver() -> Result {
    if cmd::exists("tauri-driver") {
        return Ok(());
    }
    let installed = dirs_cargo_bin().join("tauri-driver");
    if installed.is_file() {
        return Ok(());
    }
    cmd::run(
        &crate::root(),
        "cargo",
        &["install", "tauri-driver", "--locked", "--version", "^2"],
        &[],
    )
}

/// `~/.cargo/bin`, where `cargo install` puts binaries.
pub fn dirs_cargo_bin() -> std::path::PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
        .unwrap_or_default()
        .join("bin")
}

/// `npm ci` unless node_modules is already newer than the lock file.
fn npm_install(dir: &Path) -> Result {
    let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let lock = modified(&dir.join("package-lock.json"));
    let installed = modified(&dir.join("node_modules/.package-lock.json"));
    if let (Some(lock), Some(installed)) = (lock, installed) {
        if installed >= lock {
            return Ok(());
        }
    }
    // Install scripts stay off: nothing here needs one, and some would download
    // browser drivers from the internet.
    cmd::run(
        dir,
        "npm",
        &["ci", "--ignore-scripts", "--no-audit", "--no-fund"],
        &[],
    )
}

#[cfg(test)]
mod tests {
    use super::has_candidate;

    #[test]
    fn a_candidate_is_a_version_apt_would_install() {
        // Debian 12.
        assert!(has_candidate(
            "chromium:\n  Installed: (none)\n  Candidate: 156.0.8078.114-1~deb12u1\n  \
             Version table:\n     156.0.8078.114-1~deb12u1 500\n"
        ));
        // A name apt knows but cannot install, and one it does not know (Ubuntu).
        assert!(!has_candidate(
            "chromium:\n  Installed: (none)\n  Candidate: (none)\n  Version table:\n"
        ));
        assert!(!has_candidate(""));
    }
}
