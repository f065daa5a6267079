/**
 * Citation formatting for adapters (VS Code quick fixes, the quote panel, the CLI): pure text in,
 * text edits out. No I/O and no editor types, so it is unit-tested in plain Node.
 * Offsets are 0-based UTF-16 offsets into the draft, as everywhere in the engine.
 */

import { basename } from './text/paths';

export type CitationStyle = 'footnote' | 'pandoc' | 'latex' | 'link';
export const CITATION_STYLES: readonly CitationStyle[] = ['footnote', 'pandoc', 'latex', 'link'];

/** What a citation needs to know about the passage it cites. */
export interface CitedPassage {
  source: string;
  line: number;
  text: string;
  /** 1-based page of a paged source (PDF); citations then say "p. N" instead of the line. */
  page?: number;
}

/** A bibliography entry's metadata, as citations use it (see core/bibliography). */
export interface CiteEntry {
  key: string;
  title?: string;
  authors?: readonly { family?: string; given?: string; literal?: string }[];
  /** `2020`, `2020-03` or `2020-03-14`. */
  date?: string;
  url?: string;
  container?: string;
}

/** Optional context of a citation. Without it, citations are built from the source path alone. */
export interface CiteOptions {
  /** The cited source's bibliography entry: its key and metadata are used. */
  entry?: CiteEntry;
  /** The draft's folder, in the same path space as sources: `link` citations are made relative to it. */
  from?: string;
}

/** Replace draft[start, end) with text. Edits returned together never overlap. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

const MAX_QUOTE = 240;

/** The key a source is cited by in Pandoc/LaTeX style: its file name without extension, made safe. */
export function citationKey(source: string): string {
  const base = source.split(/[\\/]/).pop() ?? source;
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  const key = stem.toLowerCase().replace(/[^a-z0-9_:-]+/g, '-').replace(/^-+|-+$/g, '');
  return key || 'source';
}

/** The source a Pandoc/LaTeX key refers to, among the indexed source paths. */
export function resolveCitationKey(key: string, sources: Iterable<string>): string | undefined {
  const wanted = key.toLowerCase();
  for (const s of sources) if (citationKey(s) === wanted) return s;
  return undefined;
}

/** Shortens a passage for a footnote or a quote, on a word boundary. */
export function shortQuote(text: string, max = MAX_QUOTE): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max).trimEnd()}…`;
}

const FOOTNOTE_REF = /\[\^([^\]\s]+)\]/g;

/** One more than the largest numeric footnote label used in the draft (references or definitions). */
export function nextFootnoteNumber(draft: string): number {
  let max = 0;
  for (const m of draft.matchAll(FOOTNOTE_REF)) {
    const n = /^\d+$/.test(m[1]) ? Number(m[1]) : 0;
    if (n > max) max = n;
  }
  return max + 1;
}

/** A footnote definition this module wrote: `[^3]: sources/minutes.md, line 14: "…"`. */
export interface FootnoteTarget {
  source: string;
  line: number;
}

/** Footnote definitions of the draft that point at a source line, by label. */
export function footnoteTargets(draft: string): Map<string, FootnoteTarget> {
  const out = new Map<string, FootnoteTarget>();
  for (const m of draft.matchAll(/^\[\^([^\]\s]+)\]:[ \t]*(.+?)(?:,[ \t]*p\.[ \t]*\d+)?,?[ \t]+(?:line|l\.)[ \t]*(\d+)/gm)) {
    out.set(m[1], { source: m[2].replace(/^<|>$/g, '').trim(), line: Number(m[3]) });
  }
  return out;
}

const TRAILING = /[.!?…]+["'”’»)\]]*$/;

/**
 * Where a citation for the sentence draft[start, end) goes: footnote markers after the sentence's
 * final punctuation (Markdown custom), inline styles before it ("… [@key, line 3].").
 */
export function citationOffset(draft: string, start: number, end: number, style: CitationStyle): number {
  let e = end;
  while (e > start && /\s/.test(draft[e - 1])) e--;
  if (style === 'footnote') return e;
  const m = TRAILING.exec(draft.slice(start, e));
  return m ? e - m[0].length : e;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2020-03-14` → `14 March 2020`, `2020-03` → `March 2020`, `2020` → `2020`. */
