// The plan editor's tabs, in their order. Each slice of the editor adds its
// own line; a tab component takes no props, loads what it needs through the
// backend and emits `changed` after a saved change.
import type { Component } from 'vue';

export interface PlanEditorTab {
  key: string;
  labelKey: string;
  component: () => Promise<Component>;
  /** Offered while the database holds no plan yet (the new plan form, and the template a plan can start from). */
  withoutPlan?: boolean;
}

export const PLAN_EDITOR_TABS: PlanEditorTab[] = [
  { key: 'plan', labelKey: 'planning.tab.plan', component: () => import('./PlanTab.vue'), withoutPlan: true },
  { key: 'quarters', labelKey: 'planning.tab.quarters', component: () => import('./QuartersTab.vue') },
  { key: 'opds', labelKey: 'planStructure.tabs.opds', component: () => import('./StructureOpdsTab.vue').then((m) => m.default) },
  { key: 'themes', labelKey: 'planStructure.tabs.themes', component: () => import('./StructureThemesTab.vue').then((m) => m.default) },
  { key: 'actions', labelKey: 'planStructure.tabs.actions', component: () => import('./StructureActionsTab.vue').then((m) => m.default) },
  { key: 'bands', labelKey: 'planBands.tab', component: () => import('./BandsTab.vue').then((m) => m.default) },
  { key: 'template', labelKey: 'planTemplate.tab', component: () => import('./TemplateTab.vue'), withoutPlan: true },
];
