// Commands of src-tauri/src/commands/assessment.rs: the OGP end-of-commitment
// self-assessment (penilaian akhir komitmen), recorded by Bappeda. Rust opens
// the save dialog of its workbook.
import { call } from './invoke';
import type { AssessmentForm, AssessmentList, AssessmentWritten, Paper } from './types';

/** The plan's actions with their assessments, and whether this profile records them. */
export function selfAssessment(): Promise<AssessmentList> {
  return call<AssessmentList>('self_assessment');
}

/** Bappeda: records one action's assessment; rejects on `explanation` or `evidenceLinks`. */
export function setSelfAssessment(form: AssessmentForm): Promise<AssessmentList> {
  return call<AssessmentList>('set_self_assessment', { form });
}

/** Bappeda: takes back one action's assessment. */
export function clearSelfAssessment(actionId: string): Promise<AssessmentList> {
  return call<AssessmentList>('clear_self_assessment', { actionId });
}

/** Undoes the last change of an assessment; null when there is none. */
export function undoSelfAssessment(): Promise<AssessmentList | null> {
  return call<AssessmentList | null>('undo_self_assessment');
}

/** Bappeda: asks where to save, then writes the IRM-shaped workbook; null = cancelled. */
export function exportSelfAssessment(paper: Paper): Promise<AssessmentWritten | null> {
  return call<AssessmentWritten | null>('export_self_assessment', { paper });
}
