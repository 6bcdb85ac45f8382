//! The predikat bands of the plan, as Bappeda edits them in the plan editor.

use renaksi_core::editing::{self, Undo};
use renaksi_core::planning::bands::{self, BandsInput, BandsView};

/// How the undo of a change of the bands names itself.
pub use renaksi_core::planning::bands::UNDO_DESCRIPTION;
use renaksi_core::{Result, Store};

/// The bands of the current plan, with the legend the reports print.
pub fn view(store: &Store) -> Result<BandsView> {
    bands::view(store)
}

/// Sets the five bands (Bappeda only); returns them as they now read and what
/// undoes the change.
pub fn set(store: &mut Store, input: &BandsInput) -> Result<(BandsView, Undo)> {
    let undo = bands::set(store, input)?;
    Ok((bands::view(store)?, undo))
}

/// Reverses the last change of the bands.
pub fn undo(store: &mut Store, undo: &Undo) -> Result<BandsView> {
    editing::undo(store, undo)?;
    bands::view(store)
}
