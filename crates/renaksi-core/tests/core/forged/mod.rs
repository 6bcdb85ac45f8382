//! The forged-file suite: files made by code the way someone holding a plan
//! package and bad intent would make them, each refused (or recovered from)
//! with a message, changing nothing it must not.
//!
//! - `keys`: a forged first report with a huge sequence, then recovery; a
//!   second key for a pinned OPD.
//! - `evidence`: a `file:` link; an evidence bundle whose file was altered
//!   after signing.
//! - `sheets`: a hidden real Laporan behind a visible impostor, and the other
//!   printed parts of a report that disagree with its data or with the plan.
//! - `packages`: a plan package zip bomb and other hostile packages.
//! - `replies`: replies to verifier notes a report may not carry.

mod evidence;
mod keys;
mod packages;
mod replies;
mod sheets;
