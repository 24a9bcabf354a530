import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs the real command line, as a user would, and collects its output. */
function ledger(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'electron/cli/ledger.ts', ...args], { cwd }, (error, stdout, stderr) => {
      // npm itself may warn about the machine's npm config; that is not the CLI's output.
      const own = stderr
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('npm warn'))
        .join('\n');
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr: own });
    });
  });
}

describe('ledger (spawned with npx tsx)', () => {
  it(
    'checks the sample and fails with one line for broken or missing files',
    { timeout: 120_000 },
    async () => {
      // A truncated file is not valid JSON, so it is made here rather than kept where the formatter would choke on it.
      const dir = await mkdtemp(join(tmpdir(), 'ledger-cli-'));
      try {
        const truncatedPath = join(dir, 'truncated.json');
        const sample = await readFile(join(cwd, 'resources/samples/harbor-falls.json'), 'utf8');
        await writeFile(truncatedPath, sample.slice(0, sample.indexOf(',', 1200) + 1));

        // A region folder: the sample and the truncated file side by side.
        const folder = join(dir, 'region');
        await mkdir(folder);
        await writeFile(join(folder, 'harbor-falls.json'), sample);
        await writeFile(join(folder, 'truncated.json'), sample.slice(0, sample.indexOf(',', 1200) + 1));

        const [ok, truncated, wrongType, missing, regionRun] = await Promise.all([
          ledger(
            'check',
            'resources/samples/harbor-falls.json',
            '--year',
            '2026',
            '--as-of',
            '2026-03-01',
            '--json',
          ),
          ledger('check', truncatedPath, '--year', '2026'),
          ledger('check', 'tests/fixtures/backups/wrong-type.json', '--year', '2026'),
          ledger('check', 'tests/fixtures/backups/missing.json', '--year', '2026'),
          ledger('check', folder, '--jsonl', '--as-of', '2026-03-01'),
        ]);
        expect(regionRun.code).toBe(2);
        const lines = regionRun.stdout
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l) as { file: string });
        expect(lines.map((l) => Object.keys(l)[1])).toEqual(['town', 'error']);
        expect(regionRun.stderr).toMatch(/^ledger: .*truncated\.json: line \d+, column \d+: invalid JSON/);
        expect(regionRun.stderr.split('\n')).toHaveLength(1);
        expect(ok.stderr).toBe('');
        expect(ok.code).toBe(0);
        expect((JSON.parse(ok.stdout) as { totalPoints: number }).totalPoints).toBe(15);

        expect(truncated.code).toBe(2);
        expect(truncated.stderr.startsWith(`ledger: ${truncatedPath}: line `)).toBe(true);
        expect(truncated.stderr).toMatch(/: line \d+, column \d+: invalid JSON: the file ends too early/);
        expect(wrongType.code).toBe(2);
        expect(wrongType.stderr).toBe(
          'ledger: tests/fixtures/backups/wrong-type.json: data.people[0].isResident: must be true or false, not text',
        );
        expect(missing.code).toBe(2);
        expect(missing.stderr).toBe('ledger: tests/fixtures/backups/missing.json: no such file');
        for (const r of [truncated, wrongType, missing]) {
          expect(r.stderr.split('\n')).toHaveLength(1);
          expect(r.stdout).toBe('');
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
