//! One process measured as a whole: wall time from start to exit, and its own
//! peak resident memory (`ru_maxrss` from `wait4` on that child alone, not the
//! sum over every child the xtask ever ran).

use std::fs::File;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::Result;

/// What one run of a process cost.
#[derive(Debug, Clone, Copy)]
pub struct Measured {
    pub seconds: f64,
    pub peak_rss_kib: u64,
}

/// Runs `command` to its end with stdout and stderr in files under `logs`
/// (a pipe would fill up on the 1,400 lines of a province import); fails
/// with the end of its output when it exits non-zero.
pub fn measure(command: &mut Command, logs: &Path) -> Result<Measured> {
    let (out_path, err_path) = (logs.join("stdout.txt"), logs.join("stderr.txt"));
    let file = |path: &Path| File::create(path).map_err(|e| format!("{}: {e}", path.display()));
    command
        .stdin(Stdio::null())
        .stdout(file(&out_path)?)
        .stderr(file(&err_path)?);
    let started = Instant::now();
    let child = command
        .spawn()
        .map_err(|e| format!("could not start {command:?}: {e}"))?;
    let (success, peak_rss_kib) = wait(child)?;
    let seconds = started.elapsed().as_secs_f64();
    if success {
        return Ok(Measured {
            seconds,
            peak_rss_kib,
        });
    }
    let tail = |path: &Path| {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    };
    Err(format!(
        "{command:?} failed: {}\n{}",
        tail(&err_path),
        tail(&out_path)
    ))
}

/// Reaps the child with `wait4`: whether it exited 0, and its peak RSS in KiB.
#[cfg(target_os = "linux")]
fn wait(child: std::process::Child) -> Result<(bool, u64)> {
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data; all zeros is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pid is our own unreaped child; both pointers are to live locals.
        let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if reaped == pid {
            break;
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("wait4 on {pid}: {error}"));
        }
    }
    // `child` is reaped: dropping it neither waits nor kills.
    drop(child);
    let success = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    // Linux gives ru_maxrss in KiB.
    Ok((success, u64::try_from(usage.ru_maxrss).unwrap_or(0)))
}

/// Elsewhere the bench measures time only.
#[cfg(not(target_os = "linux"))]
fn wait(mut child: std::process::Child) -> Result<(bool, u64)> {
    let status = child.wait().map_err(|e| e.to_string())?;
    Ok((status.success(), 0))
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn peak_rss_is_the_childs_own_and_grows_with_what_it_holds() {
        let logs = std::env::temp_dir().join(format!("xtask-rss-{}", std::process::id()));
        std::fs::create_dir_all(&logs).unwrap();
        let small = measure(Command::new("true").arg(""), &logs).unwrap();
        // A shell holding a 64 MiB string.
        let big = measure(
            Command::new("sh").args([
                "-c",
                "x=$(head -c 67108864 /dev/zero | tr '\\0' a); echo ${#x}",
            ]),
            &logs,
        )
        .unwrap();
        assert!(small.peak_rss_kib > 0, "{small:?}");
        assert!(big.peak_rss_kib > 60 * 1024, "{big:?}");
        assert!(small.peak_rss_kib < 20 * 1024, "{small:?}");
        let failed = measure(
            Command::new("sh").args(["-c", "echo kaput >&2; exit 3"]),
            &logs,
        );
        assert!(failed.unwrap_err().contains("kaput"));
        std::fs::remove_dir_all(&logs).unwrap();
    }
}
