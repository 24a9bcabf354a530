/**
 * The `ledger` command's I/O on the real machine (ledger.ts wires it to `runCli`). Files it
 * writes (`--out`) replace any file of that name atomically, like every file the app
 * writes: a full disk or a Ctrl-C half-way leaves the old file intact.
 */
import { format } from 'date-fns';
import { writeFileAtomic } from '../main/atomic-write';
import { readFileWithProgress } from './read-file';
import type { CliIo } from './command';

export function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    // Bytes, not 'utf8': the backup reader decodes strictly, so a Latin-1 file is refused, not garbled.
    readFile: (path) => readFileWithProgress(path, (text) => void process.stderr.write(text)),
    writeFile: (path, data) => writeFileAtomic(path, data),
    // date-fns formats in the local time zone: "today" is the clerk's calendar day.
    today: () => format(new Date(), 'yyyy-MM-dd'),
  };
}
