//! Bappeda writes its own plan: the plan's structure as Bappeda edits it. Each
//! public function is one user action, for Bappeda only: it validates with a
//! message for its field, writes one IMMEDIATE transaction with its audit rows,
//! and returns the `Undo` that reverses it.

pub mod structure;
