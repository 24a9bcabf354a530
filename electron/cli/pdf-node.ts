/**
 * Renders a pdfmake document definition to PDF bytes in Node (the CLI, and main
 * if it ever needs to). pdfmake 0.3's Node build reads fonts from disk and would
 * fetch `http(s)` URLs for images or fonts; we allow only the bundled Roboto
 * files and no URL at all, so rendering never touches the network.
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import type * as PdfMakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { PdfDocument } from '../../shared/packet/pdf-types';

type PdfMake = typeof PdfMakeModule;

// pdfmake's Node entry is CommonJS whose export is an instance (`module.exports = new pdfmake()`),
// which ESM cannot see named exports on; `require` gets that instance as is.
const require = createRequire(import.meta.url);

let instance: PdfMake | null = null;

/** The configured pdfmake singleton: bundled Roboto, no URLs, no file outside the font folder. */
function pdfmake(): PdfMake {
  if (instance) return instance;
  const pm = require('pdfmake') as PdfMake;
  const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  pm.setFonts({
    Roboto: {
      normal: join(fontDir, 'Roboto-Regular.ttf'),
      bold: join(fontDir, 'Roboto-Medium.ttf'),
      italics: join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((path) => resolve(path).startsWith(fontDir + sep));
  instance = pm;
  return pm;
}

/**
 * PDF bytes for `doc`. pdfmake rewrites the definition it is given while laying it
 * out, so pass a freshly built one each time (the builders are cheap and pure).
 */
export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  // No cast: the compiler checks that shared/'s subset of the format is one pdfmake accepts.
  const definition: TDocumentDefinitions = doc;
  return pdfmake().createPdf(definition).getBuffer();
}
