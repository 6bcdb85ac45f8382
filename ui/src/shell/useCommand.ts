// One command at a time, the same way on every screen: busy while it runs
// (buttons wait, back waits), a validation error about one of the form's
// `fields` comes back to that field, any other error goes to the screen's
// alert, and what was done is announced in the screen's status line
// (`message`, read out by screen readers through role="status").
//
// `run` refuses to start while a command runs. `latest` is for reads that may
// be asked again before the first answer (a matrix reloaded after an import,
// another history opened): it always starts, and only the newest one's answer
// or error counts. The only `toBackendError` outside src/api is here.
import { computed, onUnmounted, reactive, ref } from 'vue';
import { toBackendError } from '../api/backend';
import { INVALID, type BackendError } from '../api/types';

export interface CommandOptions {
  /** How long an announcement stays; by default until the next command. */
  announceMs?: number;
}

export function useCommand(fields: readonly string[] = [], options: CommandOptions = {}) {
  const running = ref(0);
  const busy = computed(() => running.value > 0);
  const error = ref<BackendError | null>(null);
  const fieldErrors = reactive<Record<string, string | undefined>>({});
  const message = ref('');
  let newest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function announce(text: string): void {
    message.value = text;
    clearTimeout(timer);
    if (options.announceMs !== undefined) timer = setTimeout(() => (message.value = ''), options.announceMs);
  }

  /**
   * Shows a failure: on its field if it names one of `among` (by default the
   * form's fields), else in the alert. Answers whether it went to a field.
   */
  function fail(reason: unknown, among: readonly string[] = fields): boolean {
    const failure = toBackendError(reason);
    if (failure.code === INVALID && failure.field && among.includes(failure.field)) {
      fieldErrors[failure.field] = failure.message;
      return true;
    }
    error.value = failure;
    return false;
  }

  async function perform<T>(command: () => Promise<T>, among: readonly string[]): Promise<T | null> {
    const ticket = ++newest;
    running.value += 1;
    error.value = null;
    message.value = '';
    for (const key of Object.keys(fieldErrors)) fieldErrors[key] = undefined;
    try {
      const value = await command();
      return ticket === newest ? value : null;
    } catch (reason) {
      if (ticket === newest) fail(reason, among);
      return null;
    } finally {
      running.value -= 1;
    }
  }

  /**
   * Runs `command` unless one is running; null when it did not run or failed.
   * `among`: the fields of this form, when one composable serves several.
   */
  async function run<T>(command: () => Promise<T>, among: readonly string[] = fields): Promise<T | null> {
    if (busy.value) return null;
    return perform(command, among);
  }

  /** Runs `command` even while another runs; an older one then answers null and shows no error. */
  function latest<T>(command: () => Promise<T>): Promise<T | null> {
    return perform(command, fields);
  }

  onUnmounted(() => clearTimeout(timer));

  return { busy, error, fieldErrors, message, announce, fail, run, latest };
}
