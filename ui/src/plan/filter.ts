// Search and filters of the plan overview, as pure functions.
import { toRaw } from 'vue';
import type { ActionSummary, MilestoneStatus } from '../api/types';

export interface PlanFilters {
  search: string;
  /** '' = every theme */
  themeId: string;
  /** '' = every OPD */
  opdCode: string;
  /** '' = any status */
  status: MilestoneStatus | '';
}

export function noFilters(): PlanFilters {
  return { search: '', themeId: '', opdCode: '', status: '' };
}

export function filtersActive(filters: PlanFilters): boolean {
  return filters.search.trim() !== '' || filters.themeId !== '' || filters.opdCode !== '' || filters.status !== '';
}

/** Lower case, without accents, with single spaces: "Séminar  UHC" -> "seminar uhc". */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('id-ID')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Each action's searchable text, normalised once: typing must not redo 5,000 indicators per key. */
const searchTexts = new WeakMap<ActionSummary, string>();

function searchText(action: ActionSummary): string {
  const key = toRaw(action);
  const cached = searchTexts.get(key);
  if (cached !== undefined) return cached;
  const text = normaliseText(
    [
      action.code,
      action.title,
      ...action.milestones.map((m) => m.title),
      ...action.indicators.map((i) => i.description),
    ].join('\n'),
  );
  searchTexts.set(key, text);
  return text;
}

/** Every word of the search appears in the action's code, title, milestones or indicators. */
export function matchesSearch(action: ActionSummary, search: string): boolean {
  const words = normaliseText(search).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const text = searchText(action);
  return words.every((word) => text.includes(word));
}

/** The OPD leads or supports the action, or owns one of its milestones or indicators. */
export function involvesOpd(action: ActionSummary, opdCode: string): boolean {
  return (
    action.leadOpd.code === opdCode ||
    action.supportingOpds.some((o) => o.code === opdCode) ||
    action.milestones.some((m) => m.opdCode === opdCode) ||
    action.indicators.some((i) => i.opdCode === opdCode)
  );
}

/** Whether an action of the theme `themeId` passes every filter. */
export function matchesFilters(action: ActionSummary, themeId: string, filters: PlanFilters): boolean {
  if (filters.themeId !== '' && filters.themeId !== themeId) return false;
  if (filters.opdCode !== '' && !involvesOpd(action, filters.opdCode)) return false;
  if (filters.status !== '' && !action.milestones.some((m) => m.status === filters.status)) return false;
  return matchesSearch(action, filters.search);
}
