/**
 * DOCX through mammoth (maintained, pure JavaScript): the document becomes simple HTML (headings,
 * paragraphs, lists, tables), read here paragraph by paragraph. A .docx is a zip, so offsets into it
 * mean nothing: a passage's `line` is its paragraph number (see ExtractedPassage). Images are never
 * read and linked files never opened. Title, author and date come from docProps/core.xml.
 */
import type { SourceProblem } from '../types';
import { titleFromPath } from '../sources/parse';
import { cleanMetadata, normalizeDate, passagesFromSegments, type Segment } from './segments';
import type { Extracted, SourceMetadata } from './types';
import { formatLibs } from './libs';

type Mammoth = typeof import('mammoth');
/** The little of the DOM read here (the project builds without the DOM library types). */
export interface DomNode {
  nodeType: number;
  tagName: string;
  textContent: string | null;
  children: ArrayLike<DomNode>;
  childNodes: ArrayLike<DomNode>;
}

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI']);

export async function extractDocx(path: string, bytes: Uint8Array): Promise<Extracted | SourceProblem> {
  // Loaded on first use only, so a workspace without Word files never loads them.
  const mammoth = formatLibs().mammoth as Mammoth;
  const { parseHTML } = formatLibs().linkedom as { parseHTML(html: string): { document: { body: DomNode } } };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer }, {
      // Images are dropped without being read; files linked from the document are never opened.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      externalFileAccess: false,
      ignoreEmptyParagraphs: true,
    });
    html = result.value;
  } catch (e) {
    return { source: path, message: `not a readable DOCX: ${e instanceof Error ? e.message.split('\n')[0] : e}` };
  }
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const segments: Segment[] = [];
  let firstHeading: string | undefined;
  const visit = (el: DomNode) => {
    for (const child of Array.from(el.children)) {
      if (BLOCKS.has(child.tagName)) {
        const text = (child.tagName === 'LI' ? ownText(child) : child.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (text) {
          segments.push({ text, line: segments.length + 1, paragraph: true });
          if (!firstHeading && /^H[1-6]$/.test(child.tagName)) firstHeading = text;
        }
      }
      // Paragraphs inside list items and table cells, nested lists.
      if (child.tagName !== 'P' && !/^H[1-6]$/.test(child.tagName)) visit(child);
    }
  };
  visit(document.body);
  const metadata = cleanMetadata(await coreProperties(bytes));
  return passagesFromSegments(path, 'docx', segments, metadata, metadata.title ?? firstHeading ?? titleFromPath(path));
}

/** A list item's own text, without its nested lists and paragraphs (they are blocks of their own). */
function ownText(li: DomNode): string {
  let out = '';
  for (const n of Array.from(li.childNodes)) {
    if (n.nodeType === 3) out += n.textContent ?? '';
    else if (n.nodeType === 1 && !/^(UL|OL|P|TABLE)$/.test(n.tagName)) out += n.textContent ?? '';
  }
  return out;
}

/** Title, creator and creation date from docProps/core.xml (Dublin Core), when the file has them. */
async function coreProperties(bytes: Uint8Array): Promise<SourceMetadata> {
  try {
    const JSZip = formatLibs().jszip as typeof import('jszip');
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('docProps/core.xml')?.async('string');
    if (!xml) return {};
    const field = (tag: string) => {
      const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
      return m ? decodeXml(m[1]!) : undefined;
    };
    return { title: field('dc:title'), author: field('dc:creator'), date: normalizeDate(field('dcterms:created')) };
  } catch {
    return {};
  }
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (all, n: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[n.toLowerCase()]) return named[n.toLowerCase()]!;
    const code = n[1] === 'x' || n[1] === 'X' ? parseInt(n.slice(2), 16) : parseInt(n.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}
