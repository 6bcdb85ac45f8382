// Commands of src-tauri/src/commands/plan.rs.
import { call } from './invoke';
import type { PlanOverview } from './types';

/** The plan with its themes and actions, or null when the database holds no plan. */
export function planOverview(): Promise<PlanOverview | null> {
  return call<PlanOverview | null>('plan_overview');
}
