// Commands of src-tauri/src/commands/publish.rs: the Terbitkan screen
// (Bappeda). Rust opens the folder dialog; the webview never names a path.
import { call } from './invoke';
import type { OpenDataWritten, PublishOverview, SiteWritten } from './types';

/** What the site and the open data would hold now; nothing is written. */
export function publishOverview(): Promise<PublishOverview> {
  return call<PublishOverview>('publish_overview');
}

/** Bappeda: asks for a folder, then writes the public site; null = the dialog was cancelled. */
export function publishSite(): Promise<SiteWritten | null> {
  return call<SiteWritten | null>('publish_site');
}

/** Bappeda: asks for a folder, then writes the open data; null = the dialog was cancelled. */
export function writeOpenData(): Promise<OpenDataWritten | null> {
  return call<OpenDataWritten | null>('write_open_data');
}
