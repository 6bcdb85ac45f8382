// Commands of src-tauri/src/commands/bands.rs: the predikat bands of the plan,
// edited by Bappeda in the plan editor.
import { call } from './invoke';
import type { BandsInput, BandsView } from './types';

/** The current plan's five bands, with the legend the reports print. */
export function gradeBands(): Promise<BandsView> {
  return call<BandsView>('grade_bands');
}

/** Bappeda: sets the five bands; rejects with a message on the field (`bands.1.min`, ...). */
export function setGradeBands(input: BandsInput): Promise<BandsView> {
  return call<BandsView>('set_grade_bands', { input });
}

/** Undoes the last change of the bands; null when the last change was something else. */
export function undoGradeBands(): Promise<BandsView | null> {
  return call<BandsView | null>('undo_grade_bands');
}
