// A fake Backend for unit tests. It implements no rule of its own: every
// command answers what the test set (`answers`, or one of the shorthands
// below), else a fixed sample from samples.ts, and every call is recorded
// with its arguments. A test that needs the backend to answer differently
// after a change says so: a function answer, or `inTurn(...)`.
// Never imported by main.ts, so it is not part of the built app.
import type { Backend } from '../api/backend';
import type {
  Abilities,
  ActionDetail,
  BackendError,
  BackupInfo,
  BundleImported,
  Imported,
  PackagePreview,
  PickedFile,
  FeedbackStatus,
  PlanList,
  PlanOverview,
  PlanStructure,
  Profile,
  Received,
  ReceivedNote,
  RegencySummary,
  ReviewNote,
  SubmissionMatrix,
  VersionSummary,
} from '../api/types';
import {
  SAMPLE_PACKAGE_PATH,
  sampleBackup,
  SAMPLE_BAPPEDA_KEY_WORDS,
  SAMPLE_BAPPEDA_NEW_KEY_WORDS,
  SAMPLE_KEY_WORDS,
  sampleBeritaAcara,
  sampleBundleImported,
  sampleDemoOpds,
  sampleDetail,
  sampleDiff,
  sampleExported,
  sampleFeedbackWritten,
  sampleHistory,
  sampleImported,
  sampleMatrix,
  sampleNote,
  sampleOverview,
  sampleOwnKey,
  samplePlanList,
  samplePackagePreview,
  samplePickedFiles,
  SAMPLE_OPD_ABILITIES,
  SAMPLE_PROFILE,
  sampleRekapWritten,
  sampleReceivedNote,
  sampleReply,
  sampleReportSettings,
  sampleSession,
  sampleStatus,
  sampleStructure,
  sampleSummary,
  sampleTakenFeedback,
  samplePickedTemplate,
  sampleTemplatePreview,
  sampleTemplateWritten,
  sampleVersion,
} from './samples';
import { sampleApplied, sampleBands, samplePackageUpdate } from './packageSamples';
import { sampleCalendar, sampleReportHistory } from './calendarSamples';
import {
  sampleAssessmentList,
  sampleAssessmentWritten,
  sampleOpenDataWritten,
  samplePublishOverview,
  sampleSiteWritten,
} from './publishSamples';

export * from './samples';
export * from './packageSamples';
export * from './publishSamples';
export * from './calendarSamples';

export type Method = Exclude<keyof Backend, 'startup'>;
type Result<M extends Method> = Awaited<ReturnType<Backend[M]>>;

/** A command's answer: the value for every call, or a function of the call's arguments (which may throw). */
export type Answer<M extends Method> = Result<M> | ((...args: Parameters<Backend[M]>) => Result<M> | Promise<Result<M>>);
export type Answers = { [M in Method]?: Answer<M> };

/** An answer that is a rejection, for `inTurn`. */
export class Refusal {
  constructor(readonly error: BackendError) {}
}

/** Successive answers, one per call (a Refusal rejects); the last one repeats. */
export function inTurn<T>(...values: Array<T | Refusal>): () => T {
  let next = 0;
  return () => {
    const value = values[Math.min(next++, values.length - 1)];
    if (value instanceof Refusal) throw value.error;
    return value as T;
  };
}

export interface FakeBackendOptions {
  /** What a command answers, by method. Wins over the shorthands below. */
  answers?: Answers;
  /** Make a method reject with this value (any shape, as a real rejection could). */
  failures?: Partial<Record<Method, unknown>>;
  /** appStatus says the first start is still to come (and no profile). */
  needsSetup?: boolean;
  /** appStatus's profile. */
  profile?: Profile | null;
  /** appStatus's abilities: the core's answer, given with the profile (SAMPLE_BAPPEDA, SAMPLE_OPD); the fake derives nothing from the role. */
  abilities?: Abilities | null;
  /** What planOverview answers (null: no plan). */
  overview?: PlanOverview | null;
  /** What actionDetail and every edit of the workspace answer. */
  detail?: ActionDetail;
  /** The native open or save dialog: the user picks, or cancels (the command answers null or nothing). */
  fileDialog?: 'pick' | 'cancel';
  packagePreview?: PackagePreview;
  pickedFiles?: PickedFile[];
  /** importReport's answer per token: an Imported, or a rejection. Unlisted tokens: sampleImported(). */
  imports?: Record<string, Imported | { error: BackendError }>;
  /** importEvidenceBundle's answer per token: a BundleImported, or a rejection. Unlisted tokens: sampleBundleImported(). */
  bundles?: Record<string, BundleImported | { error: BackendError }>;
  received?: Received[];
  matrix?: SubmissionMatrix;
  /** What consolidationSummary answers (null: no plan). */
  summary?: RegencySummary | null;
  notes?: ReviewNote[];
  /** At an OPD: what feedbackNotes answers (the notes received). */
  receivedNotes?: ReceivedNote[];
  /** At an OPD: what feedbackStatus answers (null: no feedback file taken yet). */
  feedback?: FeedbackStatus | null;
  backups?: BackupInfo[];
  versions?: VersionSummary[];
  /** What planList and every change of the plan editor answer. */
  plans?: PlanList;
  /** What planStructure and every change of the structure answer. */
  structure?: PlanStructure;
}

