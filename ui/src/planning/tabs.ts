// The plan editor's tabs, in order. Each slice of the editor adds its lines;
// a tab component takes no props, loads what it needs through the backend and
// emits `changed` after a saved change so the screen can refresh.
import type { Component } from 'vue';

export interface PlanEditorTab {
  key: string;
  labelKey: string;
  component: () => Promise<Component>;
}

export const PLAN_EDITOR_TABS: PlanEditorTab[] = [
  { key: 'opds', labelKey: 'planStructure.tabs.opds', component: () => import('./StructureOpdsTab.vue').then((m) => m.default) },
  { key: 'themes', labelKey: 'planStructure.tabs.themes', component: () => import('./StructureThemesTab.vue').then((m) => m.default) },
  { key: 'actions', labelKey: 'planStructure.tabs.actions', component: () => import('./StructureActionsTab.vue').then((m) => m.default) },
];
