/**
 * The quit-time backup handshake. The renderer owns the data (IndexedDB), so main
 * cannot back it up alone: on quit it sends the 'autoBackupOnQuit' menu command,
 * the renderer exports and calls writeAutoBackup('quit'), and main lets the quit
 * continue once that call has finished. With no town yet the renderer still
 * answers, with `json: null` ("nothing to back up"), so a first-run quit is
 * immediate. The timeout is only for a hung or crashed renderer, which must never
 * keep the app open.
 *
 * Unsaved changes (issue 11, item 2): a renderer with a changed form answers `hold()`
 * ("asking the clerk", which stops the timeout: the renderer is alive and the clerk
 * decides, however long that takes), then either discards and writes the backup as usual
 * (`settle()`) or keeps editing (`cancel()`): `run()` resolves false, the window stays
 * open, and the next close starts the handshake afresh.
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
  /** Starts the handshake (once per attempt); resolves true when the quit may continue, false when the clerk stays. */
  run(): Promise<boolean>;
  /** Called by the writeAutoBackup handler when a 'quit' backup has been handled. */
  settle(): void;
  /** The renderer is asking the clerk about unsaved changes: wait for the answer, with no timeout. */
  hold(): void;
  /** The clerk keeps editing: this attempt ends without quitting. */
  cancel(): void;
}

export function createQuitBackup(options: QuitBackupOptions): QuitBackup {
  const timeoutMs = options.timeoutMs ?? QUIT_BACKUP_TIMEOUT_MS;
  const setTimer = options.setTimer ?? ((cb: () => void, ms: number) => setTimeout(cb, ms));
  const clearTimer = options.clearTimer ?? ((t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let done = false;
  let pending: Promise<boolean> | null = null;
  let finish: ((quit: boolean) => void) | null = null;
  let stopTimer: (() => void) | null = null;

  return {
    get done() {
      return done;
    },
    run() {
      if (done) return Promise.resolve(true);
      if (pending) return pending;
      pending = new Promise<boolean>((resolve) => {
        let timer: unknown = null;
        stopTimer = () => {
          if (timer !== null) clearTimer(timer);
          timer = null;
        };
        finish = (quit) => {
          stopTimer?.();
          stopTimer = null;
          finish = null;
          if (quit) done = true;
          // Staying: the next close asks the renderer again.
          else pending = null;
          resolve(quit);
        };
        let asked = false;
        try {
          asked = options.request();
        } catch {
          asked = false;
        }
        if (!asked) {
          finish(true);
          return;
        }
        timer = setTimer(() => finish?.(true), timeoutMs);
      });
      return pending;
    },
    settle() {
      finish?.(true);
    },
    hold() {
      stopTimer?.();
    },
    cancel() {
      finish?.(false);
    },
  };
}
