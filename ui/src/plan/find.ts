// Find in the plan overview (Ctrl+F), as pure functions. The webview has no find
// bar, and cards far from the window are not in the page, so the find searches
// the actions' data: every card the filters show, rendered or not.
import { toRaw } from 'vue';
import type { ActionSummary } from '../api/types';
import { normaliseText } from './filter';

/** Where on an action the found text is. */
export type FindField = 'code' | 'title' | 'opd' | 'milestone' | 'indicator';

export interface FindHit {
  field: FindField;
  /** The whole text of that field, as the user wrote it. */
  text: string;
}

/** One piece of a text, marked when it is the found text. */
export interface Segment {
  text: string;
  mark: boolean;
}

function fields(action: ActionSummary): FindHit[] {
  return [
    { field: 'code', text: action.code },
    { field: 'title', text: action.title },
    ...[action.leadOpd, ...action.supportingOpds].flatMap((opd): FindHit[] => [
      { field: 'opd', text: opd.name },
      { field: 'opd', text: opd.code },
    ]),
    ...action.milestones.map((m): FindHit => ({ field: 'milestone', text: m.title })),
    ...action.indicators.map((i): FindHit => ({ field: 'indicator', text: i.description })),
  ];
}

/** Each action's text for the find, normalised once; fields apart, so a phrase does not run across two. */
const findTexts = new WeakMap<ActionSummary, string>();

function findText(action: ActionSummary): string {
  const key = toRaw(action);
  let text = findTexts.get(key);
  if (text === undefined) {
    text = fields(key)
      .map((f) => normaliseText(f.text))
      .join('\n');
    findTexts.set(key, text);
  }
  return text;
}

/** The query as the find compares it; '' finds nothing. */
export function findQuery(query: string): string {
  return normaliseText(query);
}

/** The ids of the actions holding the phrase, in the order given. */
export function findMatches(actions: readonly ActionSummary[], query: string): string[] {
  const phrase = findQuery(query);
  if (phrase === '') return [];
  return actions.filter((action) => findText(action).includes(phrase)).map((action) => action.id);
}

/** The first field of the action that holds the phrase, in the card's order. */
export function findHit(action: ActionSummary, query: string): FindHit | null {
  const phrase = findQuery(query);
  if (phrase === '') return null;
  return fields(toRaw(action)).find((f) => normaliseText(f.text).includes(phrase)) ?? null;
}

/**
 * Folds `text` as `normaliseText` does (accents, case, runs of spaces) while
 * remembering, for each folded character, the span of the original it came from.
 */
function fold(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let index = 0;
  for (const char of text) {
    const end = index + char.length;
    if (/\s/u.test(char)) {
      if (folded.endsWith(' ')) {
        to[to.length - 1] = end;
      } else {
        folded += ' ';
        from.push(index);
        to.push(end);
      }
    } else {
      const piece = char.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('id-ID');
      for (const unit of piece) {
        folded += unit;
        for (let k = 0; k < unit.length; k += 1) {
          from.push(index);
          to.push(end);
        }
      }
    }
    index = end;
  }
  return { folded, from, to };
}

/** `text` cut into pieces with each occurrence of the query marked. */
export function highlight(text: string, query: string): Segment[] {
  const phrase = findQuery(query);
  if (phrase === '') return [{ text, mark: false }];
  const { folded, from, to } = fold(text);
  const segments: Segment[] = [];
  let done = 0;
  let at = folded.indexOf(phrase);
  while (at >= 0) {
    const start = from[at]!;
    const end = to[at + phrase.length - 1]!;
    if (start > done) segments.push({ text: text.slice(done, start), mark: false });
    segments.push({ text: text.slice(start, end), mark: true });
    done = end;
    at = folded.indexOf(phrase, at + phrase.length);
  }
  if (done < text.length) segments.push({ text: text.slice(done), mark: false });
  return segments;
}

/** The next position after `current` (wrapping), or the one before it with `backwards`. */
export function step(current: number, total: number, backwards: boolean): number {
  if (total === 0) return -1;
  if (current < 0) return backwards ? total - 1 : 0;
  return (current + (backwards ? total - 1 : 1)) % total;
}
