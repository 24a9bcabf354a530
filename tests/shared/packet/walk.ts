/** Helpers to read a pdfmake document definition the way a reader would: its text, and its tables. */
import type { PdfDocument, PdfTable } from '../../../shared/packet/pdf-types';

/** Every string in a content tree, in reading order. */
export function strings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (typeof node === 'number') return [String(node)];
  if (Array.isArray(node)) return node.flatMap(strings);
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    return ['text', 'stack', 'columns', 'ul', 'ol', 'table', 'body'].flatMap((k) =>
      k in o ? strings(o[k]) : [],
    );
  }
  return [];
}

/** All the document's text (content, plus the footer of pages 1 and 2 of 3) joined with newlines. */
export function documentText(doc: PdfDocument): string {
  const footer = doc.footer ? [doc.footer(1, 3), doc.footer(2, 3)] : [];
  return [...strings(doc.content), ...strings(footer)].join('\n');
}

/** Every table node in a content tree. */
export function tables(node: unknown): PdfTable[] {
  if (Array.isArray(node)) return node.flatMap(tables);
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const own = 'table' in o ? [o as unknown as PdfTable] : [];
    const inner = ['stack', 'columns', 'ul', 'ol', 'text'].flatMap((k) => (k in o ? tables(o[k]) : []));
    const cells = 'table' in o ? tables((o as unknown as PdfTable).table.body) : [];
    return [...own, ...inner, ...cells];
  }
  return [];
}
