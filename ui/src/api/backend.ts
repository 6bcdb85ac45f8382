// The Backend interface is all a view knows about the Rust side. main.ts
// provides the Tauri implementation; tests provide a fake under the same key.
import { inject, type InjectionKey } from 'vue';
import { planOverview } from './plan';
import * as report from './report';
import { appStatus, demoOpds, firstStart } from './setup';
import type {
  ActionDetail,
  AppStatus,
  AuditEntry,
  EvidenceTarget,
  Exported,
  FirstStartRequest,
  HistoryEntity,
  IndicatorInput,
  LinkInput,
  MilestoneInput,
  NarrativeInput,
  OpdRef,
  Paper,
  PeriodRef,
  PlanOverview,
  RealisationInput,
  SignatureSettings,
  TargetsInput,
} from './types';
import * as workspace from './workspace';

export { toBackendError } from './invoke';

/** Every method rejects with a BackendError. */
export interface Backend {
  // setup.rs
  appStatus(): Promise<AppStatus>;
  firstStart(request: FirstStartRequest): Promise<AppStatus>;
  demoOpds(): Promise<OpdRef[]>;
  // plan.rs
  planOverview(period: PeriodRef | null): Promise<PlanOverview | null>;
  // workspace.rs
  actionDetail(actionId: string, period: PeriodRef | null): Promise<ActionDetail>;
  saveMilestone(input: MilestoneInput, period: PeriodRef | null): Promise<ActionDetail>;
  deleteMilestone(id: string, period: PeriodRef | null): Promise<ActionDetail>;
  saveIndicator(input: IndicatorInput, period: PeriodRef | null): Promise<ActionDetail>;
  deleteIndicator(id: string, period: PeriodRef | null): Promise<ActionDetail>;
  saveTargets(input: TargetsInput, period: PeriodRef | null): Promise<ActionDetail>;
  saveRealisation(input: RealisationInput, period: PeriodRef | null): Promise<ActionDetail>;
  saveActionNarrative(input: NarrativeInput, period: PeriodRef | null): Promise<ActionDetail>;
  addEvidenceFile(target: EvidenceTarget, actionId: string, period: PeriodRef | null): Promise<ActionDetail | null>;
  addEvidenceLink(input: LinkInput, actionId: string, period: PeriodRef | null): Promise<ActionDetail>;
  deleteEvidence(id: string, actionId: string, period: PeriodRef | null): Promise<ActionDetail>;
  openEvidence(id: string): Promise<void>;
  history(entity: HistoryEntity, entityId: string): Promise<AuditEntry[]>;
  undoLast(actionId: string, period: PeriodRef | null): Promise<ActionDetail | null>;
  // report.rs
  reportSettings(): Promise<SignatureSettings>;
  saveReportSettings(input: SignatureSettings): Promise<SignatureSettings>;
  /** Opens the save dialog (from Rust); null = the clerk cancelled it. */
  exportReport(period: PeriodRef, paper: Paper): Promise<Exported | null>;
}

export const tauriBackend: Backend = {
  appStatus,
  firstStart,
  demoOpds,
  planOverview,
  actionDetail: workspace.actionDetail,
  saveMilestone: workspace.saveMilestone,
  deleteMilestone: workspace.deleteMilestone,
  saveIndicator: workspace.saveIndicator,
  deleteIndicator: workspace.deleteIndicator,
  saveTargets: workspace.saveTargets,
  saveRealisation: workspace.saveRealisation,
  saveActionNarrative: workspace.saveActionNarrative,
  addEvidenceFile: workspace.addEvidenceFile,
  addEvidenceLink: workspace.addEvidenceLink,
  deleteEvidence: workspace.deleteEvidence,
  openEvidence: workspace.openEvidence,
  history: workspace.history,
  undoLast: workspace.undoLast,
  reportSettings: report.reportSettings,
  saveReportSettings: report.saveReportSettings,
  exportReport: report.exportReport,
};

export const backendKey: InjectionKey<Backend> = Symbol('backend');

export function useBackend(): Backend {
  const backend = inject(backendKey);
  if (!backend) throw new Error('No Backend provided: provide one under backendKey.');
  return backend;
}
