import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { CliCommand, CliIo } from '../../../electron/cli/command';
import type { TownData } from '../../../shared/domain/schema';
import type { evaluationJson } from '../../../electron/cli/check';
import { runCli } from '../../../electron/cli/run';
import { dataChecksum } from '../../../shared/backup';

type CheckJson = ReturnType<typeof evaluationJson>;

const SAMPLE = 'resources/samples/harbor-falls.json';
const root = new URL('../../../', import.meta.url);

/** In-process I/O: files come from the repository (or `files` overrides), output is captured. */
/** An edited copy of the sample as a file: format 2 carries a checksum of its data, so the copy needs its own. */
function sealed(doc: { data: unknown; dataSha256?: string }): string {
  return JSON.stringify({ ...doc, dataSha256: dataChecksum(doc.data) });
}

function fakeIo(files: Record<string, string> = {}, today = '2026-03-01') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: async (path) => files[path] ?? readFile(new URL(path, root), 'utf8'),
    today: () => today,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function run(argv: string[], files?: Record<string, string>, today?: string) {
  const f = fakeIo(files, today);
  const code = await runCli(argv, f.io);
  return { code, stdout: f.stdout(), stderr: f.stderr() };
}

const sampleText = () => readFile(new URL(SAMPLE, root), 'utf8');

