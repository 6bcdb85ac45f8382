// A fake Backend with a small sample plan, for unit tests. Never imported by
// main.ts, so it is not part of the built app. It keeps one action's detail
// in memory and applies edits to it roughly as the Rust side would, so a
// test can follow a clerk through a few saves and an undo.
import type { Backend } from '../api/backend';
import type {
  Achievement,
  ActionDetail,
  ActionSummary,
  AppStatus,
  AuditEntry,
  BackendError,
  BackupInfo,
  BeritaAcaraWritten,
  EvidenceTarget,
  EvidenceView,
  Exported,
  FirstStartRequest,
  GradeBand,
  Imported,
  OpdRef,
  PackagePreview,
  PeriodInfo,
  PeriodRef,
  PickedFile,
  PlanDiff,
  PlanOverview,
  Profile,
  NoteInput,
  Received,
  RegencySummary,
  RekapWritten,
  ReviewNote,
  Rollup,
  Session,
  SessionInput,
  SessionSummary,
  SignatureSettings,
  StatusCount,
  SubmissionMatrix,
  SubmissionState,
  VersionSummary,
} from '../api/types';

/** Built, not written out: sources must not look like they load anything remote. */
const WEB = 'https';

export const SAMPLE_DATA_FILE = 'C:\\Users\\staf\\AppData\\Roaming\\id.renaksi\\renaksi.sqlite3';

