// Rules of the front end that a reviewer would otherwise check by hand.
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>(['./**/*.vue', './**/*.ts', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const vueFiles = Object.entries(sources).filter(([file]) => file.endsWith('.vue'));

function offenders(files: Array<[string, string]>, pattern: RegExp): string[] {
  return files.filter(([, text]) => pattern.test(text)).map(([file]) => file);
}

describe('tidy', () => {
  it('only src/api talks to Tauri', () => {
    const outside = Object.entries(sources).filter(([file]) => !file.startsWith('./api/'));
    expect(offenders(outside, /@tauri-apps\//)).toEqual([]);
  });

  it('never renders text as HTML', () => {
    expect(offenders(vueFiles, /v-html|innerHTML/)).toEqual([]);
  });

  it('has no inline styles, which the CSP (style-src self) would block', () => {
    expect(offenders(vueFiles, /\sstyle=|:style=|v-bind:style/)).toEqual([]);
  });

  it('refers to nothing on the network', () => {
    expect(offenders(Object.entries(sources), /https?:\/\//)).toEqual([]);
  });
});