export function readableDate(date: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date);
  if (!m) return date;
  const month = m[2] ? MONTH_NAMES[Number(m[2]) - 1] : undefined;
  if (!month) return m[1]!;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** Authors as a footnote names them: "Jane Smith", "Jane Smith and Li Wei", "Jane Smith et al.". */
export function authorList(authors: CiteEntry['authors']): string {
  const names = (authors ?? []).filter((a) => a.literal !== 'others').map((a) => a.literal ?? [a.given, a.family].filter(Boolean).join(' ')).filter(Boolean);
  if (!names.length) return '';
  if (names.length >= 3 || (authors ?? []).some((a) => a.literal === 'others')) return `${names[0]} et al.`;
  return names.join(' and ');
}

/** Where in the source: "p. 12" for paged sources, else "line 14". */
function locator(p: CitedPassage, latex = false): string {
  return p.page ? (latex ? `p.~${p.page}` : `p. ${p.page}`) : `line ${p.line}`;
}

/** A footnote definition's text (after `[^label]: `). */
export function footnoteText(p: CitedPassage, entry?: CiteEntry): string {
  if (!entry) return `${p.source}${p.page ? `, p. ${p.page}` : ''}, line ${p.line}: "${shortQuote(p.text).replace(/"/g, '\\"')}"`;
  const title = entry.title ?? (p.source.split('/').pop() ?? p.source);
  const parts = [authorList(entry.authors), `*${title.replace(/([*_\\])/g, '\\$1')}*`, entry.date ? readableDate(entry.date) : '', locator(p)];
  return `${parts.filter(Boolean).join(', ')}.`;
}

/** The key a source is cited by: its bibliography key, else one derived from its file name. */
function keyOf(p: CitedPassage, opts: CiteOptions): string {
  return opts.entry?.key ?? citationKey(p.source);
}

/** `target` relative to the folder `from` ('/'-separated paths). */
export function relativePath(from: string, target: string): string {
  const a = from.replace(/\\/g, '/').split('/').filter((x) => x && x !== '.');
  const b = target.replace(/\\/g, '/').split('/').filter((x) => x && x !== '.');
  if (target.startsWith('/') !== from.startsWith('/')) return target;
  let k = 0;
  while (k < a.length && k < b.length - 1 && a[k] === b[k]) k++;
  return [...a.slice(k).map(() => '..'), ...b.slice(k)].join('/');
}

/** The inline text of a citation (footnote styles return only the marker). */
export function inlineCitation(p: CitedPassage, style: CitationStyle, footnoteLabel?: number | string, opts: CiteOptions = {}): string {
  switch (style) {
    case 'footnote': return `[^${footnoteLabel ?? 1}]`;
    case 'pandoc': return ` [@${keyOf(p, opts)}, ${locator(p)}]`;
    case 'latex': return `~\\cite[${locator(p, true)}]{${keyOf(p, opts)}}`;
    case 'link': {
      const target = encodeURI(opts.from !== undefined ? relativePath(opts.from, p.source) : p.source) + (p.page ? `#page=${p.page}` : `#L${p.line}`);
      const label = opts.entry?.title
        ? `${opts.entry.title.replace(/([[\]\\])/g, '\\$1')}${p.page ? `, p. ${p.page}` : ''}`
        : `${basename(p.source)}:${p.page ? `p. ${p.page}` : p.line}`;
      return ` ([${label}](${target}))`;
    }
  }
}

/** Appends a footnote definition at the end of the draft, after a blank line unless one precedes it. */
function appendFootnote(draft: string, label: number | string, text: string): TextEdit {
  const lastLine = draft.slice(draft.lastIndexOf('\n', draft.length - 2) + 1);
  const sep = draft.length === 0 ? '' : !draft.endsWith('\n') ? '\n\n' : /^\[\^[^\]]+\]:/.test(lastLine) || draft.endsWith('\n\n') ? '' : '\n';
  return { start: draft.length, end: draft.length, text: `${sep}[^${label}]: ${text}\n` };
}

