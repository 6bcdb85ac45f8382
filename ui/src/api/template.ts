// Commands of src-tauri/src/commands/template.rs: the Excel plan template at
// Bappeda. Rust opens both dialogs; the webview names the picked template
// only by the token Rust gave it.
import { call } from './invoke';
import type { PickedFile, TemplatePreview, TemplateWritten } from './types';

/** Asks where to save, then writes the plan template; null = cancelled. */
export function exportPlanTemplate(): Promise<TemplateWritten | null> {
  return call<TemplateWritten | null>('export_plan_template');
}

/** Asks for a filled-in template; null = cancelled. */
export function pickPlanTemplate(): Promise<PickedFile | null> {
  return call<PickedFile | null>('pick_plan_template');
}

/** What importing the picked template would add, change, archive or delete; its wrong rows. */
export function previewPlanTemplate(token: string): Promise<TemplatePreview> {
  return call<TemplatePreview>('preview_plan_template', { token });
}

/** Imports the picked template in one transaction; what it did. */
export function importPlanTemplate(token: string): Promise<TemplatePreview> {
  return call<TemplatePreview>('import_plan_template', { token });
}
