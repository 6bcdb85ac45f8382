// Sample data for unit tests: a small plan as the backend would answer it.
// Plain values only; what a command answers is up to the test (fakeBackend.ts).
// Never imported by main.ts, so it is not part of the built app.
import type {
  Abilities,
  Achievement,
  ActionDetail,
  ActionSummary,
  AppStatus,
  AuditEntry,
  BackendError,
  BackupInfo,
  BeritaAcaraWritten,
  BundleImported,
  EvidenceView,
  Exported,
  FeedbackStatus,
  FeedbackWritten,
  GradeBand,
  Imported,
  NoteReply,
  OpdRef,
  OwnKey,
  PackagePreview,
  Period,
  PeriodRef,
  PickedFile,
  PlanDiff,
  PlanList,
  PlanOverview,
  PlanStructure,
  Profile,
  Received,
  ReceivedNote,
  RegencySummary,
  RekapWritten,
  ReviewNote,
  Rollup,
  Session,
  SessionSummary,
  SignatureSettings,
  StatusCount,
  SubmissionMatrix,
  SubmissionState,
  TakenFeedback,
  TemplatePreview,
  TemplateWritten,
  UnconfirmedKey,
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
export const SAMPLE_BAPPEDA_PROFILE: Profile = { role: 'bappeda', opdCode: null, userName: 'Admin Bappeda' };

/** What the core answers an OPD may do (`access::Abilities`). */
export const SAMPLE_OPD_ABILITIES: Abilities = {
  publishPackage: false,
  importReports: false,
  verifyReports: false,
  writeReviewNotes: false,
  exportRekap: false,
  recordSessions: false,
  saveVersions: false,
  exportReport: true,
  takePackage: true,
  writeFeedback: false,
  takeFeedback: true,
  editPlan: false,
  recordAssessment: false,
  publishSite: false,
  readOnly: false,
};

/** What the core answers Bappeda may do. */
export const SAMPLE_BAPPEDA_ABILITIES: Abilities = {
  publishPackage: true,
  importReports: true,
  verifyReports: true,
  writeReviewNotes: true,
  exportRekap: true,
  recordSessions: true,
  saveVersions: true,
  exportReport: false,
  takePackage: false,
  writeFeedback: true,
  takeFeedback: false,
  editPlan: true,
  recordAssessment: true,
  publishSite: true,
  readOnly: false,
};

/** Who works here as the app status says it: the profile and what it may do. */
export const SAMPLE_OPD = { profile: SAMPLE_PROFILE, abilities: SAMPLE_OPD_ABILITIES } as const;
export const SAMPLE_BAPPEDA = { profile: SAMPLE_BAPPEDA_PROFILE, abilities: SAMPLE_BAPPEDA_ABILITIES } as const;

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
export function samplePeriods(): Period[] {
  const periods: Period[] = [];
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

/** The plans of a database that started its next plan: 2020-2022 (draft, viewed) and the demo 2018-2019. */
export function samplePlanList(): PlanList {
  const next = {
    id: 'plan-wonosobo-2020',
    region: 'Kabupaten Wonosobo',
    title: 'Rencana Aksi Daerah Keterbukaan Pemerintah Kabupaten Wonosobo 2020-2022',
    yearStart: 2020,
    yearEnd: 2022,
    version: 1,
    status: 'draft' as const,
    adoptedOn: null,
  };
  const periods: Period[] = [];
  for (const year of [2020, 2021, 2022]) {
    for (const quarter of [1, 2, 3, 4] as const) {
      const due = quarter === 4 ? `${year + 1}-01-10` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-10`;
      periods.push({ year, quarter, dueDate: due, closed: year === 2020 && quarter === 1 });
    }
  }
  return {
    plans: [
      { plan: next, active: true, viewed: true, first: { year: 2020, quarter: 1 }, last: { year: 2022, quarter: 4 } },
      {
        plan: { ...sampleOverview().plan },
        active: false,
        viewed: false,
        first: { year: 2018, quarter: 1 },
        last: { year: 2019, quarter: 4 },
      },
    ],
    periods,
    canCreate: true,
    canEdit: true,
  };
}

/** A database with no plan yet, at Bappeda ("Mulai kosong"). */
export function sampleEmptyPlanList(): PlanList {
  return { plans: [], periods: [], canCreate: true, canEdit: false };
}

export const SAMPLE_PERIOD: PeriodRef = { year: 2018, quarter: 3 };

export function achievement(partial: Partial<Achievement> = {}): Achievement {
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

export function rollup(percent: number | null, grade: Rollup['grade'], indicatorCount: number, measuredCount: number): Rollup {
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
    readOnly: false,
    plans: [{ id: 'plan-wonosobo-2018', yearStart: 2018, yearEnd: 2019, active: true }],
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
    archived: { themes: [], actions: [] },
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

/** Bappeda's key, as a package shows it. */
export const SAMPLE_BAPPEDA_KEY_WORDS = 'candi ombak jati kenari garuda lontar sawah tugu';
/** Bappeda's key after a rotation. */
export const SAMPLE_BAPPEDA_NEW_KEY_WORDS = 'durian elang perahu angsa mangga rebana kabut nila';

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
    keyFingerprint: SAMPLE_KEY_WORDS,
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

export function fileEvidence(id: string, title: string): EvidenceView {
  return {
    id,
    kind: 'file',
    title,
    fileName: `${title}.pdf`,
    sha256: '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea',
    url: null,
    createdAt: '2018-08-01T02:00:00Z',
    awaitingFile: false,
    opensDirectly: true,
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
      archived: null,
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
        archived: false,
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
        archived: false,
        evidence: [
          {
            id: 'ev-2',
            kind: 'link',
            title: 'Halaman aplikasi',
            fileName: null,
            sha256: null,
            url: `${WEB}://pengaduan.wonosobokab.go.id/`,
            createdAt: '2018-09-01T02:00:00Z',
            awaitingFile: false,
            opensDirectly: false,
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
        archived: false,
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
        archived: false,
        targets: {},
        realisations: [],
        achievement: achievement(),
      },
    ],
    rollup: rollup(91.66666666666667, 'sangat_tinggi', 2, 1),
    // As the core answers the sample OPD: its closed quarters are locked.
    periods: samplePeriods().map((p) => ({ ...p, locked: p.closed })),
    period: { ...SAMPLE_PERIOD },
    grades: sampleGrades(),
    notes: [],
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
/** The same fingerprint as the eight words a clerk reads aloud. */
export const SAMPLE_KEY_WORDS = 'garuda kopi bintang mangga rotan cicak hujan sawah';

/** This OPD's own key, as its report screen shows it. */
export function sampleOwnKey(): OwnKey {
  return { words: SAMPLE_KEY_WORDS, fingerprint: SAMPLE_KEY_FINGERPRINT };
}

/** The refusal of a report whose OPD's key is not confirmed yet (first or changed). */
export function sampleKeyRefusal(partial: Partial<UnconfirmedKey> = {}): BackendError {
  const key: UnconfirmedKey = {
    opdCode: 'DINSOS',
    opdName: 'Dinas Sosial',
    words: SAMPLE_KEY_WORDS,
    fingerprint: SAMPLE_KEY_FINGERPRINT,
    change: 'first',
    heldSince: null,
    ...partial,
  };
  return {
    code: 'key_unconfirmed',
    message: `Laporan ${key.opdName} (${key.opdCode}) ditandatangani dengan kunci yang belum pernah dikonfirmasi Bappeda.`,
    key,
  };
}

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
    keyFingerprint: SAMPLE_BAPPEDA_KEY_WORDS,
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
    keyAccepted: null,
    keyFingerprint: SAMPLE_KEY_FINGERPRINT,
    keyWords: SAMPLE_KEY_WORDS,
    milestones: 2,
    indicators: 1,
    replies: 0,
    skippedReplies: [],
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
          firstReceivedAt: null,
          // Exported the day before it arrived.
          exportedAt: report ? new Date(Date.parse(report[2]) - 86_400_000).toISOString().replace('.000', '') : null,
          overdue: !report && period.dueDate !== null && period.dueDate < SAMPLE_MATRIX_TODAY,
        };
      }),
    })),
  };
}

