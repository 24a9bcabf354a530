/**
 * The quit-time backup handshake. The renderer owns the data (IndexedDB), so main
 * cannot back it up alone: on quit it sends the 'autoBackupOnQuit' menu command,
 * the renderer exports and calls writeAutoBackup('quit'), and main lets the quit
 * continue once that call has finished. With no town yet the renderer still
 * answers, with `json: null` ("nothing to back up"), so a first-run quit is
 * immediate. The timeout is only for a hung or crashed renderer, which must never
 * keep the app open.
 */

/** Long enough for an old laptop to export a large town; short enough not to feel stuck. */
export const QUIT_BACKUP_TIMEOUT_MS = 5000;

export interface QuitBackupOptions {
  /** Asks the renderer to write the quit backup; returns false when there is no renderer to ask. */
  request: () => boolean;
  timeoutMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface QuitBackup {
  /** True once the backup was written (or given up on): the quit may go ahead. */
  readonly done: boolean;
  /** Starts the handshake (once); resolves when the quit may continue. */
  run(): Promise<void>;
  /** Called by the writeAutoBackup handler when a 'quit' backup has been handled. */
  settle(): void;
}

export function createQuitBackup(options: QuitBackupOptions): QuitBackup {
  const timeoutMs = options.timeoutMs ?? QUIT_BACKUP_TIMEOUT_MS;
  const setTimer = options.setTimer ?? ((cb: () => void, ms: number) => setTimeout(cb, ms));
  const clearTimer = options.clearTimer ?? ((t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let done = false;
  let pending: Promise<void> | null = null;
  let finish: (() => void) | null = null;

  return {
    get done() {
      return done;
    },
    run() {
      if (done) return Promise.resolve();
      if (pending) return pending;
      pending = new Promise<void>((resolve) => {
        let timer: unknown = null;
        finish = () => {
          if (timer !== null) clearTimer(timer);
          done = true;
          finish = null;
          resolve();
        };
        let asked = false;
        try {
          asked = options.request();
        } catch {
          asked = false;
        }
        if (!asked) {
          finish();
          return;
        }
        timer = setTimer(() => finish?.(), timeoutMs);
      });
      return pending;
    },
    settle() {
      finish?.();
    },
  };
}
