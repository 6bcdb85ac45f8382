// Rules of the front end that a reviewer would otherwise check by hand.
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>(['./**/*.vue', './**/*.ts', '!./**/*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const vueFiles = Object.entries(sources).filter(([file]) => file.endsWith('.vue'));
const styleSheets = import.meta.glob<string>('./**/*.css', { query: '?raw', import: 'default', eager: true });
const TOKENS = './styles/tokens.css';

function offenders(files: Array<[string, string]>, pattern: RegExp): string[] {
  return files.filter(([, text]) => pattern.test(text)).map(([file]) => file);
}

describe('tidy', () => {
  it('only src/api talks to Tauri', () => {
    const outside = Object.entries(sources).filter(([file]) => !file.startsWith('./api/'));
    expect(offenders(outside, /@tauri-apps\//)).toEqual([]);
  });

  it('runs commands through shell/useCommand.ts, the one place a screen turns a refusal into a BackendError', () => {
    const outside = Object.entries(sources).filter(([file]) => !file.startsWith('./api/') && file !== './shell/useCommand.ts');
    expect(offenders(outside, /toBackendError/)).toEqual([]);
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

  it('sizes text only from the type scale of styles/tokens.css', () => {
    const tokens = styleSheets[TOKENS] ?? '';
    const scale = [...tokens.matchAll(/^\s*--font-size-([a-z]+):/gm)].map((m) => m[1]);
    expect(scale.length).toBeGreaterThan(0);
    expect(scale.length).toBeLessThanOrEqual(6);
    const sized = `var\\(--font-size-(?:${scale.join('|')})\\)`;
    const plain = new RegExp(`^${sized}$`);
    // Presentation mode is projected: it multiplies the same sizes, it adds none.
    const projected = new RegExp(`^calc\\(${sized} \\* var\\(--present-scale\\)\\)$`);
    const stray: string[] = [];
    const styleBlocks = vueFiles.map(([file, text]): [string, string] => [
      file,
      [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n'),
    ]);
    for (const [file, text] of [...styleBlocks, ...Object.entries(styleSheets)]) {
      for (const [, property, value] of text.matchAll(/(?<![\w-])(font-size|font)\s*:\s*([^;}]+)/g)) {
        const v = (value ?? '').trim();
        const ok =
          property === 'font'
            ? v === 'inherit'
            : plain.test(v) || (file.startsWith('./present/') && projected.test(v)) || (file === TOKENS && v === 'var(--type-base)');
        if (!ok) stray.push(`${file}: ${property}: ${v}`);
      }
    }
    expect(stray).toEqual([]);
  });

  it('has a spacing scale', () => {
    const spaces = [...(styleSheets[TOKENS] ?? '').matchAll(/^\s*--space-\d:/gm)];
    expect(spaces.length).toBeGreaterThanOrEqual(4);
  });
});
