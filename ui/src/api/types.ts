// The shapes that cross the IPC boundary. They mirror the Rust side's
// serde types exactly (camelCase); change both sides together.

export type PlanStatus = 'draft' | 'final';
export type OgpValue = 'transparansi' | 'partisipasi' | 'akuntabilitas' | 'teknologi_inovasi';

export interface AppStatus {
  needsSetup: boolean;
  dataFile: string;
  schemaVersion: number;
  appVersion: string;
}

export interface PlanSummary {
  id: string;
  region: string;
  title: string;
  yearStart: number;
  yearEnd: number;
  version: number;
  status: PlanStatus;
}

export interface OpdRef {
  code: string;
  name: string;
}

export interface ActionSummary {
  id: string;
  code: string;
  title: string;
  leadOpd: OpdRef;
  supportingOpds: OpdRef[];
  ogpValues: OgpValue[];
  /** "YYYY-MM-DD" */
  startDate: string | null;
  /** "YYYY-MM-DD" */
  endDate: string | null;
  milestoneCount: number;
  indicatorCount: number;
}

export interface ThemeOverview {
  id: string;
  seq: number;
  name: string;
  description: string;
  actions: ActionSummary[];
}

export interface PlanOverview {
  plan: PlanSummary;
  themes: ThemeOverview[];
}

export type FirstStartChoice = 'demo' | 'empty';

/** Every failed command rejects with this; `message` is meant for the clerk. */
export interface BackendError {
  code: string;
  message: string;
}
