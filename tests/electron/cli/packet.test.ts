import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/command';
import { packetCommand, signinCommand } from '../../../electron/cli/packet';
import { renderPdf } from '../../../electron/cli/pdf-node';
import { runCli } from '../../../electron/cli/run';
import { parseBackup, serializeBackup } from '../../../shared/backup';
import { creditLabels, statusLabels } from '../../../shared/domain/labels';
import type { TownData } from '../../../shared/domain/schema';
import { formatDate } from '../../../shared/packet/layout';
import { PART_ASKS, buildPacketDocument, draftMark, timeframeStatement } from '../../../shared/packet/packet';
import { evaluate } from '../../../shared/rules/engine';
import type { Evaluation } from '../../../shared/rules/evaluation';
import { fixtureEvaluation, fixtureTown, meta } from '../../shared/packet/fixtures';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SAMPLE = join(root, 'resources/samples/harbor-falls.json');
/** Git-ignored; the PNGs are for people to look at after a test run. */
const OUTPUT = join(root, 'test-output/packet');
const commands = [packetCommand, signinCommand];
const options = { certificationYear: 2026, asOfDate: '2026-03-01' };

const tmp = mkdtempSync(join(tmpdir(), 'ledger-packet-'));

function io(): { io: CliIo; out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      readFile: (p) => readFile(p, 'utf8'),
      writeFile: (p, d) => writeFile(p, d),
      today: () => '2026-03-01',
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

async function run(argv: string[]) {
  const f = io();
  const code = await runCli(argv, f.io, commands);
  return { code, stdout: f.out(), stderr: f.err() };
}

const extract = (mode: '-layout' | '-raw', file: string) =>
  execFileSync('pdftotext', [mode, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
/**
 * The PDF's text as pdftotext reads it, whitespace collapsed. `-layout` keeps the page
 * as printed but interleaves a table cell that wraps with its neighbours; `-raw` keeps
 * each cell's lines together. Both are returned joined, so a phrase matches if either reads it whole.
 */
const pdfText = (file: string) => `${extract('-layout', file)} ${extract('-raw', file)}`;
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const pageCount = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

function loadSample(): TownData {
  const parsed = parseBackup(readFileSync(SAMPLE, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.backup.data;
}

describe('ledger packet', () => {
  let text = '';
  let pages = 0;
  let ev: Evaluation;
  const out = join(tmp, 'harbor-falls.pdf');

  beforeAll(async () => {
    ev = evaluate(loadSample(), options);
    const r = await run(['packet', SAMPLE, '--year', '2026', '--as-of', '2026-03-01', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote ${out}`);
    text = pdfText(out);
    pages = pageCount(out);
  });

  it('prints the town, what each part asks, both timeframes and "Page 1 of N", and no rule id', () => {
    expect(text).toContain('Harbor Falls');
    expect(text).toContain('1.2 Participate in Equity Training');
    expect(text).toContain(flat(PART_ASKS.part1));
    expect(text).toContain(flat(PART_ASKS.part2));
    for (const p of [ev.part1, ev.part2]) expect(text).toContain(flat(timeframeStatement(p, ev)!));
    expect(text).not.toMatch(/\b(P1|P2)\.\d|\bT\.[1-4]\b/);
    expect(text).not.toContain('DRAFT');
    expect(text).not.toContain('How the town checked eligibility');
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it('is identified as PDF/A-2b in its XMP metadata, in en-US, with every font embedded', () => {
    const bytes = readFileSync(out).toString('latin1');
    expect(bytes).toMatch(/<pdfaid:part>2<\/pdfaid:part>\s*<pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(bytes).toContain('/OutputIntents');
    expect(bytes).toMatch(/\/Lang \(en-US\)/);
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Action 1\.2 Participate in Equity Training — Town of Harbor Falls/);
    expect(info).toMatch(/Author:\s+Maria Santos/);
    expect(info).toMatch(/Subject:\s+Sustainable CT certification submission, 2026/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
    const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    // Columns: name type encoding emb sub uni; every row must say "yes" under emb.
    for (const row of fonts) expect(row).toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/);
  });

  it("adds the town's check with --appendix: statuses, points and reasons with rule ids", async () => {
    const withCheck = join(tmp, 'appendix.pdf');
    const r = await run([
      'packet',
      SAMPLE,
      '--year',
      '2026',
      '--as-of',
      '2026-03-01',
      '--appendix',
      '--out',
      withCheck,
    ]);
    expect(r.code).toBe(0);
    const t = pdfText(withCheck);
    const appendix = t.slice(t.indexOf('Appendix — How the town checked eligibility'));
    expect(appendix.length).toBeGreaterThan(100);
    for (const p of [ev.part1, ev.part2]) {
      expect(appendix).toContain(statusLabels[p.status]);
      expect(appendix).toContain(`${p.points} of ${p.maxPoints}`);
      if (p.credit) expect(appendix).toContain(creditLabels[p.credit]);
      for (const reason of p.reasons) expect(appendix).toContain(reason.rule);
    }
    expect(appendix).toContain(`${ev.totalPoints} of 15`);
    // The submission part before it is the same as without the appendix: still no rule id.
    expect(t.slice(0, t.indexOf('Appendix — How the town checked eligibility'))).not.toMatch(/\bP1\.\d/);
  });

  it('marks every page DRAFT and lists the gaps first exactly when readiness gaps are open', async () => {
    const draft = join(tmp, 'draft.pdf');
    const gaps = evaluate(loadSample(), { certificationYear: 2029, asOfDate: '2029-03-01' }).gaps;
    expect(gaps.length).toBeGreaterThan(0);
    const r = await run(['packet', SAMPLE, '--year', '2029', '--as-of', '2029-03-01', '--out', draft]);
    expect(r.code).toBe(0);
    const n = pageCount(draft);
    const page = (i: number) =>
      execFileSync('pdftotext', ['-f', String(i), '-l', String(i), draft, '-'], { encoding: 'utf8' });
    for (let i = 1; i <= n; i++) expect(page(i)).toContain(draftMark(gaps.length));
    const first = page(1);
    expect(first).toContain('BEFORE YOU SUBMIT');
    for (const g of gaps) expect(flat(first)).toContain(flat(g.text));
    expect(text).not.toContain('BEFORE YOU SUBMIT');
  });

  it('prints each cohort member’s name and title', () => {
    const cohort = ev.part1.evidence!.cohort;
    expect(cohort.length).toBeGreaterThanOrEqual(3);
    for (const m of cohort) {
      expect(text).toContain(m.name);
      if (m.title) expect(text).toContain(flat(m.title));
    }
  });

  it('prints the Part 2 entity, description, attendee count and departments', () => {
    const e = ev.part2.evidence!;
    expect(text).toContain(flat(e.provider));
    expect(text).toContain(flat(e.description).slice(0, 80));
    expect(text).toContain(`${e.attendeeCount} municipal attendee`);
    for (const d of e.departments) expect(text).toContain(flat(d));
    expect(text).toContain(formatDate(e.date));
  });

  it('prints the partners', () => {
    expect(text).toContain('Harbor Falls Community Foundation');
    expect(text).toContain('Town of Millbrook Ridge');
  });

  it('renders page 1 to a PNG in test-output/packet for people to look at', () => {
    mkdirSync(OUTPUT, { recursive: true });
    const prefix = join(OUTPUT, 'harbor-falls');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', out, prefix]);
    const png = readFileSync(`${prefix}.png`);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('writes a valid multi-page PDF naming all 400 attendees of a big training, accents intact', async () => {
    const data = loadSample();
    const sessionId = ev.part2.evidence!.sessionId;
    const first = ['Zoë', 'José', 'Łucja', 'François', 'Núñez', 'Ève', 'Ángel', 'Çağla'];
    const last = [
      "O'Brien",
      'Peña-Ruiz',
      'Łukasik',
      'Garçon',
      'Muñoz',
      "D'Amico",
      'Kowalczyk-Wójcik',
      'Søren',
    ];
    const names = Array.from({ length: 400 }, (_, i) => `${first[i % 8]} ${last[(i * 3) % 8]} ${i + 1}`);
    names.forEach((name, i) => {
      data.people.push({
        id: `big-${i}`,
        name,
        email: '',
        isResident: false,
        notes: '',
        positions: [
          {
            id: `big-pos-${i}`,
            kind: 'staff',
            department: `Department ${i % 12}`,
            title: 'Clerk',
            level: 'other',
            start: null,
            end: null,
          },
        ],
      });
      data.attendance.push({ personId: `big-${i}`, sessionId });
    });
    const file = join(tmp, 'big.json');
    writeFileSync(file, serializeBackup(data, { exportedAt: '2026-03-01T12:00:00Z', appVersion: '0.1.0' }));
    const bigOut = join(tmp, 'big.pdf');
    // The attendee list is part of the town's check (the submission prints the number).
    const r = await run([
      'packet',
      file,
      '--year',
      '2026',
      '--as-of',
      '2026-03-01',
      '--appendix',
      '--out',
      bigOut,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(bigOut).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const bigPages = pageCount(bigOut);
    expect(bigPages).toBeGreaterThan(pages);
    const big = pdfText(bigOut);
    const absent = names.filter((n) => !big.includes(n));
    expect(absent).toEqual([]);
    expect(big).toContain(`Page ${bigPages} of ${bigPages}`);
  });

  it('exits 2 with one clear line when --out is missing', async () => {
    const r = await run(['packet', SAMPLE, '--year', '2026']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("ledger: packet: missing --out <file.pdf> (see 'ledger packet --help')\n");
  });

  it('exits 2 when the output folder does not exist', async () => {
    const bad = join(tmp, 'no-such-folder', 'x.pdf');
    const r = await run(['packet', SAMPLE, '--year', '2026', '--out', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`ledger: ${bad}: the folder does not exist\n`);
  });

  it('exits 2 for a bad year or a missing backup file, like check', async () => {
    const year = await run(['packet', SAMPLE, '--year', '26', '--out', join(tmp, 'y.pdf')]);
    expect(year.code).toBe(2);
    expect(year.stderr).toContain("--year must be a year from 2000 to 2200, not '26'");
    const missing = await run([
      'packet',
      join(tmp, 'nope.json'),
      '--year',
      '2026',
      '--out',
      join(tmp, 'n.pdf'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});

describe('ledger signin', () => {
  it('writes a sign-in sheet naming the training and its date', async () => {
    const data = loadSample();
    const session = data.sessions[0]!;
    const training = data.trainings.find((t) => t.id === session.trainingId)!;
    const out = join(tmp, 'signin.pdf');
    const r = await run(['signin', SAMPLE, '--session', session.id, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = pdfText(out);
    expect(text).toContain(flat(training.name));
    expect(text).toContain(formatDate(session.date));
    expect(text).toContain('Signature');
    expect(text).toContain('Page 1 of 1');
  });

  it('prints the names of the people expected with --expected-attended or --expected <ids>', async () => {
    const data = loadSample();
    const session = data.sessions.find((s) => s.id === 'ccm-bridging-differences-2025-10-08')!;
    const ids = data.attendance.filter((a) => a.sessionId === session.id).map((a) => a.personId);
    const names = data.people.filter((p) => ids.includes(p.id)).map((p) => p.name);
    const attended = join(tmp, 'signin-attended.pdf');
    const r = await run([
      'signin',
      SAMPLE,
      '--session',
      session.id,
      '--expected-attended',
      '--out',
      attended,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const name of names) expect(pdfText(attended)).toContain(name);

    const two = join(tmp, 'signin-two.pdf');
    const [first, second] = [ids[0]!, ids[1]!];
    const r2 = await run([
      'signin',
      SAMPLE,
      '--session',
      session.id,
      '--expected',
      `${first},${second}`,
      '--out',
      two,
    ]);
    expect(r2.code).toBe(0);
    const text = pdfText(two);
    const named = data.people.filter((p) => p.id === first || p.id === second).map((p) => p.name);
    for (const name of named) expect(text).toContain(name);
    for (const name of names.filter((n) => !named.includes(n))) expect(text).not.toContain(name);

    const blank = pdfText(join(tmp, 'signin.pdf'));
    for (const name of names) expect(blank).not.toContain(name);
  });

  it('exits 2 for an unknown person id in --expected, or both flags at once', async () => {
    const data = loadSample();
    const session = data.sessions[0]!;
    const r = await run([
      'signin',
      SAMPLE,
      '--session',
      session.id,
      '--expected',
      'nobody',
      '--out',
      join(tmp, 'x.pdf'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no person with id 'nobody'");
    const both = await run([
      'signin',
      SAMPLE,
      '--session',
      session.id,
      '--expected',
      data.people[0]!.id,
      '--expected-attended',
      '--out',
      join(tmp, 'x.pdf'),
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('not both');
  });

  it('exits 2 naming the file and some known sessions for an unknown session id', async () => {
    const r = await run(['signin', SAMPLE, '--session', 'nope', '--out', join(tmp, 's.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("harbor-falls.json: no session 'nope' (sessions: ");
    expect(r.stderr.split('\n')).toHaveLength(2);
  });

  it('exits 2 when --session or --out is missing', async () => {
    const noSession = await run(['signin', SAMPLE, '--out', join(tmp, 's.pdf')]);
    expect(noSession.code).toBe(2);
    expect(noSession.stderr).toContain('missing --session <id>');
    const noOut = await run(['signin', SAMPLE, '--session', 'x']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('missing --out <file.pdf>');
  });
});

describe('renderPdf()', () => {
  it('renders hostile text without crashing: markup, a 10,000-character name, emoji, right-to-left', async () => {
    const ev = fixtureEvaluation();
    const cohort = ev.part1.evidence!.cohort;
    cohort[0] = { ...cohort[0]!, name: '<script>alert(1)</script>' };
    cohort[1] = { ...cohort[1]!, name: 'W'.repeat(10_000) };
    cohort[2] = { ...cohort[2]!, name: '👩🏽‍💻 Ada 😀', title: 'שלום עולם مرحبا' };
    ev.part2.evidence!.description = `${'x'.repeat(5000)} ${'Long agenda line. '.repeat(500)}`;
    const bytes = await renderPdf(buildPacketDocument(fixtureTown(), ev, meta));
    const file = join(tmp, 'hostile.pdf');
    writeFileSync(file, bytes);
    const text = pdfText(file);
    expect(text).toContain('<script>alert(1)');
    expect(text).toContain('Ada');
    expect(text).toMatch(/W…/);
  });
});
