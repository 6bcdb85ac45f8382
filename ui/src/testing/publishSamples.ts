// Samples of the Terbitkan screen and the self-assessment, for the fake
// backend: what the core would answer for a small plan.
import type {
  ActionAssessment,
  Assessment,
  AssessmentList,
  AssessmentWritten,
  OpenDataWritten,
  PublishOverview,
  SiteWritten,
  StatusCount,
} from '../api/types';
import { DINKES, DINSOS, DISKOMINFO, RSUD, SAMPLE_PERIOD, sampleOverview } from './samples';

/** Built, not written out: sources must not look like they load anything remote. */
const WEB = 'https';

export const SAMPLE_SITE_FOLDER = '/home/staf/Dokumen/situs-rencana-aksi-2018-2019';
export const SAMPLE_OPEN_DATA_FOLDER = '/home/staf/Dokumen/data-terbuka-2018-2019';

function counts(done: number, substantial: number, limited: number, notStarted: number): StatusCount[] {
  return [
    { status: 'belum_dimulai', count: notStarted },
    { status: 'terbatas', count: limited },
    { status: 'substansial', count: substantial },
    { status: 'selesai', count: done },
  ];
}

export function sampleAssessment(partial: Partial<Assessment> = {}): Assessment {
  return {
    completion: 'substansial',
    openedGovernment: 'besar',
    explanation: 'Aduan layanan kesehatan kini dijawab dalam tiga hari dan rekapnya diumumkan tiap bulan.',
    evidenceLinks: [`${WEB}://wonosobokab.go.id/pengaduan/rekap-2019`],
    recordedBy: 'Admin Bappeda',
    recordedAt: '2019-12-20T03:00:00Z',
    ...partial,
  };
}

/** Two actions of the plan: RA-01 assessed, RA-02 not yet. */
export function sampleAssessmentList(partial: Partial<AssessmentList> = {}): AssessmentList {
  const actions: ActionAssessment[] = [
    {
      actionId: 'action-1',
      code: 'RA-01',
      title: 'Sistem pengaduan layanan kesehatan terpadu',
      themeSeq: 1,
      themeName: 'Pelayanan publik',
      leadOpd: DINKES,
      supportingOpds: [DISKOMINFO, RSUD],
      milestones: counts(1, 2, 1, 0),
      assessment: sampleAssessment(),
    },
    {
      actionId: 'action-2',
      code: 'RA-02',
      title: 'Data terpadu penerima bantuan sosial',
      themeSeq: 2,
      themeName: 'Bantuan sosial',
      leadOpd: DINSOS,
      supportingOpds: [],
      milestones: counts(0, 0, 1, 1),
      assessment: null,
    },
  ];
  return {
    plan: sampleOverview().plan,
    canEdit: true,
    assessedCount: actions.filter((a) => a.assessment).length,
    actions,
    ...partial,
  };
}

export function sampleAssessmentWritten(): AssessmentWritten {
  return { path: '/home/staf/Dokumen/penilaian-mandiri-2018-2019.xlsx', actions: 2, assessed: 1 };
}

export function samplePublishOverview(partial: Partial<PublishOverview> = {}): PublishOverview {
  return {
    plan: sampleOverview().plan,
    readOnly: false,
    dataDate: '2019-12-20',
    period: { ...SAMPLE_PERIOD },
    actions: 2,
    assessed: 1,
    openData: {
      tables: [
        { file: 'rencana_aksi.csv', title: 'Rencana aksi', columns: ['kode', 'judul', 'tema'], rows: 2 },
        { file: 'realisasi.csv', title: 'Realisasi per triwulan', columns: ['indikator', 'tahun', 'triwulan', 'nilai'], rows: 14 },
        {
          file: 'penilaian_mandiri.csv',
          title: 'Penilaian mandiri akhir komitmen (tautan bukti dipisah spasi)',
          columns: ['kode_rencana_aksi', 'penyelesaian', 'membuka_pemerintahan'],
          rows: 1,
        },
      ],
      otherFiles: ['rencana-aksi.json', 'datapackage.json'],
    },
    suggestedFolder: 'situs-rencana-aksi-2018-2019',
    suggestedDataFolder: 'data-terbuka-2018-2019',
    ...partial,
  };
}

export function sampleSiteWritten(): SiteWritten {
  return {
    path: SAMPLE_SITE_FOLDER,
    index: `${SAMPLE_SITE_FOLDER}/index.html`,
    pages: 24,
    files: 41,
    bytes: 1_288_490,
    period: { ...SAMPLE_PERIOD },
  };
}

export function sampleOpenDataWritten(): OpenDataWritten {
  return {
    folder: SAMPLE_OPEN_DATA_FOLDER,
    files: ['rencana_aksi.csv', 'realisasi.csv', 'penilaian_mandiri.csv', 'rencana-aksi.json', 'datapackage.json'],
  };
}
