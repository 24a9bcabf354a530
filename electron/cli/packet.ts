/**
 * `ledger packet` and `ledger signin`: the evidence packet and a blank sign-in
 * sheet as PDF files, from a backup file. The rules engine decides, the
 * builders in shared/packet lay out, `renderPdf` renders; this only wires them.
 */
import { createRequire } from 'node:module';
import { buildPacketDocument } from '../../shared/packet/packet';
import { UnknownSessionError, buildSignInSheet } from '../../shared/packet/signin';
import type { PdfDocument } from '../../shared/packet/pdf-types';
import { evaluate } from '../../shared/rules/engine';
import { packetBytes } from '../../shared/submissions';
import { CliError, EXIT_OK, parseCommandArgs, parseIsoDate, parseYear, readBackupFile } from './command';
import type { CliCommand, CliIo } from './command';
import { renderPdf } from './pdf-node';

const packetUsage = `Usage: ledger packet <backup.json> --year <YYYY> [--as-of <YYYY-MM-DD>] [--appendix] --out <file.pdf>
       ledger packet <backup.json> --submission <id> --out <file.pdf>

Writes the submission packet for the Sustainable CT action "Participate in
Equity Training" as a PDF (PDF/A-2b): cover, Part 1, Part 2, the timeframe
for credit of each part, partners and a signature block. While readiness gaps
are open, a "Before you submit" page lists them and every page is marked DRAFT.

With --submission, writes the packet exactly as it was submitted (the frozen
bytes kept in the backup), whatever the records say today.

Options:
  --year <YYYY>         certification year Y (required unless --submission)
  --as-of <YYYY-MM-DD>  day of the evaluation (default: today, local time)
  --appendix            add "How the town checked eligibility" (reasons with
                        rule ids, what was not counted): for the town's file copy
  --submission <id>     write a frozen submitted packet (see 'ledger history')
  --out <file.pdf>      where to write the PDF (required)
  -h, --help            show this help`;

const signinUsage = `Usage: ledger signin <backup.json> --session <id> [--expected <ids> | --expected-attended] --out <file.pdf>

Writes a sign-in sheet for one session (training, date, time, place, and ruled
rows for name, title, department or board, and signature): blank, or with the
names and titles of the people expected, sorted by name, then blank rows.
A page holds only the rows it fits; more continue on the next page with the
header repeated, and the last page is filled with blank rows.

Options:
  --session <id>        the session's id, as in the backup file (required)
  --expected <ids>      people expected, by id (comma-separated; may be repeated)
  --expected-attended   people expected: everyone marked as attending the session
  --rows <n>            at least this many blank rows (default: a full first page
                        when blank, 3 after the names)
  --out <file.pdf>      where to write the PDF (required)
  -h, --help            show this help`;

/** The app's version, printed on the cover; read at run time because package.json is outside electron/'s project. */
export function appVersion(): string {
  try {
    const pkg = createRequire(import.meta.url)('../../package.json') as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '';
  } catch {
    return '';
  }
}

function onePositional(command: string, positionals: string[]): string {
  if (positionals.length === 0)
    throw new CliError(`${command}: missing <backup.json> (see 'ledger ${command} --help')`);
  if (positionals.length > 1) throw new CliError(`${command}: unexpected argument '${positionals[1]}'`);
  return positionals[0]!;
}

function requireOut(command: string, out: string | undefined): string {
  if (out === undefined || out.trim() === '') {
    throw new CliError(`${command}: missing --out <file.pdf> (see 'ledger ${command} --help')`);
  }
  return out;
}

export function describeWriteError(e: unknown): string {
  switch ((e as { code?: unknown } | null)?.code) {
    case 'ENOENT':
      return 'the folder does not exist';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    default:
      return `could not write the file (${e instanceof Error ? e.message : String(e)})`;
  }
}

/** Renders and writes; a path that cannot be written becomes one clear line (exit 2). */
async function writePdf(doc: PdfDocument, out: string, io: CliIo): Promise<number> {
  if (!io.writeFile) throw new Error('this ledger cannot write files');
  const bytes = await renderPdf(doc);
  try {
    await io.writeFile(out, bytes);
  } catch (e) {
    throw new CliError(`${out}: ${describeWriteError(e)}`);
  }
  return bytes.length;
}

/** Writes a submission's frozen packet exactly as it was submitted: its stored bytes, never re-rendered. */
async function writeFrozenPacket(file: string, id: string, out: string, io: CliIo): Promise<number> {
  if (!io.writeFile) throw new Error('this ledger cannot write files');
  const data = await readBackupFile(file, io);
  const submission = data.submissions.find((s) => s.id === id);
  if (submission === undefined) {
    const known = data.submissions.map((s) => s.id);
    const hint =
      known.length === 0
        ? 'the file has no submissions'
        : `submissions: ${known.slice(0, 5).join(', ')}${known.length > 5 ? ', ...' : ''}`;
    throw new CliError(`${file}: no submission '${id}' (${hint}; see 'ledger history')`);
  }
  const bytes = packetBytes(submission);
  try {
    await io.writeFile(out, bytes);
  } catch (e) {
    throw new CliError(`${out}: ${describeWriteError(e)}`);
  }
  io.stdout(
    `Wrote ${out} (${kb(bytes.length)}): the packet submitted for ${submission.certificationYear} on ${submission.submittedOn}, as submitted.\n`,
  );
  return EXIT_OK;
}

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;

