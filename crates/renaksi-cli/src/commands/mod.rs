//! The handlers, one file per area (as the desktop's commands are grouped).
//! Each takes its parsed arguments, calls one operation of `renaksi-api` and
//! prints what a clerk needs to see through `out!`; an error goes back to
//! `main` as it is.

/// Writes one line to standard output and says whether it could: unlike
/// `println!`, a closed pipe (`renaksi matrix | head -1`) is an error the
/// handler returns with `?`, not a panic.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)
    }};
}

pub mod backups;
pub mod bands;
pub mod cocreation;
pub mod consolidation;
pub mod exchange;
pub mod plan;
pub mod planning;
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
    /// Standard output could not be written (a closed pipe ends the command quietly).
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
