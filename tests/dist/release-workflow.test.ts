/**
 * .github/workflows/release.yml cannot run here; read as data it must build on the three
 * platforms from a version tag, pin every action to a full version, and run only npm scripts
 * that exist.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './stand-in';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { push: { tags: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; strategy: { matrix: { os: string[] } }; steps: Step[] }>;
}

const workflow = parse(await readFile(join(ROOT, '.github/workflows/release.yml'), 'utf8')) as Workflow;
const scripts = (
  JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;
const jobs = Object.values(workflow.jobs);
const steps = jobs.flatMap((job) => job.steps);
const commands = steps
  .flatMap((step) => (step.run ?? '').split('\n').map((line) => line.trim()))
  .filter(Boolean);

describe('the release workflow', () => {
  it('runs on a version tag and may write the release', () => {
    expect(workflow.on.push.tags).toEqual(['v*.*.*']);
    expect(workflow.permissions.contents).toBe('write');
  });

  it('builds on Windows, macOS and Linux', () => {
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.strategy.matrix.os).toEqual(['windows-latest', 'macos-latest', 'ubuntu-latest']);
    expect(jobs[0]!['runs-on']).toBe('${{ matrix.os }}');
  });

  it('pins every action to a full version', () => {
    const uses = steps.map((s) => s.uses).filter((u): u is string => u !== undefined);
    expect(uses.length).toBeGreaterThanOrEqual(3);
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@v\d+\.\d+\.\d+$/);
  });

  it('installs with npm ci, runs the unit tests, builds the installers and uploads them, in that order', () => {
    const order = ['npm ci', 'npm run test:unit', 'npm run dist'].map((c) =>
      commands.findIndex((line) => line.startsWith(c)),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const upload = steps.find((s) => s.uses?.startsWith('softprops/action-gh-release@'));
    const files = upload?.with?.files;
    expect(typeof files).toBe('string');
    for (const ext of ['exe', 'dmg', 'zip', 'AppImage', 'deb'])
      expect(files as string).toContain(`dist/*.${ext}`);
    expect(steps.indexOf(upload!)).toBe(steps.length - 1);
  });

  it('runs only npm scripts that exist in package.json', () => {
    const used = commands.flatMap((line) => [...line.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => m[1]!));
    expect(used.length).toBeGreaterThan(0);
    for (const script of used) expect(scripts, `npm run ${script}`).toHaveProperty([script]);
    // And the scripts they chain to.
    for (const chained of used.flatMap((s) =>
      [...scripts[s]!.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => m[1]!),
    ))
      expect(scripts).toHaveProperty([chained]);
  });
});
