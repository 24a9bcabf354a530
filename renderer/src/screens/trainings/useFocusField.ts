/**
 * Focuses one field of a dialog when it opens, for "Fix" links that point at a
 * record's field (e.g. a training's `provider`, a session's `departmentsReported`).
 */
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

/** The control named `field` in `scope`: by its name, else the first control of its `[data-field]` wrapper. */
export function controlFor(scope: ParentNode, field: string): HTMLElement | null {
  // jsdom (component tests) has no CSS.escape; field names are plain words, so quoting is enough there.
  const name =
    typeof CSS !== 'undefined' && typeof CSS.escape === 'function'
      ? CSS.escape(field)
      : field.replace(/"/g, '\\"');
  return (
    scope.querySelector<HTMLElement>(
      `input[name="${name}"], select[name="${name}"], textarea[name="${name}"]`,
    ) ??
    scope.querySelector<HTMLElement>(
      `[data-field="${name}"] input, [data-field="${name}"] select, [data-field="${name}"] textarea`,
    )
  );
}

export function useFocusField(field: string | undefined): RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Runs after the Dialog's own "focus the first field", so the requested field wins.
    if (!field || !ref.current) return;
    const control = controlFor(ref.current, field);
    control?.scrollIntoView?.({ block: 'center' });
    control?.focus();
  }, [field]);
  return ref;
}
