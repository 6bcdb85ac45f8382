//! The handlers, one file per area (as the desktop's commands are grouped).
//! Each takes its parsed arguments, calls one operation of `renaksi-api` and
//! prints what a clerk needs to see; an error goes back to `main` as it is.

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
