// The Backend interface is all a view knows about the Rust side. main.ts
// provides the Tauri implementation; tests provide a fake under the same key.
import { inject, type InjectionKey } from 'vue';
import * as assessment from './assessment';
import * as backups from './backups';
import * as bands from './bands';
import * as consolidation from './consolidation';
import * as exchange from './exchange';
import * as feedback from './feedback';
import { planOverview } from './plan';
import * as planning from './planning';
import * as publish from './publish';
import * as report from './report';
import * as review from './review';
import * as structure from './structure';
import * as cocreation from './cocreation';
import * as template from './template';
import { appStatus, demoOpds, firstStart } from './setup';
import { startup, type StartAnswers } from './startup';
import type {
  AcceptedKey,
  ActionDetail,
  ActionInput,
  AppStatus,
  Applied,
  AssessmentForm,
  AssessmentList,
  AssessmentWritten,
  AuditEntry,
  BackupInfo,
  BundleImported,
  BandsInput,
  BandsView,
  BeritaAcaraWritten,
  EvidenceTarget,
  Exported,
  FeedbackStatus,
  FeedbackWritten,
  FirstStartRequest,
  HistoryEntity,
  Imported,
  IndicatorInput,
  InputForm,
  KeyStatus,
  LinkInput,
  MilestoneInput,
  NarrativeInput,
  NewPlan,
  NoteInput,
  OpenDataWritten,
  OpdInput,
  OwnKey,
  OpdRef,
  PackagePreview,
  PackageUpdate,
  Paper,
  ParticipantForm,
  PeriodRef,
  PeriodChange,
  PeriodDue,
  PickedFile,
  PlanDiff,
  PlanList,
  PlanOverview,
  PlanStructure,
  PublishOverview,
  RealisationInput,
  ReceivedNote,
  Received,
  RegencySummary,
  RekapWritten,
  ReportCalendar,
  ReportHistory,
  RestoreDone,
  ResponseForm,
  ReviewNote,
  Rotated,
  Renewed,
  TrustedBappedaKey,
  Session,
  SessionForm,
  SessionList,
  SignatureSettings,
  SiteWritten,
  StatusChange,
  StructureEntity,
  SubmissionMatrix,
  TakenFeedback,
  TargetsInput,
  ThemeInput,
  TemplatePreview,
  TemplateWritten,
  VersionList,
  VersionSummary,
} from './types';
import * as versions from './versions';
import * as workspace from './workspace';

export { toBackendError } from './invoke';

