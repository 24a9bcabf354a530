/**
 * Readiness gaps: submission fields still missing. Each has a "Fix" button that
 * opens the screen and record where it is fixed (the engine's GapTarget). Saving
 * the record brings the clerk back here (`returnFromFix`), with the keyboard on the
 * next gap once the fixed one is gone, or on "Nothing missing".
 */
import { useEffect, useRef } from 'react';
import type { GapTarget, ReadinessGap } from '../../../../shared/rules/evaluation';
import { useUi } from '../../store/ui';
import { plural } from './format';

const screenNames: Record<GapTarget['screen'], string> = {
  town: 'Town',
  people: 'People',
  trainings: 'Trainings',
  attendance: 'Attendance',
  partners: 'Partners',
};

const partNames: Record<ReadinessGap['part'], string> = {
  part1: 'Part 1',
  part2: 'Part 2',
  general: 'General',
};

/** Tells one gap from another across evaluations (its text may change as records change). */
export function gapKey(gap: ReadinessGap): string {
  return `${gap.part}|${gap.rule}|${gap.target.screen}|${gap.target.recordId ?? ''}|${gap.target.field ?? ''}`;
}

/**
 * How long to wait for the fixed gap to leave the list (the saved record reaches the
 * evaluation a moment after the save) before deciding the save did not fix it.
 */
const GAP_SETTLE_MS = 1000;

export function Gaps({ gaps }: { gaps: ReadinessGap[] }) {
  const fixGap = useUi((s) => s.fixGap);
  const gapFocus = useUi((s) => s.gapFocus);
  const clearGapFocus = useUi((s) => s.clearGapFocus);
  const listRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (gapFocus === null) return;
    const focusAt = (index: number) => {
      clearGapFocus();
      const buttons = listRef.current?.querySelectorAll<HTMLElement>('.gap-list button') ?? [];
      const target =
        buttons[Math.min(index, buttons.length - 1)] ??
        listRef.current?.querySelector<HTMLElement>('[data-gap-status]');
      if (!target) return;
      if (!target.matches('button')) target.tabIndex = -1;
      target.scrollIntoView?.({ block: 'center' });
      target.focus();
    };
    const still = gaps.findIndex((g) => gapKey(g) === gapFocus.gapKey);
    if (still === -1) {
      // Gone: the next gap now sits where it was; with none left, "Nothing missing".
      const frame = window.requestAnimationFrame(() => focusAt(gapFocus.index));
      return () => window.cancelAnimationFrame(frame);
    }
    // Still listed: the evaluation may not have caught up yet; if it stays, focus that gap.
    const timer = window.setTimeout(() => focusAt(still), GAP_SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [gapFocus, gaps, clearGapFocus]);

  const fix = (gap: ReadinessGap, index: number) => {
    const target = gap.target;
    fixGap({ gapKey: gapKey(gap), index, text: gap.text }, target);
    // With a record or field, the destination screen brings it into view; otherwise start at its top.
    if (target.recordId === undefined && target.field === undefined) {
      window.requestAnimationFrame(() => {
        window.scrollTo({ top: 0 });
        document.getElementById('main')?.focus({ preventScroll: true });
      });
    }
  };

  return (
    <section className="card" aria-labelledby="elig-gaps-title" ref={listRef}>
      <div className="card-header">
        <h2 id="elig-gaps-title">Before you submit</h2>
        <span className="muted" data-gap-status>
          {gaps.length === 0 ? 'Nothing missing' : `${plural(gaps.length, 'item')} missing`}
        </span>
      </div>
      {gaps.length === 0 ? (
        <p>
          <span aria-hidden="true">✓ </span>No field is missing from the evidence shown below.
        </p>
      ) : (
        <>
          <p className="hint">
            These fields are still empty. You can create the packet now; each one is printed in it as a gap.
          </p>
          <ul className="gap-list">
            {gaps.map((g, i) => (
              <li key={`${g.rule}-${g.target.recordId ?? ''}-${g.target.field ?? ''}-${i}`}>
                <span className="elig-gap-text">
                  {g.text}
                  <span className="small muted elig-block">
                    {partNames[g.part]} · rule {g.rule}
                  </span>
                </span>
                <button type="button" className="btn btn-small" onClick={() => fix(g, i)}>
                  Fix <span className="elig-fix-where">on {screenNames[g.target.screen]}</span>
                  <span className="visually-hidden">: {g.text}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
