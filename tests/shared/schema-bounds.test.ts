/** Issue 14 items 11 and 13: one error for a bad time, and every free-text field bounded. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { plainEnglish } from '../../shared/backup';
import { personSchema, sessionSchema, townDataSchema } from '../../shared/domain/schema';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value, { error: plainEnglish });
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('session times', () => {
  const session = { id: 's', trainingId: 't', date: '2024-03-12' };

  it('gives "25:00" only its time error, not also "ends before it starts"', () => {
    expect(issuesOf(sessionSchema, { ...session, startTime: '25:00', endTime: '10:00' })).toEqual([
      { path: 'startTime', message: 'must be a time written HH:MM (24-hour)' },
    ]);
  });

  it('still says when two valid times are the wrong way round', () => {
    expect(issuesOf(sessionSchema, { ...session, startTime: '11:00', endTime: '10:00' })).toEqual([
      { path: 'endTime', message: 'the session ends before it starts' },
    ]);
  });
});

describe('free-text bounds', () => {
  it('refuses a 50 MB email address with a plain message, quickly', () => {
    const huge = `${'a'.repeat(50 * 1024 * 1024)}@example.org`;
    expect(issuesOf(personSchema, { id: 'p', name: 'Ann', email: huge })).toEqual([
      { path: 'email', message: 'Email must be at most 254 characters' },
    ]);
  });

  it('bounds every text field of the town data (no unbounded string is left)', () => {
    // Walk the JSON Schema zod emits: every string needs a maxLength, a fixed set of values or a
    // fixed-length format or pattern (a date, a time). An email pattern alone bounds nothing: 50 MB passed.
    const unbounded: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${i}]`));
      if (node === null || typeof node !== 'object') return;
      const s = node as Record<string, unknown>;
      if (
        s.type === 'string' &&
        s.maxLength === undefined &&
        !['date', 'time', 'date-time'].includes(String(s.format)) &&
        !(typeof s.pattern === 'string' && !/[*+]|\{\d+,\}/.test(s.pattern)) &&
        s.enum === undefined &&
        s.const === undefined
      )
        unbounded.push(path);
      for (const [k, v] of Object.entries(s)) walk(v, `${path}.${k}`);
    };
    const jsonSchema = z.toJSONSchema(townDataSchema, { io: 'input' });
    walk(jsonSchema, 'data');
    expect(JSON.stringify(jsonSchema)).toContain('"maxLength"');
    expect(unbounded).toEqual([]);
  });
});
