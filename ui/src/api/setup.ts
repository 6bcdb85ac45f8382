// Commands of src-tauri/src/commands/setup.rs: app status and first start.
import { call } from './invoke';
import type { AppStatus, FirstStartChoice } from './types';

export function appStatus(): Promise<AppStatus> {
  return call<AppStatus>('app_status');
}

export function firstStart(choice: FirstStartChoice): Promise<AppStatus> {
  return call<AppStatus>('first_start', { choice });
}
