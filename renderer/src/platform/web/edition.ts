/**
 * Which build this renderer is. The browser edition (`npm run build:web`, vite.web.config.ts)
 * defines VITE_EDITION as 'web'; the desktop app and the plain test builds leave it unset, so the
 * service worker, the update prompt and the browser's backup note never exist there.
 */
export function isWebEdition(): boolean {
  return import.meta.env.VITE_EDITION === 'web';
}
