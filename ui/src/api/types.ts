// The shapes that cross the IPC boundary. They mirror the Rust side's
// serde types exactly (camelCase); change both sides together.

export type PlanStatus = 'draft' | 'final';
export type OgpValue = 'transparansi' | 'partisipasi' | 'akuntabilitas' | 'teknologi_inovasi';

/** In the order the plan documents list them. */
export const OGP_VALUES: readonly OgpValue[] = ['transparansi', 'partisipasi', 'akuntabilitas', 'teknologi_inovasi'];

// ---------------------------------------------------------------- setup.rs

export type Role = 'bappeda' | 'opd';

/** Who works in this copy of Renaksi: Bappeda, or one OPD (opdCode set). */
export interface Profile {
  role: Role;
  opdCode: string | null;
  userName: string;
}

export interface AppStatus {
  needsSetup: boolean;
  dataFile: string;
  schemaVersion: number;
  appVersion: string;
  /** null until the first start has chosen one. */
  profile: Profile | null;
}

/** 'package': an OPD starts from the plan package Bappeda sent (see pickPackage). */
export type FirstStartChoice = 'demo' | 'empty' | 'package';

export interface FirstStartRequest {
  choice: FirstStartChoice;
  role: Role;
  opdCode: string | null;
  userName: string;
  /** With choice 'package': the token of the package picked by pickPackage. */
  packageToken?: string | null;
}

// ----------------------------------------------------------------- plan.rs

export interface PlanSummary {
  id: string;
  region: string;
  title: string;
  yearStart: number;
  yearEnd: number;
  version: number;
  status: PlanStatus;
}

export interface OpdRef {
  code: string;
  name: string;
}

export type Quarter = 1 | 2 | 3 | 4;

export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

export interface PeriodRef {
  year: number;
  quarter: Quarter;
}

export interface PeriodInfo extends PeriodRef {
  /** "YYYY-MM-DD" */
  dueDate: string | null;
  /** Closed by Bappeda: read-only in an OPD's copy. */
  closed: boolean;
}

export type GradeKey = 'sangat_tinggi' | 'tinggi' | 'sedang' | 'rendah' | 'sangat_rendah';

/** A predikat band; `min` null = no lower bound. Labels are settings (Indonesian). */
export interface GradeBand {
  key: GradeKey;
  label: string;
  min: number | null;
}

export type AchievementReason = 'ok' | 'no_target' | 'zero_target' | 'no_realisation' | 'zero_realisation';

export interface Achievement {
  targetToDate: number | null;
  realisationToDate: number | null;
  /** Capaian s.d. TW n (%), the headline figure; null = cannot be computed (see reason). */
  percent: number | null;
  annualTarget: number | null;
  annualPercent: number | null;
  grade: GradeKey | null;
  reason: AchievementReason;
}

export interface Rollup {
  percent: number | null;
  grade: GradeKey | null;
  indicatorCount: number;
  measuredCount: number;
}

export type MilestoneStatus = 'belum_dimulai' | 'terbatas' | 'substansial' | 'selesai';

/** The IRM completion scale, in its order. */
export const MILESTONE_STATUSES: readonly MilestoneStatus[] = ['belum_dimulai', 'terbatas', 'substansial', 'selesai'];

export type Polarity = 'positif' | 'negatif';
export const POLARITIES: readonly Polarity[] = ['positif', 'negatif'];

export type Aggregation = 'kumulatif' | 'persentase' | 'nilai_akhir';
export const AGGREGATIONS: readonly Aggregation[] = ['kumulatif', 'persentase', 'nilai_akhir'];

export interface MilestoneBrief {
  id: string;
  title: string;
  status: MilestoneStatus;
  opdCode: string;
  /** "YYYY-MM-DD" */
  endDate: string | null;
}

export interface IndicatorBrief {
  id: string;
  description: string;
  unit: string;
  opdCode: string;
  achievement: Achievement;
}

