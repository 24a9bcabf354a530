/**
 * Form state for one record, validated with its shared zod schema as the user types.
 *
 * - Errors show for a field once it has been changed, and for every field after a
 *   Save attempt, with the schema's exact message ("Name is required").
 * - `submit(save)` refuses to call `save` while anything is invalid (nothing is saved
 *   half-way); a repository `ValidationError` comes back as per-field errors.
 * - `dirty` says the draft differs from what the form opened with. Every form registers
 *   it in the UI store (`useDirtyForm`), so leaving the screen or closing the window
 *   asks "Discard your changes?" first (issue 11, item 2), with no code in each screen.
 * - A save that a gap's Fix button led to takes the clerk back to Eligibility
 *   (`returnFromFix`), the same for every form.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { z } from 'zod';
import { errorsFromThrown, validateForm, visibleErrors } from './formErrors';
import type { FormErrors } from './formErrors';
import { useUi } from '../store/ui';

/**
 * Tells the UI store whether form `id` has unsaved changes, and forgets it when the form
 * goes away (saved, discarded or closed).
 */
export function useDirtyForm(dirty: boolean): void {
  const id = useId();
  const setFormDirty = useUi((s) => s.setFormDirty);
  useEffect(() => {
    setFormDirty(id, dirty);
  }, [id, dirty, setFormDirty]);
  useEffect(() => () => setFormDirty(id, false), [id, setFormDirty]);
}

export interface FormState<I, O> {
  draft: I;
  /** Replace the draft; `paths` are the fields the user just changed (e.g. 'name', 'positions[0].end'). */
  change: (next: I, ...paths: string[]) => void;
  /** Set one top-level field. */
  set: <K extends keyof I & string>(key: K, value: I[K]) => void;
  /** Errors to show now, by field path ('' = the whole record). */
  errors: FormErrors;
  /** Every current problem, shown or not. */
  allErrors: FormErrors;
  valid: boolean;
  submitted: boolean;
  saving: boolean;
  /** The draft differs from what the form opened with (or last saved). */
  dirty: boolean;
  /** Validates, then calls `save` with the parsed record. Resolves true when saved. */
  submit: (save: (data: O) => Promise<unknown>) => Promise<boolean>;
}

export function useForm<S extends z.ZodType>(
  schema: S,
  initial: z.input<S>,
): FormState<z.input<S>, z.output<S>> {
  type I = z.input<S>;
  const [draft, setDraft] = useState<I>(initial);
  // What "unchanged" means: the record the form opened with, then each saved version.
  const [baseline, setBaseline] = useState<string>(() => JSON.stringify(initial));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);

  const result = useMemo(() => validateForm(schema, draft), [schema, draft]);
  const dirty = useMemo(() => JSON.stringify(draft) !== baseline, [draft, baseline]);
  useDirtyForm(dirty);

  const change = (next: I, ...paths: string[]) => {
    setDraft(next);
    setServerErrors({});
    if (paths.length > 0) setTouched((t) => new Set([...t, ...paths]));
  };

  const set = <K extends keyof I & string>(key: K, value: I[K]) =>
    change({ ...(draft as Record<string, unknown>), [key]: value } as I, key);

  const submit = async (save: (data: z.output<S>) => Promise<unknown>): Promise<boolean> => {
    setSubmitted(true);
    if (!result.ok) return false;
    setSaving(true);
    try {
      await save(result.data);
      setBaseline(JSON.stringify(draft));
      useUi.getState().returnFromFix();
      return true;
    } catch (e) {
      setServerErrors(errorsFromThrown(e));
      return false;
    } finally {
      setSaving(false);
    }
  };

  return {
    draft,
    change,
    set,
    errors: { ...visibleErrors(result.errors, touched, submitted), ...serverErrors },
    allErrors: { ...result.errors, ...serverErrors },
    valid: result.ok,
    submitted,
    saving,
    dirty,
    submit,
  };
}

/** "Fix the 2 problems marked below." — shown at the top of a form after a refused Save. */
export function problemsSummary(errors: FormErrors): string | null {
  const n = Object.keys(errors).length;
  if (n === 0) return null;
  return n === 1
    ? 'Fix the problem marked below, then save again.'
    : `Fix the ${n} problems marked below, then save again.`;
}
