/**
 * What `ledger` sends to a terminal when the files and arguments it echoes hold control
 * characters (ESC sequences that recolour, clear or retitle the terminal, BEL, a carriage
 * return that overwrites a line, a line feed that fakes a second message, bidi overrides):
 * nothing raw ever gets through, and one error is always one line. And its `--out` files
 * are written atomically: a full disk leaves the old file as it was.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliCommand, CliIo } from '../../../electron/cli/command';
import { CliError } from '../../../electron/cli/command';
import { nodeIo } from '../../../electron/cli/node-io';
import { runCli } from '../../../electron/cli/run';
import { oneLine, stderrSafe, terminalSafe } from '../../../electron/cli/terminal';
import { faults } from '../fs-faults';
import { dataChecksum } from '../../../shared/backup';

vi.mock('node:fs/promises', async (importOriginal) =>
  (await import('../fs-faults')).withFaults(await importOriginal()),
);

const root = new URL('../../../', import.meta.url);
const SAMPLE = 'resources/samples/harbor-falls.json';

/** Every character a terminal could act on, or that reorders or breaks a line. */
const RAW =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** ESC ] 0 ; title BEL (retitle), ESC [ 2 J (clear), CR (overwrite), LF + a fake line, RLO, CSI (C1), DEL. */
const HOSTILE = '\u001b]0;owned\u0007A\u001b[2J\rB\nledger: all good\u202eC\u009b31mD\u007f';

function fakeIo(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: async (path) => files[path] ?? readFile(new URL(path, root), 'utf8'),
    today: () => '2026-03-01',
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

async function run(argv: string[], files?: Record<string, string>, commands?: CliCommand[]) {
  const f = fakeIo(files);
  const code = await runCli(argv, f.io, commands);
  return { code, stdout: f.stdout(), stderr: f.stderr() };
}

/** The sample with `edit` applied to its data. */
async function sampleWith(edit: (data: Record<string, unknown[]> & { town: { name: string } }) => void) {
  const doc = JSON.parse(await readFile(new URL(SAMPLE, root), 'utf8')) as {
    data: Record<string, unknown[]> & { town: { name: string } };
    dataSha256?: string;
  };
  edit(doc.data);
  // The sample carries a checksum of its data (format 2): an edited copy needs its own.
  doc.dataSha256 = dataChecksum(doc.data);
  return JSON.stringify(doc);
}

/** stderr as lines, each of which must be a whole `ledger: ` message. */
const errorLines = (stderr: string): string[] => {
  expect(stderr.endsWith('\n')).toBe(true);
  const lines = stderr.slice(0, -1).split('\n');
  for (const line of lines) expect(line.startsWith('ledger: '), line).toBe(true);
  return lines;
};

describe('terminalSafe(), oneLine(), stderrSafe()', () => {
  it('escapes every control character visibly and leaves ordinary text alone', () => {
    expect(terminalSafe(HOSTILE)).toBe(
      '\\u001b]0;owned\\u0007A\\u001b[2J\\u000dB\nledger: all good\\u202eC\\u009b31mD\\u007f',
    );
    expect(oneLine('one\ntwo\u2028three')).toBe('one\\u000atwo\\u2028three');
    const plain = 'José Núñez — 東京 🏛️ (Board of Education), 50% «ok»\tdone';
    expect(terminalSafe(plain)).toBe(plain.replace('\t', '\\u0009'));
    expect(RAW.test(oneLine(HOSTILE))).toBe(false);
    expect(oneLine(HOSTILE)).not.toContain('\n');
  });

  it('lets one carriage return open a stderr progress line, and escapes any other', () => {
    expect(stderrSafe('\rReading 45%')).toBe('\rReading 45%');
    expect(stderrSafe('\rReading \r45%')).toBe('\rReading \\u000d45%');
    expect(stderrSafe('a\rb')).toBe('a\\u000db');
  });

  it('keeps JSON text the same JSON: an escaped control character reads back as itself', () => {
    const json = JSON.stringify({ name: 'A\u202eB\u009bC\u007fD' });
    expect(JSON.parse(terminalSafe(json))).toEqual({ name: 'A\u202eB\u009bC\u007fD' });
  });
});

describe('runCli() echoing hostile text', () => {
  it('prints a town and people with control characters in their names without a raw one', async () => {
    const text = await sampleWith((d) => {
      d.town.name = `Harbor${HOSTILE}Falls`;
      for (const p of d.people as { name: string }[]) p.name = `${p.name}${HOSTILE}`;
    });
    const table = await run(['check', 'hostile.json', '--year', '2026', '--as-of', '2026-03-01'], {
      'hostile.json': text,
    });
    expect(table.stderr).toBe('');
    expect(table.code).toBe(0);
    expect(RAW.test(table.stdout)).toBe(false);
    expect(table.stdout).toContain('Harbor\\u001b]0;owned\\u0007A\\u001b[2J\\u000dB');
    const json = await run(['check', 'hostile.json', '--year', '2026', '--as-of', '2026-03-01', '--json'], {
      'hostile.json': text,
    });
    expect(RAW.test(json.stdout)).toBe(false);
    expect(() => JSON.parse(json.stdout) as unknown).not.toThrow();
  });

  it('gives one line per error when an id in the file holds control characters and line feeds', async () => {
    const text = await sampleWith((d) => {
      (d.attendance![0] as { personId: string }).personId = `p-1${HOSTILE}`;
      (d.attendance![1] as { sessionId: string }).sessionId = `s-1${HOSTILE}`;
    });
    const r = await run(['check', 'ids.json', '--year', '2026'], { 'ids.json': text });
    expect(r.code).toBe(2);
    expect(RAW.test(r.stderr.slice(0, -1).replace(/\n/g, ''))).toBe(false);
    const lines = errorLines(r.stderr);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('no person has the id "p-1\\u001b]0;owned');
    expect(lines).not.toContain('ledger: all good');
  });

  it('gives one line for a session id, a file name and a command given with control characters', async () => {
    const session = await run(['signin', SAMPLE, '--session', `x${HOSTILE}`, '--out', '/nonexistent/s.pdf']);
    expect(session.code).toBe(2);
    expect(errorLines(session.stderr)).toHaveLength(1);
    expect(session.stderr).toContain("no session 'x\\u001b]0;owned");

    const missing = await run(['check', `gone${HOSTILE}.json`, '--year', '2026']);
    expect(errorLines(missing.stderr)).toEqual([`ledger: gone${oneLine(HOSTILE)}.json: no such file`]);

    const unknown = await run([`chek${HOSTILE}`]);
    expect(errorLines(unknown.stderr)).toHaveLength(1);
    expect(RAW.test(unknown.stderr.slice(0, -1))).toBe(false);

    const flag = await run(['check', SAMPLE, '--year', `20${HOSTILE}`]);
    expect(errorLines(flag.stderr)).toHaveLength(1);
  });

  it('gives one line for an unexpected failure or a CliError whose text spans lines', async () => {
    const failing: CliCommand = {
      name: 'boom',
      summary: '',
      usage: '',
      run: () => Promise.reject(new Error(`first\u001b[31m line\nsecond line\n    at stack`)),
    };
    const refusing: CliCommand = {
      name: 'refuse',
      summary: '',
      usage: '',
      run: () => Promise.reject(new CliError(['one\ntwo', `three${HOSTILE}`])),
    };
    const boom = await run(['boom'], {}, [failing]);
    expect(boom.code).toBe(1);
    expect(boom.stderr).toBe('ledger: unexpected error: first\\u001b[31m line\n');
    const refuse = await run(['refuse'], {}, [refusing]);
    expect(errorLines(refuse.stderr)).toEqual(['ledger: one\\u000atwo', `ledger: three${oneLine(HOSTILE)}`]);
  });

  it('escapes whatever a command prints itself, on stdout and stderr', async () => {
    const chatty: CliCommand = {
      name: 'chatty',
      summary: '',
      usage: '',
      run: (_args, io) => {
        io.stdout(`out${HOSTILE}\n`);
        io.stderr(`err${HOSTILE}\n`);
        return Promise.resolve(0);
      },
    };
    const r = await run(['chatty'], {}, [chatty]);
    expect(r.stdout).toBe(`out${terminalSafe(HOSTILE)}\n`);
    expect(r.stderr).toBe(`err${terminalSafe(HOSTILE)}\n`);
  });
});

describe('nodeIo(): the files `ledger` writes', () => {
  let dir: string;
  beforeEach(async () => {
    faults.reset();
    dir = await mkdtemp(join(tmpdir(), 'ledger-cli-out-'));
  });
  afterEach(async () => {
    faults.reset();
    await rm(dir, { recursive: true, force: true });
  });

  /** nodeIo's files, with its terminal output captured instead of printed. */
  function realFiles() {
    const err: string[] = [];
    const io: CliIo = { ...nodeIo(), stdout: () => undefined, stderr: (t) => err.push(t) };
    return { io, stderr: () => err.join('') };
  }

  it('replaces an --out file, leaving nothing else beside it', async () => {
    const out = join(dir, 'packet.pdf');
    await writeFile(out, 'last year');
    const { io } = realFiles();
    expect(
      await runCli(['packet', SAMPLE, '--year', '2026', '--as-of', '2026-03-01', '--out', out], io),
    ).toBe(0);
    expect((await readFile(out)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await readdir(dir)).toEqual(['packet.pdf']);
  });

  it('on a full disk leaves the old --out file intact and says so in one line', async () => {
    const out = join(dir, 'packet.pdf');
    await writeFile(out, 'last year, intact');
    faults.freeBytes = 2048;
    const { io, stderr } = realFiles();
    const code = await runCli(
      ['packet', SAMPLE, '--year', '2026', '--as-of', '2026-03-01', '--out', out],
      io,
    );
    expect(code).toBe(2);
    expect(errorLines(stderr())).toHaveLength(1);
    expect(stderr()).toContain(out);
    expect(await readFile(out, 'utf8')).toBe('last year, intact');
    expect(await readdir(dir)).toEqual(['packet.pdf']);
  });
});
