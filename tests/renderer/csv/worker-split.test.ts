/**
 * The split between the CSV importer's worker and the window (issue 14, item 14):
 * whatever the file's size, the worker sends the window only what the preview shows —
 * at most `PREVIEW_ROWS` rows, at most `LISTED_PROBLEMS` rows with problems and the
 * counts — and, on Import, the people to write, never the table. Before the split it
 * sent the whole table (50 MB for a 50 MB file) and the window checked every row.
 */
import { describe, expect, it } from 'vitest';
import { createCsvJob, initialSettings } from '../../../renderer/src/csv/worker-protocol';
import type { CsvWorkerMessage, CsvWorkerRequest } from '../../../renderer/src/csv/worker-protocol';
import { LISTED_PROBLEMS, PREVIEW_ROWS } from '../../../shared/csv/preview';
import type { PreviewSettings } from '../../../shared/csv/preview';
import type { Person } from '../../../shared/domain/schema';

/** `rows` people, every fourth with a bad email, each row padded by `pad` characters of notes. */
function file(rows: number, pad: number): Uint8Array {
  const lines = Array.from(
    { length: rows },
    (_, i) => `Person ${i},${i % 4 === 3 ? 'not-an-email' : `p${i}@example.org`},${'n'.repeat(pad)}`,
  );
  return new TextEncoder().encode(`Name,Email,Notes\n${lines.join('\n')}\n`);
}

const roster: Person[] = [
  { id: 'r1', name: 'Person 1', email: 'p1@example.org', isResident: false, positions: [], notes: '' },
  { id: 'r2', name: 'Person 2', email: '', isResident: false, positions: [], notes: '' },
];

/** A worker job, driven as the window drives it; returns what it posted for each request. */
function job() {
  const posted: CsvWorkerMessage[] = [];
  const run = createCsvJob((m) => posted.push(m));
  return (request: CsvWorkerRequest) => {
    const from = posted.length;
    run(request);
    return posted.slice(from).filter((m) => m.type !== 'progress');
  };
}

/** The size of a message as the structured clone carries it, near enough: its JSON. */
const size = (message: unknown) =>
  JSON.stringify(message, (_, v: unknown) => (v instanceof Map ? [...v] : v)).length;

describe('the worker sends the window only what the preview shows', () => {
  it('at most PREVIEW_ROWS rows and LISTED_PROBLEMS problems, with the totals, whatever the file’s size', () => {
    const sizes: number[] = [];
    for (const [rows, pad] of [
      [400, 10],
      [5000, 2000],
    ] as const) {
      const bytes = file(rows, pad);
      const [read] = job()({ type: 'read', bytes, people: roster });
      if (read?.type !== 'read' || !read.result.ok) throw new Error('the file was refused');
      const preview = read.result.preview;
      expect(preview?.rows).toHaveLength(PREVIEW_ROWS);
      expect(preview?.rowCount).toBe(rows);
      expect(preview?.problems.length).toBe(Math.min(rows / 4, LISTED_PROBLEMS));
      expect(preview?.problemCount).toBe(rows / 4);
      // Person 1 is on the roster; Person 2's name is, without the email.
      expect(preview).toMatchObject({ matches: 1, sameNames: 1, toWrite: (rows * 3) / 4 - 1 });
      // Nothing of the unused Notes column travels, but for the bytes handed back (transferred, not copied).
      expect(read.bytes).toBe(bytes);
      const { bytes: _handedBack, ...rest } = read;
      expect(JSON.stringify(rest)).not.toContain('nnnnnnnnnn');
      sizes.push(size(rest));
    }
    // A file some 700 times larger (10 MB) gives a message of about the same size (tens of kilobytes).
    expect(sizes[1]!).toBeLessThan(sizes[0]! * 2);
    expect(sizes[1]!).toBeLessThan(100_000);
  });

  it('answers each change of settings with a preview of the same bounded size, and Import with the plan alone', () => {
    const ask = job();
    const [read] = ask({ type: 'read', bytes: file(5000, 2000), people: roster });
    if (read?.type !== 'read' || !read.result.ok) throw new Error('the file was refused');
    const settings: PreviewSettings = {
      ...initialSettings(read.result.summary),
      onMatch: 'update',
      decisions: new Map([
        [JSON.stringify(['person 2', 'p2@example.org']), { action: 'merge', personId: 'r2' }],
      ]),
    };
    const [answer] = ask({ type: 'preview', id: 7, settings });
    expect(answer?.type === 'preview' && answer.id).toBe(7);
    const preview = answer?.type === 'preview' ? answer.preview : null;
    expect(preview?.rows).toHaveLength(PREVIEW_ROWS);
    expect(preview?.problems).toHaveLength(LISTED_PROBLEMS);
    expect(preview?.rows[2]).toMatchObject({ rowNumber: 4, outcome: 'merge', namesakes: [{ id: 'r2' }] });
    expect(size(answer)).toBeLessThan(100_000);

    // No name column: no preview at all (the dialog says why from the mapping alone).
    const [none] = ask({
      type: 'preview',
      id: 8,
      settings: { ...settings, mapping: { ...settings.mapping, name: null } },
    });
    expect(none).toEqual({ type: 'preview', id: 8, preview: null });

    // Import: the plan, made and checked in the worker, with the people to add alone.
    const [planned] = ask({ type: 'plan', id: 9, settings });
    const plan = planned?.type === 'plan' ? planned.plan : null;
    // Person 1 is already up to date; Person 2 merges into r2 and brings the email r2 lacked.
    expect(plan?.add).toHaveLength(3750 - 2);
    expect(plan?.update).toMatchObject([{ id: 'r2', email: 'p2@example.org' }]);
    expect(plan?.unchanged).toBe(1);
    expect(plan?.problem).toBeNull();
    expect(new Set(plan?.add.map((p) => p.id)).size).toBe(3748);
    expect(JSON.stringify(planned)).not.toContain('nnnnnnnnnn');
  });

  it('sends the roster once: a preview without people uses the one it was last sent', () => {
    const ask = job();
    const [read] = ask({ type: 'read', bytes: file(8, 0), people: roster });
    if (read?.type !== 'read' || !read.result.ok) throw new Error('the file was refused');
    const settings = initialSettings(read.result.summary);
    const [same] = ask({ type: 'preview', id: 1, settings });
    expect(same?.type === 'preview' && same.preview?.matches).toBe(1);
    const [emptied] = ask({ type: 'preview', id: 2, settings, people: [] });
    expect(emptied?.type === 'preview' && emptied.preview?.matches).toBe(0);
  });
});
