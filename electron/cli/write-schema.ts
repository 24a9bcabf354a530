/**
 * Regenerates `resources/backup-format.schema.json` from the zod schema
 * (`npm run schema:write`, i.e. `tsx electron/cli/write-schema.ts`). A test fails
 * when the committed file is out of date, so the published format cannot drift.
 * Written atomically like every file the app replaces, so an interrupted run never
 * leaves a half schema in the repository.
 */
import { fileURLToPath } from 'node:url';
import { backupJsonSchemaText } from '../../shared/backup/format';
import { writeFileAtomic } from '../main/atomic-write';

const target = fileURLToPath(new URL('../../resources/backup-format.schema.json', import.meta.url));
await writeFileAtomic(target, backupJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