export interface ActionSummary {
  id: string;
  code: string;
  title: string;
  leadOpd: OpdRef;
  supportingOpds: OpdRef[];
  ogpValues: OgpValue[];
  /** "YYYY-MM-DD" */
  startDate: string | null;
  /** "YYYY-MM-DD" */
  endDate: string | null;
  milestoneCount: number;
  indicatorCount: number;
  rollup: Rollup;
  milestones: MilestoneBrief[];
  indicators: IndicatorBrief[];
}

export interface ThemeOverview {
  id: string;
  seq: number;
  name: string;
  description: string;
  actions: ActionSummary[];
  rollup: Rollup;
}

export interface PlanOverview {
  plan: PlanSummary;
  themes: ThemeOverview[];
  periods: PeriodInfo[];
  /** The period the figures are for. */
  period: PeriodRef;
  grades: GradeBand[];
  /** Every OPD of the plan (for the filter). */
  opds: OpdRef[];
}

// ------------------------------------------------------------ workspace.rs

export interface EvidenceView {
  id: string;
  kind: 'file' | 'link';
  title: string;
  fileName: string | null;
  sha256: string | null;
  url: string | null;
  /** RFC 3339 */
  createdAt: string;
}

export interface MilestoneView {
  id: string;
  seq: number;
  title: string;
  output: string;
  startDate: string | null;
  endDate: string | null;
  status: MilestoneStatus;
  opd: OpdRef;
  canEdit: boolean;
  evidence: EvidenceView[];
}

export interface RealisationView {
  year: number;
  quarter: Quarter;
  value: number | null;
  notes: string;
  obstacles: string;
  followUp: string;
  evidence: EvidenceView[];
}

export interface IndicatorView {
  id: string;
  seq: number;
  milestoneId: string | null;
  description: string;
  unit: string;
  baseline: number | null;
  polarity: Polarity;
  aggregation: Aggregation;
  opd: OpdRef;
  canEdit: boolean;
  /** Key = year as a string; 4 entries, Triwulan I-IV. */
  targets: Record<string, (number | null)[]>;
  realisations: RealisationView[];
  achievement: Achievement;
}

export interface ActionFields {
  id: string;
  code: string;
  title: string;
  themeSeq: number;
  themeName: string;
  problem: string;
  description: string;
  contribution: string;
  ogpValues: OgpValue[];
  leadOpd: OpdRef;
  supportingOpds: OpdRef[];
  csoPartners: string;
  startDate: string | null;
  endDate: string | null;
}

export interface ActionDetail {
  action: ActionFields;
  canEditNarrative: boolean;
  /** The OPD that new milestones and indicators would belong to; null = cannot add. */
  canAddFor: OpdRef | null;
  milestones: MilestoneView[];
  indicators: IndicatorView[];
  rollup: Rollup;
  periods: PeriodView[];
  period: PeriodRef;
  grades: GradeBand[];
}

/** A quarter in the action detail, with the core's answer to whether this profile may still change it. */
export interface PeriodView extends PeriodInfo {
  /** Read-only for this profile (a closed quarter, for an OPD). */
  locked: boolean;
}

export interface MilestoneInput {
  id: string | null;
  actionId: string;
  title: string;
  output: string;
  startDate: string | null;
  endDate: string | null;
  status: MilestoneStatus;
}

export interface IndicatorInput {
  id: string | null;
  actionId: string;
  milestoneId: string | null;
  description: string;
  unit: string;
  baseline: number | null;
  polarity: Polarity;
  aggregation: Aggregation;
}

export interface TargetsInput {
  indicatorId: string;
  year: number;
  /** 4 entries, Triwulan I-IV. */
  values: (number | null)[];
}

export interface RealisationInput {
  indicatorId: string;
  year: number;
  quarter: Quarter;
  value: number | null;
  notes: string;
  obstacles: string;
  followUp: string;
}

export interface NarrativeInput {
  actionId: string;
  problem: string;
  description: string;
  contribution: string;
  ogpValues: OgpValue[];
  csoPartners: string;
}

/** A milestone (milestoneId) or one quarter's realisation (indicatorId, year, quarter). */
export interface EvidenceTarget {
  milestoneId: string | null;
  indicatorId: string | null;
  year: number | null;
  quarter: Quarter | null;
}

