/**
 * Fault injection for the backup format (issue 14 items 6, 8, 9; issue 11 item 7):
 * files damaged or made the ways the audit found, each refused with a plain
 * message or, where nothing in the records changed, read back identically.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  dataChecksum,
  parseBackup,
  parseBackupBytes,
  serializeBackup,
} from '../../../shared/backup';
import type { ParseBackupResult } from '../../../shared/backup';
import type { TownData } from '../../../shared/domain/schema';

const sampleText = readFileSync(
  new URL('../../../resources/samples/harbor-falls.json', import.meta.url),
  'utf8',
);
const sampleBytes = new TextEncoder().encode(sampleText);
const sampleData = (): TownData => {
  const r = parseBackup(sampleText);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.backup.data;
};

type Raw = Record<string, unknown> & {
  data: { town: Record<string, unknown>; people: Record<string, unknown>[] } & Record<string, unknown>;
};
const raw = (): Raw => JSON.parse(sampleText) as Raw;
const refused = (r: ParseBackupResult) => {
  if (r.ok) throw new Error('expected the backup to be refused');
  return r.errors;
};

/** A small deterministic generator (mulberry32), so every run flips the same bits. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the checksum (item 9)', () => {
  it('is in every backup the app writes and matches its data', () => {
    const text = serializeBackup(sampleData(), {
      exportedAt: '2026-03-01T15:00:00.000Z',
      appVersion: '0.1.0',
    });
    const doc = JSON.parse(text) as { formatVersion: number; dataSha256: string; data: unknown };
    expect(doc.formatVersion).toBe(2);
    expect(doc.dataSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.dataSha256).toBe(dataChecksum(doc.data));
    const r = parseBackup(text);
    expect(r.ok && r.checksum).toBe('verified');
  });

  it('is SHA-256 over JSON with keys sorted by UTF-16 code unit and no whitespace', () => {
    // The README's worked example: anyone can recompute it (e.g. `printf '%s' '…' | sha256sum`).
    const value = { b: [1, 'é', null], a: { ä: true, Z: 2.5 }, '\u{1F600}': '', ﬀ: 0 };
    // Code units, not code points: the emoji (surrogates D83D DE00) sorts before ﬀ (FB00).
    expect(canonicalJson(value)).toBe('{"a":{"Z":2.5,"ä":true},"b":[1,"é",null],"😀":"","ﬀ":0}');
    // Known answer, as `printf '%s' '{"town":{"name":"A"}}' | sha256sum` prints it.
    expect(dataChecksum(JSON.parse('{ "town" : { "name" : "A" } }'))).toBe(
      '38504111ced02344d3935011cbdb2b7918457e2ae350a7fe3c04e000fbc87d77',
    );
  });

  it('survives re-indenting and reordering the file (no record changed)', () => {
    const doc = raw();
    const reordered = Object.fromEntries(Object.entries(doc).reverse());
    const r = parseBackup(JSON.stringify(reordered, null, '\t').replace(/\n/g, '\r\n'));
    expect(r.ok && r.checksum).toBe('verified');
  });

  it('refuses a backup edited after it was written, with the plain message and nothing else', () => {
    const doc = raw();
    doc.data.town.name = 'Harbor Fells';
    const errors = refused(parseBackup(JSON.stringify(doc)));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.plain).toMatch(/^This backup was changed or damaged after it was written/);
  });

  it('refuses every single-bit flip that changes the records (400 flips across the file)', () => {
    const next = random(14);
    const original = sampleData();
    let refusedCount = 0;
    let harmless = 0;
    for (let n = 0; n < 400; n++) {
      const bytes = sampleBytes.slice();
      const at = Math.floor(next() * bytes.length);
      bytes[at]! ^= 1 << Math.floor(next() * 8);
      const r = parseBackupBytes(bytes);
      if (!r.ok) {
        refusedCount++;
        expect(r.errors[0]!.plain ?? r.errors[0]!.message).not.toBe('');
        continue;
      }
      // Accepted: only where nothing in the records changed (a flip in when or by which version it was written).
      harmless++;
      expect(r.backup.data, `flip of byte ${at} changed the data and was accepted`).toEqual(original);
    }
    expect(refusedCount + harmless).toBe(400);
    expect(refusedCount).toBeGreaterThan(300);
  });

  it('still reads a version 1 file (no checksum) and says the checksum is missing', () => {
    const doc = raw();
    doc.formatVersion = 1;
    delete doc.dataSha256;
    const r = parseBackup(JSON.stringify(doc));
    expect(r.ok && r.checksum).toBe('missing');
    expect(r.ok && r.backup.data).toEqual(sampleData());
  });
});

describe('unknown fields and newer files (item 8)', () => {
  it('names an unknown field with its path and the known name it is closest to', () => {
    const doc = raw();
    delete doc.dataSha256;
    const person = doc.data.people[3] as Record<string, unknown>;
    person.isResidenu = person.isResident;
    delete person.isResident;
    const errors = refused(parseBackup(JSON.stringify(doc)));
    expect(errors).toContainEqual(
      expect.objectContaining({
        path: 'data.people[3].isResidenu',
        message: 'unknown field — did you mean isResident?',
        plain: expect.stringMatching(
          /^Person 4 \(Grace Okafor\): “isResidenu” is not something this app records — did you mean “isResident”/,
        ),
      }),
    );
  });

  it('finds unknown fields inside positions (by kind), settings and the envelope, with no guess when nothing is close', () => {
    const doc = raw();
    delete doc.dataSha256;
    const positions = (doc.data.people[0] as { positions: Record<string, unknown>[] }).positions;
    positions[0]!.levle = positions[0]!.level;
    delete positions[0]!.level;
    (doc.data as unknown as { settings: Record<string, unknown> }).settings = { shoeSize: 9 };
    doc.comment = 'by hand';
    const errors = refused(parseBackup(JSON.stringify(doc))).map(({ path, message }) => ({ path, message }));
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'data.people[0].positions[0].levle', message: 'unknown field — did you mean level?' },
        { path: 'data.settings.shoeSize', message: 'unknown field' },
        { path: 'comment', message: 'unknown field' },
      ]),
    );
  });

  it('refuses a file from a newer format version: update the app', () => {
    const doc = raw();
    doc.formatVersion = 3;
    const errors = refused(parseBackup(JSON.stringify(doc)));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.plain).toMatch(/written by a newer version of Equity Training Ledger\. Update the app/);
  });
});

describe('text encodings (item 6)', () => {
  it('refuses a Latin-1 copy of a backup instead of restoring "Harb�r F�lls"', () => {
    // The sample re-encoded as Latin-1 (é in José Peña becomes the single byte 0xE9).
    const latin1 = Uint8Array.from(sampleText, (c) => {
      const code = c.charCodeAt(0);
      return code < 256 ? code : 0x3f;
    });
    const errors = refused(parseBackupBytes(latin1));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^the file is not valid UTF-8 \(byte \d+ of \d+\)$/);
    expect(errors[0]!.plain).toMatch(/not in the text encoding the app writes \(UTF-8\)/);
  });

  it('refuses a lone invalid byte inside a name, an overlong encoding and a UTF-16 surrogate', () => {
    for (const bad of [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80]]) {
      const at = sampleText.indexOf('Harbor Falls');
      const bytes = new Uint8Array([...sampleBytes.slice(0, at), ...bad, ...sampleBytes.slice(at)]);
      expect(refused(parseBackupBytes(bytes))[0]!.message).toMatch(/not valid UTF-8/);
    }
  });

  it('accepts the UTF-8 byte-order mark some editors add', () => {
    const r = parseBackupBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...sampleBytes]));
    expect(r.ok && r.checksum).toBe('verified');
  });
});

describe('what the file is, in plain words (issue 11 item 7)', () => {
  const plainOf = (r: ParseBackupResult) => refused(r)[0]!.plain ?? '';

  it('names an Excel workbook, a PDF, a CSV file, an empty file and a truncated one', () => {
    expect(plainOf(parseBackupBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])))).toMatch(
      /Excel workbook.*use People › Import from CSV…/,
    );
    expect(plainOf(parseBackupBytes(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n')))).toMatch(
      /^This is a PDF file/,
    );
    expect(plainOf(parseBackup('Name,Email,Title\nAnn Alvarez,ann@example.org,Clerk\n'))).toMatch(
      /CSV \(spreadsheet\) file.*use People › Import from CSV…/,
    );
    expect(plainOf(parseBackupBytes(new Uint8Array()))).toMatch(/^The file is empty/);
    expect(plainOf(parseBackup(sampleText.slice(0, sampleText.length / 2)))).toMatch(/^The file ends early/);
  });

  it('says which person and position a wrong field belongs to, with the path kept for the small print', () => {
    const doc = raw();
    delete doc.dataSha256;
    const positions = (doc.data.people[0] as { positions: Record<string, unknown>[] }).positions;
    positions[0]!.start = '12/03/2024';
    const [e] = refused(parseBackup(JSON.stringify(doc)));
    expect(e).toEqual({
      path: 'data.people[0].positions[0].start',
      message: 'must be a calendar date written YYYY-MM-DD',
      plain: 'Person 1 (Aisha Bello), position 1: the start date must be a date such as 2024-03-12',
    });
  });
});

describe('pathological files (item 14)', () => {
  it('refuses 50 MB of "[" at once, without handing it to JSON.parse', () => {
    const started = Date.now();
    const [e] = refused(parseBackup('['.repeat(50 * 1024 * 1024)));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(e!.message).toBe(
      'line 1, column 65: invalid JSON: lists and objects are nested more than 64 deep here (a backup nests about 6)',
    );
    expect(e!.plain).toMatch(/^This file is not a backup the app can read/);
  });

  it('does not count brackets inside text', () => {
    const doc = raw();
    delete doc.dataSha256;
    doc.data.town.name = '['.repeat(100);
    const r = parseBackup(JSON.stringify(doc));
    expect(r.ok && r.backup.data.town.name).toBe('['.repeat(100));
  });
});
