import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, importBackup, previewBackup } from '../../../renderer/db/backup';
import {
  addSubmission,
  deleteSession,
  loadChecklist,
  loadTownData,
  recordSubmissionResult,
  saveChecklist,
  saveTown,
  UnknownSubmissionError,
  ValidationError,
} from '../../../renderer/db/repositories';
import type { AppDB } from '../../../renderer/db/schema';
import type { TownData } from '../../../shared/domain/schema';
import { evaluate } from '../../../shared/rules/engine';
import { buildSubmission, certificationIdFor, packetBytes } from '../../../shared/submissions';
import { testDb } from './helpers';
import { dataChecksum } from '../../../shared/backup';

const sampleText = readFileSync(
  new URL('../../../resources/samples/harbor-falls.json', import.meta.url),
  'utf8',
);
const meta = { appVersion: '0.1.0', exportedAt: '2026-03-01T15:00:00.000Z' };
/** Bytes no text encoding survives unchanged: every value 0–255, and a PDF header. */
const pdf = Uint8Array.from([
  ...new TextEncoder().encode('%PDF-1.7\n'),
  ...Array.from({ length: 3000 }, (_, i) => (i * 7) % 256),
]);

let db: AppDB;
beforeEach(async () => {
  db = testDb();
  const r = await importBackup(db, sampleText);
  expect(r.ok).toBe(true);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function submit(id = 'sub-2026'): Promise<TownData> {
  const data = (await loadTownData(db))!;
  const evaluation = evaluate(data, { certificationYear: 2026, asOfDate: '2026-03-01' });
  await addSubmission(
    db,
    buildSubmission({
      id,
      data,
      evaluation,
      round: 'spring',
      submittedOn: '2026-03-02',
      submittedBy: 'Maria Santos',
      fileName: 'Harbor Falls 2026.pdf',
      pdf,
    }),
  );
  return data;
}

const silver = {
  awarded: true,
  level: 'Silver',
  yearAwarded: 2026,
  credited: { part1: true, part2: true },
  recordedOn: '2026-06-15',
};

describe('addSubmission()', () => {
  it('stores the submission; an existing id is refused, never overwritten', async () => {
    await submit();
    const stored = (await loadTownData(db))!.submissions;
    expect(stored).toHaveLength(1);
    await expect(submit()).rejects.toBeInstanceOf(ValidationError);
    expect(packetBytes((await loadTownData(db))!.submissions[0]!)).toEqual(pdf);
  });

  it('leaves the submission as it was when the live records change', async () => {
    const data = await submit();
    await saveTown(db, { ...data.town, name: 'Renamed Falls' });
    const s = (await loadTownData(db))!.submissions[0]!;
    expect(s.snapshot.town.name).toBe('Harbor Falls');
  });
});

describe('recordSubmissionResult()', () => {
  it('creates the certification with the credited series and session, so 2029 is rolling credit (T.3)', async () => {
    await submit();
    const out = await recordSubmissionResult(db, 'sub-2026', silver);
    expect(out.dropped).toEqual([]);
    expect(out.certification?.id).toBe(certificationIdFor('sub-2026'));
    const data = (await loadTownData(db))!;
    expect(data.submissions[0]!.result).toEqual({ ...silver, certificationId: 'cert-sub-2026' });
    expect(data.certifications.find((c) => c.id === 'cert-sub-2026')).toEqual(out.certification);

    const ev2029 = evaluate(data, { certificationYear: 2029, asOfDate: '2029-03-01' });
    expect(ev2029.recertification).toEqual({ yearAwarded: 2026, level: 'Silver', expires: 2029 });
    expect(ev2029.part1.credit).toBe('rolling');
    expect(ev2029.part2.credit).toBe('rolling');
    expect(ev2029.part1.reasons.some((r) => r.rule === 'T.3')).toBe(true);
    expect(
      ev2029.gaps
        .filter((g) => g.rule === 'T.2')
        .map((g) => g.part)
        .sort(),
    ).toEqual(['part1', 'part2']);
  });

  it('updates the same record when recorded again, and removes it for "not awarded"', async () => {
    await submit();
    await recordSubmissionResult(db, 'sub-2026', silver);
    await recordSubmissionResult(db, 'sub-2026', { ...silver, credited: { part1: true, part2: false } });
    let data = (await loadTownData(db))!;
    expect(data.certifications.filter((c) => c.id === 'cert-sub-2026')).toHaveLength(1);
    expect(data.certifications.find((c) => c.id === 'cert-sub-2026')!.credited.map((c) => c.part)).toEqual([
      'part1',
    ]);
    await recordSubmissionResult(db, 'sub-2026', { ...silver, awarded: false, level: '' });
    data = (await loadTownData(db))!;
    expect(data.certifications.some((c) => c.id === 'cert-sub-2026')).toBe(false);
    expect(data.submissions[0]!.result?.awarded).toBe(false);
  });

  it('refuses an unknown submission or an award without a level, and changes nothing', async () => {
    await submit();
    const before = await exportBackup(db, meta);
    await expect(recordSubmissionResult(db, 'nope', silver)).rejects.toBeInstanceOf(UnknownSubmissionError);
    await expect(recordSubmissionResult(db, 'sub-2026', { ...silver, level: ' ' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await exportBackup(db, meta)).toBe(before);
  });

  it('says which credited evidence was deleted since instead of pointing at nothing', async () => {
    const data = await submit();
    const sessionId = evaluate(data, { certificationYear: 2026, asOfDate: '2026-03-01' }).part2.evidence!
      .sessionId;
    await deleteSession(db, sessionId);
    const out = await recordSubmissionResult(db, 'sub-2026', silver);
    expect(out.certification?.credited.map((c) => c.part)).toEqual(['part1']);
    expect(out.dropped).toHaveLength(1);
  });
});

describe('backups carry submissions', () => {
  it('a frozen packet is byte-identical after backup → restore, with its result and snapshot', async () => {
    await submit();
    await recordSubmissionResult(db, 'sub-2026', silver);
    const text = await exportBackup(db, meta);
    const parsed = JSON.parse(text) as { data: { submissions: { packet: { pdfBase64: string } }[] } };
    expect(parsed.data.submissions[0]!.packet.pdfBase64).toBe(Buffer.from(pdf).toString('base64'));
    const preview = previewBackup(text);
    expect(preview.ok && preview.preview.counts.submissions).toBe(1);

    const other = testDb();
    try {
      expect((await importBackup(other, text)).ok).toBe(true);
      const restored = (await loadTownData(other))!;
      expect(packetBytes(restored.submissions[0]!)).toEqual(pdf);
      expect(restored.submissions).toEqual((await loadTownData(db))!.submissions);
      expect(await exportBackup(other, meta)).toBe(text);
    } finally {
      other.close();
      await other.delete();
    }
  });

  it('imports a backup without submissions (older files) as none', async () => {
    // A version 1 file: no submissions and no checksum.
    const old = JSON.parse(sampleText) as {
      formatVersion: number;
      dataSha256?: string;
      data: Record<string, unknown>;
    };
    delete old.data.submissions;
    delete old.dataSha256;
    old.formatVersion = 1;
    expect((await importBackup(db, JSON.stringify(old))).ok).toBe(true);
    expect((await loadTownData(db))!.submissions).toEqual([]);
  });

  it('refuses a backup whose packet is cut short, in plain words, and keeps the stored data', async () => {
    await submit();
    const text = await exportBackup(db, meta);
    const doc = JSON.parse(text) as {
      dataSha256?: string;
      data: { submissions: { packet: { pdfBase64: string } }[] };
    };
    doc.data.submissions[0]!.packet.pdfBase64 = doc.data.submissions[0]!.packet.pdfBase64.slice(0, 400);
    // Sealed again, as a faulty writer would: the packet check itself must catch it, not only the checksum.
    doc.dataSha256 = dataChecksum(doc.data);
    const r = await importBackup(db, JSON.stringify(doc));
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toContain('the packet is incomplete');
    expect(await exportBackup(db, meta)).toBe(text);
  });
});

describe('Submit checklist', () => {
  it('is saved per cycle and read back', async () => {
    await saveChecklist(db, 2026, 'spring', ['part1', 'packet', 'part1']);
    expect(await loadChecklist(db, 2026, 'spring')).toEqual(['packet', 'part1']);
    expect(await loadChecklist(db, 2026, 'fall')).toEqual([]);
  });
});