/** Every method rejects with a BackendError. */
export interface Backend {
  /** The status and the plan overview, asked together when the window starts. */
  startup(): StartAnswers;
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
  showEvidenceFolder(id: string): Promise<void>;
  history(entity: HistoryEntity, entityId: string): Promise<AuditEntry[]>;
  undoLast(actionId: string, period: PeriodRef | null): Promise<ActionDetail | null>;
  // report.rs
  reportSettings(): Promise<SignatureSettings>;
  saveReportSettings(input: SignatureSettings): Promise<SignatureSettings>;
  /** OPD: its key's fingerprint, to read out to Bappeda; null = no key yet. */
  ownKey(): Promise<OwnKey | null>;
  /** Opens the save dialog (from Rust); null = the clerk cancelled it. */
  exportReport(period: PeriodRef, paper: Paper, withEvidence: boolean): Promise<Exported | null>;
  /** Whether the OPD holds evidence files (the export offers their bundle, checked). */
  reportHasEvidenceFiles(): Promise<boolean>;
  /** OPD: the next report due (or the oldest overdue) and each quarter's state, as of the computer's date. */
  reportCalendar(): Promise<ReportCalendar>;
  /** OPD: every report exported here, newest first, with Bappeda's status from the last feedback file. */
  reportHistory(): Promise<ReportHistory>;
  // exchange.rs
  /** Bappeda: the saved plan package's path; null = the save dialog was cancelled. */
  exportPackage(): Promise<string | null>;
  /** Bappeda: the picked report files; empty = the dialog was cancelled. */
  pickReportFiles(): Promise<PickedFile[]>;
  /**
   * Rejects with the refusal; code 'key_unconfirmed' (with `key`) when the
   * OPD's key is its first or a changed one, until the clerk confirms its
   * fingerprint (`acceptKey`).
   */
  importReport(token: string, acceptKey: AcceptedKey | null): Promise<Imported>;
  /** Bappeda: imports a picked evidence bundle (.zip); rejects when it is refused whole. */
  importEvidenceBundle(token: string): Promise<BundleImported>;
  receivedReports(): Promise<Received[]>;
  /** Bappeda: the OPD × quarter matrix of reports received. */
  submissionMatrix(): Promise<SubmissionMatrix>;
  /** Bappeda: marks a received report verified; the refreshed matrix. */
  verifyReport(opdCode: string, period: PeriodRef): Promise<SubmissionMatrix>;
  /** First start of an OPD: the picked package; null = the dialog was cancelled. */
  pickPackage(): Promise<PackagePreview | null>;
  /** OPD: a newer package picked, with what taking it changes; null = cancelled. */
  pickPackageUpdate(): Promise<PackageUpdate | null>;
  takePackageUpdate(token: string): Promise<Applied>;
  /** OPD: pins Bappeda's key of a refused package by the fingerprint read out; null = cancelled. */
  trustBappedaKey(fingerprint: string): Promise<TrustedBappedaKey | null>;
  // bands.rs
  gradeBands(): Promise<BandsView>;
  setGradeBands(input: BandsInput): Promise<BandsView>;
  /** null when the last change was not one of the bands. */
  undoGradeBands(): Promise<BandsView | null>;
  // consolidation.rs
  /** The regency picture for a period (null = default); null when there is no plan. */
  consolidationSummary(period: PeriodRef | null): Promise<RegencySummary | null>;
  /** Bappeda: opens the save dialog (from Rust); null = cancelled. */
  exportRekap(period: PeriodRef, paper: Paper): Promise<RekapWritten | null>;
  // review.rs
  reviewNotes(): Promise<ReviewNote[]>;
  addReviewNote(input: NoteInput): Promise<ReviewNote>;
  setReviewNoteResolved(id: string, resolved: boolean): Promise<ReviewNote>;
  // feedback.rs
  /** Bappeda: opens the save dialog (from Rust) and writes the OPD's feedback file; null = cancelled. */
  writeFeedback(opdCode: string, paper: Paper): Promise<FeedbackWritten | null>;
  /** Bappeda: opens the folder dialog (from Rust), one file per OPD; null = cancelled. */
  writeFeedbackAll(paper: Paper): Promise<FeedbackWritten[] | null>;
  /** OPD: opens the open dialog (from Rust) and takes the file; null = cancelled; rejects with the refusal. */
  takeFeedback(): Promise<TakenFeedback | null>;
  /** OPD: the notes received, oldest first, each with its replies. */
  feedbackNotes(): Promise<ReceivedNote[]>;
  /** OPD: answers a note; the note with its replies. */
  replyToNote(noteId: string, body: string): Promise<ReceivedNote>;
  /** OPD: the last feedback file taken; null = none yet. */
  feedbackStatus(): Promise<FeedbackStatus | null>;
  // backups.rs
  /** Works also when the database could not be opened. */
  backupsList(): Promise<BackupInfo[]>;
  backupNow(): Promise<BackupInfo>;
  restoreBackup(fileName: string): Promise<RestoreDone>;
  /** Only when the database failed its check at start. */
  recoverFromBackup(fileName: string): Promise<BackupInfo>;
  keyStatus(): Promise<KeyStatus>;
  /** Bappeda only; `from` is YYYY-MM-DD. */
  rotateKey(from: string): Promise<Rotated>;
  /** OPD only: a new key; Bappeda then confirms the changed key by its words. */
  renewKey(): Promise<Renewed>;
  // cocreation.rs
  sessionsList(): Promise<SessionList>;
  sessionDetail(id: string): Promise<Session>;
  saveSession(form: SessionForm): Promise<Session>;
  deleteSession(id: string): Promise<void>;
  addParticipant(form: ParticipantForm): Promise<Session>;
  removeParticipant(id: string, sessionId: string): Promise<Session>;
  saveInput(form: InputForm): Promise<Session>;
  deleteInput(id: string, sessionId: string): Promise<Session>;
  setResponse(form: ResponseForm, sessionId: string): Promise<Session>;
  /** Opens the save dialog (from Rust); null = cancelled. */
  exportBeritaAcara(sessionId: string, paper: Paper): Promise<BeritaAcaraWritten | null>;
  // versions.rs
  versionsList(): Promise<VersionList>;
  takeVersion(name: string): Promise<VersionSummary>;
  versionDiff(from: string, to: string | null): Promise<PlanDiff>;
  // planning.rs
  planList(): Promise<PlanList>;
  createPlan(input: NewPlan): Promise<PlanList>;
  setPlanStatus(change: StatusChange): Promise<PlanList>;
  setPeriodDue(input: PeriodDue): Promise<PlanList>;
  closePeriod(input: PeriodChange): Promise<PlanList>;
  reopenPeriod(input: PeriodChange): Promise<PlanList>;
  /** The plan switcher: every screen shows this plan from now on. */
  viewPlan(planId: string): Promise<PlanList>;
  /** Undoes the last change saved in this window; null when there is none. */
  undoPlanChange(): Promise<PlanList | null>;
  // structure.rs
  planStructure(): Promise<PlanStructure>;
  saveOpd(input: OpdInput): Promise<PlanStructure>;
  saveTheme(input: ThemeInput): Promise<PlanStructure>;
  reorderThemes(ids: string[]): Promise<PlanStructure>;
  savePlanAction(input: ActionInput): Promise<PlanStructure>;
  archiveStructureRow(entity: StructureEntity, id: string, reason: string): Promise<PlanStructure>;
  unarchiveStructureRow(entity: StructureEntity, id: string): Promise<PlanStructure>;
  deleteStructureRow(entity: StructureEntity, id: string): Promise<PlanStructure>;
  /** Undoes the last change saved in this window; null when there is none. */
  undoStructureChange(): Promise<PlanStructure | null>;
  // template.rs
  /** Bappeda: opens the save dialog (from Rust); null = cancelled. */
  exportPlanTemplate(): Promise<TemplateWritten | null>;
  /** Bappeda: the picked template; null = the dialog was cancelled. */
  pickPlanTemplate(): Promise<PickedFile | null>;
  /** What the picked template would change, or its wrong rows. */
  previewPlanTemplate(token: string): Promise<TemplatePreview>;
  /** Applies the picked template in one transaction; rejects with code 'template_invalid' when a row is wrong. */
  importPlanTemplate(token: string): Promise<TemplatePreview>;
  // publish.rs
  /** What the site and the open data would hold now; nothing is written. */
  publishOverview(): Promise<PublishOverview>;
  /** Bappeda: opens the folder dialog (from Rust), writes the site; null = cancelled. */
  publishSite(): Promise<SiteWritten | null>;
  /** Bappeda: opens the folder dialog (from Rust), writes the open data; null = cancelled. */
  writeOpenData(): Promise<OpenDataWritten | null>;
  // assessment.rs
  selfAssessment(): Promise<AssessmentList>;
  /** Rejects with a message on `explanation` or `evidenceLinks`. */
  setSelfAssessment(form: AssessmentForm): Promise<AssessmentList>;
  clearSelfAssessment(actionId: string): Promise<AssessmentList>;
  /** Undoes the last change of an assessment; null when there is none. */
  undoSelfAssessment(): Promise<AssessmentList | null>;
  /** Bappeda: opens the save dialog (from Rust); null = cancelled. */
  exportSelfAssessment(paper: Paper): Promise<AssessmentWritten | null>;
}

