// What the three structure tabs (OPD, Tema, Rencana Aksi) share: the plan's
// structure as the backend reads it, one change at a time through
// useCommand, a refusal about a form's field back on that field, the
// structure every change answers put on screen, "Tersimpan" announced, the
// undo of the last change, and `changed` told to the plan editor screen.
import { onMounted, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useBackend } from '../api/backend';
import type { PlanStructure, StructureEntity } from '../api/types';
import { useCommand } from '../shell/useCommand';
import { useFieldErrors } from '../workspace/context';

/** The fields of the action form, in the order the focus goes to an error. */
export const ACTION_FIELDS = [
  'code',
  'title',
  'themeId',
  'leadOpdId',
  'supportingOpdIds',
  'startDate',
  'endDate',
  'problem',
  'description',
  'contribution',
  'ogpValues',
  'csoPartners',
] as const;

export function useStructure(fields: readonly string[], changed: () => void) {
  const { t } = useI18n();
  const backend = useBackend();
  const structure = ref<PlanStructure | null>(null);
  const command = useCommand([...fields, 'reason']);
  /** Field errors with ids and aria attributes, for FormField. */
  const errors = useFieldErrors();
  const canUndo = ref(false);

  watch(
    () => ({ ...command.fieldErrors }),
    (now) => {
      errors.clear();
      for (const [field, message] of Object.entries(now)) if (message) errors.set(field, message);
    },
  );

  async function load(): Promise<void> {
    const answer = await command.latest(() => backend.planStructure());
    if (answer) structure.value = answer;
  }

  /** Runs one change; true when it was saved (its answer is on screen). */
  async function change(run: () => Promise<PlanStructure>): Promise<boolean> {
    errors.clear();
    const answer = await command.run(run);
    if (!answer) return false;
    structure.value = answer;
    canUndo.value = true;
    command.announce(t('planStructure.saved'));
    changed();
    return true;
  }

  async function undo(): Promise<void> {
    const answer = await command.run(() => backend.undoStructureChange());
    canUndo.value = false;
    if (!answer) return;
    structure.value = answer;
    command.announce(t('planStructure.undone'));
    changed();
  }

  const archive = (entity: StructureEntity, id: string, reason: string) =>
    change(() => backend.archiveStructureRow(entity, id, reason));
  const unarchive = (entity: StructureEntity, id: string) => change(() => backend.unarchiveStructureRow(entity, id));
  const remove = (entity: StructureEntity, id: string) => change(() => backend.deleteStructureRow(entity, id));

  onMounted(load);

  return { backend, structure, command, errors, canUndo, load, change, undo, archive, unarchive, remove };
}

export type StructureState = ReturnType<typeof useStructure>;