/** The app's status: set up (unless `needsSetup`), as DINKES's clerk by default. */
export function sampleStatus(partial: Partial<AppStatus> = {}): AppStatus {
  const needsSetup = partial.needsSetup ?? false;
  return {
    needsSetup,
    dataFile: SAMPLE_DATA_FILE,
    schemaVersion: 1,
    appVersion: '0.1.0',
    profile: needsSetup ? null : { ...SAMPLE_PROFILE },
    abilities: needsSetup ? null : { ...SAMPLE_OPD_ABILITIES },
    ...partial,
  };
}

/** DINKES's report for a period, export number `sequence`, as written. */
export function sampleExported(period: PeriodRef = SAMPLE_PERIOD, sequence = 1): Exported {
  return {
    path: sampleReportPath(period),
    opdCode: 'DINKES',
    period: { ...period },
    sequence,
    rows: 3,
    keyFingerprint: SAMPLE_KEY_FINGERPRINT,
    evidence: null,
  };
}

/** An evidence bundle that brought its one file. */
export function sampleBundleImported(): BundleImported {
  return { fileName: 'laporan-dinkes-2018-tw3.bukti.zip', received: 1, rows: 1, changed: true, refused: [] };
}

/** The rekap of the sample period, as written. */
export function sampleRekapWritten(period: PeriodRef = SAMPLE_PERIOD): RekapWritten {
  return { path: SAMPLE_REKAP_PATH, period: { ...period }, themes: 2, opds: 3, indicators: 3, notes: 0 };
}

