// The two questions every start of the window asks, sent as soon as this
// module runs: main.ts imports it first, so the answers travel while the rest
// of the UI's code is evaluated and mounted.
import { planOverview } from './plan';
import { appStatus } from './setup';
import type { AppStatus, PlanOverview } from './types';

export interface StartAnswers {
  status: Promise<AppStatus>;
  /** Not used before the first start (there is no plan yet). */
  overview: Promise<PlanOverview | null>;
}

function ask(): StartAnswers {
  const answers = { status: appStatus(), overview: planOverview(null) };
  // Whoever uses an answer handles its failure; an unused one is dropped.
  answers.status.catch(() => undefined);
  answers.overview.catch(() => undefined);
  return answers;
}

// Only in the app's window: a test importing the backend asks nothing.
let early: StartAnswers | null = '__TAURI_INTERNALS__' in window ? ask() : null;

/** The answers asked at load the first time; asked afresh after (a start again after a recovery). */
export function startup(): StartAnswers {
  const answers = early ?? ask();
  early = null;
  return answers;
}
