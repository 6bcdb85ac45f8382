// What every part of the action workspace shares, provided by ActionDetail:
// the shown ActionDetail, one save at a time, where errors and "Tersimpan"
// go, which quarters are locked, the Escape key and the history panel.
import { inject, nextTick, onUnmounted, reactive, ref, useId, type InjectionKey, type Ref } from 'vue';
import type { Backend } from '../api/backend';
import type { ActionDetail, HistoryEntity, PeriodRef, Quarter, ReceivedNote } from '../api/types';

export interface FieldError {
  field: string;
  message: string;
}

export interface SaveOutcome {
  ok: boolean;
  /** A validation error about one of the form's own fields. */
  fieldError: FieldError | null;
}

export interface WorkspaceContext {
  readonly backend: Backend;
  /** The detail on screen; replaced by what every successful edit returns. */
  readonly detail: Ref<ActionDetail>;
  /** True while an edit runs: every save button is disabled. */
  readonly busy: Ref<boolean>;
  /** The core's `locked` flag of that period (PeriodView.locked): the UI only reads it, never decides it. */
  isLocked(year: number, quarter: Quarter): boolean;
  /**
   * Run an editing command with the shown period. On success the returned
   * detail replaces the shown one and "Tersimpan" is announced (a null
   * result, e.g. a cancelled file dialog, changes nothing). A validation
   * error naming one of `fields` comes back to the form; any other error
   * goes to the alert. Nothing is changed on screen on an error.
   */
  save(command: (period: PeriodRef) => Promise<ActionDetail | null>, fields?: readonly string[]): Promise<SaveOutcome>;
  /** Run a command that changes nothing (open evidence); errors go to the alert. */
  act(command: () => Promise<void>): Promise<boolean>;
  /** Escape closes the newest open form or panel first; returns the remover. */
  onEscape(close: () => void): () => void;
  openHistory(entity: HistoryEntity, entityId: string, title: string): void;
  /** A received note was answered: the shown detail carries it as the core returned it. */
  noteReplied(note: ReceivedNote): void;
}

export const workspaceKey: InjectionKey<WorkspaceContext> = Symbol('workspace');

export function useWorkspace(): WorkspaceContext {
  const context = inject(workspaceKey);
  if (!context) throw new Error('useWorkspace() outside ActionDetail.');
  return context;
}

/**
 * An inline form or confirmation that opens from a button: Escape closes
 * it, and closing gives the focus back to the button that opened it.
 */
export function useEditor(workspace: WorkspaceContext) {
  const open = ref(false);
  let opener: HTMLElement | null = null;
  let removeEscape: (() => void) | null = null;

  function start(): void {
    if (open.value) return;
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    open.value = true;
    removeEscape = workspace.onEscape(close);
  }

  function close(): void {
    if (!open.value) return;
    open.value = false;
    removeEscape?.();
    removeEscape = null;
    const previous = opener;
    opener = null;
    void nextTick(() => {
      if (previous?.isConnected) previous.focus();
    });
  }

  onUnmounted(() => removeEscape?.());
  return { open, start, close };
}

/**
 * Ids and error state for a form's inputs: each input gets an id, and when
 * it has an error, aria-invalid and aria-describedby pointing at the message.
 */
export function useFieldErrors() {
  const base = useId();
  const errors = reactive<Record<string, string>>({});

  const inputId = (field: string) => `${base}-${field.replace(/[^\w-]/g, '-')}`;
  const errorId = (field: string) => `${inputId(field)}-error`;

  function describedBy(field: string, ...others: Array<string | null | undefined>): string | undefined {
    const all = [errors[field] ? errorId(field) : null, ...others].filter((id): id is string => !!id);
    return all.length > 0 ? all.join(' ') : undefined;
  }

  function invalid(field: string): 'true' | undefined {
    return errors[field] ? 'true' : undefined;
  }

  function set(field: string, message: string): void {
    errors[field] = message;
  }

  function clear(field?: string): void {
    for (const key of Object.keys(errors)) {
      if (field === undefined || key === field) delete errors[key];
    }
  }

  function any(): boolean {
    return Object.keys(errors).length > 0;
  }

  /** Move the focus to the first input (in `order`) that has an error. */
  async function focusFirst(root: HTMLElement | null, order: readonly string[]): Promise<void> {
    await nextTick();
    const field = order.find((f) => errors[f]);
    if (!field || !root) return;
    root.querySelector<HTMLElement>(`[id="${inputId(field)}"]`)?.focus();
  }

  return { errors, inputId, errorId, describedBy, invalid, set, clear, any, focusFirst };
}
