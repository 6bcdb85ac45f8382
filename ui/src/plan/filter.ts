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

/** The search's words, normalised: done once per key, not once per action. */
export function searchWords(search: string): string[] {
  return normaliseText(search).split(' ').filter(Boolean);
}

/** Every word of the search appears in the action's code, title, milestones or indicators. */
export function matchesSearch(action: ActionSummary, search: string): boolean {
  return matchesWords(action, searchWords(search));
}

function matchesWords(action: ActionSummary, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const text = searchText(action);
  return words.every((word) => text.includes(word));
}

/** Each action's OPDs (lead, supporting, owners of milestones and indicators), gathered once. */
const opdSets = new WeakMap<ActionSummary, Set<string>>();

/** The OPD leads or supports the action, or owns one of its milestones or indicators. */
export function involvesOpd(action: ActionSummary, opdCode: string): boolean {
  const key = toRaw(action);
  let codes = opdSets.get(key);
  if (codes === undefined) {
    codes = new Set([
      key.leadOpd.code,
      ...key.supportingOpds.map((o) => o.code),
      ...key.milestones.map((m) => m.opdCode),
      ...key.indicators.map((i) => i.opdCode),
    ]);
    opdSets.set(key, codes);
  }
  return codes.has(opdCode);
}

/** The filters as one test, with the search parsed once for the whole plan. */
export function compileFilters(filters: PlanFilters): (action: ActionSummary, themeId: string) => boolean {
  const { themeId, opdCode, status } = filters;
  const words = searchWords(filters.search);
  return (action, actionThemeId) => {
    if (themeId !== '' && themeId !== actionThemeId) return false;
    if (opdCode !== '' && !involvesOpd(action, opdCode)) return false;
    if (status !== '' && !action.milestones.some((m) => m.status === status)) return false;
    return matchesWords(action, words);
  };
}

/** Whether an action of the theme `themeId` passes every filter. */
export function matchesFilters(action: ActionSummary, themeId: string, filters: PlanFilters): boolean {
  return compileFilters(filters)(action, themeId);
}
