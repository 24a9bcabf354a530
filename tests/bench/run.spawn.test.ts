/**
 * `npm run bench` when a section cannot run (here: no Chromium): it must say so in its last
 * line, never call the run within budget, and exit 1, with --strict and without.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../../', import.meta.url));

function bench(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'bench/run.ts', ...args],
      { cwd, env: { ...process.env, ...env } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('npm run bench with a section that cannot run', () => {
  it('names it NOT MEASURED, never says within budget, and exits 1', { timeout: 120_000 }, async () => {
    const results = await mkdtemp(join(tmpdir(), 'ledger-bench-'));
    try {
      const env = { CHROMIUM_PATH: '/nonexistent/chromium', BENCH_RESULTS_DIR: results };
      const [strict, plain] = await Promise.all([
        bench(['--only', 'import', '--strict'], env),
        bench(['--only', 'import'], env),
      ]);
      for (const r of [strict, plain]) {
        expect(r.code, r.stderr).toBe(1);
        const last = r.stdout.trimEnd().split('\n').at(-1)!;
        expect(last.startsWith('INCOMPLETE: import NOT MEASURED')).toBe(true);
        expect(r.stdout).not.toMatch(/^\d+ of \d+ measured figures within budget/m);
        expect(r.stderr).toContain('no Chromium at /nonexistent/chromium');
      }
      const json = JSON.parse(await readFile(join(results, 'latest.json'), 'utf8')) as {
        notMeasured: string[];
      };
      expect(json.notMeasured).toEqual(['import']);
    } finally {
      await rm(results, { recursive: true, force: true });
    }
  });
});
