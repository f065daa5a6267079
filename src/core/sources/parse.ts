import type { SourceProblem } from '../types';
import { blankHtml, blankMarkdown, type Blanked } from './blank';
import { blockShape, isChromeBlock, opensComments } from './chrome';
import { decodeSource } from './decode';
import { splitSentences } from '../text/sentences';
import { basename } from '../text/paths';

/** A passage before it enters the index: a range of the original file and its readable text. */
export interface RawPassage {
  start: number;
  end: number;
  text: string;
  chrome: boolean;
}

export interface ParsedSource {
  path: string;
  /** The original text (offsets of passages point into it). */
  text: string;
  title?: string;
  passages: RawPassage[];
}

/** Longest passage kept whole; longer sentences are cut at clause boundaries. */
const MAX_PASSAGE = 1200;

export type SourceFormat = 'markdown' | 'html' | 'text';

export function formatOf(path: string): SourceFormat {
  const lower = path.toLowerCase();
  if (/\.(md|markdown|mdx)$/.test(lower)) return 'markdown';
  if (/\.(html?|xhtml)$/.test(lower)) return 'html';
  return 'text';
}

/** Parses one source file into passages, or reports why it cannot be used. */
export function parseSource(path: string, content: string | Uint8Array): ParsedSource | SourceProblem {
  const format = formatOf(path);
  const decoded = decodeSource(content, format === 'html');
  if (!decoded.ok) return { source: path, message: decoded.reason };
  const text = decoded.text;
  const blanked: Blanked =
    format === 'markdown' ? blankMarkdown(text) : format === 'html' ? blankHtml(text) : { text, headings: [] };
  const passages: RawPassage[] = [];
  let inComments = false;
  for (const [bs, be] of blocks(blanked.text)) {
    const blockText = collapse(blanked.text.slice(bs, be));
    const shape = blockShape(blockText);
    if (!inComments && opensComments(blockText, shape)) inComments = true;
    const chrome = inComments || isChromeBlock(blockText, shape);
    for (const [s, e] of splitSentences(blanked.text, bs, be)) {
      for (const [ps, pe] of capLength(blanked.text, s, e)) {
        const t = collapse(blanked.text.slice(ps, pe));
        if (t) passages.push({ start: ps, end: pe, text: t, chrome });
      }
    }
  }
  if (!passages.length) return { source: path, message: 'no text found' };
  const title = blanked.title ?? titleFromPath(path);
  return { path, text, ...(title ? { title } : {}), passages };
}

/** Paragraph blocks: runs of lines separated by blank lines. */
export function blocks(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /\n[ \t\r\f\v]*\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (/\S/.test(text.slice(start, m.index))) out.push([start, m.index]);
    start = m.index + m[0].length - 1;
  }
  if (/\S/.test(text.slice(start))) out.push([start, text.length]);
  return out;
}

/** Readable text of a range of reduced text: deleted markup removed, white space collapsed. */
export function collapse(s: string): string {
  return s.replace(/\u0000+/g, '').replace(/\s+/g, ' ').trim();
}

function capLength(text: string, s: number, e: number): [number, number][] {
  if (e - s <= MAX_PASSAGE) return [[s, e]];
  const out: [number, number][] = [];
  let from = s;
  while (e - from > MAX_PASSAGE) {
    const window = text.slice(from, from + MAX_PASSAGE);
    let cut = Math.max(window.lastIndexOf('; '), window.lastIndexOf(': '), window.lastIndexOf(', '));
    if (cut < MAX_PASSAGE / 3) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = MAX_PASSAGE - 1;
    out.push([from, from + cut + 1]);
    from = from + cut + 1;
    while (from < e && /\s/.test(text[from]!)) from++;
  }
  if (from < e) out.push([from, e]);
  return out;
}

/** A readable title from a file name ("Global_warming.txt" -> "Global warming"); none for hash-like names. */
export function titleFromPath(path: string): string | undefined {
  const base = basename(path).replace(/\.[^.]+$/, '');
  const words = base.split(/[_\-\s.]+/).filter((w) => w && !/\d/.test(w));
  return words.length ? words.join(' ') : undefined;
}