export interface FakeBackend extends Backend {
  /** Every call made, in order, with its arguments. */
  readonly calls: Array<{ method: Method; args: unknown[] }>;
  /** The calls of one method, as argument lists. */
  callsOf(method: Method): unknown[][];
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** The answers the options' shorthands give, over the samples. */
function defaults(options: FakeBackendOptions): { [M in Method]: Answer<M> } {
  const cancel = options.fileDialog === 'cancel';
  const profile = options.profile === undefined ? (options.needsSetup ? null : { ...SAMPLE_PROFILE }) : options.profile;
  const abilities =
    options.abilities === undefined ? (options.needsSetup ? null : { ...SAMPLE_OPD_ABILITIES }) : options.abilities;
  const status = sampleStatus({ needsSetup: options.needsSetup ?? false, profile, abilities });
  const detail = options.detail ?? sampleDetail();
  const matrix = options.matrix ?? sampleMatrix();
  const structure = options.structure ?? sampleStructure();
  return {
    appStatus: status,
    firstStart: sampleStatus(),
    demoOpds: sampleDemoOpds(),
    planOverview: options.overview === undefined ? sampleOverview() : options.overview,
    actionDetail: detail,
    saveMilestone: detail,
    deleteMilestone: detail,
    saveIndicator: detail,
    deleteIndicator: detail,
    saveTargets: detail,
    saveRealisation: detail,
    saveActionNarrative: detail,
    addEvidenceFile: cancel ? null : detail,
    addEvidenceLink: detail,
    deleteEvidence: detail,
    openEvidence: undefined,
    showEvidenceFolder: undefined,
    history: sampleHistory(),
    undoLast: null,
    reportSettings: sampleReportSettings(),
    saveReportSettings: sampleReportSettings(),
    ownKey: sampleOwnKey(),
    exportReport: cancel ? null : sampleExported(),
    reportHasEvidenceFiles: false,
    reportCalendar: sampleCalendar(),
    reportHistory: sampleReportHistory(),
    exportPackage: cancel ? null : SAMPLE_PACKAGE_PATH,
    pickReportFiles: cancel ? [] : (options.pickedFiles ?? samplePickedFiles()),
    importReport: (token) => {
      const outcome = options.imports?.[token] ?? sampleImported();
      if ('error' in outcome) throw outcome.error;
      return outcome;
    },
    importEvidenceBundle: (token) => {
      const outcome = options.bundles?.[token] ?? sampleBundleImported();
      if ('error' in outcome) throw outcome.error;
      return outcome;
    },
    receivedReports: options.received ?? [],
    submissionMatrix: matrix,
    verifyReport: matrix,
    pickPackage: cancel ? null : (options.packagePreview ?? samplePackagePreview()),
    pickPackageUpdate: cancel ? null : samplePackageUpdate(),
    takePackageUpdate: sampleApplied(),
    trustBappedaKey: cancel ? null : { previousFingerprint: SAMPLE_BAPPEDA_NEW_KEY_WORDS, fingerprint: SAMPLE_BAPPEDA_KEY_WORDS },
    gradeBands: sampleBands(),
    setGradeBands: (input) => sampleBands({ isConvention: false, bands: input.bands.map((b, i) => ({ ...sampleBands().bands[i]!, ...b })) }),
    undoGradeBands: sampleBands(),
    consolidationSummary: options.summary === undefined ? sampleSummary() : options.summary,
    exportRekap: cancel ? null : sampleRekapWritten(),
    reviewNotes: options.notes ?? [],
    addReviewNote: sampleNote(),
    setReviewNoteResolved: sampleNote({ resolvedAt: '2019-07-16T03:00:00Z' }),
    writeFeedback: cancel ? null : sampleFeedbackWritten(),
    writeFeedbackAll: cancel ? null : [sampleFeedbackWritten()],
    takeFeedback: cancel ? null : sampleTakenFeedback(),
    feedbackNotes: options.receivedNotes ?? [],
    replyToNote: (noteId, body) => {
      const note = (options.receivedNotes ?? []).find((n) => n.id === noteId) ?? sampleReceivedNote({ id: noteId });
      return { ...note, replies: [...note.replies, sampleReply({ id: `reply-${note.replies.length + 1}`, body })] };
    },
    feedbackStatus: options.feedback ?? null,
    backupsList: options.backups ?? [],
    backupNow: sampleBackup({ fileName: 'renaksi-20190716T000000Z-manual.db', kind: 'manual', takenAt: '2019-07-16T00:00:00Z' }),
    restoreBackup: { backup: sampleBackup(), replacedKey: null, keyWarning: null },
    recoverFromBackup: sampleBackup(),
    keyStatus: { fingerprint: SAMPLE_KEY_WORDS, canRotate: false, canRenew: true, rotations: [] },
    rotateKey: {
      oldFingerprint: SAMPLE_BAPPEDA_KEY_WORDS,
      newFingerprint: SAMPLE_BAPPEDA_NEW_KEY_WORDS,
      from: '2019-07-16',
      oldKeyFile: '/home/staf/.local/share/renaksi/kunci/diganti-0A1B2C3D4E5F6071-ed25519.key',
    },
    renewKey: {
      oldFingerprint: SAMPLE_KEY_WORDS,
      newFingerprint: SAMPLE_BAPPEDA_NEW_KEY_WORDS,
      oldKeyFile: '/home/staf/.local/share/renaksi/kunci/diganti-0A1B2C3D4E5F6071-ed25519.key',
    },
    sessionsList: { canEdit: true, sessions: [] },
    sessionDetail: sampleSession(),
    saveSession: sampleSession(),
    deleteSession: undefined,
    addParticipant: sampleSession(),
    removeParticipant: sampleSession(),
    saveInput: sampleSession(),
    deleteInput: sampleSession(),
    setResponse: sampleSession(),
    exportBeritaAcara: cancel ? null : sampleBeritaAcara(),
    versionsList: { canEdit: true, versions: options.versions ?? [] },
    takeVersion: sampleVersion(),
    versionDiff: sampleDiff(),
    planList: options.plans ?? samplePlanList(),
    createPlan: options.plans ?? samplePlanList(),
    setPlanStatus: options.plans ?? samplePlanList(),
    setPeriodDue: options.plans ?? samplePlanList(),
    closePeriod: options.plans ?? samplePlanList(),
    reopenPeriod: options.plans ?? samplePlanList(),
    viewPlan: options.plans ?? samplePlanList(),
    undoPlanChange: null,
    planStructure: structure,
    saveOpd: structure,
    saveTheme: structure,
    reorderThemes: structure,
    savePlanAction: structure,
    archiveStructureRow: structure,
    unarchiveStructureRow: structure,
    deleteStructureRow: structure,
    undoStructureChange: null,
    exportPlanTemplate: cancel ? null : sampleTemplateWritten(),
    pickPlanTemplate: cancel ? null : samplePickedTemplate(),
    previewPlanTemplate: sampleTemplatePreview(),
    importPlanTemplate: sampleTemplatePreview(),
    publishOverview: samplePublishOverview(),
    publishSite: cancel ? null : sampleSiteWritten(),
    writeOpenData: cancel ? null : sampleOpenDataWritten(),
    selfAssessment: sampleAssessmentList(),
    setSelfAssessment: sampleAssessmentList(),
    clearSelfAssessment: sampleAssessmentList(),
    undoSelfAssessment: null,
    exportSelfAssessment: cancel ? null : sampleAssessmentWritten(),
  };
}

export function createFakeBackend(options: FakeBackendOptions = {}): FakeBackend {
  const answers: Answers = { ...defaults(options), ...options.answers };
  const failures = options.failures ?? {};
  const calls: FakeBackend['calls'] = [];

  async function answer(method: Method, args: unknown[]): Promise<unknown> {
    calls.push({ method, args });
    if (method in failures) throw failures[method];
    const given = answers[method] as unknown;
    // A copy each time, so what a view does with an answer never changes the next one.
    return clone(typeof given === 'function' ? await (given as (...a: unknown[]) => unknown)(...args) : given);
  }

  const methods = Object.fromEntries(
    (Object.keys(answers) as Method[]).map((method) => [method, (...args: unknown[]) => answer(method, args)]),
  ) as unknown as Omit<Backend, 'startup'>;

  return {
    ...methods,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method).map((c) => c.args),
    // As the app's: both questions at once. A method, so a test that spreads
    // the fake and replaces appStatus or planOverview is asked through those.
    startup(this: Backend) {
      const asked = { status: this.appStatus(), overview: this.planOverview(null), known: null };
      asked.status.catch(() => undefined);
      asked.overview.catch(() => undefined);
      return asked;
    },
  };
}
