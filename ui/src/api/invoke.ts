// The one wrapper around Tauri's invoke: every rejection leaves this file as a
// BackendError, whatever shape it arrived in.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';
import type { BackendError, UnconfirmedKey } from './types';

/** Code used when a rejection did not come from one of our commands. */
export const UNEXPECTED_ERROR = 'unexpected';

function isBackendError(value: unknown): value is BackendError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}

function fieldOf(value: BackendError): string | null {
  const field = (value as unknown as Record<string, unknown>).field;
  return typeof field === 'string' && field !== '' ? field : null;
}

/** The key a `key_unconfirmed` refusal asks about, when it has the shape. */
function keyOf(value: BackendError): UnconfirmedKey | null {
  const key = (value as unknown as Record<string, unknown>).key;
  if (typeof key !== 'object' || key === null) return null;
  const candidate = key as Record<string, unknown>;
  const texts = ['opdCode', 'opdName', 'words', 'fingerprint'].every((name) => typeof candidate[name] === 'string');
  return texts && (candidate.change === 'first' || candidate.change === 'changed') ? (key as UnconfirmedKey) : null;
}

/**
 * Normalise anything a command (or a fake backend) may reject with.
 * Our commands reject with `{code, message}`; Tauri itself rejects with a
 * string (e.g. an unknown command), and JavaScript with an Error.
 * An empty message means "nothing readable": the UI shows its own sentence.
 * A validation error keeps the `field` it names, so a form can show the
 * message next to that input; a key refusal keeps the `key` it asks about.
 */
export function toBackendError(reason: unknown): BackendError {
  if (isBackendError(reason)) {
    const field = fieldOf(reason);
    const key = keyOf(reason);
    return {
      code: reason.code,
      message: reason.message,
      ...(field ? { field } : {}),
      ...(key ? { key } : {}),
    };
  }
  if (typeof reason === 'string') return { code: UNEXPECTED_ERROR, message: reason };
  if (reason instanceof Error) return { code: UNEXPECTED_ERROR, message: reason.message };
  return { code: UNEXPECTED_ERROR, message: '' };
}

/** Run a Tauri command; rejects with a BackendError. */
export async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toBackendError(reason);
  }
}
