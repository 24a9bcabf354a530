import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (shared, renderer, electron and CLI tests; node by default,
 * jsdom per file with a `@vitest-environment jsdom` docblock) and `e2e` (real Chromium
 * driving the built renderer; one file at a time because they share a fixed port).
 * `npm test` runs them one after the other, so the browser never competes with the
 * unit tests for the two cores.
 */
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          environment: 'node',
          // A generous ceiling, not a speed target (those live in npm run bench): on a busy
          // 2-core machine a jsdom screen test or a property test can take several seconds.
          testTimeout: 30000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120000,
          hookTimeout: 180000,
        },
      },
    ],
  },
});
