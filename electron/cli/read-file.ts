/**
 * Reads a file as bytes for the CLI, printing progress to stderr for files over
 * 10 MB (PROGRESS_BYTES) so a big backup does not look like a hang.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { PROGRESS_BYTES } from './command';

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

export async function readFileWithProgress(
  path: string,
  stderr: (text: string) => void,
): Promise<Uint8Array> {
  const info = await stat(path);
  if (info.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
  const total = info.size;
  const loud = total > PROGRESS_BYTES;
  const chunks: Buffer[] = [];
  let read = 0;
  let nextReport = 0.25;
  if (loud) stderr(`ledger: ${basename(path)}: reading ${mb(total)}…\n`);
  for await (const chunk of createReadStream(path)) {
    const buffer = chunk as Buffer;
    chunks.push(buffer);
    read += buffer.byteLength;
    if (loud && read / total >= nextReport && read < total) {
      stderr(`ledger: ${basename(path)}: read ${Math.floor((read / total) * 100)}%\n`);
      while (read / total >= nextReport) nextReport += 0.25;
    }
  }
  return new Uint8Array(Buffer.concat(chunks));
}