export interface LinkInput extends EvidenceTarget {
  title: string;
  url: string;
}

export type HistoryEntity = 'action' | 'milestone' | 'indicator';

export type AuditOperation = 'create' | 'update' | 'delete' | 'import' | 'load' | 'undo';

export interface AuditEntry {
  /** RFC 3339, UTC */
  at: string;
  actor: string;
  entity: string;
  entityId: string;
  operation: AuditOperation;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

// --------------------------------------------------------------- report.rs

/** Paper of the printable report; F4 is the folio (215 × 330 mm) offices use. */
export type Paper = 'a4' | 'f4';

/** The signature block under the report's table (Tempat, tanggal; the head of the OPD). */
export interface SignatureSettings {
  place: string;
  headPosition: string;
  headName: string;
  /** 18 digits, or empty. */
  headNip: string;
}

/** What an export wrote. */
export interface Exported {
  /** Where the clerk saved the workbook. */
  path: string;
  opdCode: string;
  period: PeriodRef;
  /** This OPD's export count, 1 for the first report ever exported. */
  sequence: number;
  /** Rows of the evaluation table. */
  rows: number;
  /** "1A2B-3C4D-5E6F-7A8B": how Bappeda recognises this office's signing key. */
  keyFingerprint: string;
}

// ------------------------------------------------------------- exchange.rs

/** A file picked in a dialog opened by Rust: the webview knows it only by a token and its name. */
export interface PickedFile {
  token: string;
  name: string;
}

/** What a picked plan package holds, shown before an OPD starts from it. */
export interface PackagePreview {
  token: string;
  planTitle: string;
  region: string;
  version: number;
  /** The OPDs the package assigns actions to: the roles an OPD can start as. */
  opds: OpdRef[];
}

/** One OPD report imported at Bappeda. */
export interface Imported {
  opdCode: string;
  opdName: string;
  /** Written by the backend, e.g. "Triwulan I 2019". */
  periodLabel: string;
  /** The OPD's export number of this report. */
  sequence: number;
  /** False when this very file had been imported already: nothing changed. */
  changed: boolean;
  /** True when this report recorded the OPD's key for the first time. */
  keyPinned: boolean;
  keyFingerprint: string;
  milestones: number;
  indicators: number;
}

/** A report Bappeda has received (newest first). */
export interface Received {
  id: string;
  opdCode: string;
  opdName: string;
  year: number;
  quarter: number;
  sequence: number;
  /** RFC 3339 instants. */
  exportedAt: string;
  receivedAt: string | null;
  fileName: string;
  keyFingerprint: string;
}

/** Where one OPD's report for one quarter stands at Bappeda. */
export type SubmissionState = 'belum' | 'diterima' | 'terlambat' | 'diverifikasi';

/** In the order a report goes through them. */
export const SUBMISSION_STATES: readonly SubmissionState[] = ['belum', 'diterima', 'terlambat', 'diverifikasi'];

/** One OPD × quarter of the submission matrix. */
export interface MatrixCell {
  year: number;
  quarter: number;
  /** 'terlambat': received after the quarter's due date. */
  state: SubmissionState;
  /** The export number of the report received; null = none received. */
  sequence: number | null;
  /** RFC 3339 instant. */
  receivedAt: string | null;
  /** 'belum' and the quarter's due date has passed. */
  overdue: boolean;
}

export interface MatrixRow {
  opd: OpdRef;
  /** One per period of the matrix, in its order. */
  cells: MatrixCell[];
}

/** Which OPD has sent which quarter's report: rows = OPDs, columns = the plan's quarters. */
export interface SubmissionMatrix {
  periods: PeriodInfo[];
  rows: MatrixRow[];
}

/** The code importReport rejects with when an OPD's signing key differs from the one recorded. */
export const KEY_CHANGED = 'key_changed';

// ------------------------------------------------------- consolidation.rs

export interface StatusCount {
  status: MilestoneStatus;
  count: number;
}

export interface ThemeSummary {
  seq: number;
  name: string;
  actionCount: number;
  milestoneCount: number;
  indicatorCount: number;
  /** One per status of the IRM scale, in its order. */
  milestones: StatusCount[];
  rollup: Rollup;
}

export interface OpdSummary {
  opd: OpdRef;
  /** Actions this OPD leads. */
  ledActionCount: number;
  milestoneCount: number;
  indicatorCount: number;
  milestones: StatusCount[];
  rollup: Rollup;
}

/** A milestone past its end date and not complete. */
export interface OverdueMilestone {
  actionCode: string;
  title: string;
  opdCode: string;
  /** "YYYY-MM-DD" */
  endDate: string;
  status: MilestoneStatus;
  daysLate: number;
}

export interface IndicatorLine {
  theme: string;
  actionCode: string;
  actionTitle: string;
  opd: OpdRef;
  description: string;
  unit: string;
  achievement: Achievement;
}

/** The regency picture for one period: what the dashboard and the rekap show. */
export interface RegencySummary {
  plan: PlanSummary;
  periods: PeriodInfo[];
  period: PeriodRef | null;
  /** "YYYY-MM-DD": the day overdue milestones are counted on. */
  today: string;
  grades: GradeBand[];
  /** Capaian over every indicator of the plan. */
  rollup: Rollup;
  themes: ThemeSummary[];
  opds: OpdSummary[];
  milestones: StatusCount[];
  overdue: OverdueMilestone[];
  indicators: IndicatorLine[];
}

/** What a rekap export wrote. */
export interface RekapWritten {
  path: string;
  period: PeriodRef;
  themes: number;
  opds: number;
  indicators: number;
  notes: number;
}

// -------------------------------------------------------------- review.rs

export type NoteSubjectKind = 'report' | 'action' | 'indicator';

export interface NoteInput {
  subjectKind: NoteSubjectKind;
  subjectId: string;
  body: string;
}

/** A verifier note (catatan verifikator) of Bappeda. */
export interface ReviewNote {
  id: string;
  subjectKind: NoteSubjectKind;
  subjectId: string;
  /** Written by the backend: "RA-01 …", "Laporan DINKES Triwulan I 2019 (no. 2)". */
  subjectLabel: string;
  opdCode: string;
  author: string;
  body: string;
  /** RFC 3339 instants. */
  createdAt: string;
  resolvedAt: string | null;
}

// ------------------------------------------------------------- backups.rs

export type BackupKind = 'daily' | 'before_import' | 'before_restore' | 'before_migration' | 'manual';

/** One backup beside the database, and what it holds. */
export interface BackupInfo {
  /** How the webview names the backup to restore it. */
  fileName: string;
  path: string;
  kind: BackupKind;
  /** RFC 3339 instant. */
  takenAt: string;
  sizeBytes: number;
  /** False when the file fails its check or comes from a newer app. */
  usable: boolean;
  problem: string | null;
  planTitle: string | null;
  /** "Bappeda · Admin" or "OPD DINKES · Sari" */
  profile: string | null;
  actions: number;
  milestones: number;
  indicators: number;
  realisations: number;
  reports: number;
}

/** The codes app_status fails with when the database is damaged: a backup can take its place. */
export const DB_DAMAGED: readonly string[] = ['db_corrupt', 'db_unreadable'];

// ------------------------------------------------------------ sessions.rs

export type ParticipantKind = 'opd' | 'cso' | 'other';
export const PARTICIPANT_KINDS: readonly ParticipantKind[] = ['opd', 'cso', 'other'];

/** The government's response to an input. */
export type Decision = 'diterima' | 'diterima_dengan_perubahan' | 'ditolak';
export const DECISIONS: readonly Decision[] = ['diterima', 'diterima_dengan_perubahan', 'ditolak'];

export interface SessionForm {
  /** null: a new session. */
  id: string | null;
  title: string;
  /** "YYYY-MM-DD" */
  heldOn: string;
  place: string;
  notes: string;
}

export interface ParticipantForm {
  sessionId: string;
  name: string;
  organisation: string;
  kind: ParticipantKind;
  /** For an OPD participant. */
  opdCode: string | null;
}

export interface InputForm {
  /** null: a new input. */
  id: string | null;
  sessionId: string;
  actionId: string;
  author: string;
  organisation: string;
  body: string;
}

export interface ResponseForm {
  inputId: string;
  decision: Decision;
  /** Required unless the input is accepted as it is. */
  reason: string;
}

export interface SessionSummary {
  id: string;
  title: string;
  heldOn: string;
  place: string;
  participantCount: number;
  inputCount: number;
  respondedCount: number;
}

/** The sessions, and whether this profile records new ones (Bappeda only). */
export interface SessionList {
  canEdit: boolean;
  sessions: SessionSummary[];
}

export interface Participant {
  id: string;
  name: string;
  organisation: string;
  kind: ParticipantKind;
  opdId: string | null;
  opdCode: string | null;
}

export interface InputResponse {
  decision: Decision;
  reason: string;
  respondedBy: string;
  respondedAt: string;
}

export interface SessionInput {
  id: string;
  sessionId: string;
  actionId: string;
  author: string;
  organisation: string;
  body: string;
  createdAt: string;
  response: InputResponse | null;
}

export interface ActionInputs {
  actionId: string;
  actionCode: string;
  actionTitle: string;
  inputs: SessionInput[];
}

/** One co-creation session with everything its record holds. */
export interface Session {
  id: string;
  title: string;
  heldOn: string;
  place: string;
  notes: string;
  createdAt: string;
  participants: Participant[];
  /** Inputs grouped by action, actions by code. */
  actions: ActionInputs[];
  inputCount: number;
  respondedCount: number;
  /** Bappeda only. */
  canEdit: boolean;
}

export interface BeritaAcaraWritten {
  path: string;
  sessionTitle: string;
  participants: number;
  inputs: number;
  responded: number;
}

// ------------------------------------------------------------ versions.rs

export interface VersionSummary {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string;
  themes: number;
  actions: number;
  milestones: number;
  indicators: number;
  targets: number;
}

/** The versions, and whether this profile takes new ones (Bappeda only). */
export interface VersionList {
  canEdit: boolean;
  versions: VersionSummary[];
}

export interface VersionLabel {
  /** null: the plan as it is now. */
  id: string | null;
  name: string;
  createdAt: string | null;
}

export interface DiffItem {
  id: string;
  actionCode: string;
  opdCode: string;
  label: string;
}

export interface FieldChange {
  field: string;
  /** Written by the backend: "Judul", "OPD pelaksana", ... */
  label: string;
  old: string | null;
  new: string | null;
}

export interface ChangedItem {
  id: string;
  actionCode: string;
  opdCode: string;
  label: string;
  changes: FieldChange[];
}

export interface TargetChange {
  indicatorId: string;
  actionCode: string;
  opdCode: string;
  indicator: string;
  year: number;
  quarter: number;
  old: number | null;
  new: number | null;
}

export interface PlanDiff {
  from: VersionLabel;
  to: VersionLabel;
  actionsAdded: DiffItem[];
  actionsRemoved: DiffItem[];
  actionsChanged: ChangedItem[];
  milestonesAdded: DiffItem[];
  milestonesRemoved: DiffItem[];
  milestonesChanged: ChangedItem[];
  indicatorsAdded: DiffItem[];
  indicatorsRemoved: DiffItem[];
  indicatorsChanged: ChangedItem[];
  targetsChanged: TargetChange[];
  changeCount: number;
}

// ------------------------------------------------------------------ errors

/**
 * Every failed command rejects with this; `message` is meant for the clerk.
 * A validation error has code 'invalid' and, when it is about one input,
 * `field` names it ("title", "endDate", "values.2", ...).
 */
export interface BackendError {
  code: string;
  message: string;
  field?: string | null;
}

/** Codes the UI treats specially. */
export const INVALID = 'invalid';
export const FORBIDDEN = 'forbidden';
export const PERIOD_CLOSED = 'period_closed';
