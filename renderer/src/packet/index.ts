/**
 * Renders the evidence packet and the sign-in sheet to PDF bytes in the renderer.
 *
 * pdfmake's browser build (~1 MB) and its Roboto font file (~850 KB) are
 * imported on first use only, so start-up never pays for them and they stay
 * out of the main chunk. The build needs no eval (it only tries
 * `new Function` inside a try/catch after `globalThis`), so it runs under the
 * renderer's strict CSP; fonts come from the bundled virtual file system, so
 * nothing is fetched.
 */
import type * as PdfMakeModule from 'pdfmake/build/pdfmake';
import type { TownData } from '../../../shared/domain/schema';
import { buildPacketDocument } from '../../../shared/packet/packet';
import type { PacketMeta, PacketOptions } from '../../../shared/packet/packet';
import type { PdfDocument } from '../../../shared/packet/pdf-types';
import { buildSignInSheet } from '../../../shared/packet/signin';
import type { SignInMeta } from '../../../shared/packet/signin';
import type { Evaluation } from '../../../shared/rules/evaluation';

type PdfMakeBrowser = typeof PdfMakeModule;
type TDocumentDefinitions = Parameters<PdfMakeBrowser['createPdf']>[0];

let loading: Promise<PdfMakeBrowser> | null = null;

/** The CommonJS builds arrive as `{ default: exports }` or as the exports themselves, depending on the bundler. */
const interop = <T>(mod: T | { default: T }): T =>
  typeof mod === 'object' && mod !== null && 'default' in mod ? mod.default : mod;

/** Loads pdfmake and its fonts once, on first use. */
function loadPdfMake(): Promise<PdfMakeBrowser> {
  loading ??= Promise.all([import('pdfmake/build/pdfmake'), import('pdfmake/build/vfs_fonts')])
    .then(([pm, fonts]) => {
      const pdfMake = interop<PdfMakeBrowser>(pm);
      pdfMake.addVirtualFileSystem(interop(fonts));
      return pdfMake;
    })
    .catch((e: unknown) => {
      // Let a later attempt retry instead of caching the failure.
      loading = null;
      throw e;
    });
  return loading;
}

async function render(doc: PdfDocument): Promise<Uint8Array> {
  const pdfMake = await loadPdfMake();
  // No cast: the compiler checks shared/'s subset of the format against pdfmake's own types.
  const definition: TDocumentDefinitions = doc;
  const buffer = await pdfMake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** The evidence packet as PDF bytes (for the main process to save through its dialog). */
export function createPacketPdf(
  data: TownData,
  evaluation: Evaluation,
  meta: PacketMeta,
  options: PacketOptions = {},
): Promise<Uint8Array> {
  return render(buildPacketDocument(data, evaluation, meta, options));
}

/**
 * A blank sign-in sheet for one session as PDF bytes.
 * Rejects with `UnknownSessionError` (from shared/packet/signin) for an unknown session id.
 */
export function createSignInPdf(data: TownData, sessionId: string, meta: SignInMeta): Promise<Uint8Array> {
  // Built before pdfmake loads, so an unknown session fails fast.
  try {
    return render(buildSignInSheet(data, sessionId, meta));
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

export { UnknownSessionError } from '../../../shared/packet/signin';
export type { PacketMeta } from '../../../shared/packet/packet';
export type { SignInMeta } from '../../../shared/packet/signin';
