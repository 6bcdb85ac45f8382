// One command at a time for a workshop form: busy while it runs, a validation
// error about one of the form's fields comes back to that field, any other
// error goes to the screen's alert.
import { reactive, ref } from 'vue';
import { toBackendError } from '../api/backend';
import { INVALID, type BackendError } from '../api/types';

export function useCommand(fields: readonly string[]) {
  const busy = ref(false);
  const error = ref<BackendError | null>(null);
  const fieldErrors = reactive<Record<string, string | undefined>>({});

  async function run<T>(command: () => Promise<T>): Promise<T | null> {
    if (busy.value) return null;
    busy.value = true;
    error.value = null;
    for (const key of Object.keys(fieldErrors)) fieldErrors[key] = undefined;
    try {
      return await command();
    } catch (reason) {
      const failure = toBackendError(reason);
      if (failure.code === INVALID && failure.field && fields.includes(failure.field)) {
        fieldErrors[failure.field] = failure.message;
      } else {
        error.value = failure;
      }
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, fieldErrors, run };
}
