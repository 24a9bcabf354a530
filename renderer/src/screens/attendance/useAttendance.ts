/**
 * Reading and writing attendance for the Attendance screen.
 *
 * Every tick is saved at once through `setAttendanceBulk` (one transaction per
 * change, so a bulk "tick the whole column" is all or nothing). Until the live
 * query brings the saved data back, the tick is shown from a small overlay, so a
 * checkbox never flickers back on a slow laptop. The overlay belongs to the
 * attendance list it was made against and is dropped as soon as a newer list
 * arrives: stored data stays the only source of truth.
 */
import { useCallback, useMemo, useState } from 'react';
import { setAttendanceBulk } from '../../../db/repositories';
import type { AttendanceChange } from '../../../db/repositories';
import type { AppDB } from '../../../db/schema';
import type { Attendance } from '../../../../shared/domain/schema';
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

const EMPTY: ReadonlyMap<string, boolean> = new Map();

export function useAttendance(db: AppDB, attendance: readonly Attendance[]): AttendanceApi {
  const stored = useMemo(
    () => new Set(attendance.map((a) => pairKey(a.personId, a.sessionId))),
    [attendance],
  );
  const [pending, setPending] = useState<{
    base: readonly Attendance[];
    map: ReadonlyMap<string, boolean>;
  } | null>(null);
  const overlay = pending !== null && pending.base === attendance ? pending.map : EMPTY;

  const isAttended = useCallback(
    (personId: string, sessionId: string) => {
      const key = pairKey(personId, sessionId);
      return overlay.get(key) ?? stored.has(key);
    },
    [overlay, stored],
  );

  const apply = useCallback(
    async (changes: readonly AttendanceChange[], done?: (count: number) => string) => {
      const real = changes.filter((c) => isAttended(c.personId, c.sessionId) !== c.attended);
      if (real.length === 0) return;
      const mark = (value: (c: AttendanceChange) => boolean | undefined) =>
        setPending((prev) => {
          const map = new Map(prev !== null && prev.base === attendance ? prev.map : EMPTY);
          for (const c of real) {
            const v = value(c);
            if (v === undefined) map.delete(pairKey(c.personId, c.sessionId));
            else map.set(pairKey(c.personId, c.sessionId), v);
          }
          return { base: attendance, map };
        });
      mark((c) => c.attended);
      try {
        await setAttendanceBulk(db, real);
        if (done) {
          const undo = real.map((c) => ({ ...c, attended: !c.attended }));
          notify({ kind: 'success', text: done(real.length), undo: () => setAttendanceBulk(db, undo) });
        }
      } catch (e) {
        mark(() => undefined);
        notify({
          kind: 'error',
          text: `Attendance was not saved: ${e instanceof Error ? e.message : String(e)}`,
        });
      }
    },
    [db, attendance, isAttended],
  );

  return useMemo(() => ({ isAttended, apply }), [isAttended, apply]);
}
