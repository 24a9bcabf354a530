/// <reference types="vite/client" />
import type { LedgerApi } from '../../shared/ipc/contract';

declare global {
  interface ImportMetaEnv {
    /** 'web' in the browser edition (vite.web.config.ts); unset in the desktop app and test builds. */
    readonly VITE_EDITION?: 'web';
  }

  interface Window {
    /** Present in the Electron app (exposed by the preload); absent in a plain browser. */
    api?: LedgerApi;
  }
}
