//! Plan versions: named snapshots of the plan (draft, final, ...) and what
//! changed between two of them, or between one and the plan as it is now.

use renaksi_core::versions::{self, PlanDiff, VersionList, VersionSummary};
use renaksi_core::{Result, Store};

/// Saves the plan as it is now under `name` (Bappeda).
pub fn take(store: &mut Store, name: &str) -> Result<VersionSummary> {
    versions::take(store, name)
}

/// The plan's versions, oldest first.
pub fn list(store: &Store) -> Result<VersionList> {
    versions::version_list(store.conn())
}

/// What changed from version `from` to version `to`, or to the plan as it is
/// now when `to` is `None`. A version is named by its id or its name.
pub fn diff(store: &Store, from: &str, to: Option<&str>) -> Result<PlanDiff> {
    let conn = store.conn();
    let from = versions::find(conn, from)?;
    let to = to.map(|t| versions::find(conn, t)).transpose()?;
    versions::diff(conn, &from.id, to.as_ref().map(|t| t.id.as_str()))
}
