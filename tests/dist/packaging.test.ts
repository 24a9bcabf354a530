/**
 * The packaged app, as electron-builder really builds it from electron-builder.yml, packed
 * against a stand-in Electron (tests/dist/stand-in.ts) so nothing is downloaded: what goes into
 * app.asar, that the main process needs nothing outside it, and that the fuses are flipped in the
 * binary. The installers themselves (NSIS, portable, dmg, zip, AppImage, deb) need their platform
 * tools and a real Electron; the release workflow builds them. app.asar's size budget is in
 * `npm run bench` (bench/packaging.ts).
 *
 * About ten seconds (an electron-vite build and one electron-builder run), so it has its own file.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildApp, packWithStandIn, readFuses, ROOT, STOCK_FUSES } from './stand-in';
import type { FuseName, Packed } from './stand-in';

interface PackageJson {
  name: string;
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

let workDir: string;
let packed: Packed;
let files: string[];
let pkg: PackageJson;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'ledger-pack-'));
  pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
  await buildApp();
  packed = await packWithStandIn(workDir);
  // listPackage gives absolute-looking paths ('/out/main/index.js'); compare without the slash.
  files = listPackage(packed.asarPath, { isPack: false }).map((f) =>
    f.replace(/\\/g, '/').replace(/^\//, ''),
  );
}, 240000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const text = (path: string): string => extractFile(packed.asarPath, path).toString('utf8');

describe('app.asar', () => {
  it('was packed from the stand-in, not a downloaded Electron', () => {
    expect(packed.log).toContain('using custom unpacked Electron distribution');
    expect(packed.log).not.toMatch(/downloading/i);
  });

  it('holds the main process, the preload, the renderer and package.json', () => {
    expect(files).toContain('package.json');
    expect(files).toContain('out/main/index.js');
    expect(files).toContain('out/preload/index.cjs');
    expect(files).toContain('out/renderer/index.html');
    // The entry Electron starts is the one in the asar.
    expect(files).toContain(pkg.main.replace(/^\.\//, ''));
    expect(JSON.parse(text('package.json'))).toMatchObject({ name: pkg.name, main: pkg.main });
  });

  it('holds the Harbor Falls sample, pdfmake and its fonts (bundled into renderer chunks)', () => {
    const assets = files.filter((f) => f.startsWith('out/renderer/assets/') && f.endsWith('.js'));
    const containing = (needle: string) => assets.filter((f) => text(f).includes(needle));
    expect(containing('Harbor Falls').length).toBeGreaterThan(0);
    // pdfmake's virtual file system names its fonts; the chunk carries them base64-encoded.
    const fonts = containing('Roboto-Medium.ttf');
    expect(fonts.length).toBeGreaterThan(0);
    expect(Math.max(...fonts.map((f) => text(f).length))).toBeGreaterThan(500_000);
    expect(assets.some((f) => /\/pdfmake-[\w-]+\.js$/.test(f))).toBe(true);
    // Every asset index.html names is there.
    const html = text('out/renderer/index.html');
    for (const [, ref] of html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)) {
      expect(files).toContain(`out/renderer/${ref}`);
    }
  });

  it('holds no tests, no TypeScript, no source maps, no node_modules and no browser edition', () => {
    expect(files.filter((f) => /(^|\/)tests?\//.test(f))).toEqual([]);
    expect(files.filter((f) => /\.(ts|tsx|mts|cts|map)$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.includes('node_modules'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('out/web'))).toEqual([]);
    expect(files.filter((f) => /^(electron|renderer|shared|bench|resources)\//.test(f))).toEqual([]);
    // Nothing else at the top level.
    expect(new Set(files.map((f) => f.split('/')[0]))).toEqual(new Set(['out', 'package.json']));
  });

  it('holds no devDependency, not even bundled into the main process', () => {
    const main = text('out/main/index.js');
    for (const dev of Object.keys(pkg.devDependencies)) {
      if (dev === 'electron') continue;
      expect(
        files.filter((f) => f.split('/').includes(dev.split('/').pop()!)),
        dev,
      ).toEqual([]);
      expect(main.includes(`node_modules/${dev}/`), `${dev} bundled into main`).toBe(false);
    }
  });

  it('needs nothing outside itself: the main process and preload import only Electron and Node built-ins', () => {
    const bare = (source: string): string[] => [
      ...[...source.matchAll(/^import\s[^'"]*?from\s*["']([^"']+)["'];?$/gm)].map((m) => m[1]!),
      ...[...source.matchAll(/^import\s*["']([^"']+)["'];?$/gm)].map((m) => m[1]!),
      ...[...source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!),
      ...[...source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!),
    ];
    const imports = [...bare(text('out/main/index.js')), ...bare(text('out/preload/index.cjs'))];
    expect(imports).toContain('electron');
    expect(imports.filter((m) => m !== 'electron' && !m.startsWith('node:') && !m.startsWith('.'))).toEqual(
      [],
    );
  });

  it('is the only app the package carries (no loose app folder beside it)', async () => {
    expect((await readdir(join(packed.appOutDir, 'resources'))).sort()).toEqual(['app.asar']);
  });
});

describe('Electron fuses', () => {
  const expected: Record<FuseName, boolean> = {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
    // Not configured: left as Electron ships it.
    loadBrowserProcessSpecificV8Snapshot: STOCK_FUSES.loadBrowserProcessSpecificV8Snapshot,
  };

  it('are configured in electron-builder.yml as the hardening requires', async () => {
    const config = parse(await readFile(join(ROOT, 'electron-builder.yml'), 'utf8')) as {
      electronFuses: Record<string, boolean>;
    };
    const { loadBrowserProcessSpecificV8Snapshot: _unset, ...configured } = expected;
    expect(config.electronFuses).toEqual(configured);
  });

  it('are flipped in the packaged executable', async () => {
    expect(packed.log).toContain('executing @electron/fuses');
    const fuses = readFuses(await readFile(packed.executablePath));
    expect(fuses).toEqual(expected);
    // The stand-in started with every one of these the other way round.
    for (const name of ['runAsNode', 'onlyLoadAppFromAsar', 'enableCookieEncryption'] as const) {
      expect(STOCK_FUSES[name]).toBe(!expected[name]);
    }
  });
});
