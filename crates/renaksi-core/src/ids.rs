//! Ids of new rows.

/// A fresh id for a new row: a time-ordered UUID (version 7). Rows made one
/// after another get neighbouring ids, so an OPD's indicators, and the targets
/// and realisations keyed by them, sit together in the database's indexes: an
/// import writes a few index pages per report instead of one per row. The 74
/// random bits keep ids from two offices from colliding.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}
