// A fake Backend with a small sample plan, for unit tests. Never imported by
// main.ts, so it is not part of the built app.
import type { Backend } from '../api/backend';
import type { AppStatus, BackendError, FirstStartChoice, PlanOverview } from '../api/types';

export const SAMPLE_DATA_FILE = 'C:\\Users\\staf\\AppData\\Roaming\\id.renaksi\\renaksi.sqlite3';

/** Themes are deliberately out of seq order: the UI must sort them. */
export function sampleOverview(): PlanOverview {
  return {
    plan: {
      id: 'plan-wonosobo-2018',
      region: 'Kabupaten Wonosobo',
      title: 'Rencana Aksi Daerah Keterbukaan Pemerintah Kabupaten Wonosobo 2018-2019',
      yearStart: 2018,
      yearEnd: 2019,
      version: 1,
      status: 'final',
    },
    themes: [
      {
        id: 'theme-2',
        seq: 2,
        name: 'Keterbukaan Anggaran',
        description: 'Warga dapat membaca dan mengawasi anggaran daerah.',
        actions: [],
      },
      {
        id: 'theme-1',
        seq: 1,
        name: 'Layanan Publik',
        description: 'Layanan kesehatan dan kependudukan yang mudah dijangkau warga.',
        actions: [
          {
            id: 'action-1',
            code: 'RA-01',
            title: 'Sistem pengaduan layanan kesehatan terpadu',
            leadOpd: { code: 'DINKES', name: 'Dinas Kesehatan' },
            supportingOpds: [
              { code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika' },
              { code: 'RSUD', name: 'RSUD KRT Setjonegoro' },
            ],
            ogpValues: ['transparansi', 'teknologi_inovasi'],
            startDate: '2018-07-15',
            endDate: '2019-12-31',
            milestoneCount: 4,
            indicatorCount: 2,
          },
          {
            id: 'action-2',
            code: 'RA-02',
            title: 'Forum warga untuk layanan kependudukan',
            leadOpd: { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
            supportingOpds: [],
            ogpValues: ['partisipasi', 'akuntabilitas'],
            startDate: null,
            endDate: null,
            milestoneCount: 1,
            indicatorCount: 1,
          },
        ],
      },
    ],
  };
}

export interface FakeBackendOptions {
  needsSetup?: boolean;
  /** What planOverview returns once set up; firstStart replaces it by choice. */
  overview?: PlanOverview | null;
  /** Make a method reject with this value (any shape, as a real rejection could). */
  failures?: Partial<Record<keyof Backend, unknown>>;
}

export interface FakeBackend extends Backend {
  /** Every call made, in order, with its arguments. */
  readonly calls: Array<{ method: keyof Backend; args: unknown[] }>;
}

export function createFakeBackend(options: FakeBackendOptions = {}): FakeBackend {
  let needsSetup = options.needsSetup ?? false;
  let overview = options.overview === undefined ? sampleOverview() : options.overview;
  const failures = options.failures ?? {};
  const calls: FakeBackend['calls'] = [];

  function status(): AppStatus {
    return { needsSetup, dataFile: SAMPLE_DATA_FILE, schemaVersion: 1, appVersion: '0.1.0' };
  }

  async function run<T>(method: keyof Backend, args: unknown[], body: () => T): Promise<T> {
    calls.push({ method, args });
    if (method in failures) throw failures[method] as BackendError;
    return body();
  }

  return {
    calls,
    appStatus: () => run('appStatus', [], status),
    firstStart: (choice: FirstStartChoice) =>
      run('firstStart', [choice], () => {
        needsSetup = false;
        overview = choice === 'demo' ? sampleOverview() : null;
        return status();
      }),
    planOverview: () => run('planOverview', [], () => overview),
  };
}
