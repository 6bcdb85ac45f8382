// The tabs of the plan editor screen (PlanEditorScreen.vue), one line per tab.
// Each tab loads what it needs through the backend and emits `changed` after
// a saved change, so the screen can refresh.
import type { Component } from 'vue';

export interface PlanEditorTab {
  key: string;
  labelKey: string;
  component: () => Promise<Component>;
}

export const PLAN_EDITOR_TABS: PlanEditorTab[] = [
  { key: 'template', labelKey: 'planTemplate.tab', component: () => import('./TemplateTab.vue') },
];
