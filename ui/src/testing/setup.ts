// Runs before every test file (vite.config.ts test.setupFiles).
import { enableAutoUnmount } from '@vue/test-utils';
import { afterEach, beforeEach } from 'vitest';

enableAutoUnmount(afterEach);

beforeEach(() => {
  window.localStorage.clear();
  document.documentElement.lang = 'id';
});
