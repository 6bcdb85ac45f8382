// The slides of the presentation, from the plan overview: a title slide, then
// for each theme (in its order) an overview slide followed by one slide per
// action. Pure data, so the order is tested without a window.
import type { ActionSummary, PlanOverview, ThemeOverview } from '../api/types';

export type Slide =
  | { kind: 'title' }
  | { kind: 'theme'; theme: ThemeOverview }
  | { kind: 'action'; theme: ThemeOverview; action: ActionSummary };

export function buildSlides(overview: PlanOverview): Slide[] {
  const slides: Slide[] = [{ kind: 'title' }];
  const themes = [...overview.themes].sort((a, b) => a.seq - b.seq);
  for (const theme of themes) {
    slides.push({ kind: 'theme', theme });
    const actions = [...theme.actions].sort((a, b) => a.code.localeCompare(b.code, 'id', { numeric: true }));
    for (const action of actions) slides.push({ kind: 'action', theme, action });
  }
  return slides;
}

/** The slide of an action, to come back to after editing it. */
export function slideOfAction(slides: Slide[], actionId: string): number {
  const index = slides.findIndex((s) => s.kind === 'action' && s.action.id === actionId);
  return Math.max(index, 0);
}

/** Zoom steps of Ctrl +/-: from 60 % to 200 %. */
export const ZOOM_MIN = 0.6;
export const ZOOM_MAX = 2;
export const ZOOM_STEP = 0.1;

export function zoomed(current: number, direction: 1 | -1): number {
  const next = Math.round((current + direction * ZOOM_STEP) * 10) / 10;
  return Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, next));
}