/**
 * The footnote for a passage: with a bibliography entry the label is its key (`[^smith2020]`, then
 * `smith2020-2`… when the same key already has a different note; an identical note is reused),
 * without one the next free number. Returns the label and the definition edit, if one is needed.
 */
function footnoteFor(draft: string, p: CitedPassage, opts: CiteOptions): { label: string | number; definition?: TextEdit } {
  const text = footnoteText(p, opts.entry);
  if (!opts.entry) {
    const label = nextFootnoteNumber(draft);
    return { label, definition: appendFootnote(draft, label, text) };
  }
  const defs = footnoteDefinitions(draft);
  const safe = opts.entry.key.replace(/[\s\]^]+/g, '-');
  for (let k = 1; ; k++) {
    const label = k === 1 ? safe : `${safe}-${k}`;
    const existing = defs.get(label);
    if (existing === undefined) return { label, definition: appendFootnote(draft, label, text) };
    if (existing.text === text) return { label };
  }
}

/** Edits that cite passage `p` for the sentence draft[start, end) in the given style. */
export function citeSentenceEdits(draft: string, start: number, end: number, p: CitedPassage, style: CitationStyle, opts: CiteOptions = {}): TextEdit[] {
  const at = citationOffset(draft, start, end, style);
  if (style !== 'footnote') return [{ start: at, end: at, text: inlineCitation(p, style, undefined, opts) }];
  const { label, definition } = footnoteFor(draft, p, opts);
  return [{ start: at, end: at, text: inlineCitation(p, style, label) }, ...(definition ? [definition] : [])];
}

/** Edits that insert the passage as a quotation with its citation at offset `at` (the cursor). */
export function insertQuoteEdits(draft: string, at: number, p: CitedPassage, style: CitationStyle, opts: CiteOptions = {}): TextEdit[] {
  // a space before the quote when the cursor is right after a word or a sentence
  const pad = at > 0 && /[^\s([{“"'‘—-]/.test(draft[at - 1]) ? ' ' : '';
  const quote = pad + (style === 'latex' ? `\`\`${shortQuote(p.text)}''` : `“${shortQuote(p.text)}”`);
  if (style !== 'footnote') return [{ start: at, end: at, text: quote + inlineCitation(p, style, undefined, opts) }];
  const { label, definition } = footnoteFor(draft, p, opts);
  return [{ start: at, end: at, text: quote + inlineCitation(p, style, label) }, ...(definition ? [definition] : [])];
}

/**
 * Replaces an existing citation draft[start, end) (a marker `[^n]`, `[@key, …]` or `\cite{…}`) with
 * one for passage `p` in the same style: the "cite the right source" fix.
 */
export function replaceCitationEdits(draft: string, start: number, end: number, kind: 'footnote' | 'pandoc' | 'latex', p: CitedPassage, opts: CiteOptions = {}): TextEdit[] {
  if (kind === 'footnote') {
    const { label, definition } = footnoteFor(draft, p, opts);
    return [{ start, end, text: `[^${label}]` }, ...(definition ? [definition] : [])];
  }
  const text = kind === 'pandoc' ? `[@${keyOf(p, opts)}, ${locator(p)}]` : `\\cite[${locator(p, true)}]{${keyOf(p, opts)}}`;
  return [{ start, end, text }];
}

/** A footnote definition of the draft: its label, text and place (offsets of the whole line). */
export interface FootnoteDefinition {
  label: string;
  text: string;
  start: number;
  end: number;
}

/** The footnote definitions of a draft (`[^label]: text`), by label; the first definition of a label wins. */
export function footnoteDefinitions(draft: string): Map<string, FootnoteDefinition> {
  const out = new Map<string, FootnoteDefinition>();
  for (const m of draft.matchAll(/^\[\^([^\]\s]+)\]:[ \t]*(.*)$/gm)) {
    if (!out.has(m[1]!)) out.set(m[1]!, { label: m[1]!, text: m[2]!.trim(), start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/** Applies non-overlapping edits to a string (for tests and the CLI). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  // Back to front; at one offset the later edit goes first so the inserts keep their given order.
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i);
  let out = text;
  for (const { e } of order) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
