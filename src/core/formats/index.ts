/**
 * The extraction layer: a source file's bytes to passages with their places (offsets, line and column;
 * page for PDF; paragraph for DOCX) and the metadata the file carries about itself. Text, Markdown
 * and HTML extract synchronously (`extractSync`, which `Engine.addSource` uses); PDF and DOCX need
 * `extractDocument`, whose result goes to `Engine.addExtracted`. The libraries for PDF, DOCX and HTML
 * are loaded on first use.
 */
import type { Passage, SourceProblem } from '../types';
import { formatOf, parseSource } from '../sources/parse';
import { readFrontMatter } from '../sources/blank';
import { extractHtml } from './html';
import { extractPdf } from './pdf';
import { extractDocx } from './docx';
import { cleanMetadata, normalizeDate } from './segments';
import type { DocumentFormat, Extracted, SourceMetadata } from './types';

export type { DocumentFormat, Extracted, ExtractedPassage, SourceMetadata } from './types';
export { NO_TEXT_LAYER } from './pdf';

/** The format a file is read as, by its extension. */
export function documentFormatOf(path: string): DocumentFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.pdf')) return 'pdf';
  if (lower.endsWith('.docx')) return 'docx';
  return formatOf(path);
}

/** Whether a file needs the asynchronous `extractDocument` (PDF, DOCX). */
export function needsAsyncExtraction(path: string): boolean {
  const f = documentFormatOf(path);
  return f === 'pdf' || f === 'docx';
}

/** Any source file to passages, or the reason it cannot be used. Never throws. */
export async function extractDocument(path: string, bytes: Uint8Array | string): Promise<Extracted | SourceProblem> {
  const format = documentFormatOf(path);
  try {
    if (format === 'pdf' || format === 'docx') {
      const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
      return format === 'pdf' ? await extractPdf(path, data) : await extractDocx(path, data);
    }
    return extractSync(path, bytes);
  } catch (e) {
    return { source: path, message: `cannot extract text: ${e instanceof Error ? e.message : e}` };
  }
}

/** Text, Markdown and HTML sources to passages (offsets and line/column into the original file). */
export function extractSync(path: string, content: string | Uint8Array): Extracted | SourceProblem {
  const format = documentFormatOf(path);
  if (format === 'pdf' || format === 'docx') {
    return { source: path, message: `a ${format.toUpperCase()} file is read asynchronously: use extractDocument, then addExtracted` };
  }
  if (format === 'html') return extractHtml(path, content);
  const parsed = parseSource(path, content);
  if ('message' in parsed) return parsed;
  const metadata = format === 'markdown' ? frontMatterMetadata(parsed.text) : {};
  return { format, text: parsed.text, ...(parsed.title ? { title: parsed.title } : {}), metadata, passages: parsed.passages };
}

/** Title, author(s), date and URL from a Markdown file's YAML front matter. */
export function frontMatterMetadata(text: string): SourceMetadata {
  const fm = readFrontMatter(text);
  if (!fm) return {};
  const one = (...keys: string[]) => {
    for (const k of keys) {
      const v = fm[k];
      if (typeof v === 'string' && v) return v;
      if (Array.isArray(v) && v.length) return v.join('; ');
    }
    return undefined;
  };
  return cleanMetadata({
    title: one('title'),
    author: one('author', 'authors', 'creator', 'byline'),
    date: normalizeDate(one('date', 'published', 'created')),
    url: one('url', 'link', 'source', 'canonical_url'),
  });
}

/** Where a passage is, for people: "p. 12" for PDF pages, "¶ 4" for DOCX paragraphs, else "line 7". */
export function locationLabel(p: Pick<Passage, 'source' | 'line' | 'page'>): string {
  if (p.page !== undefined) return `p. ${p.page}`;
  if (documentFormatOf(p.source) === 'docx') return `¶ ${p.line}`;
  return `line ${p.line}`;
}