/** A co-creation session just recorded by Bappeda, with nobody and nothing in it yet. */
export function sampleSession(partial: Partial<Session> = {}): Session {
  return {
    id: 'session-1',
    title: 'Konsultasi publik rencana aksi',
    heldOn: '2018-05-08',
    place: 'Aula Bappeda',
    notes: '',
    createdAt: '2018-05-08T02:00:00Z',
    participants: [],
    actions: [],
    inputCount: 0,
    respondedCount: 0,
    canEdit: true,
    ...partial,
  };
}

/** How the session list shows a session. */
export function sessionSummary(session: Session): SessionSummary {
  return {
    id: session.id,
    title: session.title,
    heldOn: session.heldOn,
    place: session.place,
    participantCount: session.participants.length,
    inputCount: session.inputCount,
    respondedCount: session.respondedCount,
  };
}

/** The berita acara of a session, as written. */
export function sampleBeritaAcara(session: Session = sampleSession()): BeritaAcaraWritten {
  return {
    path: SAMPLE_BERITA_ACARA_PATH,
    sessionTitle: session.title,
    participants: session.participants.length,
    inputs: session.inputCount,
    responded: session.respondedCount,
  };
}

/** A verifier note by Bappeda on RA-01, still open. */
export function sampleNote(partial: Partial<ReviewNote> = {}): ReviewNote {
  return {
    id: 'note-1',
    subjectKind: 'action',
    subjectId: 'action-1',
    subjectLabel: 'RA-01 Sistem pengaduan layanan kesehatan terpadu',
    opdCode: '',
    author: 'Admin Bappeda',
    body: 'Lengkapi bukti tonggak kedua.',
    createdAt: '2019-07-15T03:00:00Z',
    resolvedAt: null,
    replies: [],
    ...partial,
  };
}

