import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/command';
import { historyCommand } from '../../../electron/cli/history';
import { packetCommand } from '../../../electron/cli/packet';
import { renderPdf } from '../../../electron/cli/pdf-node';
import { runCli } from '../../../electron/cli/run';
import { parseBackup, serializeBackup } from '../../../shared/backup';
import type { TownData } from '../../../shared/domain/schema';
import { buildPacketDocument } from '../../../shared/packet/packet';
import { evaluate } from '../../../shared/rules/engine';
import { buildSubmission } from '../../../shared/submissions';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SAMPLE = join(root, 'resources/samples/harbor-falls.json');
const tmp = mkdtempSync(join(tmpdir(), 'ledger-history-'));

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => readFile(p, 'utf8'),
    writeFile: (p, d) => writeFile(p, d),
    // A different day than the packet's: a re-rendered packet would differ from the frozen one.
    today: () => '2029-01-15',
  };
  const code = await runCli(argv, io, [packetCommand, historyCommand]);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

let frozen: Buffer;
const file = join(tmp, 'with-submission.json');

beforeAll(async () => {
  const parsed = parseBackup(readFileSync(SAMPLE, 'utf8'));
  if (!parsed.ok) throw new Error('sample');
  const data: TownData = parsed.backup.data;
  const evaluation = evaluate(data, { certificationYear: 2026, asOfDate: '2026-03-01' });
  frozen = await renderPdf(
    buildPacketDocument(data, evaluation, { generatedOn: '2026-03-01', appVersion: '0.1.0' }),
  );
  const submission = buildSubmission({
    id: 'sub-2026-spring',
    data,
    evaluation,
    round: 'spring',
    submittedOn: '2026-03-02',
    submittedBy: 'Maria Santos',
    fileName: 'harbor-falls-equity-training-packet-2026.pdf',
    pdf: frozen,
  });
  submission.result = {
    awarded: true,
    level: 'Silver',
    yearAwarded: 2026,
    credited: { part1: true, part2: true },
    recordedOn: '2026-06-15',
    certificationId: 'cert-sub-2026-spring',
  };
  writeFileSync(
    file,
    serializeBackup(
      { ...data, submissions: [submission] },
      { exportedAt: '2026-06-15T12:00:00Z', appVersion: '0.1.0' },
    ),
  );
});

describe('ledger history', () => {
  it('lists what comes next and each submission with its status, credited parts and id', async () => {
    const r = await run(['history', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Harbor Falls: Certified Silver in 2026, through December 31, 2029. In 2029 the 2026 cohort (Part 1) and the 2026 training (Part 2) must apply for rolling credit (T.3)',
    );
    expect(r.stdout).toContain('2026 spring round  Awarded Silver; credited: Part 1, Part 2');
    expect(r.stdout).toContain('id sub-2026-spring');
    expect(r.stdout).toContain('submitted 2026-03-02 by Maria Santos');
  });

  it('says so when there are none, and exits 2 without a file', async () => {
    const r = await run(['history', SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No submissions recorded.');
    expect((await run(['history'])).code).toBe(2);
  });
});

describe('ledger packet --submission', () => {
  it('writes the frozen packet byte for byte, whatever today is', async () => {
    const out = join(tmp, 'frozen.pdf');
    const r = await run(['packet', file, '--submission', 'sub-2026-spring', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('as submitted');
    expect(readFileSync(out).equals(frozen)).toBe(true);
  });

  it('exits 2 naming the known submissions for an unknown id, and refuses --year with it', async () => {
    const r = await run(['packet', file, '--submission', 'nope', '--out', join(tmp, 'x.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no submission 'nope' (submissions: sub-2026-spring; see 'ledger history')");
    const y = await run([
      'packet',
      file,
      '--submission',
      'sub-2026-spring',
      '--year',
      '2026',
      '--out',
      join(tmp, 'y.pdf'),
    ]);
    expect(y.code).toBe(2);
  });
});
