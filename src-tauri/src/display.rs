//! The window needs a display. On Linux without one (a server, an SSH session
//! without forwarding), GTK would stop with a panic and a backtrace; the app
//! says so in one sentence instead, before anything else starts.

/// Why the window cannot open here, or `None` when a display is there (on
/// Windows and macOS there always is one).
pub fn missing() -> Option<&'static str> {
    #[cfg(target_os = "linux")]
    {
        let set = |name: &str| std::env::var_os(name).is_some_and(|value| !value.is_empty());
        if !set("DISPLAY") && !set("WAYLAND_DISPLAY") {
            return Some(
                "tidak ada layar untuk membuka jendela Renaksi (DISPLAY dan WAYLAND_DISPLAY \
                 kosong); jalankan dari sesi desktop, atau pakai perintah `renaksi` untuk \
                 kerja tanpa layar.",
            );
        }
    }
    None
}
