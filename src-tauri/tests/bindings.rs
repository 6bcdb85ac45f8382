//! The IPC surface as the webview sees it, checked against the Rust side:
//! `ui/src/api/bindings.ts` is what the Rust types render to (with
//! `UPDATE_BINDINGS=1`, as `cargo xtask bindings` runs it, the file is
//! rewritten instead), every type in a command's signature is declared there,
//! and every command name of `commands/names.rs` is the one `ui/src/api` invokes
//! and the end-to-end security test tries.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use renaksi_desktop::COMMAND_NAMES;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_typescript_bindings_are_generated_from_the_current_rust_types() {
    let rendered = renaksi_desktop::bindings::typescript();
    assert!(
        !rendered.contains("bigint"),
        "i64 and u64 are numbers in JSON"
    );
    let path = repo().join("ui/src/api/bindings.ts");
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        fs::write(&path, &rendered).unwrap();
        return;
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    if committed != rendered {
        let line = committed
            .lines()
            .zip(rendered.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(committed.lines().count().min(rendered.lines().count()));
        panic!(
            "ui/src/api/bindings.ts is stale (first difference at line {}): run `cargo xtask bindings`",
            line + 1
        );
    }
}

/// The `#[tauri::command]` functions' signatures, from the attribute to the body.
fn command_signatures() -> Vec<(String, String)> {
    let dir = repo().join("src-tauri/src/commands");
    let mut signatures = Vec::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = read(&path);
        // `#[tauri::command]` or with arguments, `#[tauri::command(async)]`.
        for part in text.split("#[tauri::command").skip(1) {
            let part = &part[part.find(']').unwrap() + 1..];
            let signature = &part[..part.find('{').unwrap()];
            let name = signature
                .split("fn ")
                .nth(1)
                .and_then(|rest| rest.split('(').next())
                .unwrap()
                .trim()
                .to_string();
            signatures.push((name, signature.to_string()));
        }
    }
    signatures.sort();
    signatures
}

#[test]
fn every_type_in_a_command_signature_is_generated() {
    // The shell's own types and the wrappers ts-rs renders inline.
    const NOT_DECLARED: [&str; 8] = [
        "State",
        "AppState",
        "AppHandle",
        "CommandResult",
        "Option",
        "Vec",
        "String",
        "Period", // workspace.rs: `Option<PeriodRef>`
    ];
    let rendered = renaksi_desktop::bindings::typescript();
    let mut missing = Vec::new();
    for (name, signature) in command_signatures() {
        let words = signature.split(|c: char| !c.is_alphanumeric() && c != '_');
        for word in words.filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase())) {
            if !NOT_DECLARED.contains(&word) && !rendered.contains(&format!("export type {word} "))
            {
                missing.push(format!("{name}: {word}"));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in bindings.ts (add to roots in src-tauri/src/bindings.rs): {missing:?}"
    );
}

#[test]
fn each_command_is_declared_once_and_is_a_tauri_command() {
    let declared: BTreeSet<&str> = COMMAND_NAMES.iter().copied().collect();
    assert_eq!(
        declared.len(),
        COMMAND_NAMES.len(),
        "a name is listed twice"
    );
    let defined: BTreeSet<String> = command_signatures().into_iter().map(|(n, _)| n).collect();
    let declared: BTreeSet<String> = declared.into_iter().map(String::from).collect();
    assert_eq!(
        declared, defined,
        "names.rs against the #[tauri::command] functions"
    );
}

/// The names `ui/src/api/*.ts` invokes: the first argument of `call(...)` or
/// `call<T>(...)`.
fn invoked_names() -> BTreeSet<String> {
    let dir = repo().join("ui/src/api");
    let mut names = BTreeSet::new();
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        if !file.ends_with(".ts") || file.ends_with(".test.ts") {
            continue;
        }
        let text = read(&path);
        let mut rest = text.as_str();
        while let Some(at) = rest.find("call") {
            let before = rest[..at].chars().next_back();
            rest = &rest[at + "call".len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                continue;
            }
            let mut tail = rest;
            if let Some(generic) = tail.strip_prefix('<') {
                // Skip the type argument, which may nest (`Array<T>`).
                let mut depth = 1;
                let end = generic.char_indices().find(|&(_, c)| {
                    depth += match c {
                        '<' => 1,
                        '>' => -1,
                        _ => 0,
                    };
                    depth == 0
                });
                let Some((end, _)) = end else { continue };
                tail = &generic[end + 1..];
            }
            let Some(args) = tail.strip_prefix('(') else {
                continue;
            };
            let args = args.trim_start();
            if let Some(quoted) = args.strip_prefix('\'') {
                if let Some(end) = quoted.find('\'') {
                    names.insert(quoted[..end].to_string());
                }
            }
        }
    }
    names
}

#[test]
fn the_ui_invokes_every_command_and_no_other() {
    let invoked = invoked_names();
    let declared: BTreeSet<String> = COMMAND_NAMES.iter().map(|n| n.to_string()).collect();
    let unknown: Vec<&String> = invoked.difference(&declared).collect();
    let unused: Vec<&String> = declared.difference(&invoked).collect();
    assert!(
        unknown.is_empty(),
        "ui/src/api invokes commands that names.rs does not declare: {unknown:?}"
    );
    assert!(
        unused.is_empty(),
        "commands no file of ui/src/api invokes: {unused:?}"
    );
}

#[test]
fn the_security_test_tries_every_command() {
    let security = read(&repo().join("tests/e2e/security.test.mjs"));
    // The end-to-end test reads names.rs with this expression (one
    // `module::name,` per line); read the same way, it must give every name.
    let expression = r"/^\s+[a-z_]+::([a-z_]+),$/gm";
    assert!(
        security.contains(expression),
        "security.test.mjs no longer reads names.rs with {expression}"
    );
    let names_rs = read(&repo().join("src-tauri/src/commands/names.rs"));
    let read_by_e2e: Vec<&str> = names_rs
        .lines()
        .filter_map(|line| {
            let entry = line.strip_suffix(',')?;
            let trimmed = entry.trim_start();
            if trimmed.len() == entry.len() {
                return None;
            }
            let (module, name) = trimmed.split_once("::")?;
            let word =
                |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == '_');
            (word(module) && word(name)).then_some(name)
        })
        .collect();
    assert_eq!(read_by_e2e, COMMAND_NAMES);
    // The commands it answers a dialog for are commands.
    let dialogs = &security[security.find("const DIALOGS = {").unwrap()..];
    let dialogs = &dialogs[..dialogs.find("};").unwrap()];
    for line in dialogs.lines().skip(1) {
        if let Some((name, _)) = line.trim().split_once(':') {
            assert!(
                COMMAND_NAMES.contains(&name),
                "security.test.mjs answers a dialog for {name}, which is not a command"
            );
        }
    }
}
