// Commands of src-tauri/src/commands/workspace.rs: one action's detail and
// every edit an OPD clerk makes in it. Each editing command returns the
// refreshed ActionDetail for the given period.
import { call } from './invoke';
import type {
  ActionDetail,
  AuditEntry,
  EvidenceTarget,
  HistoryEntity,
  IndicatorInput,
  LinkInput,
  MilestoneInput,
  NarrativeInput,
  PeriodRef,
  RealisationInput,
  TargetsInput,
} from './types';

export function actionDetail(actionId: string, period: PeriodRef | null): Promise<ActionDetail> {
  return call<ActionDetail>('action_detail', { actionId, period });
}

export function saveMilestone(input: MilestoneInput, period: PeriodRef | null): Promise<ActionDetail> {
  return call<ActionDetail>('save_milestone', { input, period });
}

export function deleteMilestone(id: string, period: PeriodRef | null): Promise<ActionDetail> {
  return call<ActionDetail>('delete_milestone', { id, period });
}

export function saveIndicator(input: IndicatorInput, period: PeriodRef | null): Promise<ActionDetail> {
  return call<ActionDetail>('save_indicator', { input, period });
}

export function deleteIndicator(id: string, period: PeriodRef | null): Promise<ActionDetail> {
  return call<ActionDetail>('delete_indicator', { id, period });
}

export function saveTargets(input: TargetsInput, period: PeriodRef | null): Promise<ActionDetail> {
  return call<ActionDetail>('save_targets', { input, period });
}

export function saveRealisation(input: RealisationInput, period: PeriodRef | null): Promise<ActionDetail> {
  return call<ActionDetail>('save_realisation', { input, period });
}

export function saveActionNarrative(input: NarrativeInput, period: PeriodRef | null): Promise<ActionDetail> {
  return call<ActionDetail>('save_action_narrative', { input, period });
}

/** Opens the native file dialog (from Rust); null = the user cancelled it. */
export function addEvidenceFile(
  target: EvidenceTarget,
  actionId: string,
  period: PeriodRef | null,
): Promise<ActionDetail | null> {
  return call<ActionDetail | null>('add_evidence_file', { target, actionId, period });
}

export function addEvidenceLink(input: LinkInput, actionId: string, period: PeriodRef | null): Promise<ActionDetail> {
  return call<ActionDetail>('add_evidence_link', { input, actionId, period });
}

export function deleteEvidence(id: string, actionId: string, period: PeriodRef | null): Promise<ActionDetail> {
  return call<ActionDetail>('delete_evidence', { id, actionId, period });
}

/** Opens a file with its program, or a link in the browser (done by Rust). */
export function openEvidence(id: string): Promise<void> {
  return call<void>('open_evidence', { id });
}

/** "Tampilkan di folder": shows the folder holding a stored file (done by Rust); the file is not opened. */
export function showEvidenceFolder(id: string): Promise<void> {
  return call<void>('show_evidence_folder', { id });
}

/** Newest first; for an indicator it includes its targets and realisations. */
export function history(entity: HistoryEntity, entityId: string): Promise<AuditEntry[]> {
  return call<AuditEntry[]>('history', { entity, entityId });
}

/** Undoes the last change; null = nothing to undo. */
export function undoLast(actionId: string, period: PeriodRef | null): Promise<ActionDetail | null> {
  return call<ActionDetail | null>('undo_last', { actionId, period });
}
