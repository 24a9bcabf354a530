import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * `vite dev` injects each CSS import as a <style> tag, which the app's CSP
 * (style-src 'self', no 'unsafe-inline') refuses. Only the dev server loosens its
 * own copy of the meta tag; builds keep the strict policy (electron/main/security.ts).
 */
const devInlineStyles: Plugin = {
  name: 'etl-dev-inline-styles',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';"),
};

/**
 * electron-vite guesses `src/main`, `src/preload` and `src/renderer`; this repo keeps
 * the design card's top level (`electron/`, `renderer/`, `shared/`), so every entry is named.
 */
export default defineConfig({
  main: {
    build: {
      // Bundle the main process's few dependencies (zod, date-fns) into out/main, so the packaged
      // app.asar needs no node_modules at all (see electron-builder.yml).
      externalizeDeps: false,
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        // A sandboxed preload cannot be an ES module: emit CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    // Relative asset URLs so the same build loads from the app:// origin in Electron and from a plain web server.
    base: './',
    plugins: [react(), devInlineStyles],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
  },
});
