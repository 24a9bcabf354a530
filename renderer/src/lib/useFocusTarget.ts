/**
 * Lets a screen react to `navigate({ screen, recordId, field })`: when a "Fix" link
 * (or any navigation) points at this screen with a record or field, `handle` runs
 * once, after the screen has rendered, and the request is cleared.
 */
import { useEffect } from 'react';
import { useUi } from '../store/ui';
import type { PendingFocus, ScreenId } from '../store/ui';

export function useFocusTarget(screen: ScreenId, handle: (target: PendingFocus) => void): void {
  const focus = useUi((s) => s.focus);
  const clearFocus = useUi((s) => s.clearFocus);
  useEffect(() => {
    if (focus === null || focus.screen !== screen) return;
    handle(focus);
    clearFocus();
    // `handle` is usually an inline function; the request itself is what must trigger this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus, screen, clearFocus]);
}

/**
 * Brings an element into view and focuses it: the first match of
 * `[data-record-id="<recordId>"]`, then within it (or the page) `[data-field="<field>"]`
 * or `[name="<field>"]`. Returns whether something was found.
 */
export function focusElementFor(
  target: { recordId?: string; field?: string },
  root: ParentNode = document,
): boolean {
  const esc = (v: string) =>
    typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(v) : v.replace(/"/g, '\\"');
  let scope: ParentNode = root;
  let el: HTMLElement | null = null;
  if (target.recordId !== undefined) {
    el = root.querySelector<HTMLElement>(`[data-record-id="${esc(target.recordId)}"]`);
    if (el) scope = el;
  }
  if (target.field !== undefined) {
    const f = scope.querySelector<HTMLElement>(
      `[data-field="${esc(target.field)}"], [name="${esc(target.field)}"]`,
    );
    if (f) el = f;
  }
  if (!el) return false;
  el.scrollIntoView?.({ block: 'center' });
  if (!el.matches('input, select, textarea, button, a[href], [tabindex]')) el.tabIndex = -1;
  el.focus();
  return true;
}
