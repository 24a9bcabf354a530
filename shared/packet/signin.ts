/**
 * A blank sign-in sheet for one session: printed before the training, signed on
 * paper, then typed back into the app as attendance (evidence for P1.9 and P2.7).
 */
import type { TownData } from '../domain/schema';
import {
  ACCENT,
  PAGE_MARGINS,
  RULE,
  accentRule,
  clip,
  dataTable,
  defaultStyle,
  detailsTable,
  formatDate,
  formatTime,
  runningFooter,
  styles,
  townLabel,
} from './layout';
import type { PdfContent, PdfDocument } from './pdf-types';

export interface SignInMeta {
  /** ISO `YYYY-MM-DD`; printed small, so an old printout can be told from a new one. */
  generatedOn: string;
  appVersion: string;
  /** Empty rows to print (default 20); past one page the header row repeats. */
  rows?: number;
}

/** Thrown for a session id that is not in the town's data, so callers can say so plainly. */
export class UnknownSessionError extends Error {
  override readonly name = 'UnknownSessionError';
  constructor(readonly sessionId: string) {
    super(`No session with id '${sessionId}' in this town's data`);
  }
}

/** With 4 pt padding above and below, rows are 23 pt (about 0.32 in): room to write, and 20 fit on one page. */
const ROW_HEIGHT = 15;

/**
 * Builds the blank sign-in sheet for `sessionId`: town, training, date, time and
 * place, then a ruled table (Name, Title, Department or board, Signature).
 * @throws UnknownSessionError when no session has that id.
 */
export function buildSignInSheet(data: TownData, sessionId: string, meta: SignInMeta): PdfDocument {
  const session = data.sessions.find((s) => s.id === sessionId);
  if (!session) throw new UnknownSessionError(sessionId);
  const training = data.trainings.find((t) => t.id === session.trainingId);
  const trainingName = training ? clip(training.name) : 'Training not found';
  const town = townLabel(data.town.name);
  const action = `Action ${data.settings.actionNumber} ${data.settings.actionName}`;

  const time =
    session.startTime && session.endTime
      ? `${formatTime(session.startTime)} – ${formatTime(session.endTime)}`
      : session.startTime
        ? formatTime(session.startTime)
        : '';
  const rowCount = Math.max(1, Math.min(500, Math.floor(meta.rows ?? 20)));
  const blankRows: PdfContent[][] = Array.from({ length: rowCount }, () => ['', '', '', '']);

  const table = dataTable(['Name', 'Title', 'Department or board', 'Signature'], blankRows, [
    120,
    105,
    120,
    '*',
  ]);
  table.table.heights = (row) => (row === 0 ? 'auto' : ROW_HEIGHT);
  // Every row ruled (including the last) so the sheet reads as a form to fill in.
  table.layout = {
    hLineWidth: (i) => (i === 0 ? 0 : i === 1 ? 1 : 0.6),
    vLineWidth: (i) => (i === 0 || i === 4 ? 0 : 0.4),
    hLineColor: (i) => (i === 1 ? ACCENT : RULE),
    vLineColor: () => RULE,
    paddingLeft: () => 5,
    paddingRight: () => 5,
    paddingTop: () => 4,
    paddingBottom: () => 4,
  };

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
    content: [
      { text: `SIGN-IN SHEET  ·  ${town.toUpperCase()}`, style: 'kicker', margin: [0, 0, 0, 6] },
      { text: trainingName, style: 'title', fontSize: 20 },
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
              ['Place or link', clip(session.location) || '______________'],
              ['Training entity', training ? clip(training.provider) || '—' : '—'],
            ],
            80,
          ),
        ],
        columnGap: 24,
      },
      {
        text: 'Please print your name, your title, and your department, school or board, then sign. Your name and title are submitted to Sustainable CT as evidence of attendance.',
        style: 'small',
        margin: [0, 6, 0, 8],
      },
      table,
      {
        text: `Prepared ${formatDate(meta.generatedOn)} with Equity Training Ledger.`,
        style: 'small',
        margin: [0, 8, 0, 0],
      },
    ],
  };
}
