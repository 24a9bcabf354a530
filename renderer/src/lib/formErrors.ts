/**
 * Turns validation problems into what a form shows: `{ [fieldPath]: message }`.
 *
 * Paths use the same spelling as the repositories' `ValidationError`
 * (`name`, `positions[0].end`), so an error from either source lands next to
 * the same field. Messages are the shared zod schema's own ("Name is required")
 * or its plain-English defaults; the first letter is capitalised for display.
 */
import type { z } from 'zod';
import { formatPath, plainEnglish } from '../../../shared/backup/parse';

export type FormErrors = Record<string, string>;

interface IssueLike {
  path: string | readonly PropertyKey[];
  message: string;
}

const capitalise = (text: string): string => (text === '' ? text : text[0]!.toUpperCase() + text.slice(1));

/** The first message per field path; a whole-record problem uses the path ''. */
export function issuesToErrors(issues: readonly IssueLike[]): FormErrors {
  const out: FormErrors = {};
  for (const issue of issues) {
    const path = typeof issue.path === 'string' ? issue.path : formatPath(issue.path);
    if (!(path in out)) out[path] = capitalise(issue.message);
  }
  return out;
}

/** Validates `value` with a shared schema: the parsed record, or the errors by field path. */
export function validateForm<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; data: z.output<S>; errors: FormErrors } | { ok: false; errors: FormErrors } {
  const r = schema.safeParse(value, { error: plainEnglish });
  if (r.success) return { ok: true, data: r.data, errors: {} };
  return { ok: false, errors: issuesToErrors(r.error.issues) };
}

/**
 * Errors from something thrown by a repository write: a `ValidationError` (has
 * `issues` with string paths) becomes per-field errors; anything else becomes a
 * form-level error under ''.
 */
export function errorsFromThrown(error: unknown): FormErrors {
  if (
    error instanceof Error &&
    error.name === 'ValidationError' &&
    Array.isArray((error as Error & { issues?: unknown }).issues)
  ) {
    return issuesToErrors((error as Error & { issues: IssueLike[] }).issues);
  }
  return { '': capitalise(error instanceof Error ? error.message : String(error)) };
}

/** Only the errors for fields the user has touched (or all of them after a Save attempt). */
export function visibleErrors(
  errors: FormErrors,
  touched: ReadonlySet<string>,
  showAll: boolean,
): FormErrors {
  if (showAll) return errors;
  const out: FormErrors = {};
  for (const [path, message] of Object.entries(errors)) if (touched.has(path)) out[path] = message;
  return out;
}
