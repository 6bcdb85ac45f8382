import { invoke } from '@tauri-apps/api/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppStatus, PlanOverview } from './types';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

const status: AppStatus = {
  needsSetup: false,
  dataFile: '/data/renaksi.db',
  schemaVersion: 2,
  appVersion: '0.1.0',
  profile: { role: 'bappeda', opdCode: null, userName: 'Sri' },
  abilities: null,
};
const overview = { plan: { title: 'RAD Keterbukaan Pemerintah Kabupaten Wonosobo' } } as unknown as PlanOverview;

type TestWindow = Window & { __TAURI_INTERNALS__?: object };

/** startup.ts as the window's first load evaluates it. */
async function loadInTheWindow() {
  vi.resetModules();
  (window as TestWindow).__TAURI_INTERNALS__ = {};
  return import('./startup');
}

describe('the start answers', () => {
  beforeEach(() => {
    vi.mocked(invoke).mockReset();
    vi.mocked(invoke).mockImplementation((command: string) =>
      Promise.resolve(command === 'app_status' ? { ...status, dataFile: '/asked.db' } : null),
    );
  });

  afterEach(() => {
    delete (window as TestWindow).__TAURI_INTERNALS__;
    delete window.__RENAKSI_START__;
    window.sessionStorage.clear();
  });

  it('uses the answers the shell put in the page, without asking', async () => {
    window.__RENAKSI_START__ = { status: { Ok: status }, overview: { Ok: overview } };
    const { startup } = await loadInTheWindow();
    const answers = startup();
    await expect(answers.status).resolves.toEqual(status);
    await expect(answers.overview).resolves.toBe(overview);
    expect(invoke).not.toHaveBeenCalled();
    expect(window.__RENAKSI_START__).toBeUndefined();
  });

  it('gives a refusal from the shell as the error the command would have rejected with', async () => {
    window.__RENAKSI_START__ = {
      status: { Err: { code: 'db_newer', message: 'Basis data dibuat oleh versi yang lebih baru.' } },
      overview: { Ok: null },
    };
    const { startup } = await loadInTheWindow();
    await expect(startup().status).rejects.toEqual({
      code: 'db_newer',
      message: 'Basis data dibuat oleh versi yang lebih baru.',
    });
  });

  it('asks afresh at a later start, so a recovery sees the database as it is now', async () => {
    window.__RENAKSI_START__ = { status: { Ok: status }, overview: { Ok: overview } };
    const { startup } = await loadInTheWindow();
    await startup().status;
    await expect(startup().status).resolves.toMatchObject({ dataFile: '/asked.db' });
    expect(invoke).toHaveBeenCalledWith('app_status', undefined);
    expect(invoke).toHaveBeenCalledWith('plan_overview', { period: null });
  });

  it('asks over IPC as the page loads when the shell gave nothing', async () => {
    const { startup } = await loadInTheWindow();
    expect(invoke).toHaveBeenCalledTimes(2);
    await expect(startup().status).resolves.toMatchObject({ dataFile: '/asked.db' });
    expect(invoke).toHaveBeenCalledTimes(2);
  });

  it('notes that the page has started, so that the shell gives no answers to a reload', async () => {
    await loadInTheWindow();
    expect(window.sessionStorage.getItem('renaksi.pageStarted')).toBe('1');
  });
});