export const tauriBackend: Backend = {
  startup,
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
  showEvidenceFolder: workspace.showEvidenceFolder,
  history: workspace.history,
  undoLast: workspace.undoLast,
  reportSettings: report.reportSettings,
  saveReportSettings: report.saveReportSettings,
  ownKey: report.ownKey,
  exportReport: report.exportReport,
  reportHasEvidenceFiles: report.reportHasEvidenceFiles,
  reportCalendar: report.reportCalendar,
  reportHistory: report.reportHistory,
  exportPackage: exchange.exportPackage,
  pickReportFiles: exchange.pickReportFiles,
  importReport: exchange.importReport,
  importEvidenceBundle: exchange.importEvidenceBundle,
  receivedReports: exchange.receivedReports,
  submissionMatrix: exchange.submissionMatrix,
  verifyReport: exchange.verifyReport,
  pickPackage: exchange.pickPackage,
  pickPackageUpdate: exchange.pickPackageUpdate,
  takePackageUpdate: exchange.takePackageUpdate,
  trustBappedaKey: exchange.trustBappedaKey,
  gradeBands: bands.gradeBands,
  setGradeBands: bands.setGradeBands,
  undoGradeBands: bands.undoGradeBands,
  consolidationSummary: consolidation.consolidationSummary,
  exportRekap: consolidation.exportRekap,
  reviewNotes: review.reviewNotes,
  addReviewNote: review.addReviewNote,
  setReviewNoteResolved: review.setReviewNoteResolved,
  writeFeedback: feedback.writeFeedback,
  writeFeedbackAll: feedback.writeFeedbackAll,
  takeFeedback: feedback.takeFeedback,
  feedbackNotes: feedback.feedbackNotes,
  replyToNote: feedback.replyToNote,
  feedbackStatus: feedback.feedbackStatus,
  backupsList: backups.backupsList,
  backupNow: backups.backupNow,
  restoreBackup: backups.restoreBackup,
  recoverFromBackup: backups.recoverFromBackup,
  keyStatus: backups.keyStatus,
  rotateKey: backups.rotateKey,
  renewKey: backups.renewKey,
  sessionsList: cocreation.sessionsList,
  sessionDetail: cocreation.sessionDetail,
  saveSession: cocreation.saveSession,
  deleteSession: cocreation.deleteSession,
  addParticipant: cocreation.addParticipant,
  removeParticipant: cocreation.removeParticipant,
  saveInput: cocreation.saveInput,
  deleteInput: cocreation.deleteInput,
  setResponse: cocreation.setResponse,
  exportBeritaAcara: cocreation.exportBeritaAcara,
  versionsList: versions.versionsList,
  takeVersion: versions.takeVersion,
  versionDiff: versions.versionDiff,
  planList: planning.planList,
  createPlan: planning.createPlan,
  setPlanStatus: planning.setPlanStatus,
  setPeriodDue: planning.setPeriodDue,
  closePeriod: planning.closePeriod,
  reopenPeriod: planning.reopenPeriod,
  viewPlan: planning.viewPlan,
  undoPlanChange: planning.undoPlanChange,
  planStructure: structure.planStructure,
  saveOpd: structure.saveOpd,
  saveTheme: structure.saveTheme,
  reorderThemes: structure.reorderThemes,
  savePlanAction: structure.savePlanAction,
  archiveStructureRow: structure.archiveStructureRow,
  unarchiveStructureRow: structure.unarchiveStructureRow,
  deleteStructureRow: structure.deleteStructureRow,
  undoStructureChange: structure.undoStructureChange,
  exportPlanTemplate: template.exportPlanTemplate,
  pickPlanTemplate: template.pickPlanTemplate,
  previewPlanTemplate: template.previewPlanTemplate,
  importPlanTemplate: template.importPlanTemplate,
  publishOverview: publish.publishOverview,
  publishSite: publish.publishSite,
  writeOpenData: publish.writeOpenData,
  selfAssessment: assessment.selfAssessment,
  setSelfAssessment: assessment.setSelfAssessment,
  clearSelfAssessment: assessment.clearSelfAssessment,
  undoSelfAssessment: assessment.undoSelfAssessment,
  exportSelfAssessment: assessment.exportSelfAssessment,
};

export const backendKey: InjectionKey<Backend> = Symbol('backend');

export function useBackend(): Backend {
  const backend = inject(backendKey);
  if (!backend) throw new Error('No Backend provided: provide one under backendKey.');
  return backend;
}
