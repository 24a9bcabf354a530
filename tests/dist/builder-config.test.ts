/**
 * electron-builder.yml read as data: the installer choices a locked-down town hall PC needs,
 * every platform's targets, and the icon files it names (committed, right sizes), checked without
 * running electron-builder (tests/dist/packaging.test.ts does that).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './stand-in';

interface BuilderConfig {
  appId: string;
  productName: string;
  copyright: string;
  files: string[];
  win: { icon: string; target: string[] };
  nsis: Record<string, unknown>;
  mac: { icon: string; target: string[] };
  linux: { icon: string; target: string[] };
}

const config = parse(await readFile(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** Width and height from a PNG's IHDR chunk. */
async function pngSize(path: string): Promise<[number, number]> {
  const bytes = await readFile(join(ROOT, path));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z-]+)+$/);
    expect(config.productName).toBe('Equity Training Ledger');
    expect(config.copyright).toMatch(/©/);
  });

  it('builds a per-user NSIS installer that needs no administrator and never deletes the records', () => {
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({
      perMachine: false,
      allowElevation: false,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds dmg + zip for macOS and AppImage + deb for Linux', () => {
    expect(config.mac.target).toEqual(['dmg', 'zip']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('packs only the built app and package.json', () => {
    expect(config.files.filter((f) => !f.startsWith('!'))).toEqual([
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'package.json',
    ]);
  });

  it('uses committed icons of the sizes each platform needs', async () => {
    // Windows: a multi-size .ico up to 256 px; macOS: a 1024 px PNG it turns into .icns; Linux: 512 px.
    const ico = await readFile(join(ROOT, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    expect(await pngSize(config.mac.icon)).toEqual([1024, 1024]);
    expect(await pngSize(config.linux.icon)).toEqual([512, 512]);
    expect(existsSync(join(ROOT, 'resources/icons/icon.svg'))).toBe(true);
  });
});
