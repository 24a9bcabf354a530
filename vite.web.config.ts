/**
 * The browser edition: `npm run build:web` writes the same renderer as a static, installable,
 * offline web app to out/web/ (relative URLs, so any static host and any folder works).
 *
 * vite-plugin-pwa (Workbox) writes the web manifest and a service worker that precaches every
 * file of the build, pdfmake's chunk and its fonts included, so the app opens and makes a packet
 * with no network. It registers nothing by itself: platform/web/updates.ts does, and a new version
 * waits for the clerk's click ("A new version is ready — Reload").
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { InlineConfig, Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = import.meta.dirname;

/** The manifest's icons, copied from resources/icons (rendered from icon.svg, committed). */
const ICONS = ['icon-192.png', 'icon-512.png'] as const;

function appIcons(): Plugin {
  return {
    name: 'etl-web-icons',
    async generateBundle() {
      for (const name of ICONS) {
        this.emitFile({
          type: 'asset',
          fileName: `icons/${name}`,
          source: await readFile(resolve(root, 'resources/icons', name)),
        });
      }
    },
  };
}

/** The browser edition's Vite config, writing to `outDir` (tests build into test-output/). */
export function webEditionConfig(outDir = resolve(root, 'out/web')): InlineConfig {
  return {
    configFile: false,
    root: resolve(root, 'renderer'),
    base: './',
    logLevel: 'warn',
    define: { 'import.meta.env.VITE_EDITION': JSON.stringify('web') },
    plugins: [
      react(),
      appIcons(),
      VitePWA({
        registerType: 'prompt',
        injectRegister: false,
        manifestFilename: 'manifest.webmanifest',
        manifest: {
          name: 'Equity Training Ledger',
          short_name: 'Equity Ledger',
          description:
            'Roster, trainings, eligibility and the evidence packet for the Sustainable CT equity training action. Works offline; your records stay in this browser.',
          start_url: './',
          scope: './',
          display: 'standalone',
          background_color: '#ffffff',
          theme_color: '#1f5f4a',
          icons: ICONS.map((name) => ({
            src: `icons/${name}`,
            sizes: name.replace(/^icon-(\d+)\.png$/, '$1x$1'),
            type: 'image/png',
            purpose: 'any',
          })),
        },
        workbox: {
          // Every file of the build: pdfmake (~2 MB) and its fonts (~0.9 MB) are over Workbox's
          // 2 MB default limit, so raise it; a packet must be possible with no network.
          globPatterns: ['**/*.{js,css,html,png,svg,ico,json,woff,woff2,ttf}'],
          maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
          navigateFallback: 'index.html',
          cleanupOutdatedCaches: true,
          // No runtime caching: the app asks the network for nothing but its own files.
          runtimeCaching: [],
          // Don't let a new version take over a page in use; the clerk clicks Reload.
          skipWaiting: false,
          clientsClaim: false,
          // The worker's own runtime inlined, not fetched from a CDN or a second file.
          inlineWorkboxRuntime: true,
          sourcemap: false,
          // Minified whatever NODE_ENV says (vitest sets it to 'test').
          mode: 'production',
        },
      }),
    ],
    build: {
      outDir,
      emptyOutDir: true,
      // pdfmake's lazy chunks are big on purpose; they load only when a packet is made.
      chunkSizeWarningLimit: 4096,
    },
  };
}

export default defineConfig(webEditionConfig());
