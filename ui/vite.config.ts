// Vite builds ui/dist, which the Tauri shell serves under a strict CSP:
// no eval, no inline scripts or styles, nothing fetched from the network.
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  base: './',
  plugins: [vue()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
  },
  define: {
    // vue-i18n feature flags: Composition API only, no devtools. Messages
    // are compiled at run time to an AST that is interpreted (no eval).
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // WebView2 (Windows) and WebKitGTK (Linux, used by the end-to-end tests).
    target: ['es2021', 'chrome105', 'safari15'],
    // Never turn an asset into a data: URI (the CSP allows data: for images only).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/testing/setup.ts'],
    // The style sheets' text, for the type scale check of tidy.test.ts.
    css: { include: [/\.css\?raw$/] },
    restoreMocks: true,
    // Audit times are shown in the computer's zone; tests read them in
    // Western Indonesian Time whatever the machine, so "10.30" is stable.
    env: { TZ: 'Asia/Jakarta' },
  },
});
