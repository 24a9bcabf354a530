/**
 * The look shared by the evidence packet and the sign-in sheet: page, type
 * scale, one accent colour, table rules, the running footer, and the text
 * helpers that keep user-typed text plain and bounded.
 */
import { format, isValid, parseISO } from 'date-fns';
import type {
  PdfContent,
  PdfDocument,
  PdfPageContent,
  PdfStyle,
  PdfTable,
  PdfTableLayout,
  PdfText,
} from './pdf-types';

/** One accent colour (a deep civic blue); status is always written in words too, never colour alone. */
export const ACCENT = '#1d4f6e';
export const INK = '#1b1b1b';
export const MUTED = '#5a6470';
export const RULE = '#c5ced6';
export const TINT = '#eaf0f4';

/** US Letter is 612 × 792 pt; 0.75 in sides leave a 504 pt text column. */
export const PAGE_MARGINS: [number, number, number, number] = [54, 62, 54, 58];
export const CONTENT_WIDTH = 612 - PAGE_MARGINS[0] - PAGE_MARGINS[2];

/**
 * Longest text printed in one table cell. Rows use `dontBreakRows`, and pdfmake
 * cannot split a row that is taller than a page, so an absurd cell (a pasted
 * 10,000-character name) would overflow the page or stall the layout; 300
 * characters is far beyond any real name, title or department.
 */
export const CELL_MAX = 300;
/** Longest sentence in a reason or gap line (engine text quotes names, so it can grow with them). */
export const LINE_MAX = 1000;

/**
 * Shortens `text` to `max` characters with an ellipsis, counting code points so an
 * emoji is never cut in half. Whitespace runs (tabs, newlines) are collapsed: cells are one paragraph.
 */
export function clip(text: string, max = CELL_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  return `${chars
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

export { formatDate } from '../domain/dates';

/** "18:30" → "6:30 PM". */
export function formatTime(hhmm: string): string {
  const d = parseISO(`2000-01-01T${hhmm}`);
  return isValid(d) ? format(d, 'h:mm a') : hhmm;
}

/** A user's text as a pdfmake text node: pdfmake prints strings verbatim, so markup stays inert. */
export const plain = (text: string, style?: PdfStyle & { style?: string | string[] }): PdfText => ({
  text,
  ...style,
});

export const styles: Record<string, PdfStyle> = {
  kicker: { fontSize: 8.5, bold: true, color: ACCENT, characterSpacing: 0.6 },
  title: { fontSize: 24, bold: true, color: INK, lineHeight: 1.1 },
  subtitle: { fontSize: 14, color: ACCENT },
  h1: { fontSize: 15, bold: true, color: ACCENT, margin: [0, 0, 0, 6] },
  h2: { fontSize: 11, bold: true, color: INK, margin: [0, 14, 0, 5] },
  label: { fontSize: 9, color: MUTED },
  th: { fontSize: 8.5, bold: true, color: ACCENT },
  small: { fontSize: 8.5, color: MUTED },
  statusLine: { fontSize: 10.5, color: INK, margin: [0, 0, 0, 4] },
  gap: { color: '#7a2e0e' },
};

export const defaultStyle: PdfStyle = { font: 'Roboto', fontSize: 9.5, lineHeight: 1.25, color: INK };

/** Horizontal rules only: an accent line under the header row, hairlines between rows. */
export const ledgerLayout: PdfTableLayout = {
  hLineWidth: (i, node) => (i === 0 ? 0 : i === (node.table.headerRows ?? 0) ? 1 : 0.5),
  vLineWidth: () => 0,
  hLineColor: (i) => (i === 1 ? ACCENT : RULE),
  paddingLeft: (i) => (i === 0 ? 0 : 6),
  paddingRight: () => 6,
  paddingTop: () => 3.5,
  paddingBottom: () => 3.5,
};

/** Label/value pairs (cover details, Part 2 facts): no header row, hairlines between rows. */
export const detailsLayout: PdfTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
  vLineWidth: () => 0,
  hLineColor: () => RULE,
  paddingLeft: (i) => (i === 0 ? 0 : 8),
  paddingRight: () => 4,
  paddingTop: () => 4,
  paddingBottom: () => 4,
};

/**
 * A data table: the header row repeats on every page the table spans
 * (`headerRows: 1`) and no row is split across pages (`dontBreakRows`).
 */
export function dataTable(headers: string[], rows: PdfContent[][], widths: (number | string)[]): PdfTable {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      // Keep at least the first row with the header, so a header never sits alone at a page foot.
      keepWithHeaderRows: rows.length > 0 ? 1 : 0,
      widths,
      body: [headers.map((h) => ({ text: h, style: 'th' })), ...rows],
    },
    layout: ledgerLayout,
    margin: [0, 2, 0, 4],
  };
}

/** Label/value rows, e.g. "Training entity — Connecticut Conference of Municipalities". */
export function detailsTable(rows: [string, PdfContent][], labelWidth = 130): PdfTable {
  return {
    table: {
      dontBreakRows: true,
      widths: [labelWidth, '*'],
      body: rows.map(([label, value]) => [{ text: label, style: 'label' }, value]),
    },
    layout: detailsLayout,
    margin: [0, 2, 0, 4],
  };
}

/** A section heading pdfmake moves to the next page rather than strand at the foot of one. */
export const h1 = (text: string, pageBreak?: 'before'): PdfText => ({
  text,
  style: 'h1',
  headlineLevel: 1,
  ...(pageBreak ? { pageBreak } : {}),
});
export const h2 = (text: string): PdfText => ({ text, style: 'h2', headlineLevel: 1 });

/**
 * Moves a heading to the next page rather than strand it at the foot of one:
 * when no text follows it on its page, or when a table follows and the heading
 * sits in the bottom fifth of the page. (pdfmake reports a table it later pushes
 * whole to the next page as starting on this one, so the first test alone misses it.)
 */
export const keepHeadingsWithContent: NonNullable<PdfDocument['pageBreakBefore']> = (node, queries) => {
  if (node.headlineLevel !== 1) return false;
  const page = node.pageNumbers[0] ?? -1;
  const following = queries.getFollowingNodesOnPage();
  const textFollows = following.some(
    (n) => n.text !== undefined && n.headlineLevel === undefined && n.pageNumbers.includes(page),
  );
  const tableFollows = following[0]?.table !== undefined;
  return !textFollows || (tableFollows && node.startPosition.verticalRatio > 0.8);
};

/** A thin accent rule across the text column. */
export const accentRule = (margin: [number, number, number, number] = [0, 6, 0, 10]): PdfContent => ({
  canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 1.5, lineColor: ACCENT }],
  margin,
});

/**
 * The running footer on every page: who and what this is, and "Page X of Y".
 * Town and action are clipped so a very long name can never push the footer onto two lines.
 */
export function runningFooter(town: string, action: string): PdfPageContent {
  const left = `${clip(town, 60)}  ·  ${clip(action, 90)}`;
  return (currentPage, pageCount) => ({
    margin: [PAGE_MARGINS[0], 18, PAGE_MARGINS[2], 0],
    stack: [
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: RULE }],
      },
      {
        margin: [0, 5, 0, 0],
        columns: [
          { text: left, style: 'small', width: '*' },
          { text: `Page ${currentPage} of ${pageCount}`, style: 'small', alignment: 'right', width: 80 },
        ],
      },
    ],
  });
}

/** Town name as printed: never blank, so a packet for a town still being set up reads sensibly. */
export const townLabel = (name: string): string => clip(name, 200) || 'Town name missing';
