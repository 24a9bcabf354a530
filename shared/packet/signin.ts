/**
 * A sign-in sheet for one session: printed before the training, signed on paper, then
 * typed back into the app as attendance (evidence for P1.9 and P2.7). Blank, or with
 * the names and titles of the people expected (sorted by name), then blank rows for
 * anyone else who comes.
 *
 * Pages are laid out here, not left to chance: each page gets as many ruled rows as it
 * surely holds, the last page is filled with blank rows, and every page after the first
 * repeats a short heading and the column header. So no row, and no closing line, ever sits
 * alone on a page of its own.
 */
import { byName, holdsOn } from '../rules/context';
import { municipalityHeading, positionDepartment } from '../domain/labels';
import type { Person, Session, TownData } from '../domain/schema';
import {
  ACCENT,
  PAGE_MARGINS,
  RULE,
  accentRule,
  clip,
  defaultStyle,
  detailsTable,
  formatDate,
  formatTime,
  ledgerLayout,
  runningFooter,
  styles,
  townLabel,
} from './layout';
import type { PdfContent, PdfDocument, PdfTable } from './pdf-types';

export interface SignInMeta {
  /** ISO `YYYY-MM-DD`; printed small, so an old printout can be told from a new one. */
  generatedOn: string;
  appVersion: string;
  /**
   * Blank rows to print at least (default: what fills the first page). The last page is
   * always filled with blank rows, so a sheet never ends with a lone row on a page.
   */
  rows?: number;
  /**
   * People expected at the session: their names and titles are printed, sorted by name,
   * before the blank rows. Empty or absent: a blank sheet.
   */
  expectedPersonIds?: readonly string[];
}

/** Thrown for a session id that is not in the town's data, so callers can say so plainly. */
export class UnknownSessionError extends Error {
  override readonly name = 'UnknownSessionError';
  constructor(readonly sessionId: string) {
    super(`No session with id '${sessionId}' in this town's data`);
  }
}

/** With 4 pt padding above and below, rows are 23 pt (about 0.32 in): room to write. */
const ROW_HEIGHT = 15;

/**
 * Rows that surely fit: on the first page under the tallest heading (a training name of two
 * lines of the widest letters, a place or link on three), and on a later page under the short
 * "continued" heading (26 fit; one is kept spare). Measured by rendering with pdfmake:
 * tests/electron/cli/signin-pages.test.ts renders the tallest heading and checks page counts.
 */
export const FIRST_PAGE_ROWS = 19;
export const NEXT_PAGE_ROWS = 25;
/** At least this many blank rows follow the expected names, for people who were not expected. */
export const WALK_IN_ROWS = 3;

const TITLE_MAX = 90;
/** Past this many characters the training name is set at 14 pt instead of 20 pt. */
const LONG_TITLE = 40;
const PLACE_MAX = 90;
/** A printed name or title longer than this is clipped, so every row keeps one line (and its height). */
const NAME_MAX = 34;
const TITLE_CELL_MAX = 30;
const DEPT_MAX = 26;

/** One line of the sheet: a person expected, or a blank line to write on. */
export interface SignInRow {
  name: string;
  title: string;
  department: string;
}

const BLANK: SignInRow = { name: '', title: '', department: '' };

/**
 * The people expected, sorted by name, each with the title and department of a position
 * held on the session's date (the first one with a title), or of their latest position.
 */
export function expectedRows(data: TownData, session: Session, personIds: readonly string[]): SignInRow[] {
  const wanted = new Set(personIds);
  const people: Person[] = data.people.filter((p) => wanted.has(p.id)).sort(byName);
  return people.map((person) => {
    const held = person.positions.filter((p) => holdsOn(p, session.date));
    const position = held.find((p) => p.title.trim() !== '') ?? held[0] ?? person.positions.at(-1) ?? null;
    return {
      name: person.name,
      title: position?.title.trim() ?? '',
      department: position ? (positionDepartment(position) ?? '') : '',
    };
  });
}

/**
 * Splits `rows` into pages (first page `FIRST_PAGE_ROWS`, then `NEXT_PAGE_ROWS` each), after
 * filling the last page with blank rows.
 */
export function paginate(rows: readonly SignInRow[]): SignInRow[][] {
  const filled = [...rows];
  const capacity = (pages: number) => FIRST_PAGE_ROWS + (pages - 1) * NEXT_PAGE_ROWS;
  let pages = 1;
  while (capacity(pages) < filled.length) pages += 1;
  while (filled.length < capacity(pages)) filled.push(BLANK);
  const out: SignInRow[][] = [filled.slice(0, FIRST_PAGE_ROWS)];
  for (let start = FIRST_PAGE_ROWS; start < filled.length; start += NEXT_PAGE_ROWS)
    out.push(filled.slice(start, start + NEXT_PAGE_ROWS));
  return out;
}

const widths = [132, 122, 112, '*'];

