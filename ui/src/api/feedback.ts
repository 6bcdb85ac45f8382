// Commands of src-tauri/src/commands/feedback.rs: Umpan balik. Bappeda writes
// the feedback file for one OPD or for all; an OPD takes it, lists the notes
// it received and answers them. Rust opens every dialog itself.
import { call } from './invoke';
import type { FeedbackStatus, FeedbackWritten, Paper, ReceivedNote, TakenFeedback } from './types';

/** Bappeda: asks where to save, then writes the OPD's feedback file; null = cancelled. */
export function writeFeedback(opdCode: string, paper: Paper): Promise<FeedbackWritten | null> {
  return call<FeedbackWritten | null>('write_feedback', { opdCode, paper });
}

/** Bappeda: asks for a folder, then writes one feedback file per OPD into it; null = cancelled. */
export function writeFeedbackAll(paper: Paper): Promise<FeedbackWritten[] | null> {
  return call<FeedbackWritten[] | null>('write_feedback_all', { paper });
}

/** OPD: asks for Bappeda's feedback file and takes it; null = cancelled. Rejects with why it was refused. */
export function takeFeedback(): Promise<TakenFeedback | null> {
  return call<TakenFeedback | null>('take_feedback');
}

/** OPD: every note received in Bappeda's feedback files, oldest first, with the OPD's replies. */
export function feedbackNotes(): Promise<ReceivedNote[]> {
  return call<ReceivedNote[]>('feedback_notes');
}

/** OPD: answers a note; the note with its replies. Rejects with code 'invalid' (field 'body') on an empty reply. */
export function replyToNote(noteId: string, body: string): Promise<ReceivedNote> {
  return call<ReceivedNote>('reply_to_note', { noteId, body });
}

/** OPD: the last feedback file taken; null = none yet. */
export function feedbackStatus(): Promise<FeedbackStatus | null> {
  return call<FeedbackStatus | null>('feedback_status');
}