export const packetCommand: CliCommand = {
  name: 'packet',
  summary: 'write the evidence packet PDF for a backup file',
  usage: packetUsage,
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs('packet', args, {
      year: { type: 'string' },
      'as-of': { type: 'string' },
      appendix: { type: 'boolean' },
      submission: { type: 'string' },
      out: { type: 'string' },
    });
    const file = onePositional('packet', positionals);
    if (values.submission !== undefined) {
      if (values.year !== undefined || values['as-of'] !== undefined || values.appendix === true) {
        throw new CliError(
          'packet: --submission writes the packet as submitted; it takes no --year, --as-of or --appendix',
        );
      }
      return writeFrozenPacket(file, values.submission, requireOut('packet', values.out), io);
    }
    const certificationYear = parseYear(values.year);
    const asOfDate = values['as-of'] === undefined ? io.today() : parseIsoDate(values['as-of'], '--as-of');
    const out = requireOut('packet', values.out);
    const data = await readBackupFile(file, io);
    const evaluation = evaluate(data, { certificationYear, asOfDate });
    const doc = buildPacketDocument(
      data,
      evaluation,
      { generatedOn: io.today(), appVersion: appVersion() },
      { appendix: values.appendix === true },
    );
    const size = await writePdf(doc, out, io);
    const gaps = evaluation.gaps.length;
    io.stdout(
      `Wrote ${out} (${kb(size)}): ${evaluation.totalPoints} of ${evaluation.maxPoints} points, ` +
        `${gaps === 0 ? 'no readiness gaps' : `${gaps} readiness gap${gaps === 1 ? '' : 's'} printed`}.\n`,
    );
    return EXIT_OK;
  },
};

export const signinCommand: CliCommand = {
  name: 'signin',
  summary: 'write a sign-in sheet PDF for one session (blank, or with the names expected)',
  usage: signinUsage,
  run: async (args, io) => {
    const { values, positionals } = parseCommandArgs('signin', args, {
      session: { type: 'string' },
      expected: { type: 'string', multiple: true },
      'expected-attended': { type: 'boolean' },
      rows: { type: 'string' },
      out: { type: 'string' },
    });
    const file = onePositional('signin', positionals);
    if (values.session === undefined || values.session.trim() === '') {
      throw new CliError("signin: missing --session <id> (see 'ledger signin --help')");
    }
    let rows: number | undefined;
    if (values.rows !== undefined) {
      rows = Number(values.rows);
      if (!/^\d+$/.test(values.rows) || rows < 1 || rows > 500) {
        throw new CliError(`--rows must be a whole number from 1 to 500, not '${values.rows}'`);
      }
    }
    const listed = (values.expected ?? []).flatMap((v) => v.split(',')).map((v) => v.trim());
    if (listed.some((id) => id === ''))
      throw new CliError('--expected needs person ids, separated by commas');
    if (listed.length > 0 && values['expected-attended'] === true)
      throw new CliError('use --expected or --expected-attended, not both');
    const out = requireOut('signin', values.out);
    const data = await readBackupFile(file, io);
    const unknown = listed.filter((id) => !data.people.some((p) => p.id === id));
    if (unknown.length > 0)
      throw new CliError(
        `${file}: no person with id ${unknown.map((id) => `'${id}'`).join(', ')} (the ids are in the backup's "people")`,
      );
    const expectedPersonIds =
      values['expected-attended'] === true
        ? data.attendance.filter((a) => a.sessionId === values.session).map((a) => a.personId)
        : listed;
    let doc: PdfDocument;
    try {
      doc = buildSignInSheet(data, values.session, {
        generatedOn: io.today(),
        appVersion: appVersion(),
        ...(rows === undefined ? {} : { rows }),
        expectedPersonIds,
      });
    } catch (e) {
      if (!(e instanceof UnknownSessionError)) throw e;
      const known = data.sessions.map((s) => s.id);
      const hint =
        known.length === 0
          ? 'the file has no sessions'
          : `sessions: ${known.slice(0, 5).join(', ')}${known.length > 5 ? `, ... (${known.length} in all)` : ''}`;
      throw new CliError(`${file}: no session '${values.session}' (${hint})`);
    }
    const size = await writePdf(doc, out, io);
    io.stdout(`Wrote ${out} (${kb(size)}).\n`);
    return EXIT_OK;
  },
};
