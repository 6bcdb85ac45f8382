// Commands of src-tauri/src/commands/versions.rs: named snapshots of the plan
// and what changed between two.
import { call } from './invoke';
import type { PlanDiff, VersionList, VersionSummary } from './types';

export function versionsList(): Promise<VersionList> {
  return call<VersionList>('versions_list');
}

export function takeVersion(name: string): Promise<VersionSummary> {
  return call<VersionSummary>('take_version', { name });
}

/** `to` null: compared with the plan as it is now. */
export function versionDiff(from: string, to: string | null): Promise<PlanDiff> {
  return call<PlanDiff>('version_diff', { from, to });
}
