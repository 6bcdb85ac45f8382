import { invoke } from '@tauri-apps/api/core';
import { describe, expect, it, vi } from 'vitest';
import { call, toBackendError, UNEXPECTED_ERROR } from './invoke';
import { firstStart } from './setup';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

describe('toBackendError', () => {
  it('keeps a {code, message} rejection from our commands', () => {
    expect(toBackendError({ code: 'db_newer', message: 'Perbarui aplikasi.', extra: 1 })).toEqual({
      code: 'db_newer',
      message: 'Perbarui aplikasi.',
    });
  });

  it('wraps the string rejections that Tauri itself makes', () => {
    expect(toBackendError('command plan_overview not found')).toEqual({
      code: UNEXPECTED_ERROR,
      message: 'command plan_overview not found',
    });
  });

  it('wraps an Error, and anything else with an empty message', () => {
    expect(toBackendError(new TypeError('boom'))).toEqual({ code: UNEXPECTED_ERROR, message: 'boom' });
    expect(toBackendError(undefined)).toEqual({ code: UNEXPECTED_ERROR, message: '' });
    expect(toBackendError({ code: 7, message: null })).toEqual({ code: UNEXPECTED_ERROR, message: '' });
  });
});

describe('call', () => {
  it('passes the command and arguments to Tauri', async () => {
    vi.mocked(invoke).mockResolvedValueOnce({ needsSetup: false });
    await firstStart('demo');
    expect(invoke).toHaveBeenCalledWith('first_start', { choice: 'demo' });
  });

  it('rejects with a BackendError whatever Tauri rejected with', async () => {
    vi.mocked(invoke).mockRejectedValueOnce('window.__TAURI_INTERNALS__ is undefined');
    await expect(call('app_status')).rejects.toEqual({
      code: UNEXPECTED_ERROR,
      message: 'window.__TAURI_INTERNALS__ is undefined',
    });
  });
});
