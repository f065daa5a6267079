/**
 * Citation formatting for adapters (VS Code quick fixes, the quote panel, the CLI): pure text in,
 * text edits out. No I/O and no editor types, so it is unit-tested in plain Node.
 * Offsets are 0-based UTF-16 offsets into the draft, as everywhere in the engine.
 */

export type CitationStyle = 'footnote' | 'pandoc' | 'latex' | 'link';
export const CITATION_STYLES: readonly CitationStyle[] = ['footnote', 'pandoc', 'latex', 'link'];

/** What a citation needs to know about the passage it cites. */
export interface CitedPassage {
  source: string;
  line: number;
  text: string;
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
  for (const m of draft.matchAll(/^\[\^([^\]\s]+)\]:[ \t]*(.+?),?[ \t]+(?:line|l\.)[ \t]*(\d+)/gm)) {
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

function footnoteDefinition(label: string | number, p: CitedPassage): string {
  return `[^${label}]: ${p.source}, line ${p.line}: "${shortQuote(p.text).replace(/"/g, '\\"')}"`;
}

/** The inline text of a citation (footnote styles return only the marker). */
export function inlineCitation(p: CitedPassage, style: CitationStyle, footnoteLabel?: number): string {
  switch (style) {
    case 'footnote': return `[^${footnoteLabel ?? 1}]`;
    case 'pandoc': return ` [@${citationKey(p.source)}, line ${p.line}]`;
    case 'latex': return `~\\cite[line ${p.line}]{${citationKey(p.source)}}`;
    case 'link': return ` ([${p.source.split('/').pop()}:${p.line}](${encodeURI(p.source)}#L${p.line}))`;
  }
}

/** Appends a footnote definition at the end of the draft, after a blank line unless one precedes it. */
function appendFootnote(draft: string, label: number, p: CitedPassage): TextEdit {
  const lastLine = draft.slice(draft.lastIndexOf('\n', draft.length - 2) + 1);
  const sep = draft.length === 0 ? '' : !draft.endsWith('\n') ? '\n\n' : /^\[\^[^\]]+\]:/.test(lastLine) || draft.endsWith('\n\n') ? '' : '\n';
  return { start: draft.length, end: draft.length, text: `${sep}${footnoteDefinition(label, p)}\n` };
}

/** Edits that cite passage `p` for the sentence draft[start, end) in the given style. */
export function citeSentenceEdits(draft: string, start: number, end: number, p: CitedPassage, style: CitationStyle): TextEdit[] {
  const at = citationOffset(draft, start, end, style);
  if (style !== 'footnote') return [{ start: at, end: at, text: inlineCitation(p, style) }];
  const label = nextFootnoteNumber(draft);
  return [{ start: at, end: at, text: inlineCitation(p, style, label) }, appendFootnote(draft, label, p)];
}

/** Edits that insert the passage as a quotation with its citation at offset `at` (the cursor). */
export function insertQuoteEdits(draft: string, at: number, p: CitedPassage, style: CitationStyle): TextEdit[] {
  // a space before the quote when the cursor is right after a word or a sentence
  const pad = at > 0 && /[^\s([{“"'‘—-]/.test(draft[at - 1]) ? ' ' : '';
  const quote = pad + (style === 'latex' ? `\`\`${shortQuote(p.text)}''` : `“${shortQuote(p.text)}”`);
  if (style !== 'footnote') return [{ start: at, end: at, text: quote + inlineCitation(p, style) }];
  const label = nextFootnoteNumber(draft);
  return [{ start: at, end: at, text: quote + inlineCitation(p, style, label) }, appendFootnote(draft, label, p)];
}

/** Applies non-overlapping edits to a string (for tests and the CLI). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  // Back to front; at one offset the later edit goes first so the inserts keep their given order.
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.i - a.i);
  let out = text;
  for (const { e } of order) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
