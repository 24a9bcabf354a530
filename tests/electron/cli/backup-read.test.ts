/**
 * The CLI's file-reading path (issue 14 items 6, 9, 14): bytes decoded strictly,
 * the checksum verified, progress on stderr for files over 10 MB.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/command';
import { readFileWithProgress } from '../../../electron/cli/read-file';
import { runCli } from '../../../electron/cli/run';

const root = new URL('../../../', import.meta.url);
const SAMPLE = 'resources/samples/harbor-falls.json';
let dir: string;
let sample: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ledger-read-'));
  sample = await readFile(new URL(SAMPLE, root), 'utf8');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs the CLI reading real files the way `ledger.ts` does (bytes, with progress). */
async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (path) => readFileWithProgress(path, (t) => err.push(t)),
    today: () => '2026-03-01',
  };
  const code = await runCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('ledger reading a backup file', () => {
  it('refuses a Latin-1 copy of the sample instead of garbling its names', async () => {
    const path = join(dir, 'latin1.json');
    await writeFile(path, Buffer.from(sample, 'latin1'));
    const r = await run(['check', path, '--year', '2026']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the file is not valid UTF-8 \(byte \d+ of \d+\)/);
  });

  it('refuses a backup whose records were changed after it was written', async () => {
    const path = join(dir, 'edited.json');
    await writeFile(path, sample.replace('"Harbor Falls"', '"Harbor Fells"'));
    const r = await run(['check', path, '--year', '2026']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ledger: ${path}: dataSha256: the checksum (dataSha256) does not match the data\n`);
  });

  it('shows progress on stderr for a file over 10 MB, and none for a small one', async () => {
    const small = await run(['check', join(root.pathname, SAMPLE), '--year', '2026', '--json']);
    expect([small.code, small.stderr]).toEqual([0, '']);

    // The sample padded past 10 MB with whitespace (which changes no record, so it still verifies).
    const path = join(dir, 'big.json');
    await writeFile(path, sample.replace(/\n}\n$/, `${' '.repeat(11 * 1024 * 1024)}\n}\n`));
    const big = await run(['check', path, '--year', '2026', '--json']);
    expect(big.code).toBe(0);
    const lines = big.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('ledger: big.json: reading 11.0 MB…');
    expect(lines).toContain('ledger: big.json: read 25%');
    expect(lines).toContain(`ledger: ${path}: verifying the checksum…`);
    expect(lines.at(-1)).toBe(`ledger: ${path}: checking the records fit together…`);
    expect(JSON.parse(big.stdout)).toHaveProperty('certificationYear', 2026);
  });
});
