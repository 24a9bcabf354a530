/**
 * Issue 14, "Also": zod must never reach for `new Function` (its start-up probe and
 * its compiled parsers), which the app's CSP reports as an eval violation. The
 * setting has to be in place before the first schema is built, so this loads the
 * schema module the way the app does, with `Function` watched from the start.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const RealFunction = globalThis.Function;
afterEach(() => {
  globalThis.Function = RealFunction;
});

describe('zod configuration order', () => {
  it('builds and runs every schema without constructing a Function', async () => {
    const constructed: unknown[][] = [];
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args: unknown[]) {
        constructed.push(args);
        return Reflect.construct(target, args) as object;
      },
      apply(target, thisArg, args: unknown[]) {
        constructed.push(args);
        return Reflect.apply(target, thisArg, args) as unknown;
      },
    });
    vi.resetModules();
    const { townDataSchema } = await import('../../shared/domain/schema');
    const { parseBackup } = await import('../../shared/backup');
    townDataSchema.parse({ town: { certificationYear: 2026 } });
    parseBackup('{"format":"equity-training-ledger-backup","formatVersion":2}');
    expect(constructed).toEqual([]);
  });
});