function rowsTable(rows: readonly SignInRow[]): PdfTable {
  const cell = (text: string, max: number) => ({ text: clip(text, max), noWrap: true });
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      heights: (row) => (row === 0 ? 'auto' : ROW_HEIGHT),
      body: [
        ['Name', 'Title', 'Department or board', 'Signature'].map((h) => ({ text: h, style: 'th' })),
        ...rows.map((r) => [
          cell(r.name, NAME_MAX),
          cell(r.title, TITLE_CELL_MAX),
          cell(r.department, DEPT_MAX),
          '',
        ]),
      ],
    },
    // Every row ruled (including the last) so the sheet reads as a form to fill in.
    layout: {
      ...ledgerLayout,
      hLineWidth: (i) => (i === 0 ? 0 : i === 1 ? 1 : 0.6),
      vLineWidth: (i) => (i === 0 || i === 4 ? 0 : 0.4),
      hLineColor: (i) => (i === 1 ? ACCENT : RULE),
      vLineColor: () => RULE,
      paddingLeft: () => 5,
      paddingRight: () => 5,
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
    margin: [0, 2, 0, 0],
  };
}

/**
 * Builds the sign-in sheet for `sessionId`: town, training, date, time and place, then
 * ruled rows (Name, Title, Department or board, Signature) — the expected people's names
 * and titles first when `meta.expectedPersonIds` names any.
 * @throws UnknownSessionError when no session has that id.
 */
export function buildSignInSheet(data: TownData, sessionId: string, meta: SignInMeta): PdfDocument {
  const session = data.sessions.find((s) => s.id === sessionId);
  if (!session) throw new UnknownSessionError(sessionId);
  const training = data.trainings.find((t) => t.id === session.trainingId);
  const trainingName = training ? clip(training.name, TITLE_MAX) : 'Training not found';
  const town = townLabel(municipalityHeading(data.town));
  const action = `Action ${data.settings.actionNumber} ${data.settings.actionName}`;

  const time =
    session.startTime && session.endTime
      ? `${formatTime(session.startTime)} – ${formatTime(session.endTime)}`
      : session.startTime
        ? formatTime(session.startTime)
        : '';
  const expected = expectedRows(data, session, meta.expectedPersonIds ?? []);
  const blankCount = Math.max(
    expected.length > 0 ? WALK_IN_ROWS : 1,
    Math.min(500, Math.floor(meta.rows ?? (expected.length > 0 ? 0 : FIRST_PAGE_ROWS))),
  );
  const pages = paginate([...expected, ...Array.from({ length: blankCount }, () => BLANK)]);
  const prepared = `Prepared ${formatDate(meta.generatedOn)} with Equity Training Ledger.`;

  const heading: PdfContent[] = [
    { text: `SIGN-IN SHEET  ·  ${town.toUpperCase()}`, style: 'kicker', margin: [0, 0, 0, 6] },
    // A long name is set smaller, so the heading never takes more than two lines of rows.
    { text: trainingName, style: 'title', fontSize: trainingName.length > LONG_TITLE ? 14 : 20 },
    accentRule([0, 8, 0, 8]),
    {
      // Two columns of facts keep the heading short, so the ruled rows get the page.
      columns: [
        detailsTable(
          [
            ['Date', formatDate(session.date)],
            ['Time', time || '______________'],
          ],
          55,
        ),
        detailsTable(
          [
            ['Place or link', clip(session.location, PLACE_MAX) || '______________'],
            ['Training entity', training ? clip(training.provider, 60) || '—' : '—'],
          ],
          80,
        ),
      ],
      columnGap: 24,
    },
    {
      text: [
        expected.length > 0
          ? 'The names of the people expected are printed: each signs on their line, correcting the title if it is wrong. Anyone else prints their name, title and department, school or board on a blank line, then signs. '
          : 'Please print your name, your title, and your department, school or board, then sign. ',
        'Your name and title are submitted to Sustainable CT as evidence of attendance. ',
        prepared,
      ],
      style: 'small',
      margin: [0, 6, 0, 8],
    },
  ];

  const content: PdfContent[] = [];
  pages.forEach((rows, i) => {
    if (i === 0) content.push(...heading);
    else
      content.push({
        text: `SIGN-IN SHEET (CONTINUED)  ·  ${trainingName}  ·  ${formatDate(session.date)}`,
        style: 'kicker',
        margin: [0, 0, 0, 8],
        pageBreak: 'before',
      });
    content.push(rowsTable(rows));
  });

  return {
    info: {
      title: `Sign-in sheet — ${trainingName} — ${formatDate(session.date)}`,
      author: town,
      creator: `Equity Training Ledger ${clip(meta.appVersion, 40)}`,
    },
    pageSize: 'LETTER',
    pageMargins: PAGE_MARGINS,
    footer: runningFooter(town, action),
    styles,
    defaultStyle,
    content,
  };
}