export const DINKES: OpdRef = { code: 'DINKES', name: 'Dinas Kesehatan' };
export const DISKOMINFO: OpdRef = { code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika' };
export const RSUD: OpdRef = { code: 'RSUD', name: 'RSUD KRT Setjonegoro' };
export const DISDUKCAPIL: OpdRef = { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' };
export const DINSOS: OpdRef = { code: 'DINSOS', name: 'Dinas Sosial' };

export const SAMPLE_PROFILE: Profile = { role: 'opd', opdCode: 'DINKES', userName: 'Sari' };

/** The OPDs the demo plan offers at first start. */
export function sampleDemoOpds(): OpdRef[] {
  return [DINKES, DINSOS, { code: 'DUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' }];
}

export function sampleGrades(): GradeBand[] {
  return [
    { key: 'sangat_tinggi', label: 'Sangat Tinggi', min: 91 },
    { key: 'tinggi', label: 'Tinggi', min: 76 },
    { key: 'sedang', label: 'Sedang', min: 66 },
    { key: 'rendah', label: 'Rendah', min: 51 },
    { key: 'sangat_rendah', label: 'Sangat Rendah', min: null },
  ];
}

/** 2018-2019; the first two quarters of 2018 are closed by Bappeda. */
export function samplePeriods(): PeriodInfo[] {
  const periods: PeriodInfo[] = [];
  for (const year of [2018, 2019]) {
    for (const quarter of [1, 2, 3, 4] as const) {
      periods.push({
        year,
        quarter,
        dueDate: `${quarter === 4 ? year + 1 : year}-${String(quarter === 4 ? 1 : quarter * 3 + 1).padStart(2, '0')}-15`,
        closed: year === 2018 && quarter <= 2,
      });
    }
  }
  return periods;
}

export const SAMPLE_PERIOD: PeriodRef = { year: 2018, quarter: 3 };

function achievement(partial: Partial<Achievement> = {}): Achievement {
  return {
    targetToDate: null,
    realisationToDate: null,
    percent: null,
    annualTarget: null,
    annualPercent: null,
    grade: null,
    reason: 'no_target',
    ...partial,
  };
}

/** RA-01's first indicator: 77 of 84 = 91,67% (Sangat Tinggi). */
const UHC_ACHIEVEMENT: Achievement = {
  targetToDate: 84,
  realisationToDate: 77,
  percent: 91.66666666666667,
  annualTarget: 90,
  annualPercent: 85.55555555555556,
  grade: 'sangat_tinggi',
  reason: 'ok',
};

function rollup(percent: number | null, grade: Rollup['grade'], indicatorCount: number, measuredCount: number): Rollup {
  return { percent, grade, indicatorCount, measuredCount };
}

/** Themes are deliberately out of seq order: the UI must sort them. */
export function sampleOverview(): PlanOverview {
  const ra01: ActionSummary = {
    id: 'action-1',
    code: 'RA-01',
    title: 'Sistem pengaduan layanan kesehatan terpadu',
    leadOpd: DINKES,
    supportingOpds: [DISKOMINFO, RSUD],
    ogpValues: ['transparansi', 'teknologi_inovasi'],
    startDate: '2018-07-15',
    endDate: '2019-12-31',
    milestoneCount: 4,
    indicatorCount: 2,
    rollup: rollup(91.66666666666667, 'sangat_tinggi', 2, 1),
    milestones: [
      { id: 'ms-1', title: 'Penyusunan SOP pengaduan', status: 'selesai', opdCode: 'DINKES', endDate: '2018-09-30' },
      { id: 'ms-2', title: 'Aplikasi pengaduan daring', status: 'substansial', opdCode: 'DISKOMINFO', endDate: '2019-06-30' },
      { id: 'ms-3', title: 'Pelatihan petugas puskesmas', status: 'terbatas', opdCode: 'DINKES', endDate: '2018-12-31' },
      { id: 'ms-4', title: 'Loket pengaduan di RSUD', status: 'substansial', opdCode: 'RSUD', endDate: null },
    ],
    indicators: [
      { id: 'ind-1', description: 'Persentase penduduk terdaftar UHC', unit: 'persen', opdCode: 'DINKES', achievement: UHC_ACHIEVEMENT },
      {
        id: 'ind-2',
        description: 'Jumlah pengaduan yang ditindaklanjuti',
        unit: 'pengaduan',
        opdCode: 'DISKOMINFO',
        achievement: achievement(),
      },
    ],
  };
  const ra02: ActionSummary = {
    id: 'action-2',
    code: 'RA-02',
    title: 'Forum warga untuk layanan kependudukan',
    leadOpd: DISDUKCAPIL,
    supportingOpds: [],
    ogpValues: ['partisipasi', 'akuntabilitas'],
    startDate: null,
    endDate: null,
    milestoneCount: 1,
    indicatorCount: 1,
    rollup: rollup(45, 'sangat_rendah', 1, 1),
    milestones: [{ id: 'ms-5', title: 'Séminar hasil forum warga', status: 'belum_dimulai', opdCode: 'DISDUKCAPIL', endDate: '2019-12-31' }],
    indicators: [
      {
        id: 'ind-3',
        description: 'Jumlah keluarga rentan yang memiliki KTP elektronik',
        unit: 'keluarga',
        opdCode: 'DINSOS',
        achievement: achievement({ targetToDate: 200, realisationToDate: 90, percent: 45, grade: 'sangat_rendah', reason: 'ok' }),
      },
    ],
  };
  return {
    plan: {
      id: 'plan-wonosobo-2018',
      region: 'Kabupaten Wonosobo',
      title: 'Rencana Aksi Daerah Keterbukaan Pemerintah Kabupaten Wonosobo 2018-2019',
      yearStart: 2018,
      yearEnd: 2019,
      version: 1,
      status: 'final',
      adoptedOn: null,
    },
    themes: [
      {
        id: 'theme-2',
        seq: 2,
        name: 'Keterbukaan Anggaran',
        description: 'Warga dapat membaca dan mengawasi anggaran daerah.',
        actions: [],
        rollup: rollup(null, null, 0, 0),
      },
      {
        id: 'theme-1',
        seq: 1,
        name: 'Layanan Publik',
        description: 'Layanan kesehatan dan kependudukan yang mudah dijangkau warga.',
        actions: [ra01, ra02],
        rollup: rollup(72.5, 'sedang', 3, 2),
      },
    ],
    periods: samplePeriods(),
    period: { ...SAMPLE_PERIOD },
    grades: sampleGrades(),
    opds: [DINKES, DINSOS, DISDUKCAPIL, DISKOMINFO, RSUD],
  };
}

/** The regency picture of the sample plan, as the backend would sum it up. */
export function sampleSummary(): RegencySummary {
  const counts = (selesai: number, substansial: number, terbatas: number, belum: number): StatusCount[] => [
    { status: 'belum_dimulai', count: belum },
    { status: 'terbatas', count: terbatas },
    { status: 'substansial', count: substansial },
    { status: 'selesai', count: selesai },
  ];
  const overview = sampleOverview();
  const actions = overview.themes.flatMap((theme) => theme.actions);
  return {
    plan: overview.plan,
    periods: overview.periods,
    period: overview.period,
    today: '2019-07-15',
    grades: overview.grades,
    rollup: rollup(68.33333333333333, 'sedang', 3, 2),
    themes: [
      {
        seq: 1,
        name: 'Layanan Publik',
        actionCount: 2,
        milestoneCount: 5,
        indicatorCount: 3,
        milestones: counts(1, 2, 1, 1),
        rollup: rollup(72.5, 'sedang', 3, 2),
      },
      {
        seq: 2,
        name: 'Keterbukaan Anggaran',
        actionCount: 0,
        milestoneCount: 0,
        indicatorCount: 0,
        milestones: counts(0, 0, 0, 0),
        rollup: rollup(null, null, 0, 0),
      },
    ],
    opds: [
      {
        opd: DINKES,
        ledActionCount: 1,
        milestoneCount: 2,
        indicatorCount: 1,
        milestones: counts(1, 0, 1, 0),
        rollup: rollup(91.66666666666667, 'sangat_tinggi', 1, 1),
      },
      {
        opd: DINSOS,
        ledActionCount: 0,
        milestoneCount: 0,
        indicatorCount: 1,
        milestones: counts(0, 0, 0, 0),
        rollup: rollup(45, 'sangat_rendah', 1, 1),
      },
      {
        opd: DISKOMINFO,
        ledActionCount: 0,
        milestoneCount: 1,
        indicatorCount: 1,
        milestones: counts(0, 1, 0, 0),
        rollup: rollup(null, null, 1, 0),
      },
    ],
    milestones: counts(1, 2, 1, 1),
    overdue: [
      {
        actionCode: 'RA-01',
        title: 'Pelatihan petugas puskesmas',
        opdCode: 'DINKES',
        endDate: '2018-12-31',
        status: 'terbatas',
        daysLate: 196,
      },
      {
        actionCode: 'RA-01',
        title: 'Aplikasi pengaduan daring',
        opdCode: 'DISKOMINFO',
        endDate: '2019-06-30',
        status: 'substansial',
        daysLate: 15,
      },
    ],
    indicators: actions.flatMap((action) =>
      action.indicators.map((i) => ({
        theme: 'Layanan Publik',
        actionCode: action.code,
        actionTitle: action.title,
        opd: [DINKES, DINSOS, DISKOMINFO].find((o) => o.code === i.opdCode) ?? DINKES,
        description: i.description,
        unit: i.unit,
        achievement: i.achievement,
      })),
    ),
  };
}

/** A backup as the backend describes it. */
export function sampleBackup(partial: Partial<BackupInfo> = {}): BackupInfo {
  return {
    fileName: 'renaksi-20190415T033000Z-harian.db',
    path: '/home/staf/.local/share/renaksi/backups/renaksi-20190415T033000Z-harian.db',
    kind: 'daily',
    takenAt: '2019-04-15T03:30:00Z',
    sizeBytes: 245760,
    usable: true,
    problem: null,
    planTitle: 'Rencana Aksi Daerah Keterbukaan Pemerintah Kabupaten Wonosobo 2018-2019',
    profile: 'OPD DINKES · Sari',
    actions: 8,
    milestones: 3,
    indicators: 2,
    realisations: 6,
    reports: 0,
    ...partial,
  };
}

export const SAMPLE_BERITA_ACARA_PATH = '/home/staf/Dokumen/berita-acara-ko-kreasi-2018-05-08.xlsx';

/** What versionDiff returns between any two different versions. */
export function sampleDiff(): PlanDiff {
  return {
    from: { id: 'version-1', name: 'Draf', createdAt: '2018-06-20T02:00:00Z' },
    to: { id: null, name: 'Saat ini', createdAt: null },
    actionsAdded: [],
    actionsRemoved: [],
    actionsChanged: [
      {
        id: 'action-1',
        actionCode: 'RA-01',
        opdCode: 'DINKES',
        label: 'Sistem pengaduan layanan kesehatan terpadu',
        changes: [{ field: 'title', label: 'Judul', old: 'Sistem pengaduan kesehatan', new: 'Sistem pengaduan layanan kesehatan terpadu' }],
      },
    ],
    milestonesAdded: [],
    milestonesRemoved: [],
    milestonesChanged: [],
    indicatorsAdded: [{ id: 'ind-2', actionCode: 'RA-01', opdCode: 'DISKOMINFO', label: 'Jumlah pengaduan yang ditindaklanjuti' }],
    indicatorsRemoved: [],
    indicatorsChanged: [],
    targetsChanged: [
      { indicatorId: 'ind-1', actionCode: 'RA-01', opdCode: 'DINKES', indicator: 'Persentase penduduk terdaftar UHC', year: 2019, quarter: 4, old: 90, new: 95 },
    ],
    changeCount: 3,
  };
}

export const SAMPLE_REKAP_PATH = '/home/staf/Dokumen/rekap-kabupaten-2018-tw3.xlsx';

function fileEvidence(id: string, title: string): EvidenceView {
  return {
    id,
    kind: 'file',
    title,
    fileName: `${title}.pdf`,
    sha256: '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea',
    url: null,
    createdAt: '2018-08-01T02:00:00Z',
  };
}

/** RA-01 as a DINKES clerk sees it: DINKES items editable, DISKOMINFO's read-only. */
export function sampleDetail(): ActionDetail {
  return {
    action: {
      id: 'action-1',
      code: 'RA-01',
      title: 'Sistem pengaduan layanan kesehatan terpadu',
      themeSeq: 1,
      themeName: 'Layanan Publik',
      problem: 'Pengaduan warga tentang layanan kesehatan tersebar dan tidak tercatat.',
      description: 'Satu kanal pengaduan untuk puskesmas dan RSUD, dengan tindak lanjut yang dapat dipantau.',
      contribution: 'Warga dapat melihat status pengaduannya.',
      ogpValues: ['transparansi', 'teknologi_inovasi'],
      leadOpd: DINKES,
      supportingOpds: [DISKOMINFO, RSUD],
      csoPartners: 'Forum Warga Peduli Kesehatan',
      startDate: '2018-07-15',
      endDate: '2019-12-31',
    },
    canEditNarrative: true,
    canAddFor: DINKES,
    milestones: [
      {
        id: 'ms-1',
        seq: 1,
        title: 'Penyusunan SOP pengaduan',
        output: 'SOP pengaduan ditetapkan Kepala Dinas',
        startDate: '2018-07-15',
        endDate: '2018-09-30',
        status: 'selesai',
        opd: DINKES,
        canEdit: true,
        evidence: [fileEvidence('ev-1', 'SK SOP pengaduan')],
      },
      {
        id: 'ms-2',
        seq: 2,
        title: 'Aplikasi pengaduan daring',
        output: 'Aplikasi dapat diakses warga',
        startDate: '2018-08-01',
        endDate: '2019-03-31',
        status: 'substansial',
        opd: DISKOMINFO,
        canEdit: false,
        evidence: [
          {
            id: 'ev-2',
            kind: 'link',
            title: 'Halaman aplikasi',
            fileName: null,
            sha256: null,
            url: `${WEB}://pengaduan.wonosobokab.go.id/`,
            createdAt: '2018-09-01T02:00:00Z',
          },
        ],
      },
    ],
    indicators: [
      {
        id: 'ind-1',
        seq: 1,
        milestoneId: 'ms-1',
        description: 'Persentase penduduk terdaftar UHC',
        unit: '%',
        baseline: 80,
        polarity: 'positif',
        aggregation: 'persentase',
        opd: DINKES,
        canEdit: true,
        targets: { '2018': [80, 82, 84, 90], '2019': [91, null, null, 95] },
        realisations: [
          { year: 2018, quarter: 3, value: 77, notes: 'Data BPJS September', obstacles: 'Data desa terlambat', followUp: 'Rekonsiliasi bulanan', evidence: [fileEvidence('ev-3', 'Rekap BPJS TW III')] },
        ],
        achievement: { ...UHC_ACHIEVEMENT },
      },
      {
        id: 'ind-2',
        seq: 2,
        milestoneId: null,
        description: 'Jumlah pengaduan yang ditindaklanjuti',
        unit: 'pengaduan',
        baseline: null,
        polarity: 'positif',
        aggregation: 'kumulatif',
        opd: DISKOMINFO,
        canEdit: false,
        targets: {},
        realisations: [],
        achievement: achievement(),
      },
    ],
    rollup: rollup(91.66666666666667, 'sangat_tinggi', 2, 1),
    periods: samplePeriods(),
    period: { ...SAMPLE_PERIOD },
    grades: sampleGrades(),
  };
}

export function sampleHistory(): AuditEntry[] {
  return [
    {
      at: '2018-07-15T03:30:00Z',
      actor: 'Sari',
      entity: 'milestone',
      entityId: 'ms-1',
      operation: 'update',
      field: 'title',
      oldValue: 'SOP pengaduan',
      newValue: 'Penyusunan SOP pengaduan',
    },
    {
      at: '2018-07-14T02:00:00Z',
      actor: 'Admin Bappeda',
      entity: 'milestone',
      entityId: 'ms-1',
      operation: 'create',
      field: null,
      oldValue: null,
      newValue: null,
    },
  ];
}

/** DINKES's signature block, as the demo plan's defaults would give it. */
export function sampleReportSettings(): SignatureSettings {
  return {
    place: 'Wonosobo',
    headPosition: 'Kepala Dinas Kesehatan',
    headName: 'dr. Junaedi, M.Kes',
    headNip: '196803121995031002',
  };
}

export const SAMPLE_KEY_FINGERPRINT = '4F2A-91C0-7B3E-D58A';

/** Where the fake save dialog puts DINKES's report for a period. */
export function sampleReportPath(period: PeriodRef): string {
  return `C:\\Users\\staf\\Documents\\laporan-dinkes-${period.year}-tw${period.quarter}.xlsx`;
}

/** The plan package Bappeda sent, as the first start of an OPD previews it. */
export function samplePackagePreview(): PackagePreview {
  return {
    token: 'package-1',
    planTitle: 'Rencana Aksi Daerah Keterbukaan Pemerintah Kabupaten Wonosobo 2018-2019',
    region: 'Kabupaten Wonosobo',
    version: 3,
    opds: [DINSOS, DINKES, DISKOMINFO],
  };
}

/** Where the fake save dialog puts Bappeda's plan package. */
export const SAMPLE_PACKAGE_PATH = 'C:\\Users\\bappeda\\Documents\\paket-rencana-aksi.xlsx';

/** Three OPD reports picked at once, in the order the dialog gave them. */
export function samplePickedFiles(): PickedFile[] {
  return [
    { token: 'file-1', name: 'laporan-dinkes-2019-tw1.xlsx' },
    { token: 'file-2', name: 'laporan-dinsos-2019-tw1.xlsx' },
    { token: 'file-3', name: 'laporan-diskominfo-2019-tw1.xlsx' },
  ];
}

/** DINKES's report for Triwulan I 2019, export number 3, imported. */
export function sampleImported(partial: Partial<Imported> = {}): Imported {
  return {
    opdCode: 'DINKES',
    opdName: 'Dinas Kesehatan',
    periodLabel: 'Triwulan I 2019',
    sequence: 3,
    changed: true,
    keyPinned: false,
    keyFingerprint: SAMPLE_KEY_FINGERPRINT,
    milestones: 2,
    indicators: 1,
    ...partial,
  };
}

/** The reports Bappeda has received so far, newest first. */
export function sampleReceived(): Received[] {
  return [
    {
      id: 'report-dinkes-2019-1-3',
      opdCode: 'DINKES',
      opdName: 'Dinas Kesehatan',
      year: 2019,
      quarter: 1,
      sequence: 3,
      exportedAt: '2019-04-10T02:15:00Z',
      receivedAt: '2019-04-11T03:30:00Z',
      fileName: 'laporan-dinkes-2019-tw1.xlsx',
      keyFingerprint: SAMPLE_KEY_FINGERPRINT,
    },
    {
      id: 'report-dinsos-2018-4-1',
      opdCode: 'DINSOS',
      opdName: 'Dinas Sosial',
      year: 2018,
      quarter: 4,
      sequence: 1,
      exportedAt: '2019-01-14T07:00:00Z',
      receivedAt: null,
      fileName: 'laporan-dinsos-2018-tw4.xlsx',
      keyFingerprint: '9C1D-22E8-0A4B-77F3',
    },
  ];
}

/** "Today" of the sample matrix: 1 May 2019, so TW I 2019 (due 15 April) is overdue. */
export const SAMPLE_MATRIX_TODAY = '2019-05-01';

/**
 * The submission matrix of DINKES, DINSOS and DISKOMINFO over the sample
 * periods, as of SAMPLE_MATRIX_TODAY. DINKES: TW I 2018 verified (no. 1),
 * TW II 2018 late (no. 2), TW I 2019 not yet sent and overdue. DINSOS: TW IV
 * 2018 received (no. 1). DISKOMINFO: TW I and II 2018 received (no. 1, 2).
 */
export function sampleMatrix(): SubmissionMatrix {
  const periods = samplePeriods();
  const sent: Record<string, Record<string, [SubmissionState, number, string]>> = {
    DINKES: {
      '2018-1': ['diverifikasi', 1, '2018-04-12T03:00:00Z'],
      '2018-2': ['terlambat', 2, '2018-07-20T03:00:00Z'],
    },
    DINSOS: { '2018-4': ['diterima', 1, '2019-01-14T07:00:00Z'] },
    DISKOMINFO: {
      '2018-1': ['diterima', 1, '2018-04-10T03:00:00Z'],
      '2018-2': ['diterima', 2, '2018-07-09T03:00:00Z'],
    },
  };
  return {
    periods,
    rows: [DINKES, DINSOS, DISKOMINFO].map((opd) => ({
      opd: { ...opd },
      cells: periods.map((period) => {
        const report = sent[opd.code]?.[`${period.year}-${period.quarter}`];
        return {
          year: period.year,
          quarter: period.quarter,
          state: report?.[0] ?? 'belum',
          sequence: report?.[1] ?? null,
          receivedAt: report?.[2] ?? null,
          overdue: !report && period.dueDate !== null && period.dueDate < SAMPLE_MATRIX_TODAY,
        };
      }),
    })),
  };
}

type Method = keyof Backend;

export interface FakeBackendOptions {
  needsSetup?: boolean;
  /** What planOverview returns once set up; firstStart replaces it by choice. */
  overview?: PlanOverview | null;
  /** The detail every action_detail returns (its action id is kept). */
  detail?: ActionDetail;
  profile?: Profile | null;
  /** What the native open or save dialog does: pick a file, or the user cancels. */
  fileDialog?: 'pick' | 'cancel';
  /** Make a method reject with this value (any shape, as a real rejection could). */
  failures?: Partial<Record<Method, unknown>>;
  /** What pickPackage previews (the dialog picks it unless fileDialog is 'cancel'). */
  packagePreview?: PackagePreview;
  /** What pickReportFiles returns (empty when fileDialog is 'cancel'). */
  pickedFiles?: PickedFile[];
  /**
   * importReport's outcome per token: an Imported, or a rejection. A
   * 'key_changed' rejection turns into the Imported given as `acceptedWithNewKey`
   * (or a sample one) once the clerk accepts the new key. Unlisted tokens import
   * as sampleImported().
   */
  imports?: Record<string, Imported | { error: BackendError; acceptedWithNewKey?: Imported }>;
  /** What receivedReports returns before any import. */
  received?: Received[];
  /** What submissionMatrix returns before any import or verification (sampleMatrix()). */
  matrix?: SubmissionMatrix;
  /** What dashboard returns (sampleSummary(); null = no plan). */
  summary?: RegencySummary | null;
  /** The verifier notes held before the test starts. */
  notes?: ReviewNote[];
  /** The backups beside the database (newest first). */
  backups?: BackupInfo[];
  /** The plan versions taken before the test starts. */
  versions?: VersionSummary[];
}

export interface FakeBackend extends Backend {
  /** Every call made, in order, with its arguments. */
  readonly calls: Array<{ method: Method; args: unknown[] }>;
  /** The calls of one method, as argument lists. */
  callsOf(method: Method): unknown[][];
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function createFakeBackend(options: FakeBackendOptions = {}): FakeBackend {
  let needsSetup = options.needsSetup ?? false;
  let overview = options.overview === undefined ? sampleOverview() : options.overview;
  let profile: Profile | null =
    options.profile === undefined ? (needsSetup ? null : { ...SAMPLE_PROFILE }) : options.profile;
  let detail: ActionDetail = clone(options.detail ?? sampleDetail());
  const undoStack: ActionDetail[] = [];
  const failures = options.failures ?? {};
  const calls: FakeBackend['calls'] = [];
  let nextId = 1;
  let reportSettings = sampleReportSettings();
  let exportSequence = 0;
  let received: Received[] = clone(options.received ?? []);
  const matrix: SubmissionMatrix = clone(options.matrix ?? sampleMatrix());
  const notes: ReviewNote[] = clone(options.notes ?? []);
  let backups: BackupInfo[] = clone(options.backups ?? []);
  const sessions: Session[] = [];
  const versions: VersionSummary[] = clone(options.versions ?? []);

  function bappedaOnly(): void {
    if (profile?.role !== 'bappeda') throw { code: 'forbidden', message: 'Hanya Bappeda yang mencatat sesi ko-kreasi.' };
  }

  function sessionNamed(id: string): Session {
    const found = sessions.find((x) => x.id === id);
    if (!found) throw { code: 'not_found', message: 'Sesi ko-kreasi tidak ditemukan; mungkin sudah dihapus.' };
    return found;
  }

  function allInputs(session: Session): SessionInput[] {
    return session.actions.flatMap((group) => group.inputs);
  }

  function recount(session: Session): Session {
    const inputs = allInputs(session);
    session.inputCount = inputs.length;
    session.respondedCount = inputs.filter((i) => i.response).length;
    return clone(session);
  }

  function backupNamed(fileName: string): BackupInfo {
    const found = backups.find((b) => b.fileName === fileName);
    if (!found) throw { code: 'not_found', message: 'Cadangan tidak ditemukan; mungkin sudah dihapus.' };
    if (!found.usable) throw { code: 'invalid', message: `Cadangan ini tidak dapat dipulihkan: ${found.problem ?? ''}` };
    return found;
  }

  /** What a note's subject is called, as the backend labels it. */
  function subjectLabel(input: NoteInput): string | null {
    const actions = (overview?.themes ?? []).flatMap((theme) => theme.actions);
    if (input.subjectKind === 'action') {
      const action = actions.find((a) => a.id === input.subjectId);
      return action ? `${action.code} ${action.title}` : null;
    }
    if (input.subjectKind === 'indicator') {
      for (const action of actions) {
        const indicator = action.indicators.find((i) => i.id === input.subjectId);
        if (indicator) return `${action.code} · ${indicator.description}`;
      }
      const indicator = detail.indicators.find((i) => i.id === input.subjectId);
      return indicator ? indicator.description : null;
    }
    const report = received.find((r) => r.id === input.subjectId);
    return report ? `Laporan ${report.opdCode} ${report.year}-TW${report.quarter} (no. ${report.sequence})` : null;
  }

  function status(): AppStatus {
    return { needsSetup, dataFile: SAMPLE_DATA_FILE, schemaVersion: 1, appVersion: '0.1.0', profile };
  }

  async function run<T>(method: Method, args: unknown[], body: () => T): Promise<T> {
    calls.push({ method, args });
    if (method in failures) throw failures[method] as BackendError;
    return body();
  }

  function view(period: PeriodRef | null): ActionDetail {
    const shown = clone(detail);
    if (period) shown.period = { ...period };
    return shown;
  }

  /** Apply an edit, remembering the state before it for undo. */
  function edit(period: PeriodRef | null, change: (d: ActionDetail) => void): ActionDetail {
    const before = clone(detail);
    try {
      change(detail);
    } catch (reason) {
      detail = before;
      throw reason;
    }
    undoStack.push(before);
    return view(period);
  }

  function evidenceListOf(d: ActionDetail, target: EvidenceTarget): EvidenceView[] {
    if (target.milestoneId) {
      const milestone = d.milestones.find((m) => m.id === target.milestoneId);
      if (!milestone) throw { code: 'not_found', message: 'Tonggak tidak ditemukan.' };
      return milestone.evidence;
    }
    const indicator = d.indicators.find((i) => i.id === target.indicatorId);
    const realisation = indicator?.realisations.find((r) => r.year === target.year && r.quarter === target.quarter);
    if (!realisation) throw { code: 'not_found', message: 'Realisasi tidak ditemukan.' };
    return realisation.evidence;
  }

  const backend: FakeBackend = {
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method).map((c) => c.args),

    // As the app's: both questions at once. A method, so a test that spreads
    // the fake and replaces appStatus or planOverview is asked through those.
    startup(this: Backend) {
      const answers = { status: this.appStatus(), overview: this.planOverview(null), known: null };
      answers.status.catch(() => undefined);
      answers.overview.catch(() => undefined);
      return answers;
    },
    appStatus: () => run('appStatus', [], status),
    firstStart: (request: FirstStartRequest) =>
      run('firstStart', [request], () => {
        needsSetup = false;
        overview = request.choice === 'empty' ? null : sampleOverview();
        profile = { role: request.role, opdCode: request.opdCode, userName: request.userName.trim() };
        return status();
      }),
    demoOpds: () => run('demoOpds', [], sampleDemoOpds),
    planOverview: (period) =>
      run('planOverview', [period], () => {
        if (!overview) return null;
        const shown = clone(overview);
        if (period) shown.period = { ...period };
        return shown;
      }),

    actionDetail: (actionId, period) =>
      run('actionDetail', [actionId, period], () => {
        const shown = view(period);
        shown.action.id = actionId;
        return shown;
      }),
    saveMilestone: (input, period) =>
      run('saveMilestone', [input, period], () =>
        edit(period, (d) => {
          const existing = d.milestones.find((m) => m.id === input.id);
          if (existing) {
            Object.assign(existing, {
              title: input.title,
              output: input.output,
              startDate: input.startDate,
              endDate: input.endDate,
              status: input.status,
            });
          } else {
            d.milestones.push({
              id: `ms-new-${nextId++}`,
              seq: d.milestones.length + 1,
              title: input.title,
              output: input.output,
              startDate: input.startDate,
              endDate: input.endDate,
              status: input.status,
              opd: d.canAddFor ?? DINKES,
              canEdit: true,
              evidence: [],
            });
          }
        }),
      ),
    deleteMilestone: (id, period) =>
      run('deleteMilestone', [id, period], () =>
        edit(period, (d) => {
          d.milestones = d.milestones.filter((m) => m.id !== id);
        }),
      ),
    saveIndicator: (input, period) =>
      run('saveIndicator', [input, period], () =>
        edit(period, (d) => {
          const fields = {
            milestoneId: input.milestoneId,
            description: input.description,
            unit: input.unit,
            baseline: input.baseline,
            polarity: input.polarity,
            aggregation: input.aggregation,
          };
          const existing = d.indicators.find((i) => i.id === input.id);
          if (existing) {
            Object.assign(existing, fields);
          } else {
            d.indicators.push({
              id: `ind-new-${nextId++}`,
              seq: d.indicators.length + 1,
              ...fields,
              opd: d.canAddFor ?? DINKES,
              canEdit: true,
              targets: {},
              realisations: [],
              achievement: achievement(),
            });
          }
        }),
      ),
    deleteIndicator: (id, period) =>
      run('deleteIndicator', [id, period], () =>
        edit(period, (d) => {
          d.indicators = d.indicators.filter((i) => i.id !== id);
        }),
      ),
    saveTargets: (input, period) =>
      run('saveTargets', [input, period], () =>
        edit(period, (d) => {
          const indicator = d.indicators.find((i) => i.id === input.indicatorId);
          const [q1 = null, q2 = null, q3 = null, q4 = null] = input.values;
          if (indicator) indicator.targets[String(input.year)] = [q1, q2, q3, q4];
        }),
      ),
    saveRealisation: (input, period) =>
      run('saveRealisation', [input, period], () =>
        edit(period, (d) => {
          const indicator = d.indicators.find((i) => i.id === input.indicatorId);
          if (!indicator) return;
          const existing = indicator.realisations.find((r) => r.year === input.year && r.quarter === input.quarter);
          const fields = { value: input.value, notes: input.notes, obstacles: input.obstacles, followUp: input.followUp };
          if (existing) Object.assign(existing, fields);
          else indicator.realisations.push({ year: input.year, quarter: input.quarter, ...fields, evidence: [] });
        }),
      ),
    saveActionNarrative: (input, period) =>
      run('saveActionNarrative', [input, period], () =>
        edit(period, (d) => {
          Object.assign(d.action, {
            problem: input.problem,
            description: input.description,
            contribution: input.contribution,
            ogpValues: [...input.ogpValues],
            csoPartners: input.csoPartners,
          });
        }),
      ),
    addEvidenceFile: (target, actionId, period) =>
      run('addEvidenceFile', [target, actionId, period], () => {
        if (options.fileDialog === 'cancel') return null;
        return edit(period, (d) => {
          evidenceListOf(d, target).push(fileEvidence(`ev-new-${nextId++}`, 'Notulen rapat'));
        });
      }),
    addEvidenceLink: (input, actionId, period) =>
      run('addEvidenceLink', [input, actionId, period], () =>
        edit(period, (d) => {
          evidenceListOf(d, input).push({
            id: `ev-new-${nextId++}`,
            kind: 'link',
            title: input.title,
            fileName: null,
            sha256: null,
            url: input.url,
            createdAt: '2018-10-01T02:00:00Z',
          });
        }),
      ),
    deleteEvidence: (id, actionId, period) =>
      run('deleteEvidence', [id, actionId, period], () =>
        edit(period, (d) => {
          for (const milestone of d.milestones) milestone.evidence = milestone.evidence.filter((e) => e.id !== id);
          for (const indicator of d.indicators) {
            for (const realisation of indicator.realisations) {
              realisation.evidence = realisation.evidence.filter((e) => e.id !== id);
            }
          }
        }),
      ),
    openEvidence: (id) => run('openEvidence', [id], () => undefined),
    history: (entity, entityId) => run('history', [entity, entityId], sampleHistory),
    undoLast: (actionId, period) =>
      run('undoLast', [actionId, period], () => {
        const previous = undoStack.pop();
        if (!previous) return null;
        detail = previous;
        return view(period);
      }),

    reportSettings: () => run('reportSettings', [], () => ({ ...reportSettings })),
    saveReportSettings: (input) =>
      run('saveReportSettings', [input], () => {
        reportSettings = {
          place: input.place.trim(),
          headPosition: input.headPosition.trim(),
          headName: input.headName.trim(),
          headNip: input.headNip.replaceAll(' ', '').trim(),
        };
        return { ...reportSettings };
      }),
    exportReport: (period, paper) =>
      run('exportReport', [period, paper], (): Exported | null => {
        if (options.fileDialog === 'cancel') return null;
        exportSequence += 1;
        return {
          path: sampleReportPath(period),
          opdCode: profile?.opdCode ?? 'DINKES',
          period: { ...period },
          sequence: exportSequence,
          rows: 3,
          keyFingerprint: SAMPLE_KEY_FINGERPRINT,
        };
      }),

    exportPackage: () => run('exportPackage', [], () => (options.fileDialog === 'cancel' ? null : SAMPLE_PACKAGE_PATH)),
    pickReportFiles: () =>
      run('pickReportFiles', [], () => (options.fileDialog === 'cancel' ? [] : clone(options.pickedFiles ?? samplePickedFiles()))),
    importReport: (token, acceptNewKey) =>
      run('importReport', [token, acceptNewKey], (): Imported => {
        const outcome = options.imports?.[token] ?? sampleImported();
        let imported: Imported;
        if ('error' in outcome) {
          if (!(acceptNewKey && outcome.error.code === 'key_changed')) throw outcome.error;
          imported = outcome.acceptedWithNewKey ?? sampleImported({ keyPinned: true });
        } else {
          imported = outcome;
        }
        if (imported.changed) {
          received.unshift({
            id: `report-${token}`,
            opdCode: imported.opdCode,
            opdName: imported.opdName,
            year: 2019,
            quarter: 1,
            sequence: imported.sequence,
            exportedAt: '2019-04-10T02:15:00Z',
            receivedAt: '2019-04-11T03:30:00Z',
            fileName: `${token}.xlsx`,
            keyFingerprint: imported.keyFingerprint,
          });
          // Every import in the fake is TW I 2019, received 11 April 2019: before its due date.
          const cell = matrix.rows
            .find((row) => row.opd.code === imported.opdCode)
            ?.cells.find((c) => c.year === 2019 && c.quarter === 1);
          if (cell) {
            Object.assign(cell, {
              state: 'diterima',
              sequence: imported.sequence,
              receivedAt: '2019-04-11T03:30:00Z',
              overdue: false,
            });
          }
        }
        return clone(imported);
      }),
    receivedReports: () => run('receivedReports', [], () => clone(received)),
    submissionMatrix: () => run('submissionMatrix', [], () => clone(matrix)),
    verifyReport: (opdCode, period) =>
      run('verifyReport', [opdCode, period], () => {
        const cell = matrix.rows
          .find((row) => row.opd.code === opdCode)
          ?.cells.find((c) => c.year === period.year && c.quarter === period.quarter);
        if (!cell || (cell.state !== 'diterima' && cell.state !== 'terlambat')) {
          throw { code: 'invalid', message: 'Belum ada laporan yang dapat diverifikasi untuk triwulan ini.' };
        }
        cell.state = 'diverifikasi';
        return clone(matrix);
      }),
    pickPackage: () =>
      run('pickPackage', [], () => (options.fileDialog === 'cancel' ? null : clone(options.packagePreview ?? samplePackagePreview()))),
    dashboard: (period) =>
      run('dashboard', [period], () => {
        const summary = options.summary === undefined ? sampleSummary() : options.summary;
        return summary ? { ...clone(summary), period: period ?? summary.period } : null;
      }),
    exportRekap: (period, paper) =>
      run('exportRekap', [period, paper], (): RekapWritten | null =>
        options.fileDialog === 'cancel'
          ? null
          : { path: SAMPLE_REKAP_PATH, period: { ...period }, themes: 2, opds: 3, indicators: 3, notes: notes.length },
      ),
    reviewNotes: () => run('reviewNotes', [], () => clone(notes)),
    addReviewNote: (input) =>
      run('addReviewNote', [input], () => {
        if (profile?.role !== 'bappeda') {
          throw { code: 'forbidden', message: 'Hanya Bappeda yang menulis catatan verifikator.' };
        }
        const body = input.body.trim();
        if (!body) throw { code: 'invalid', field: 'body', message: 'Catatan wajib diisi.' };
        const label = subjectLabel(input);
        if (label === null) throw { code: 'not_found', message: 'Yang dicatat tidak ditemukan; mungkin sudah dihapus.' };
        const note: ReviewNote = {
          id: `note-${nextId++}`,
          subjectKind: input.subjectKind,
          subjectId: input.subjectId,
          subjectLabel: label,
          opdCode: '',
          author: profile.userName,
          body,
          createdAt: '2019-07-15T03:00:00Z',
          resolvedAt: null,
        };
        notes.push(note);
        return clone(note);
      }),
    backupsList: () => run('backupsList', [], () => clone(backups)),
    backupNow: () =>
      run('backupNow', [], () => {
        const taken = sampleBackup({
          fileName: `renaksi-20190716T0${backups.length}0000Z-manual.db`,
          kind: 'manual',
          takenAt: `2019-07-16T0${backups.length}:00:00Z`,
        });
        backups = [taken, ...backups];
        return clone(taken);
      }),
    restoreBackup: (fileName) =>
      run('restoreBackup', [fileName], () => {
        const restored = backupNamed(fileName);
        backups = [sampleBackup({ fileName: 'renaksi-20190716T090000Z-sebelum-pulihkan.db', kind: 'before_restore' }), ...backups];
        return clone(restored);
      }),
    recoverFromBackup: (fileName) => run('recoverFromBackup', [fileName], () => clone(backupNamed(fileName))),
    sessionsList: () =>
      run('sessionsList', [], (): SessionSummary[] =>
        sessions.map((x) => ({
          id: x.id,
          title: x.title,
          heldOn: x.heldOn,
          place: x.place,
          participantCount: x.participants.length,
          inputCount: x.inputCount,
          respondedCount: x.respondedCount,
        })),
      ),
    sessionDetail: (id) => run('sessionDetail', [id], () => clone(sessionNamed(id))),
    saveSession: (form) =>
      run('saveSession', [form], () => {
        bappedaOnly();
        if (!form.title.trim()) throw { code: 'invalid', field: 'title', message: 'Judul sesi wajib diisi.' };
        if (!/^\d{4}-\d{2}-\d{2}$/.test(form.heldOn)) {
          throw { code: 'invalid', field: 'heldOn', message: 'Tanggal sesi tidak valid; pilih tanggal dari kalender.' };
        }
        const existing = form.id ? sessionNamed(form.id) : null;
        const session: Session = existing ?? {
          id: `session-${nextId++}`,
          title: '',
          heldOn: '',
          place: '',
          notes: '',
          createdAt: '2018-05-08T02:00:00Z',
          participants: [],
          actions: [],
          inputCount: 0,
          respondedCount: 0,
          canEdit: true,
        };
        Object.assign(session, { title: form.title.trim(), heldOn: form.heldOn, place: form.place.trim(), notes: form.notes.trim() });
        if (!existing) sessions.push(session);
        return recount(session);
      }),
    deleteSession: (id) =>
      run('deleteSession', [id], () => {
        bappedaOnly();
        sessions.splice(sessions.indexOf(sessionNamed(id)), 1);
      }),
    addParticipant: (form) =>
      run('addParticipant', [form], () => {
        bappedaOnly();
        const session = sessionNamed(form.sessionId);
        if (!form.name.trim()) throw { code: 'invalid', field: 'name', message: 'Nama peserta wajib diisi.' };
        session.participants.push({
          id: `participant-${nextId++}`,
          name: form.name.trim(),
          organisation: form.organisation.trim(),
          kind: form.kind,
          opdId: null,
          opdCode: form.kind === 'opd' ? form.opdCode : null,
        });
        return recount(session);
      }),
    removeParticipant: (id, sessionId) =>
      run('removeParticipant', [id, sessionId], () => {
        const session = sessionNamed(sessionId);
        session.participants = session.participants.filter((p) => p.id !== id);
        return recount(session);
      }),
    saveInput: (form) =>
      run('saveInput', [form], () => {
        bappedaOnly();
        const session = sessionNamed(form.sessionId);
        if (!form.body.trim()) throw { code: 'invalid', field: 'body', message: 'Isi masukan wajib diisi.' };
        const action = (overview?.themes ?? []).flatMap((t) => t.actions).find((a) => a.id === form.actionId);
        if (!action) throw { code: 'invalid', field: 'actionId', message: 'Pilih rencana aksi yang dimaksud masukan ini.' };
        let group = session.actions.find((g) => g.actionId === action.id);
        if (!group) {
          group = { actionId: action.id, actionCode: action.code, actionTitle: action.title, inputs: [] };
          session.actions.push(group);
          session.actions.sort((a, b) => a.actionCode.localeCompare(b.actionCode));
        }
        group.inputs.push({
          id: `input-${nextId++}`,
          sessionId: session.id,
          actionId: action.id,
          author: form.author.trim(),
          organisation: form.organisation.trim(),
          body: form.body.trim(),
          createdAt: '2018-05-08T03:00:00Z',
          response: null,
        });
        return recount(session);
      }),
    deleteInput: (id, sessionId) =>
      run('deleteInput', [id, sessionId], () => {
        const session = sessionNamed(sessionId);
        for (const group of session.actions) group.inputs = group.inputs.filter((i) => i.id !== id);
        session.actions = session.actions.filter((g) => g.inputs.length > 0);
        return recount(session);
      }),
    setResponse: (form, sessionId) =>
      run('setResponse', [form, sessionId], () => {
        bappedaOnly();
        const session = sessionNamed(sessionId);
        const input = allInputs(session).find((i) => i.id === form.inputId);
        if (!input) throw { code: 'not_found', message: 'Masukan tidak ditemukan; mungkin sudah dihapus.' };
        if (form.decision !== 'diterima' && !form.reason.trim()) {
          throw { code: 'invalid', field: 'reason', message: 'Tuliskan alasannya.' };
        }
        input.response = {
          decision: form.decision,
          reason: form.reason.trim(),
          respondedBy: profile?.userName ?? '',
          respondedAt: '2018-05-08T04:00:00Z',
        };
        return recount(session);
      }),
    exportBeritaAcara: (sessionId) =>
      run('exportBeritaAcara', [sessionId], (): BeritaAcaraWritten | null => {
        const session = sessionNamed(sessionId);
        return options.fileDialog === 'cancel'
          ? null
          : {
              path: SAMPLE_BERITA_ACARA_PATH,
              sessionTitle: session.title,
              participants: session.participants.length,
              inputs: session.inputCount,
              responded: session.respondedCount,
            };
      }),
    versionsList: () => run('versionsList', [], () => clone(versions)),
    takeVersion: (name) =>
      run('takeVersion', [name], () => {
        bappedaOnly();
        const trimmed = name.trim();
        if (!trimmed) throw { code: 'invalid', field: 'name', message: 'Nama versi wajib diisi.' };
        if (versions.some((v) => v.name === trimmed)) {
          throw { code: 'invalid', field: 'name', message: `Versi "${trimmed}" sudah ada; pakai nama lain.` };
        }
        const version: VersionSummary = {
          id: `version-${nextId++}`,
          name: trimmed,
          createdAt: '2018-07-01T02:00:00Z',
          createdBy: profile?.userName ?? '',
          themes: 2,
          actions: 2,
          milestones: 5,
          indicators: 3,
          targets: 8,
        };
        versions.unshift(version);
        return clone(version);
      }),
    versionDiff: (from, to) =>
      run('versionDiff', [from, to], (): PlanDiff => {
        if (from === to) {
          const same = sampleDiff();
          return { ...same, actionsChanged: [], indicatorsAdded: [], targetsChanged: [], changeCount: 0 };
        }
        return sampleDiff();
      }),
    setReviewNoteResolved: (id, resolved) =>
      run('setReviewNoteResolved', [id, resolved], () => {
        const note = notes.find((n) => n.id === id);
        if (!note) throw { code: 'not_found', message: 'Catatan verifikator tidak ditemukan; mungkin sudah dihapus.' };
        note.resolvedAt = resolved ? '2019-07-16T03:00:00Z' : null;
        return clone(note);
      }),
  };
  return backend;
}
