// Commands of src-tauri/src/commands/plan.rs.
import { call } from './invoke';
import type { PeriodRef, PlanOverview } from './types';

/**
 * The plan with its themes, actions and their capaian for `period` (null =
 * the backend's default period), or null when the database holds no plan.
 */
export function planOverview(period: PeriodRef | null): Promise<PlanOverview | null> {
  return call<PlanOverview | null>('plan_overview', { period });
}
