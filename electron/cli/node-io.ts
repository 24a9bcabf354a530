/**
 * The `ledger` command's I/O on the real machine: files through node:fs, output to
 * the process, today in the local time zone. `ledger.ts` runs the command with it;
 * the benchmark checks a region folder with it, exactly as a user would.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { format } from 'date-fns';
import type { CliIo } from './command';

export function nodeIo(out: Pick<CliIo, 'stdout' | 'stderr'>): CliIo {
  return {
    ...out,
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, data) => writeFile(path, data),
    // date-fns formats in the local time zone: "today" is the clerk's calendar day.
    today: () => format(new Date(), 'yyyy-MM-dd'),
    listFolder: async (path) => {
      try {
        return await readdir(path);
      } catch (e) {
        // A file or a missing path is not a folder; `check` then reads it (and names the problem).
        const code = (e as { code?: unknown }).code;
        if (code === 'ENOTDIR' || code === 'ENOENT') return null;
        throw e;
      }
    },
  };
}