/** An OPD's reply (tanggapan) to a note; `receivedAt` null: not yet at Bappeda. */
export function sampleReply(partial: Partial<NoteReply> = {}): NoteReply {
  return {
    id: 'reply-1',
    author: 'Sari',
    body: 'Bukti tonggak kedua sudah diunggah.',
    createdAt: '2019-07-16T02:00:00Z',
    receivedAt: null,
    ...partial,
  };
}

/** A note DINKES received in Bappeda's feedback file: on RA-01 (the sample detail's action), open. */
export function sampleReceivedNote(partial: Partial<ReceivedNote> = {}): ReceivedNote {
  return {
    id: 'note-1',
    subjectKind: 'action',
    subjectId: 'action-1',
    subjectLabel: 'RA-01 Sistem pengaduan layanan kesehatan terpadu',
    reportSequence: null,
    author: 'Admin Bappeda',
    body: 'Lengkapi bukti tonggak kedua.',
    createdAt: '2019-07-15T03:00:00Z',
    resolvedAt: null,
    replies: [],
    canReply: true,
    ...partial,
  };
}

/** A note on the sample detail's first indicator (ind-1). */
export function sampleIndicatorNote(partial: Partial<ReceivedNote> = {}): ReceivedNote {
  return sampleReceivedNote({
    id: 'note-2',
    subjectKind: 'indicator',
    subjectId: 'ind-1',
    subjectLabel: 'RA-01 · Persentase penduduk terdaftar UHC',
    body: 'Realisasi TW III belum disertai data BPJS.',
    createdAt: '2019-07-15T03:10:00Z',
    ...partial,
  });
}

export const SAMPLE_FEEDBACK_PATH = '/home/staf/Dokumen/umpan-balik-DINKES-1563159600.xlsx';

/** Bappeda's feedback file for DINKES, as written. */
export function sampleFeedbackWritten(partial: Partial<FeedbackWritten> = {}): FeedbackWritten {
  return {
    path: SAMPLE_FEEDBACK_PATH,
    opdCode: 'DINKES',
    opdName: 'Dinas Kesehatan',
    sequence: 1563159600,
    number: 2,
    reports: 2,
    notes: 3,
    openNotes: 2,
    replies: 1,
    ...partial,
  };
}

/** What taking the sample feedback file did at DINKES. */
export function sampleTakenFeedback(partial: Partial<TakenFeedback> = {}): TakenFeedback {
  return {
    changed: true,
    sequence: 1563159600,
    number: 2,
    writtenAt: '2019-07-15T03:00:00Z',
    reports: 2,
    notes: 3,
    openNotes: 2,
    quartersChanged: 1,
    quarterChanges: ['Batas waktu Triwulan II 2019: 31 Juli 2019'],
    quartersOlder: false,
    repliesReceived: 1,
    keyChange: null,
    ...partial,
  };
}

/** The last feedback file DINKES took. */
export function sampleFeedbackStatus(partial: Partial<FeedbackStatus> = {}): FeedbackStatus {
  return {
    sequence: 1563159600,
    number: 2,
    writtenAt: '2019-07-15T03:00:00Z',
    takenAt: '2019-07-16T01:00:00Z',
    keyFingerprint: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
    ...partial,
  };
}

/** A plan version Bappeda took. */
export function sampleVersion(partial: Partial<VersionSummary> = {}): VersionSummary {
  return {
    id: 'version-1',
    name: 'Draf',
    createdAt: '2018-06-20T02:00:00Z',
    createdBy: 'Admin Bappeda',
    themes: 2,
    actions: 2,
    milestones: 5,
    indicators: 3,
    targets: 8,
    ...partial,
  };
}

