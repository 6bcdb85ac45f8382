//! The handlers, one file per area (as the desktop's commands are grouped).
//! Each takes its parsed arguments, calls one operation of `renaksi-api` and
//! prints what a clerk needs to see through `out!`; an error goes back to
//! `main` as it is.

/// Writes one line to standard output. A closed pipe (`renaksi matrix |
/// head -1`, `renaksi restore … --yes | head -0`) is not an error here: the
/// line is dropped, and so is every later one, while the command goes on to
/// do what it was asked; it then ends as its action ends (success, or the
/// action's error). Stopping at the first line instead would let a command
/// exit 0 having done nothing (a restore whose summary is printed before it
/// restores). Any other write failure is returned, and the handler stops with
/// `?` (exit status 1). Unlike `println!`, nothing panics.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::commands::write_line(format_args!($($arg)*))
    };
}

/// Set once standard output's reader has gone: later lines are not tried.
static READER_GONE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// What `out!` does: one line, a closed pipe dropped quietly (see `out!`).
pub fn write_line(line: std::fmt::Arguments<'_>) -> std::io::Result<()> {
    use std::io::Write as _;
    use std::sync::atomic::Ordering;
    if READER_GONE.load(Ordering::Relaxed) {
        return Ok(());
    }
    match writeln!(std::io::stdout().lock(), "{line}") {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {
            READER_GONE.store(true, Ordering::Relaxed);
            Ok(())
        }
        other => other,
    }
}

pub mod assessment;
pub mod backups;
pub mod bands;
pub mod cocreation;
pub mod consolidation;
pub mod exchange;
pub mod feedback;
pub mod opendata;
pub mod plan;
pub mod planning;
pub mod publish;
pub mod report;
pub mod review;
pub mod setup;
pub mod template;
pub mod versions;

/// One line of user text: line breaks become spaces.
fn one_line(text: &str) -> String {
    text.replace('\n', " ")
}

/// How a handler ends when it does not succeed.
#[derive(Debug)]
pub enum Failure {
    /// The operation refused or failed: one line on stderr, exit status 1.
    Api(renaksi_api::Error),
    /// Standard output could not be written (a closed pipe is no failure: `out!`).
    Output(std::io::Error),
}

impl From<renaksi_api::Error> for Failure {
    fn from(error: renaksi_api::Error) -> Self {
        Failure::Api(error)
    }
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Self {
        Failure::Output(error)
    }
}

pub type Result<T, E = Failure> = std::result::Result<T, E>;
