// The Backend interface is all a view knows about the Rust side. main.ts
// provides the Tauri implementation; tests provide a fake under the same key.
import { inject, type InjectionKey } from 'vue';
import { planOverview } from './plan';
import { appStatus, firstStart } from './setup';
import type { AppStatus, FirstStartChoice, PlanOverview } from './types';

export { toBackendError } from './invoke';

/** Every method rejects with a BackendError. */
export interface Backend {
  appStatus(): Promise<AppStatus>;
  firstStart(choice: FirstStartChoice): Promise<AppStatus>;
  planOverview(): Promise<PlanOverview | null>;
}

export const tauriBackend: Backend = {
  appStatus,
  firstStart,
  planOverview,
};

export const backendKey: InjectionKey<Backend> = Symbol('backend');

export function useBackend(): Backend {
  const backend = inject(backendKey);
  if (!backend) throw new Error('No Backend provided: provide one under backendKey.');
  return backend;
}
