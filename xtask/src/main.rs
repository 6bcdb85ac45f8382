//! `cargo xtask <task>`: the project's chores in plain Rust.
//!
//! - `run`: install what is missing, build, launch the desktop app on the
//!   Wonosobo demo plan.
//! - `test`: install what is missing, run every test (Rust, UI unit tests, and
//!   end-to-end tests of the real window under Xvfb).
//! - `lint`: rustfmt, clippy with warnings as errors, the UI's type check.
//! - `bindings`: rewrite `ui/src/api/bindings.ts` from the Rust types.
//! - `bench [--keep DIR]`: the figures of BENCHMARKS.md with budgets and PASS/MISS.
//! - `dist [--appimage]`: the release build and this platform's installers.

mod bench;
mod cmd;
mod deps;
mod dist;
mod tasks;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <run|test|lint|bindings|bench [--keep DIR]|dist [--appimage]>

  run    install what is missing, build, and open the app on the Wonosobo demo plan
  test   install what is missing, then run every test (Rust, UI, end-to-end)
  lint   cargo fmt --check, cargo clippy -D warnings, the UI type check
  bindings  rewrite ui/src/api/bindings.ts, the TypeScript of the types that cross IPC
  bench  measure the figures of BENCHMARKS.md; --keep DIR leaves the workbooks and databases in DIR
  dist   release build and installers (.deb; NSIS and MSI on Windows); --appimage also when its tools must be downloaded";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => tasks::run(),
        Some("test") => tasks::test(),
        Some("lint") => tasks::lint(),
        Some("bindings") => tasks::bindings(),
        Some("dist") => dist::dist(&args[1..]),
        Some("bench") => match &args[1..] {
            [] => bench::bench(None),
            [flag, dir] if flag == "--keep" => bench::bench(Some(PathBuf::from(dir))),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        },
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the parent of this crate).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// Where cargo puts its builds.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}

pub type Result<T = ()> = std::result::Result<T, String>;
