/** The evidence packet and the sign-in sheet as pdfmake document definitions (pure; rendering lives in the adapters). */
export { buildPacketDocument } from './packet';
export type { PacketMeta } from './packet';
export { UnknownSessionError, buildSignInSheet } from './signin';
export type { SignInMeta } from './signin';
export { CELL_MAX, clip, formatDate } from './layout';
export type { PdfContent, PdfDocument } from './pdf-types';
