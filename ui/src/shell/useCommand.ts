// One command at a time, the same way on every screen: busy while it runs
// (buttons wait, back waits), a validation error about one of the form's
// `fields` comes back to that field, any other error goes to the screen's
// alert, and what was done is announced in the screen's status line
// (`message`, read out by screen readers through role="status").
import { onUnmounted, reactive, ref } from 'vue';
import { toBackendError } from '../api/backend';
import { INVALID, type BackendError } from '../api/types';

export interface CommandOptions {
  /** How long an announcement stays; by default until the next command. */
  announceMs?: number;
}

export function useCommand(fields: readonly string[] = [], options: CommandOptions = {}) {
  const busy = ref(false);
  const error = ref<BackendError | null>(null);
  const fieldErrors = reactive<Record<string, string | undefined>>({});
  const message = ref('');
  let timer: ReturnType<typeof setTimeout> | undefined;

  function announce(text: string): void {
    message.value = text;
    clearTimeout(timer);
    if (options.announceMs !== undefined) timer = setTimeout(() => (message.value = ''), options.announceMs);
  }

  /** Shows a failure: on its field if the form has it, else in the alert. Answers whether it went to a field. */
  function fail(reason: unknown): boolean {
    const failure = toBackendError(reason);
    if (failure.code === INVALID && failure.field && fields.includes(failure.field)) {
      fieldErrors[failure.field] = failure.message;
      return true;
    }
    error.value = failure;
    return false;
  }

  /** Runs `command` unless one is running; null when it did not run or failed. */
  async function run<T>(command: () => Promise<T>): Promise<T | null> {
    if (busy.value) return null;
    busy.value = true;
    error.value = null;
    message.value = '';
    for (const key of Object.keys(fieldErrors)) fieldErrors[key] = undefined;
    try {
      return await command();
    } catch (reason) {
      fail(reason);
      return null;
    } finally {
      busy.value = false;
    }
  }

  onUnmounted(() => clearTimeout(timer));

  return { busy, error, fieldErrors, message, announce, fail, run };
}
