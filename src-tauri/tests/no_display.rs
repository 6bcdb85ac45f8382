//! Started without a display, the real desktop binary says so in one sentence
//! and exits non-zero, instead of GTK's panic and backtrace.
#![cfg(target_os = "linux")]

use std::process::Command;

#[test]
fn without_a_display_the_app_says_so_in_one_sentence_and_exits_non_zero() {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_renaksi-desktop"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        // Nothing may touch the real user folders, should the check ever fail.
        .env("RENAKSI_DATA_DIR", home.path().join("data"))
        .env("XDG_DATA_HOME", home.path().join("share"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "exited with success: {stderr}");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr.trim_end(),
        "renaksi-desktop: tidak ada layar untuk membuka jendela Renaksi (DISPLAY dan \
         WAYLAND_DISPLAY kosong); jalankan dari sesi desktop, atau pakai perintah `renaksi` \
         untuk kerja tanpa layar."
    );
    assert!(out.stdout.is_empty());
}
