/**
 * The sign-in sheet as printed (pdfmake in Node, counted with pdfinfo, drawn with pdftoppm):
 * every page holds exactly the rows laid out for it, even under the tallest heading, so no
 * row and no closing line ever spills onto a page of its own; blank and with-names sheets are
 * written as PNGs under test-output/signin/ for people to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../electron/cli/pdf-node';
import { parseBackup } from '../../../shared/backup';
import type { TownData } from '../../../shared/domain/schema';
import type { PdfTable } from '../../../shared/packet/pdf-types';
import { FIRST_PAGE_ROWS, NEXT_PAGE_ROWS, buildSignInSheet } from '../../../shared/packet/signin';
import type { SignInMeta } from '../../../shared/packet/signin';
import { fixtureTown, meta } from '../../shared/packet/fixtures';
import { tables } from '../../shared/packet/walk';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** Git-ignored; the PNGs are for people to look at after a test run. */
const OUTPUT = join(root, 'test-output/signin');
mkdirSync(OUTPUT, { recursive: true });

function sample(): TownData {
  const result = parseBackup(readFileSync(join(root, 'resources/samples/harbor-falls.json'), 'utf8'));
  if (!result.ok) throw new Error('the sample does not parse');
  return result.backup.data;
}

/** A heading as tall as the sheet allows: a long name of the widest letters, a long link. */
function tallest(): TownData {
  const data = fixtureTown();
  data.trainings[0] = {
    ...data.trainings[0]!,
    name: 'MMMMMMM '.repeat(5).slice(0, 40),
    provider: 'Wwwww '.repeat(15),
  };
  data.sessions[0] = { ...data.sessions[0]!, location: `https://meet.example.org/${'w'.repeat(100)}` };
  return data;
}

async function printed(data: TownData, sessionId: string, options: Partial<SignInMeta>, name: string) {
  const doc = buildSignInSheet(data, sessionId, { ...meta, ...options });
  const laidOut = tables(doc.content).filter((t: PdfTable) => t.table.body[0]?.length === 4).length;
  const file = join(OUTPUT, `${name}.pdf`);
  writeFileSync(file, await renderPdf(buildSignInSheet(data, sessionId, { ...meta, ...options })));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  return { laidOut, pages, file };
}

describe('the printed sign-in sheet', () => {
  it.each([
    ['a blank sheet', {}, 1],
    ['one row more than the first page holds', { rows: FIRST_PAGE_ROWS + 1 }, 2],
    ['45 rows', { rows: 45 }, 3],
    ['a full first page and a full second page', { rows: FIRST_PAGE_ROWS + NEXT_PAGE_ROWS }, 2],
  ])(
    'has exactly the pages laid out for %s, under the tallest heading too',
    async (label, options, expected) => {
      for (const [kind, data] of [
        ['usual', fixtureTown()],
        ['tallest', tallest()],
      ] as const) {
        const r = await printed(data, 's-101', options, `pages-${kind}-${label.replace(/\W+/g, '-')}`);
        expect({ kind, pages: r.pages }).toEqual({ kind, pages: expected });
        expect(r.laidOut).toBe(expected);
      }
    },
  );

  it('prints a blank sheet and one with the names of the people expected (PNGs to look at)', async () => {
    const data = sample();
    const session = data.sessions.find((s) => s.id === 'ccm-bridging-differences-2025-10-08')!;
    const blank = await printed(data, session.id, {}, 'signin-blank');
    expect(blank.pages).toBe(1);
    const expected = data.attendance.filter((a) => a.sessionId === session.id).map((a) => a.personId);
    expect(expected.length).toBeGreaterThan(3);
    const named = await printed(data, session.id, { expectedPersonIds: expected }, 'signin-names');
    expect(named.pages).toBe(named.laidOut);
    const text = execFileSync('pdftotext', ['-layout', named.file, '-'], { encoding: 'utf8' });
    const names = data.people
      .filter((p) => expected.includes(p.id))
      .map((p) => p.name)
      .sort((a, b) => a.localeCompare(b));
    const at = names.map((n) => text.indexOf(n));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const [file, png] of [
      [blank.file, 'signin-blank'],
      [named.file, 'signin-names'],
    ] as const)
      execFileSync('pdftoppm', ['-r', '60', '-png', file, join(OUTPUT, png)]);
  });

  it('continues a long list of names on a second page with the header repeated', async () => {
    const data = fixtureTown({
      people: Array.from({ length: 30 }, (_, i) => ({
        id: `p${i}`,
        name: `Attendee ${String(30 - i).padStart(2, '0')} with a rather long family name`,
        positions: [
          {
            id: `x${i}`,
            kind: 'staff',
            department: 'Department of Public Works and Facilities',
            level: 'other',
            title: 'Assistant Superintendent of Highways and Bridges',
            start: null,
            end: null,
          },
        ],
      })),
    } as never);
    const r = await printed(
      data,
      's-101',
      { expectedPersonIds: data.people.map((p) => p.id) },
      'signin-names-two-pages',
    );
    expect(r.pages).toBe(2);
    expect(r.laidOut).toBe(2);
    const page2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', r.file, '-'], {
      encoding: 'utf8',
    });
    expect(page2).toContain('SIGN-IN SHEET (CONTINUED)');
    expect(page2).toContain('Department or board');
    execFileSync('pdftoppm', ['-r', '60', '-png', r.file, join(OUTPUT, 'signin-names-two-pages')]);
  });
});
