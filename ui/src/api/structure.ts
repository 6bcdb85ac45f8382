// Commands of src-tauri/src/commands/structure.rs: the plan's structure as
// Bappeda writes it (the OPD directory, themes, actions). Every change answers
// the structure as it now reads; the last one can be undone.
import { call } from './invoke';
import type { ActionInput, OpdInput, PlanStructure, StructureEntity, ThemeInput } from './types';

export function planStructure(): Promise<PlanStructure> {
  return call<PlanStructure>('plan_structure');
}

export function saveOpd(input: OpdInput): Promise<PlanStructure> {
  return call<PlanStructure>('save_opd', { input });
}

export function saveTheme(input: ThemeInput): Promise<PlanStructure> {
  return call<PlanStructure>('save_theme', { input });
}

/** `ids`: every theme of the plan, once, in the new order. */
export function reorderThemes(ids: string[]): Promise<PlanStructure> {
  return call<PlanStructure>('reorder_themes', { ids });
}

export function savePlanAction(input: ActionInput): Promise<PlanStructure> {
  return call<PlanStructure>('save_plan_action', { input });
}

/** Archives an OPD, theme or action that has data; the reason is required. */
export function archiveStructureRow(entity: StructureEntity, id: string, reason: string): Promise<PlanStructure> {
  return call<PlanStructure>('archive_structure_row', { entity, id, reason });
}

export function unarchiveStructureRow(entity: StructureEntity, id: string): Promise<PlanStructure> {
  return call<PlanStructure>('unarchive_structure_row', { entity, id });
}

/** Deletes a row nothing refers to (the backend refuses one in use). */
export function deleteStructureRow(entity: StructureEntity, id: string): Promise<PlanStructure> {
  return call<PlanStructure>('delete_structure_row', { entity, id });
}

/** Undoes the last change saved in this window; null when there is none. */
export function undoStructureChange(): Promise<PlanStructure | null> {
  return call<PlanStructure | null>('undo_structure_change');
}
