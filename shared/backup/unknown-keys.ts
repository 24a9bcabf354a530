/**
 * Unknown fields in a backup are errors, not silently dropped: a renamed
 * `"isResidenu"` must not turn 8 residents into 0 (zod's objects strip unknown
 * keys and fill in defaults, which is right for forms but wrong for a restore).
 *
 * WHY a walk beside the schema rather than `z.strictObject` everywhere: the same
 * domain schemas validate forms and stored rows, where stripping is wanted; and
 * the walk knows the field names at each place, so it can suggest the closest.
 */
import type { z } from 'zod';
import { formatPath } from './errors';
import type { BackupError } from './errors';

type Path = (string | number)[];

/** The parts of a zod definition this walk reads (zod 4's `_zod.def`). */
interface DefView {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  options?: readonly z.core.$ZodType[];
  discriminator?: string;
  values?: readonly unknown[];
  getter?: () => z.core.$ZodType;
}

const defOf = (schema: z.core.$ZodType): DefView => schema._zod.def;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Wrappers that hold one schema: defaults, nullables, pipes, lazies. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (let i = 0; i < 20; i++) {
    const def = defOf(current);
    const next = def.innerType ?? (def.type === 'pipe' ? def.in : undefined) ?? def.getter?.();
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

/** The object options of a union that fit `value` (by the discriminator when there is one). */
function objectOptionsFor(def: DefView, value: Record<string, unknown>): DefView[] {
  const objects = (def.options ?? []).map((o) => defOf(unwrap(o))).filter((o) => o.type === 'object');
  if (def.discriminator === undefined) return objects;
  const tag = value[def.discriminator];
  return objects.filter((o) => {
    const field = o.shape?.[def.discriminator!];
    const values = field === undefined ? undefined : defOf(unwrap(field)).values;
    return values?.includes(tag) ?? false;
  });
}

/** Every key in `value` that `schema` does not declare, with its path. Never throws on odd input. */
export function unknownKeyErrors(schema: z.core.$ZodType, value: unknown, path: Path = []): BackupError[] {
  const errors: { path: Path; key: string; known: string[] }[] = [];
  walk(schema, value, path, errors);
  return errors.map(({ path: at, key, known }) => {
    const suggestion = closestName(key, known);
    return {
      path: formatPath([...at, key]),
      message: `unknown field${suggestion === null ? '' : ` — did you mean ${suggestion}?`}`,
    };
  });
}

function walk(
  schema: z.core.$ZodType,
  value: unknown,
  path: Path,
  out: { path: Path; key: string; known: string[] }[],
): void {
  const def = defOf(unwrap(schema));
  if (def.type === 'array' && def.element !== undefined && Array.isArray(value)) {
    const element = def.element;
    value.forEach((item, i) => walk(element, item, [...path, i], out));
    return;
  }
  if (!isRecord(value)) return;
  let shapes: Record<string, z.core.$ZodType>[];
  if (def.type === 'object' && def.shape !== undefined) shapes = [def.shape];
  else if (def.type === 'union') {
    shapes = objectOptionsFor(def, value).flatMap((o) => (o.shape === undefined ? [] : [o.shape]));
    // No option fits: zod reports the wrong tag itself; guessing fields here would only add noise.
    if (shapes.length === 0) return;
  } else return;

  const known = [...new Set(shapes.flatMap((s) => Object.keys(s)))];
  for (const key of Object.keys(value)) {
    const field = shapes.find((s) => Object.hasOwn(s, key))?.[key];
    if (field === undefined) out.push({ path, key, known });
    else walk(field, value[key], [...path, key], out);
  }
}

/** Optimal string alignment distance (Levenshtein plus swapping two neighbours). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known name a typo most likely meant, or null when none is close: the same
 * name in another case, or within about one edit per four letters (at most 3).
 */
export function closestName(key: string, known: readonly string[]): string | null {
  if (key.length > 100) return null;
  const lower = key.toLowerCase();
  const sameCase = known.find((k) => k.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of known) {
    const distance = editDistance(lower, name.toLowerCase());
    const allowed = Math.min(3, Math.max(1, Math.floor(name.length / 4)));
    if (distance <= allowed && distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}