describe('runCli() check', () => {
  it('prints the evaluation of the sample as JSON: both parts met, 15 of 15', async () => {
    const r = await run(['check', SAMPLE, '--year', '2026', '--as-of', '2026-03-01', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(Object.keys(json)).toEqual([
      'town',
      'certificationYear',
      'asOfDate',
      'parts',
      'totalPoints',
      'maxPoints',
      'gaps',
      'warnings',
    ]);
    expect(json).toMatchObject({
      certificationYear: 2026,
      asOfDate: '2026-03-01',
      totalPoints: 15,
      maxPoints: 15,
    });
    expect(json.parts.map((p) => [p.id, p.status, p.credit])).toEqual([
      ['part1', 'met', 'new'],
      ['part2', 'met', 'new'],
    ]);
    expect(Object.keys(json.parts[0]!)).toEqual([
      'id',
      'status',
      'points',
      'maxPoints',
      'credit',
      'completionDate',
      'evidence',
      'reasons',
      'notCounted',
      'gaps',
    ]);
    for (const reason of json.parts[0]!.reasons)
      expect(Object.keys(reason)).toEqual(['rule', 'kind', 'text']);
  });

  it('prints a readable table with statuses, points, credit, reasons with rule ids and the total', async () => {
    const r = await run(['check', SAMPLE, '--year', '2026', '--as-of', '2026-03-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Harbor Falls: action 1\.2 "Participate in Equity Training"/);
    expect(r.stdout).toMatch(/Part 1 — cohort\s+Met\s+10\/10\s+New credit\s+2024-10-22/);
    expect(r.stdout).toMatch(/Part 2 — live training\s+Met\s+5\/5\s+New credit\s+2025-10-08/);
    expect(r.stdout).toMatch(/Total\s+15\/15/);
    expect(r.stdout).toMatch(/\[ok\]\s+P1\.\d/);
    expect(r.stdout).toContain('Readiness gaps:');
  });

  it("uses today's date from the I/O when --as-of is left out", async () => {
    const r = await run(['check', SAMPLE, '--year', '2026', '--json'], {}, '2024-01-15');
    expect((JSON.parse(r.stdout) as CheckJson).asOfDate).toBe('2024-01-15');
  });

  it.each([
    [['check', SAMPLE, '--year', '26'], "ledger: --year must be a year from 2000 to 2200, not '26'"],
    [['check', SAMPLE, '--year', '1999'], "ledger: --year must be a year from 2000 to 2200, not '1999'"],
    [
      ['check', SAMPLE, '--year', '2026', '--as-of', '2026-02-30'],
      "ledger: --as-of must be a calendar date written YYYY-MM-DD, not '2026-02-30'",
    ],
    [
      ['check', '--year', '2026'],
      "ledger: check: missing <backup.json> or <folder> (see 'ledger check --help')",
    ],
    [['check', SAMPLE, '--json', '--jsonl'], 'ledger: check: choose one of --json and --jsonl'],
    [['check', 'nope.json', '--year', '2026'], 'ledger: nope.json: no such file'],
    [['frobnicate'], "ledger: unknown command 'frobnicate' (try 'ledger --help')"],
  ])('refuses %j with one line and exit code 2', async (argv, line) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${line}\n`);
    expect(r.stdout).toBe('');
  });

  it('names an unknown flag in one line', async () => {
    const r = await run(['check', SAMPLE, '--yaer', '2026']);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toBe("ledger: check: Unknown option '--yaer' (see 'ledger check --help')\n");
  });

  it('gives the line and column of invalid JSON', async () => {
    const r = await run(['check', 'x.json', '--year', '2026'], { 'x.json': '{\n  "format": 1,\n  oops\n}' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "ledger: x.json: line 3, column 3: invalid JSON: expected a property name in double quotes, found 'o'\n",
    );
  });

  it('lists schema errors with their paths, at most ten and a count of the rest', async () => {
    // Edited by hand: without the checksum, which would otherwise refuse the file as damaged first.
    const doc = JSON.parse(await sampleText()) as { data: TownData; dataSha256?: string };
    delete doc.dataSha256;
    doc.data.people[0]!.name = '';
    let r = await run(['check', 'x.json', '--year', '2026'], { 'x.json': JSON.stringify(doc) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ledger: x.json: data.people[0].name: Name is required\n');

    for (const p of doc.data.people) p.name = '';
    r = await run(['check', 'x.json', '--year', '2026'], { 'x.json': JSON.stringify(doc) });
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[10]).toBe(`ledger: x.json: ... and ${doc.data.people.length - 10} more problems`);
  });

  it("uses the file's own year and saved as-of date when the flags are left out", async () => {
    const doc = JSON.parse(await sampleText()) as { data: TownData };
    doc.data.town.certificationYear = 2027;
    doc.data.town.asOfDate = '2025-01-02';
    const r = await run(['check', 'x.json', '--json'], { 'x.json': sealed(doc) }, '2026-03-01');
    const json = JSON.parse(r.stdout) as CheckJson;
    expect([json.certificationYear, json.asOfDate]).toEqual([2027, '2025-01-02']);
    // A flag still wins over the file.
    const flagged = JSON.parse(
      (await run(['check', 'x.json', '--json', '--year', '2026'], { 'x.json': sealed(doc) })).stdout,
    ) as CheckJson;
    expect(flagged.certificationYear).toBe(2026);
  });

  it('prints the "Not counted" lists its reasons refer to, in the table and the JSON', async () => {
    const doc = JSON.parse(await sampleText()) as { data: TownData };
    for (const t of doc.data.trainings) if (t.seriesId === null) t.delivery = 'recorded';
    const files = { 'x.json': sealed(doc) };
    const table = (await run(['check', 'x.json', '--as-of', '2026-03-01'], files)).stdout;
    expect(table).toContain('Not counted for Part 1:');
    expect(table).toMatch(
      /Not counted for Part 2:\n(?: {2}- .*\n)* {2}- .*recorded \/ on demand.*\(P2\.2\)\./,
    );
    const json = JSON.parse(
      (await run(['check', 'x.json', '--as-of', '2026-03-01', '--json'], files)).stdout,
    ) as CheckJson;
    expect(json.parts[1]!.notCounted.map((n) => ('rule' in n ? n.rule : null))).toContain('P2.2');
  });

  it('prints help on --help and usage on stderr with no command', async () => {
    const help = await run(['--help']);
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/Usage: ledger <command>[\s\S]*check/);
    const checkHelp = await run(['check', '--help']);
    expect(checkHelp.code).toBe(0);
    expect(checkHelp.stdout).toMatch(/^Usage: ledger check <backup.json>\.\.\. \[--year <YYYY>\]/);
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Usage: ledger/);
  });

  it('turns an unexpected failure into one line and exit code 1, without a stack trace', async () => {
    const boom: CliCommand = {
      name: 'boom',
      summary: 'fails',
      usage: 'Usage: ledger boom',
      run: () => Promise.reject(new Error('kaput\n    at somewhere (file.ts:1:1)')),
    };
    const f = fakeIo();
    expect(await runCli(['boom'], f.io, [boom])).toBe(1);
    expect(f.stderr()).toBe('ledger: unexpected error: kaput\n');
  });
});

describe('runCli() check, for a region', () => {
  /** A folder `region/` of three towns, one of them broken, served by the fake I/O. */
  async function region() {
    const sample = await sampleText();
    const other = JSON.parse(sample) as { data: TownData };
    other.data.town.name = 'Cedar Point';
    other.data.attendance = [];
    for (const session of other.data.sessions) session.reportedAttendeeCount = null;
    const files: Record<string, string> = {
      'region/harbor-falls.json': sample,
      'region/cedar-point.json': sealed(other),
      'region/broken.json': '{ "format": ',
      'region/notes.txt': 'not a backup',
    };
    const f = fakeIo(files);
    f.io.listFolder = (path) =>
      Promise.resolve(
        path === 'region'
          ? Object.keys(files)
              .filter((k) => k.startsWith('region/'))
              .map((k) => k.slice('region/'.length))
          : null,
      );
    return f;
  }

  it('checks every *.json of a folder: one JSON line per file, errors as one line each, exit 2', async () => {
    const f = await region();
    const code = await runCli(['check', 'region', '--jsonl', '--as-of', '2026-03-01'], f.io);
    expect(code).toBe(2);
    const lines = f
      .stdout()
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.file)).toEqual([
      'region/broken.json',
      'region/cedar-point.json',
      'region/harbor-falls.json',
    ]);
    expect(Object.keys(lines[0]!)).toEqual(['file', 'error']);
    expect(Object.keys(lines[2]!).slice(0, 3)).toEqual(['file', 'town', 'certificationYear']);
    expect(lines[2]).toMatchObject({ town: 'Harbor Falls', totalPoints: 15 });
    expect(lines[1]).toMatchObject({ town: 'Cedar Point', totalPoints: 0 });
    expect(f.stderr()).toMatch(/^ledger: region\/broken\.json: line 1, column \d+: invalid JSON[^\n]*\n$/);
  });

  it('prints one readable table across towns, after reporting the refused file on stderr', async () => {
    const f = await region();
    expect(await runCli(['check', 'region', '--as-of', '2026-03-01'], f.io)).toBe(2);
    const out = f.stdout();
    expect(out).toMatch(/^Town\s+Part 1\s+Part 2\s+Total\s+Open gaps\s+File\n/);
    expect(out).toMatch(/Harbor Falls\s+Met 10\/10\s+Met 5\/5\s+15\/15\s+\d+\s+region\/harbor-falls\.json/);
    expect(out).toMatch(/Cedar Point\s+Not met 0\/10\s+Not met 0\/5\s+0\/15/);
    expect(out).toContain('2 towns checked; 1 file refused (see the messages above).');
    expect(f.stderr().trimEnd().split('\n')).toHaveLength(1);
  });

  it('prints one JSON array for several files and exits 0 when every file was read', async () => {
    const f = await region();
    const code = await runCli(
      ['check', 'region/harbor-falls.json', 'region/cedar-point.json', '--json', '--as-of', '2026-03-01'],
      f.io,
    );
    expect([code, f.stderr()]).toEqual([0, '']);
    const arr = JSON.parse(f.stdout()) as { file: string; town: string }[];
    expect(arr.map((x) => [x.file, x.town])).toEqual([
      ['region/harbor-falls.json', 'Harbor Falls'],
      ['region/cedar-point.json', 'Cedar Point'],
    ]);
  });

  it('reports a file with many problems in one line, and a missing file in one line', async () => {
    const doc = JSON.parse(await sampleText()) as { data: TownData };
    for (const p of doc.data.people) p.name = '';
    const r = await run(['check', 'x.json', 'nope.json', SAMPLE, '--as-of', '2026-03-01'], {
      'x.json': sealed(doc),
    });
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'ledger: x.json: data.people[0].name: Name is required (and more problems: check this file alone to list them)',
      'ledger: nope.json: no such file',
    ]);
    expect(r.stdout).toContain('Harbor Falls');
    expect(r.stdout).not.toContain(' at ');
  });

  it('says so when a folder holds no .json file', async () => {
    const f = fakeIo();
    f.io.listFolder = (path) => Promise.resolve(path === 'empty' ? ['readme.txt'] : null);
    expect(await runCli(['check', 'empty'], f.io)).toBe(2);
    expect(f.stderr()).toBe('ledger: empty: no .json files in this folder\n');
  });
});
