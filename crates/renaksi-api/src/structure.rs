//! The plan's structure as Bappeda writes it: the OPD directory, themes and
//! actions. Every change returns what undoes it and the structure as it now
//! reads.

use renaksi_core::editing::{self, Undo};
use renaksi_core::planning::structure::actions::{self, ActionInput};
use renaksi_core::planning::structure::opds::{self, OpdInput};
use renaksi_core::planning::structure::themes::{self, ThemeInput};
use renaksi_core::planning::structure::{self, PlanStructure, StructureEntity};
use renaksi_core::{Result, Store};

/// A saved change: what undoes it, and the structure as it now reads. The
/// change is committed even when reading the structure back fails, so `undo`
/// is there whatever `structure` says: a shell keeps it first.
#[derive(Debug)]
pub struct Changed {
    pub undo: Undo,
    pub structure: Result<PlanStructure>,
}

/// The structure of the current plan, seen by this database's profile.
pub fn structure(store: &Store) -> Result<PlanStructure> {
    structure::plan_structure(store.conn())
}

pub fn save_opd(store: &mut Store, input: &OpdInput) -> Result<Changed> {
    let undo = opds::save(store, input)?.1;
    Ok(changed(store, undo))
}

pub fn save_theme(store: &mut Store, input: &ThemeInput) -> Result<Changed> {
    let undo = themes::save(store, input)?.1;
    Ok(changed(store, undo))
}

/// Puts the themes in the order of `ids` (every theme of the plan, once).
pub fn reorder_themes(store: &mut Store, ids: &[String]) -> Result<Changed> {
    let undo = themes::reorder(store, ids)?;
    Ok(changed(store, undo))
}

pub fn save_action(store: &mut Store, input: &ActionInput) -> Result<Changed> {
    let undo = actions::save(store, input)?.1;
    Ok(changed(store, undo))
}

/// Archives an OPD, theme or action with a reason.
pub fn archive(
    store: &mut Store,
    entity: StructureEntity,
    id: &str,
    reason: &str,
) -> Result<Changed> {
    let undo = structure::archive(store, entity, id, reason)?;
    Ok(changed(store, undo))
}

/// Takes an archived OPD, theme or action back into use.
pub fn unarchive(store: &mut Store, entity: StructureEntity, id: &str) -> Result<Changed> {
    let undo = structure::unarchive(store, entity, id)?;
    Ok(changed(store, undo))
}

/// Deletes an OPD, theme or action that nothing refers to.
pub fn delete(store: &mut Store, entity: StructureEntity, id: &str) -> Result<Changed> {
    let undo = structure::delete(store, entity, id)?;
    Ok(changed(store, undo))
}

/// Reverses a change and returns the structure as it now reads.
pub fn undo(store: &mut Store, undo: &Undo) -> Result<PlanStructure> {
    editing::undo(store, undo)?;
    structure(store)
}

fn changed(store: &Store, undo: Undo) -> Changed {
    Changed {
        structure: structure(store),
        undo,
    }
}
