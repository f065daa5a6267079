/**
 * Passages for formats whose offsets mean nothing in the file itself (PDF, DOCX): the extracted text
 * is laid out as lines ("segments": a line of a PDF page, a DOCX paragraph), split into passages the
 * same way as a text file, and every passage is located by segment (page and line, or paragraph).
 */
import type { SourceProblem } from '../types';
import { parseSource } from '../sources/parse';
import type { DocumentFormat, Extracted, ExtractedPassage, SourceMetadata } from './types';

export interface Segment {
  text: string;
  /** Reported as the passage's line (line within the page for PDF, paragraph number for DOCX). */
  line: number;
  page?: number;
  /** Starts a new paragraph (a blank line before it), so no passage runs across the break. */
  paragraph?: boolean;
}

// Control characters other than tab would make the text look binary; PDFs do contain them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

export function passagesFromSegments(
  path: string, format: DocumentFormat, segments: Segment[], metadata: SourceMetadata, title: string | undefined,
): Extracted | SourceProblem {
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (i > 0) {
      const sep = seg.paragraph ? '\n\n' : '\n';
      parts.push(sep);
      length += sep.length;
    }
    const t = seg.text.replace(CONTROL, ' ').replace(/[\r\n\u2028\u2029]/g, ' ');
    starts.push(length);
    parts.push(t);
    length += t.length;
  }
  const text = parts.join('');
  if (!/\S/.test(text)) return { source: path, message: 'no text found' };
  const parsed = parseSource('extracted.txt', text);
  if ('message' in parsed) return { source: path, message: parsed.message };
  const locate = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const passages: ExtractedPassage[] = parsed.passages.map((p) => {
    const s = locate(p.start);
    const e = locate(Math.max(p.start, p.end - 1));
    const page = segments[s]!.page;
    return {
      ...p,
      line: segments[s]!.line,
      column: p.start - starts[s]! + 1,
      endLine: segments[e]!.line,
      endColumn: Math.max(p.start, p.end - 1) - starts[e]! + 2,
      ...(page !== undefined ? { page } : {}),
    };
  });
  return { format, text, ...(title ? { title } : {}), metadata, passages };
}

/** Reads a date the way documents write it (ISO, PDF `D:YYYYMMDD…`, "March 12, 2024") as `YYYY-MM-DD`. */
export function normalizeDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const s = raw.trim();
  if (!s) return undefined;
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(s);
  if (pdf) return [pdf[1], pdf[2], pdf[3]].filter(Boolean).join('-');
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|[T\s])/.exec(s);
  if (iso) return [iso[1], iso[2], iso[3]].filter(Boolean).join('-');
  const t = Date.parse(s);
  if (Number.isFinite(t) && /\d{4}/.test(s)) {
    const d = new Date(t);
    // Dates without a time are parsed as local midnight; read them back in local time.
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }
  return s;
}

/** Drops empty fields and trims the rest. */
export function cleanMetadata(m: SourceMetadata): SourceMetadata {
  const out: SourceMetadata = {};
  for (const k of ['title', 'author', 'date', 'url'] as const) {
    const v = m[k]?.replace(/\s+/g, ' ').trim();
    if (v) out[k] = v;
  }
  return out;
}
