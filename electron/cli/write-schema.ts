/**
 * Regenerates `resources/backup-format.schema.json` from the zod schema
 * (`npm run schema:write`, i.e. `tsx electron/cli/write-schema.ts`). A test fails
 * when the committed file is out of date, so the published format cannot drift.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { backupJsonSchemaText } from '../../shared/backup/format';

const target = fileURLToPath(new URL('../../resources/backup-format.schema.json', import.meta.url));
writeFileSync(target, backupJsonSchemaText(), 'utf8');
process.stdout.write(`wrote ${target}\n`);
