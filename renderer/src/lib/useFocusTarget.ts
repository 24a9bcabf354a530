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

const controls = 'input, select, textarea, button';
const focusable = `${controls}, a[href], [tabindex]`;

/**
 * The element a `field` name points at in `scope`, preferring the control itself:
 * a form control named `field`, else the element marked `data-field="<field>"`
 * when it is itself focusable (e.g. an Add button), else the first control inside
 * that mark. A Field component puts `data-field` on its wrapper, which comes
 * before its input in the page, so matching both in one selector would focus the
 * wrapper and leave the clerk's cursor nowhere; this order avoids that.
 */
function fieldElement(scope: ParentNode, name: string): HTMLElement | null {
  const named = scope.querySelector<HTMLElement>(
    controls
      .split(', ')
      .map((tag) => `${tag}[name="${name}"]`)
      .join(', '),
  );
  if (named) return named;
  const marked = scope.querySelector<HTMLElement>(`[data-field="${name}"]`);
  if (!marked || marked.matches(focusable)) return marked;
  return marked.querySelector<HTMLElement>(controls) ?? marked;
}

/**
 * Brings an element into view and focuses it: the first match of
 * `[data-record-id="<recordId>"]`, then within it (or the page) the control for
 * `field` (see `fieldElement`). Returns whether something was found.
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
    const f = fieldElement(scope, esc(target.field));
    if (f) el = f;
  }
  if (!el) return false;
  el.scrollIntoView?.({ block: 'center' });
  if (!el.matches(focusable)) el.tabIndex = -1;
  el.focus();
  return true;
}
