import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { UnknownSessionError, createPacketPdf, createSignInPdf } from '../../../renderer/src/packet/index';
import { fixtureEvaluation, fixtureTown, meta } from '../../shared/packet/fixtures';

const head = (bytes: Uint8Array) => new TextDecoder().decode(bytes.slice(0, 5));

describe('createPacketPdf()', () => {
  it('renders the packet with pdfmake’s browser build and its bundled fonts', async () => {
    const bytes = await createPacketPdf(fixtureTown(), fixtureEvaluation(), meta);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(head(bytes)).toBe('%PDF-');
    expect(new TextDecoder('latin1').decode(bytes)).toContain('Roboto');
  });

  it('keeps pdfmake out of the static imports, so the main chunk never carries it', async () => {
    const source = await readFile(new URL('../../../renderer/src/packet/index.ts', import.meta.url), 'utf8');
    const staticImports = source.split('\n').filter((l) => /^import\s(?!type\b)/.test(l));
    expect(staticImports.join('\n')).not.toMatch(/pdfmake/);
    expect(source).toMatch(/import\('pdfmake\/build\/pdfmake'\)/);
    expect(source).toMatch(/import\('pdfmake\/build\/vfs_fonts'\)/);
  });
});

describe('createSignInPdf()', () => {
  it('renders a sign-in sheet for a known session', async () => {
    expect(head(await createSignInPdf(fixtureTown(), 's-101', meta))).toBe('%PDF-');
  });

  it('rejects with UnknownSessionError for an unknown session id', async () => {
    await expect(createSignInPdf(fixtureTown(), 'missing', meta)).rejects.toBeInstanceOf(UnknownSessionError);
  });
});
