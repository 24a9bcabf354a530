/**
 * The `ledger` command's I/O on the real machine (ledger.ts wires it to `runCli`; the
 * benchmark checks a region folder with it, exactly as a user would). Files it writes
 * (`--out`) replace any file of that name atomically, like every file the app writes: a
 * full disk or a Ctrl-C half-way leaves the old file intact.
 */
import { readdir } from 'node:fs/promises';
import { format } from 'date-fns';
import { writeFileAtomic } from '../main/atomic-write';
import { readFileWithProgress } from './read-file';
import type { CliIo } from './command';

export function nodeIo(
  out: Pick<CliIo, 'stdout' | 'stderr'> = {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
  },
): CliIo {
  return {
    ...out,
    // Bytes, not 'utf8': the backup reader decodes strictly, so a Latin-1 file is refused, not garbled.
    readFile: (path) => readFileWithProgress(path, out.stderr),
    writeFile: (path, data) => writeFileAtomic(path, data),
    // date-fns formats in the local time zone: "today" is the clerk's calendar day.
    today: () => format(new Date(), 'yyyy-MM-dd'),
    env: process.env,
    fetch: (url, init) => fetch(url, init),
    now: () => new Date(),
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