/** The plan's structure as Bappeda's editor reads it: three OPDs (one archived), two themes, two actions (one archived). */
export function sampleStructure(): PlanStructure {
  const plan = sampleOverview().plan;
  const archived = { at: '2019-02-01T03:00:00Z', reason: 'Digabung ke RA-01' };
  return {
    plan: { ...plan, status: 'draft' },
    canEdit: true,
    canEditNewNarrative: true,
    opds: [
      {
        id: 'opd-dinkes',
        code: 'DINKES',
        name: 'Dinas Kesehatan',
        shortName: 'Dinkes',
        headName: 'dr. Junaedi, M.Kes',
        headTitle: 'Kepala Dinas Kesehatan',
        headNip: '196501011992031007',
        archived: null,
        inUse: true,
        activeActions: ['RA-01'],
      },
      {
        id: 'opd-diskominfo',
        code: 'DISKOMINFO',
        name: 'Dinas Komunikasi dan Informatika',
        shortName: 'Diskominfo',
        headName: '',
        headTitle: '',
        headNip: '',
        archived: null,
        inUse: false,
        activeActions: [],
      },
      {
        id: 'opd-rsud',
        code: 'RSUD',
        name: 'RSUD KRT Setjonegoro',
        shortName: '',
        headName: '',
        headTitle: '',
        headNip: '',
        archived: { at: '2019-01-10T03:00:00Z', reason: 'Menjadi BLUD' },
        inUse: true,
        activeActions: [],
      },
    ],
    themes: [
      { id: 'theme-1', seq: 1, name: 'Layanan Publik', description: 'Layanan yang mudah dijangkau warga.', archived: null, inUse: true, activeActions: 1 },
      { id: 'theme-2', seq: 2, name: 'Keterbukaan Anggaran', description: '', archived: null, inUse: false, activeActions: 0 },
    ],
    actions: [
      {
        id: 'action-1',
        themeId: 'theme-1',
        code: 'RA-01',
        title: 'Sistem pengaduan layanan kesehatan terpadu',
        leadOpdId: 'opd-dinkes',
        supportingOpdIds: ['opd-diskominfo'],
        startDate: '2018-07-15',
        endDate: '2019-12-31',
        problem: 'Pengaduan warga tersebar.',
        description: '',
        contribution: '',
        ogpValues: ['transparansi'],
        csoPartners: '',
        archived: null,
        inUse: true,
        canEditNarrative: true,
      },
      {
        id: 'action-2',
        themeId: 'theme-1',
        code: 'RA-02',
        title: 'Forum warga untuk layanan kesehatan',
        leadOpdId: 'opd-dinkes',
        supportingOpdIds: [],
        startDate: null,
        endDate: null,
        problem: '',
        description: '',
        contribution: '',
        ogpValues: [],
        csoPartners: '',
        archived,
        inUse: true,
        canEditNarrative: true,
      },
    ],
  };
}

/** A plan template written by exportPlanTemplate. */
export function sampleTemplateWritten(partial: Partial<TemplateWritten> = {}): TemplateWritten {
  return {
    path: '/home/admin/Dokumen/template-rencana-aksi-wonosobo-2018-2019.xlsx',
    empty: false,
    opds: 9,
    themes: 5,
    actions: 8,
    indicators: 20,
    ...partial,
  };
}

/** A picked plan template. */
export function samplePickedTemplate(): PickedFile {
  return { token: 'template-1', name: 'template-rencana-aksi.xlsx' };
}

/** What importing a template would do: one action added, one changed, one archived. */
export function sampleTemplatePreview(partial: Partial<TemplatePreview> = {}): TemplatePreview {
  return {
    fileName: 'template-rencana-aksi.xlsx',
    problems: [],
    problemCount: 0,
    createsPlan: false,
    added: [{ kind: 'action', label: 'RA-09 Open data kependudukan', fields: [] }],
    changed: [
      {
        kind: 'action',
        label: 'RA-01 Jaminan Kesehatan Semesta',
        fields: [{ field: 'Judul', old: 'Penyiapan Jaminan Kesehatan', new: 'Jaminan Kesehatan Semesta' }],
      },
    ],
    archived: [{ kind: 'action', label: 'RA-08 Perizinan daring', fields: [] }],
    deleted: [],
    kept: [],
    ...partial,
  };
}
