// The plan editor's tabs, in order: each slice of the editor adds its line.
import type { Component } from 'vue';

export interface PlanEditorTab {
  key: string;
  labelKey: string;
  component: () => Promise<Component>;
}

export const PLAN_EDITOR_TABS: PlanEditorTab[] = [
  { key: 'bands', labelKey: 'planBands.tab', component: () => import('./BandsTab.vue').then((m) => m.default) },
];
