// Commands of src-tauri/src/commands/setup.rs: app status, first start and
// the OPDs of the demo plan (for choosing a profile before it is loaded).
import { call } from './invoke';
import type { AppStatus, FirstStartRequest, OpdRef } from './types';

export function appStatus(): Promise<AppStatus> {
  return call<AppStatus>('app_status');
}

export function firstStart(request: FirstStartRequest): Promise<AppStatus> {
  return call<AppStatus>('first_start', { request });
}

export function demoOpds(): Promise<OpdRef[]> {
  return call<OpdRef[]>('demo_opds');
}
