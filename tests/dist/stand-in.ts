/**
 * Packs the real app with electron-builder (the project's own electron-builder.yml) without
 * downloading anything: `--dir` (no installer, so no NSIS/dmg/AppImage tools are fetched) and
 * `electronDist` pointing at a stand-in Electron, a tiny executable that carries Electron's fuse
 * wire (the sentinel @electron/fuses searches for, followed by version, length and one byte per
 * fuse, in the states a stock Electron ships with). electron-builder then copies it, writes
 * app.asar beside it and flips the fuses in it exactly as it would in the real binary.
 *
 * Used by tests/dist/packaging.test.ts and by `npm run bench` (bench/packaging.ts).
 */
import { spawn } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The marker Electron's binary carries right before its fuse wire (from @electron/fuses). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Fuse wire version 1, in @electron/fuses' FuseV1Options order. */
export const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
export type FuseName = (typeof FUSE_ORDER)[number];

/** A stock Electron's fuses: Node-ish switches on, the hardening off (what the config must flip). */
export const STOCK_FUSES: Record<FuseName, boolean> = {
  runAsNode: true,
  enableCookieEncryption: false,
  enableNodeOptionsEnvironmentVariable: true,
  enableNodeCliInspectArguments: true,
  enableEmbeddedAsarIntegrityValidation: false,
  onlyLoadAppFromAsar: false,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: true,
};

/** The stand-in executable's bytes: a shell script that says what it is, then the fuse wire. */
export function standInExecutable(fuses: Record<FuseName, boolean> = STOCK_FUSES): Buffer {
  const wire = FUSE_ORDER.map((name) => (fuses[name] ? '1' : '0')).join('');
  return Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in for Electron (packaging test)"\nexit 0\n# '),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([1, FUSE_ORDER.length]),
    Buffer.from(`${wire}\n`),
  ]);
}

/** Reads the fuse wire back out of a binary: name → on/off (or the raw byte when it is neither). */
export function readFuses(binary: Buffer): Record<FuseName, boolean | number> {
  const at = binary.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error('no fuse wire in this binary');
  const wire = at + FUSE_SENTINEL.length;
  if (binary[wire] !== 1) throw new Error(`fuse wire version ${binary[wire]}, expected 1`);
  const states = {} as Record<FuseName, boolean | number>;
  FUSE_ORDER.forEach((name, i) => {
    const byte = binary[wire + 2 + i]!;
    states[name] = byte === 0x31 ? true : byte === 0x30 ? false : byte;
  });
  return states;
}

export interface Packed {
  /** electron-builder's unpacked app folder (linux-unpacked). */
  appOutDir: string;
  asarPath: string;
  /** The renamed stand-in executable, with the fuses electron-builder flipped. */
  executablePath: string;
  /** electron-builder's log (stdout + stderr). */
  log: string;
  /** How long electron-builder took, in milliseconds (the app build excluded). */
  packMs: number;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done(log) : fail(new Error(`${args.join(' ')} exited with ${code}:\n${log}`)),
    );
  });
}

/**
 * The child's environment: no Electron download, and without vitest's variables (electron-builder
 * silences its log when it sees VITEST, and the test reads that log).
 */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CI: 'true' };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST')) delete env[key];
  return env;
}

const require = createRequire(import.meta.url);

/** `electron-vite build` into out/ (what `npm run dist` packs). */
export async function buildApp(): Promise<void> {
  const cli = join(require.resolve('electron-vite/package.json'), '../bin/electron-vite.js');
  await run(process.execPath, [cli, 'build'], process.env);
}

/**
 * Packs out/ (build it first with `buildApp`) into `workDir`/dist/linux-unpacked against the
 * stand-in. Linux because its unpacked layout is one executable and resources/; `--dir` needs
 * no platform tools, so this runs on any host.
 */
export async function packWithStandIn(workDir: string): Promise<Packed> {
  const standIn = join(workDir, 'stand-in-electron');
  await mkdir(standIn, { recursive: true });
  await writeFile(join(standIn, 'electron'), standInExecutable());
  await chmod(join(standIn, 'electron'), 0o755);
  const output = join(workDir, 'dist');
  const cli = join(require.resolve('electron-builder/package.json'), '../cli.js');
  const started = performance.now();
  const log = await run(
    process.execPath,
    [
      cli,
      '--dir',
      '--linux',
      '--x64',
      '--publish',
      'never',
      `-c.electronDist=${standIn}`,
      `-c.directories.output=${output}`,
    ],
    childEnv(),
  );
  const packMs = performance.now() - started;
  const appOutDir = join(output, 'linux-unpacked');
  // On Linux electron-builder names the executable after package.json's `name`.
  const { name } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { name: string };
  const executable = name;
  return {
    appOutDir,
    asarPath: join(appOutDir, 'resources', 'app.asar'),
    executablePath: join(appOutDir, executable),
    log,
    packMs,
  };
}
