/**
 * The small subset of pdfmake's document-definition format the packet builders emit.
 *
 * Why our own types: shared/ must not import pdfmake (lint forbids it, even as
 * `import type`), yet the builders return a plain object pdfmake renders. The
 * rendering adapters (`electron/cli/pdf-node.ts`, `renderer/src/packet/`) assign
 * a `PdfDocument` to pdfmake's `TDocumentDefinitions` without a cast, so the
 * compiler proves this subset stays compatible with pdfmake 0.3.
 */

export type PdfMargins = number | [number, number] | [number, number, number, number];

/** Text and box style shared by every node. */
export interface PdfStyle {
  font?: string;
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  fillColor?: string;
  alignment?: 'left' | 'right' | 'center' | 'justify';
  lineHeight?: number;
  characterSpacing?: number;
  margin?: PdfMargins;
  noWrap?: boolean;
}

interface PdfNodeBase extends PdfStyle {
  style?: string | string[];
  pageBreak?: 'before' | 'after';
  /** Keeps a heading on the same page as what follows it (see `pageBreakBefore`). */
  headlineLevel?: number;
  /** Table cells only. */
  colSpan?: number;
  border?: [boolean, boolean, boolean, boolean];
}

export interface PdfText extends PdfNodeBase {
  text: string | PdfContent[];
}

export interface PdfStack extends PdfNodeBase {
  stack: PdfContent[];
  /** Never split across a page break. Only for small blocks: a block taller than a page would be clipped. */
  unbreakable?: boolean;
}

export interface PdfColumns extends PdfNodeBase {
  columns: (PdfContent & { width?: number | string })[];
  columnGap?: number;
}

export interface PdfList extends PdfNodeBase {
  ul: PdfContent[];
}

export interface PdfOrderedList extends PdfNodeBase {
  ol: PdfContent[];
}

export interface PdfLine {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth?: number;
  lineColor?: string;
}

export interface PdfCanvas extends PdfNodeBase {
  canvas: PdfLine[];
}

/** Table borders and padding; the functions get the column or row index. */
export interface PdfTableLayout {
  hLineWidth?: (i: number, node: { table: { body: unknown[][]; headerRows?: number } }) => number;
  vLineWidth?: (i: number) => number;
  hLineColor?: (i: number) => string;
  vLineColor?: (i: number) => string;
  paddingLeft?: (i: number) => number;
  paddingRight?: (i: number) => number;
  paddingTop?: (i: number) => number;
  paddingBottom?: (i: number) => number;
  fillColor?: (rowIndex: number) => string | null;
}

export interface PdfTable extends PdfNodeBase {
  table: {
    /** Rows of cells; a cell is any content (a string is plain text, never markup). */
    body: PdfContent[][];
    widths?: (number | string)[];
    heights?: number | ((row: number) => number | 'auto');
    /** Repeated at the top of every page the table spans. */
    headerRows?: number;
    /** A row never splits across pages; cells are clipped to 300 characters so no row outgrows a page. */
    dontBreakRows?: boolean;
    keepWithHeaderRows?: number;
  };
  layout?: PdfTableLayout | 'noBorders' | 'headerLineOnly' | 'lightHorizontalLines';
}

export type PdfContent =
  string | PdfText | PdfStack | PdfColumns | PdfList | PdfOrderedList | PdfCanvas | PdfTable | PdfContent[];

/** The page callback pdfmake calls for the header and footer of each page. */
export type PdfPageContent = (currentPage: number, pageCount: number) => PdfContent;

/** What pdfmake tells `pageBreakBefore` about a node it has laid out. */
export interface PdfLaidOutNode {
  text?: unknown;
  table?: unknown;
  headlineLevel?: number;
  pageNumbers: number[];
  /** `verticalRatio`: how far down the text area the node starts, 0 (top) to 1 (bottom). */
  startPosition: { verticalRatio: number };
}

export interface PdfDocument {
  info?: { title?: string; author?: string; subject?: string; creator?: string; producer?: string };
  /** PDF/A (archival) needs PDF 1.7 and the `PDF/A-2b` subset; pdfmake hands both to pdfkit. */
  version?: '1.7';
  subset?: 'PDF/A-2b';
  /** BCP 47 language of the document, e.g. `en-US`. */
  language?: string;
  displayTitle?: boolean;
  pageSize: 'LETTER';
  pageOrientation?: 'portrait' | 'landscape';
  pageMargins: [number, number, number, number];
  header?: PdfPageContent;
  footer?: PdfPageContent;
  content: PdfContent[];
  styles?: Record<string, PdfStyle>;
  defaultStyle?: PdfStyle;
  /**
   * Moves a heading to the next page when nothing of its section would follow it on this one.
   * Typed loosely on purpose: pdfmake passes its own layout nodes here.
   */
  pageBreakBefore?: (
    currentNode: PdfLaidOutNode,
    nodeQueries: { getFollowingNodesOnPage: () => PdfLaidOutNode[] },
  ) => boolean;
}
