import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backupJsonSchema, backupJsonSchemaText } from '../../../shared/backup';

describe('backupJsonSchema()', () => {
  it('matches the committed resources/backup-format.schema.json', () => {
    const committed = readFileSync(
      new URL('../../../resources/backup-format.schema.json', import.meta.url),
      'utf8',
    );
    expect(
      committed === backupJsonSchemaText(),
      'resources/backup-format.schema.json is out of date: run `npm run schema:write` (tsx electron/cli/write-schema.ts) and commit the result',
    ).toBe(true);
  });

  it('describes the envelope and lets defaulted fields be left out (io: input)', () => {
    const schema = backupJsonSchema() as {
      required: string[];
      properties: Record<string, { const?: unknown; required?: string[] }>;
    };
    expect(schema.required).toEqual(['format', 'formatVersion', 'exportedAt', 'app', 'data']);
    expect(schema.properties.format!.const).toBe('equity-training-ledger-backup');
    expect(schema.properties.data!.required).toEqual(['town']);
  });
});
