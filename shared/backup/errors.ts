/** The shape every backup problem takes, and how its place in the file is written. */

/**
 * One problem in a backup file. `path` is '' for the file as a whole; `message`
 * is the technical wording (the CLI prints `path: message`); `plain`, when set,
 * is the sentence a clerk reads first ("Person 1 (Ann Alvarez), position 1: the
 * start date must be a date such as 2024-03-12"), with `path` in small print.
 */
export interface BackupError {
  path: string;
  message: string;
  plain?: string;
}

/** `['data', 'people', 3, 'name']` → `data.people[3].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const k = String(key);
      if (/^[A-Za-z_$][\w$]*$/.test(k)) out += out === '' ? k : `.${k}`;
      else out += `[${JSON.stringify(k)}]`;
    }
  }
  return out;
}

/** `data.people[3]["odd key"].name` → `['data', 'people', 3, 'odd key', 'name']` (the inverse of `formatPath`). */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /(?:^|\.)([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(m[3]) as string);
    if (re.lastIndex === path.length) break;
  }
  return out;
}
