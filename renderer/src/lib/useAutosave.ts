/**
 * Saves a long text as the clerk types (issue 11, item 2): a short pause after the last
 * key writes it, so nothing is lost by clicking another screen or closing the window.
 *
 * - `value` is the draft; `stored` what the database holds now. While nothing is waiting
 *   to be saved, a change of `stored` from elsewhere (a restore, another form) replaces
 *   the draft, so the field never shows stale text.
 * - Leaving the screen writes a pending change at once (unmount), and `flushAutosaves()`
 *   does the same for every field before the quit backup or a browser unload.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

/** How long after the last key the text is saved: long enough not to write on every key. */
export const AUTOSAVE_DELAY_MS = 600;

export type AutosaveStatus =
  | { state: 'idle' }
  | { state: 'waiting' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'error'; message: string };

const flushers = new Set<() => Promise<void>>();

/** Writes every text still waiting for its pause; resolves when they are stored (or failed). */
export async function flushAutosaves(): Promise<void> {
  await Promise.all([...flushers].map((flush) => flush()));
}

export interface Autosave<T> {
  draft: T;
  /** The clerk typed: show it now, save it after the pause. */
  change: (next: T) => void;
  status: AutosaveStatus;
}

export function useAutosave<T>(
  stored: T,
  save: (value: T) => Promise<unknown>,
  delayMs: number = AUTOSAVE_DELAY_MS,
): Autosave<T> {
  const [draft, setDraft] = useState<T>(stored);
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'idle' });
  const pending = useRef<T | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  const live = useRef(true);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback(async () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const value = pending.current;
    if (value === null) return;
    pending.current = null;
    if (live.current) setStatus({ state: 'saving' });
    try {
      await saveRef.current(value);
      // A key pressed while this save ran keeps its own "waiting" state.
      if (live.current && pending.current === null) setStatus({ state: 'saved' });
    } catch (e) {
      if (live.current) setStatus({ state: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  }, []);

  useEffect(() => {
    live.current = true;
    flushers.add(flush);
    return () => {
      // Leaving the screen must not lose the last words typed.
      live.current = false;
      flushers.delete(flush);
      void flush();
    };
  }, [flush]);

  // Someone else changed the stored text (a restore): take it, unless the clerk's edit is waiting.
  const storedKey = JSON.stringify(stored);
  const [seenStored, setSeenStored] = useState(storedKey);
  if (storedKey !== seenStored) {
    setSeenStored(storedKey);
    if (status.state !== 'waiting' && status.state !== 'saving') setDraft(stored);
  }

  const change = (next: T) => {
    setDraft(next);
    pending.current = next;
    setStatus({ state: 'waiting' });
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delayMs);
  };

  return { draft, change, status };
}
