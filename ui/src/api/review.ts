// Commands of src-tauri/src/commands/review.rs: Bappeda's verifier notes on
// reports, actions and indicators.
import { call } from './invoke';
import type { NoteInput, ReviewNote } from './types';

/** Every note, oldest first. */
export function reviewNotes(): Promise<ReviewNote[]> {
  return call<ReviewNote[]>('review_notes');
}

/** Bappeda writes a note; rejects with code 'invalid' (field 'body') on an empty one. */
export function addReviewNote(input: NoteInput): Promise<ReviewNote> {
  return call<ReviewNote>('add_review_note', { input });
}

/** Marks a note as dealt with, or open again. */
export function setReviewNoteResolved(id: string, resolved: boolean): Promise<ReviewNote> {
  return call<ReviewNote>('set_review_note_resolved', { id, resolved });
}
