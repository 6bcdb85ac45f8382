// Commands of src-tauri/src/commands/planning.rs: Bappeda's plan editor (a new
// plan, its status and version, the quarters) and the plan switcher.
import { call } from './invoke';
import type { NewPlan, PeriodChange, PeriodDue, PlanList, StatusChange } from './types';

export function planList(): Promise<PlanList> {
  return call<PlanList>('plan_list');
}

export function createPlan(input: NewPlan): Promise<PlanList> {
  return call<PlanList>('create_plan', { input });
}

export function setPlanStatus(change: StatusChange): Promise<PlanList> {
  return call<PlanList>('set_plan_status', { change });
}

export function setPeriodDue(input: PeriodDue): Promise<PlanList> {
  return call<PlanList>('set_period_due', { input });
}

export function closePeriod(input: PeriodChange): Promise<PlanList> {
  return call<PlanList>('close_period', { input });
}

export function reopenPeriod(input: PeriodChange): Promise<PlanList> {
  return call<PlanList>('reopen_period', { input });
}

/** Every screen shows this plan from now on; an earlier plan is read-only. */
export function viewPlan(planId: string): Promise<PlanList> {
  return call<PlanList>('view_plan', { planId });
}

/** Undoes the last change saved in this window; null when there is none. */
export function undoPlanChange(): Promise<PlanList | null> {
  return call<PlanList | null>('undo_plan_change');
}
