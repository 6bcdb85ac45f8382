// The two questions every start of the window asks. The desktop shell puts
// their answers in the page before any script runs (see main_window.rs), so
// the first frame can show the plan; otherwise they are asked over IPC as
// soon as this module runs: main.ts imports it first, so the answers travel
// while the rest of the UI's code is evaluated and mounted.
import { toBackendError } from './invoke';
import { planOverview } from './plan';
import { appStatus } from './setup';
import type { AppStatus, BackendError, GivenAnswers, PlanOverview } from './types';

export interface StartAnswers {
  status: Promise<AppStatus>;
  /** Not used before the first start (there is no plan yet). */
  overview: Promise<PlanOverview | null>;
  /** Both answers already at hand (the shell gave them, neither failed): the first frame can show them. */
  known: KnownAnswers | null;
}

export interface KnownAnswers {
  status: AppStatus;
  overview: PlanOverview | null;
}

declare global {
  interface Window {
    __RENAKSI_START__?: GivenAnswers;
  }
}

/** One answer as the shell gives it (serde's form of a Result): what the command would have returned or rejected with. */
function settled<T>(answer: { Ok: T } | { Err: BackendError }): Promise<T> {
  return 'Ok' in answer ? Promise.resolve(answer.Ok) : Promise.reject(toBackendError(answer.Err));
}

/** The answers the shell put in the page, taken once: a later start asks afresh. */
function given(): StartAnswers | null {
  const answers = window.__RENAKSI_START__;
  if (answers === undefined) return null;
  delete window.__RENAKSI_START__;
  const known =
    'Ok' in answers.status && 'Ok' in answers.overview
      ? { status: answers.status.Ok, overview: answers.overview.Ok }
      : null;
  return quiet({ status: settled(answers.status), overview: settled(answers.overview), known });
}

function ask(): StartAnswers {
  return quiet({ status: appStatus(), overview: planOverview(null), known: null });
}

// Whoever uses an answer handles its failure; an unused one is dropped.
function quiet(answers: StartAnswers): StartAnswers {
  answers.status.catch(() => undefined);
  answers.overview.catch(() => undefined);
  return answers;
}

/** Read by the shell's script (main_window.rs): once the page has started, a reload asks afresh. */
const STARTED_KEY = 'renaksi.pageStarted';

function markStarted(): void {
  try {
    window.sessionStorage.setItem(STARTED_KEY, '1');
  } catch {
    // Without storage the shell's script gives nothing either: every start asks over IPC.
  }
}

function firstAnswers(): StartAnswers {
  const answers = given() ?? ask();
  markStarted();
  return answers;
}

// Only in the app's window: a test importing the backend asks nothing.
let early: StartAnswers | null = '__TAURI_INTERNALS__' in window ? firstAnswers() : null;

/** The answers given or asked at load the first time; asked afresh after (a start again after a recovery). */
export function startup(): StartAnswers {
  const answers = early ?? ask();
  early = null;
  return answers;
}
