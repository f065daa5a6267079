/**
 * PDF: text per page through pdfjs-dist (Mozilla's PDF.js, pure JavaScript; the legacy build runs on
 * Node 20). Every passage keeps its page. Nothing in the file can run: PDF JavaScript is never
 * executed (no scripting sandbox is loaded), XFA is off, fonts are not evaluated as code
 * (`isEvalSupported: false`), and the bytes are handed over directly so nothing is fetched.
 */
import type { SourceProblem } from '../types';
import { titleFromPath } from '../sources/parse';
import { cleanMetadata, normalizeDate, passagesFromSegments, type Segment } from './segments';
import type { Extracted } from './types';

interface TextItem { str: string; transform: number[]; height: number; hasEOL: boolean }
interface PdfPage { getTextContent(): Promise<{ items: (TextItem | { type: string })[] }>; cleanup(): void }
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  getMetadata(): Promise<{ info?: Record<string, unknown> }>;
}
interface PdfJs {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
}

let loading: Promise<PdfJs> | undefined;
const PDFJS_LIB = 'pdfjs-dist/legacy/build/pdf.min.mjs';
const PDFJS_WORKER = 'pdfjs-dist/legacy/build/pdf.worker.min.mjs';

/** Loads pdfjs on first use only (a workspace without PDFs never loads it), with its worker in this thread. */
function pdfjs(): Promise<PdfJs> {
  loading ??= (async () => {
    // pdfjs warns on load that it cannot polyfill canvas APIs (only rendering needs them) and prints
    // it with console.log, which would end up in the CLI's output: keep it quiet while it loads.
    const log = console.log;
    console.log = () => undefined;
    try {
      let mod: { lib: unknown; worker: unknown };
      try {
        // Bundled: dist/pdfjs.js next to this bundle (see pdfjs-bundle.ts). Not a literal, so that
        // esbuild leaves it out of the main bundle.
        const bundled = `${__dirname}/pdfjs.js`;
        mod = require(bundled);
      } catch (e) {
        if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND') throw e;
        // From source (tests, tsx): the package itself.
        const [lib, worker] = [PDFJS_LIB, PDFJS_WORKER];
        mod = { lib: await import(lib), worker: await import(worker) };
      }
      // The "fake worker" (same thread) picks its message handler from here instead of importing a file.
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = mod.worker;
      return mod.lib as PdfJs;
    } finally {
      console.log = log;
    }
  })();
  loading.catch(() => { loading = undefined; });
  return loading;
}

export const NO_TEXT_LAYER = 'no text layer (scanned?)';

export async function extractPdf(path: string, bytes: Uint8Array): Promise<Extracted | SourceProblem> {
  let lib: PdfJs;
  try {
    lib = await pdfjs();
  } catch (e) {
    return { source: path, message: `cannot load the PDF reader: ${e instanceof Error ? e.message : e}` };
  }
  const task = lib.getDocument({
    data: new Uint8Array(bytes), // a copy: pdfjs takes ownership of the buffer it is given
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const segments: Segment[] = [];
    let letters = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const lines = pageLines((await page.getTextContent()).items);
      page.cleanup();
      lines.forEach((l, i) => {
        letters += (l.text.match(/\p{L}/gu) ?? []).length;
        segments.push({ text: l.text, line: i + 1, page: n, paragraph: i === 0 || l.paragraph });
      });
    }
    if (letters === 0) return { source: path, message: NO_TEXT_LAYER };
    const info = (await doc.getMetadata().catch(() => ({ info: undefined }))).info ?? {};
    const str = (k: string) => (typeof info[k] === 'string' ? (info[k] as string) : undefined);
    const metadata = cleanMetadata({ title: str('Title'), author: str('Author'), date: normalizeDate(str('CreationDate')) });
    return passagesFromSegments(path, 'pdf', segments, metadata, metadata.title ?? titleFromPath(path));
  } catch (e) {
    const name = (e as { name?: string })?.name;
    if (name === 'PasswordException') return { source: path, message: 'encrypted PDF (needs a password)' };
    return { source: path, message: `not a readable PDF: ${e instanceof Error ? e.message : e}` };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/**
 * A page's text items as lines (pdfjs marks line ends), with a paragraph break where the gap between
 * two lines is clearly wider than the line spacing or the text jumps back up (a new column).
 */
function pageLines(items: (TextItem | { type: string })[]): { text: string; paragraph: boolean }[] {
  const out: { text: string; y: number; height: number; paragraph: boolean }[] = [];
  let text = '';
  let y: number | undefined;
  let height = 0;
  const flush = () => {
    if (/\S/.test(text)) {
      const prev = out[out.length - 1];
      const yy = y ?? 0;
      const gap = prev ? prev.y - yy : 0;
      const paragraph = !!prev && (gap < -1 || gap > 1.8 * Math.max(prev.height, height, 1));
      out.push({ text: text.replace(/\s+/g, ' ').trim(), y: yy, height, paragraph });
    }
    text = '';
    y = undefined;
    height = 0;
  };
  for (const item of items) {
    if (!('str' in item)) continue;
    if (y === undefined && /\S/.test(item.str)) y = item.transform[5];
    text += item.str;
    height = Math.max(height, item.height || 0);
    if (item.hasEOL) flush();
  }
  flush();
  return out;
}
