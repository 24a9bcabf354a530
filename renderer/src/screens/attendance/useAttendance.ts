/**
 * Reading and writing attendance for the Attendance screen.
 *
 * Every tick is saved at once through `setAttendanceBulk` (one transaction per
 * change, so a bulk "tick the whole column" is all or nothing). Until the live
 * query brings the saved data back, the tick is shown from a small overlay, so a
 * checkbox never flickers back on a slow laptop. An overlay entry lives until its
 * write has finished AND a newer attendance list has arrived (which then holds
 * it); stored data stays the only source of truth.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { setAttendanceBulk } from '../../../db/repositories';
import type { AttendanceChange } from '../../../db/repositories';
import type { AppDB } from '../../../db/schema';
import type { Attendance } from '../../../../shared/domain/schema';
import { attendeesBySession } from '../../lib/derived';
import { notify } from '../../store/ui';

/** A map key for one (person, session) pair; ids may contain any character, so join with NUL. */
export const pairKey = (personId: string, sessionId: string): string => `${personId}\u0000${sessionId}`;

export interface AttendanceApi {
  isAttended: (personId: string, sessionId: string) => boolean;
  /**
   * Saves the changes that differ from what is shown. With `done`, a toast says so
   * and offers Undo (for bulk changes); single ticks are saved silently.
   */
  apply: (changes: readonly AttendanceChange[], done?: (count: number) => string) => Promise<void>;
}

interface Pending {
  value: boolean;
  /** Which `apply` call set it, so a later call's entry is never dropped by an earlier one. */
  token: number;
  /** The write has finished: the next attendance list from the database includes it. */
  saved: boolean;
}

type Overlay = ReadonlyMap<string, Pending>;

export function useAttendance(db: AppDB, attendance: readonly Attendance[]): AttendanceApi {
  // Who attended each session, worked out once per stored list (shared with the grid's counts).
  const stored = attendeesBySession(attendance);
  const [overlay, setOverlay] = useState<Overlay>(() => new Map());
  const [seen, setSeen] = useState(attendance);
  const tokens = useRef(0);

  // A newer list arrived: entries whose write had finished are in it now. (Adjusting
  // state while rendering, as React recommends, instead of a flicker-prone effect.)
  let current = overlay;
  if (seen !== attendance) {
    current = new Map([...overlay].filter(([, p]) => !p.saved));
    setSeen(attendance);
    setOverlay(current);
  }

  const isAttended = useCallback(
    (personId: string, sessionId: string) => {
      const pending = current.size > 0 ? current.get(pairKey(personId, sessionId)) : undefined;
      return pending?.value ?? stored.get(sessionId)?.has(personId) === true;
    },
    [current, stored],
  );

  const apply = useCallback(
    async (changes: readonly AttendanceChange[], done?: (count: number) => string) => {
      const real = changes.filter((c) => isAttended(c.personId, c.sessionId) !== c.attended);
      if (real.length === 0) return;
      const token = ++tokens.current;
      const keys = real.map((c) => pairKey(c.personId, c.sessionId));
      const update = (fn: (key: string, p: Pending | undefined) => Pending | undefined) =>
        setOverlay((prev) => {
          const next = new Map(prev);
          for (const key of keys) {
            const p = fn(key, prev.get(key));
            if (p === undefined) next.delete(key);
            else next.set(key, p);
          }
          return next;
        });
      const mine = (p: Pending | undefined): p is Pending => p !== undefined && p.token === token;
      update((key) => ({
        value: real[keys.indexOf(key)]!.attended,
        token,
        saved: false,
      }));
      try {
        await setAttendanceBulk(db, real);
        update((_, p) => (mine(p) ? { ...p, saved: true } : p));
        if (done) {
          const undo = real.map((c) => ({ ...c, attended: !c.attended }));
          notify({ kind: 'success', text: done(real.length), undo: () => setAttendanceBulk(db, undo) });
        }
      } catch (e) {
        update((_, p) => (mine(p) ? undefined : p));
        notify({
          kind: 'error',
          text: `Attendance was not saved: ${e instanceof Error ? e.message : String(e)}`,
        });
      }
    },
    [db, isAttended],
  );

  return useMemo(() => ({ isAttended, apply }), [isAttended, apply]);
}
