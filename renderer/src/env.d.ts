/// <reference types="vite/client" />
import type { LedgerApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Present in the Electron app (exposed by the preload); absent in a plain browser. */
    api?: LedgerApi;
  }
}
