/**
 * A small, linear BibTeX/BibLaTeX reader: entries with braced or quoted values, `#` concatenation,
 * `@string` macros (and the month macros), `@comment`/`@preamble` and text between entries (ignored),
 * and the `file` field of Zotero / Better BibTeX / JabRef (`Title:path/to/file.pdf:application/pdf;…`).
 * A malformed entry is reported with its line and skipped; reading resumes at the next line that
 * starts with `@`, so one missing brace never swallows the rest of the file.
 * Pure string work: nothing in a .bib file is evaluated, opened or fetched.
 */
import type { BibEntry, BibName, BibProblem, ParsedBibliography } from './types';

const MONTHS: Record<string, string> = {
  jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12',
};
/** A macro or value may not grow past this (guards `@string` definitions that double themselves). */
const MAX_VALUE = 100_000;

const KEY = /[^\s,{}()"=#%]*/y;
const IDENT = /[^\s"#%'(),={}@]+/y;
const NEW_ENTRY = /^[ \t]*@[a-zA-Z]+[ \t]*[{(]/;

class BibSyntaxError extends Error {
  constructor(message: string, readonly at: number) { super(message); }
}

/** Reads a .bib file. `file` names it in problems and entry origins. */
export function parseBibtex(text: string, file = 'bibliography.bib'): ParsedBibliography {
  const entries: BibEntry[] = [];
  const problems: BibProblem[] = [];
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  };
  const macros = new Map<string, string>(Object.entries(MONTHS).map(([k, v]) => [k, v]));
  const seen = new Set<string>();
  let i = 0;
  const n = text.length;

  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) i++;
      else if (c === 37 /* % */) { const e = text.indexOf('\n', i); i = e < 0 ? n : e + 1; } // % line comment inside entries
      else break;
    }
  };
  const ident = (): string => {
    IDENT.lastIndex = i;
    const r = IDENT.exec(text);
    if (!r) return '';
    i += r[0].length;
    return r[0];
  };
  /** The next line that starts with `@` after `from` (where reading resumes after an error). */
  const nextEntryStart = (from: number): number => {
    const re = /\n[ \t]*@/g;
    re.lastIndex = from;
    const m = re.exec(text);
    return m ? m.index + m[0].length - 1 : n;
  };
  /** A `{…}` value starting at i (on the brace); returns its inner text. */
  const braced = (): string => {
    const start = i;
    let depth = 0;
    for (; i < n; i++) {
      const c = text[i];
      if (c === '\\') { i++; continue; }
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) { i++; return text.slice(start + 1, i - 1); }
      } else if (c === '\n' && NEW_ENTRY.test(text.slice(i + 1, i + 80))) {
        throw new BibSyntaxError('unbalanced braces (a new entry starts before this value is closed)', start);
      }
    }
    throw new BibSyntaxError('unbalanced braces: the value is never closed', start);
  };
  const quoted = (): string => {
    const start = i;
    let depth = 0;
    for (i++; i < n; i++) {
      const c = text[i];
      if (c === '\\') { i++; continue; }
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (c === '"' && depth === 0) { i++; return text.slice(start + 1, i - 1); }
      else if (c === '\n' && NEW_ENTRY.test(text.slice(i + 1, i + 80))) break;
    }
    throw new BibSyntaxError('unterminated quoted value', start);
  };
  /** A value: parts joined with `#`. Macros are expanded; unknown macros are errors. */
  const value = (): string => {
    let out = '';
    for (;;) {
      ws();
      const c = text[i];
      if (c === '{') out += braced();
      else if (c === '"') out += quoted();
      else {
        const at = i;
        const word = ident();
        if (!word) throw new BibSyntaxError(c === undefined ? 'unexpected end of file in a value' : `unexpected "${c}" where a value should be`, at);
        if (/^\d+$/.test(word)) out += word;
        else {
          const m = macros.get(word.toLowerCase());
          if (m === undefined) throw new BibSyntaxError(`unknown @string macro "${word}"`, at);
          out += m;
        }
      }
      if (out.length > MAX_VALUE) throw new BibSyntaxError('value too long', i);
      ws();
      if (text[i] === '#') { i++; continue; }
      return out;
    }
  };

  while (i < n) {
    const at = text.indexOf('@', i);
    if (at < 0) break;
    i = at + 1;
    ws();
    const type = ident().toLowerCase();
    ws();
    const open = text[i];
    if (!type || (open !== '{' && open !== '(')) {
      // Text between entries (a stray "@" in a comment or an e-mail address) is ignored, as BibTeX does.
      continue;
    }
    const close = open === '{' ? '}' : ')';
    const line = lineOf(at);
    if (type === 'comment') {
      try { if (open === '{') braced(); else i = nextEntryStart(i); } catch { i = nextEntryStart(at + 1); }
      continue;
    }
    try {
      i++;
      if (type === 'preamble') {
        value();
        ws();
        if (text[i] !== close) throw new BibSyntaxError(`expected "${close}" after the preamble`, i);
        i++;
        continue;
      }
      if (type === 'string') {
        ws();
        const name = ident();
        ws();
        if (!name || text[i] !== '=') throw new BibSyntaxError('expected "name = value" in @string', i);
        i++;
        const v = value();
        ws();
        if (text[i] !== close) throw new BibSyntaxError(`expected "${close}" after the @string value`, i);
        i++;
        macros.set(name.toLowerCase(), v);
        continue;
      }
      ws();
      KEY.lastIndex = i;
      const key = KEY.exec(text)![0];
      i += key.length;
      ws();
      if (!key) throw new BibSyntaxError('entry without a citation key', at);
      const fields = new Map<string, string>();
      for (;;) {
        ws();
        if (text[i] === close) { i++; break; }
        if (text[i] !== ',') throw new BibSyntaxError(i >= n ? 'unexpected end of file: the entry is never closed' : `expected "," or "${close}" but found "${text[i]}"`, i);
        i++;
        ws();
        if (text[i] === close) { i++; break; }
        const fieldAt = i;
        const name = ident().toLowerCase();
        ws();
        if (!name || text[i] !== '=') throw new BibSyntaxError(name ? `expected "=" after field "${name}"` : 'expected a field name', fieldAt);
        i++;
        const v = value();
        if (!fields.has(name)) fields.set(name, v);
      }
      if (seen.has(key)) {
        problems.push({ file, line, message: `duplicate citation key "${key}"; the first entry is kept` });
        continue;
      }
      seen.add(key);
      entries.push(toEntry(type, key, fields, file, line));
    } catch (e) {
      if (!(e instanceof BibSyntaxError)) throw e;
      const errLine = lineOf(Math.min(e.at, n - 1));
      problems.push({ file, line, message: `@${type} entry at line ${line} skipped: ${e.message}${errLine !== line ? ` (line ${errLine})` : ''}` });
      // Resume at the next line that starts with "@": entries start on their own line.
      i = nextEntryStart(at + 1);
    }
  }
  return { entries, problems };
}

function toEntry(type: string, key: string, f: Map<string, string>, file: string, line: number): BibEntry {
  const get = (...names: string[]) => {
    for (const k of names) {
      const v = f.get(k);
      if (v !== undefined && v.trim()) return latexToText(v);
    }
    return undefined;
  };
  const entry: BibEntry = { key, type, authors: parseNames(f.get('author') ?? ''), editors: parseNames(f.get('editor') ?? ''), files: parseFileField(f.get('file') ?? ''), origin: { file, line } };
  const title = get('title');
  if (title) entry.title = title;
  const date = bibDate(f.get('date'), f.get('year'), f.get('month'));
  if (date) { entry.date = date; entry.year = Number(date.slice(0, 4)); }
  const container = get('journaltitle', 'journal', 'booktitle', 'maintitle', 'howpublished', 'series');
  if (container) entry.container = container;
  const publisher = get('publisher', 'institution', 'organization', 'school');
  if (publisher) entry.publisher = publisher;
  for (const [k, names] of [['volume', ['volume']], ['issue', ['number', 'issue']], ['pages', ['pages']], ['doi', ['doi']]] as const) {
    const v = get(...names);
    if (v) entry[k] = v;
  }
  const url = f.get('url')?.trim();
  if (url) entry.url = url.replace(/\\([_%&#~])/g, '$1');
  const accessed = bibDate(f.get('urldate'), undefined, undefined);
  if (accessed) entry.accessed = accessed;
  return entry;
}

function bibDate(date: string | undefined, year: string | undefined, month: string | undefined): string | undefined {
  const d = date?.trim().match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/);
  if (d) return [d[1], d[2], d[3]].filter(Boolean).join('-');
  const y = year?.match(/\d{4}/)?.[0];
  if (!y) return undefined;
  const m = month?.trim().toLowerCase();
  const mm = m && (/^\d{1,2}$/.test(m) ? m.padStart(2, '0') : MONTHS[m.slice(0, 3)]);
  return mm && Number(mm) >= 1 && Number(mm) <= 12 ? `${y}-${mm}` : y;
}

/** Splits a BibTeX name list on top-level " and " and parses each name. */
export function parseNames(raw: string): BibName[] {
  const parts: string[] = [];
  let depth = 0, start = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && /\s/.test(c!) && /^\s+and\s/i.test(raw.slice(i, i + 6))) {
      parts.push(raw.slice(start, i));
      const m = /^\s+and\s+/i.exec(raw.slice(i))!;
      i += m[0].length - 1;
      start = i + 1;
    }
  }
  parts.push(raw.slice(start));
  const out: BibName[] = [];
  for (const p of parts) {
    const t = p.trim();
    if (!t) continue;
    if (t.toLowerCase() === 'others') { out.push({ literal: 'others' }); continue; }
    if (/^\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}$/.test(t)) { out.push({ literal: latexToText(t.slice(1, -1)) }); continue; }
    const commas = splitTopLevel(t, ',');
    if (commas.length >= 2) {
      // "von Last, First" or "von Last, Jr, First"
      const family = latexToText(commas[0]!);
      const given = latexToText(commas[commas.length - 1]!);
      out.push({ family, ...(given ? { given } : {}) });
      continue;
    }
    const words = splitTopLevel(t, ' ').filter(Boolean);
    if (words.length === 1) { out.push({ family: latexToText(words[0]!) }); continue; }
    // "First von Last": the family name starts at the first lower-case word (the von part) or is the last word.
    let f = words.length - 1;
    for (let k = 1; k < words.length - 1; k++) if (/^[a-z]/.test(words[k]!)) { f = k; break; }
    out.push({ given: latexToText(words.slice(0, f).join(' ')), family: latexToText(words.slice(f).join(' ')) });
  }
  return out;
}

function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0, start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === sep && depth === 0) { out.push(s.slice(start, i).trim()); start = i + 1; }
  }
  out.push(s.slice(start).trim());
  return out;
}

/**
 * Paths of a `file` field: Zotero/Better BibTeX `Description:path:mime;…` (with `\:` and `\;`
 * escapes, Windows drive letters), JabRef `:path:PDF`, or a bare path.
 */
export function parseFileField(raw: string): string[] {
  if (!raw.trim()) return [];
  const out: string[] = [];
  for (const item of splitEscaped(raw, ';').filter(Boolean)) {
    const parts = splitEscaped(item, ':');
    let p: string;
    const looksLikePath = (x: string) => /[\\/]|\.[a-z0-9]{2,5}$/i.test(x);
    if (parts.length === 1) p = parts[0]!;
    // "Description:path" or "path:MIME"
    else if (parts.length === 2) p = looksLikePath(parts[1]!) ? parts[1]! : parts[0]!;
    else {
      // Description:path:mime; an unescaped drive-letter colon splits the path ("C:\…") into two parts.
      const middle = parts.slice(1, -1);
      p = middle.length === 2 && /^[a-z]$/i.test(middle[0]!) ? `${middle[0]}:${middle[1]}` : middle.join(':');
    }
    p = p.replace(/\\([\\:;{}])/g, '$1').replace(/^\{|\}$/g, '').trim();
    if (p) out.push(p);
  }
  return out;
}

function splitEscaped(s: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) { cur += s[i]! + s[i + 1]!; i++; continue; }
    if (s[i] === sep) { out.push(cur); cur = ''; continue; }
    cur += s[i];
  }
  out.push(cur);
  return out.map((x) => x.trim());
}

const ACCENTS: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  u: '\u0306', v: '\u030c', H: '\u030b', c: '\u0327', k: '\u0328', r: '\u030a', d: '\u0323', b: '\u0331',
};
const SYMBOLS: Record<string, string> = {
  ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  textendash: '–', textemdash: '—', textquoteright: '’', textquoteleft: '‘', ldots: '…', dots: '…', textellipsis: '…',
  S: '§', P: '¶', copyright: '©', textregistered: '®', texttrademark: '™', euro: '€', pounds: '£',
};

/** LaTeX markup of a BibTeX value to plain Unicode text (accents, escapes, dashes; braces and commands dropped). */
export function latexToText(s: string): string {
  let t = s
    // accents: \'e, \'{e}, {\'e}, \c{c}, \"{\i}
    .replace(/\\([`'^"~=.])\s*\{?\\?([a-zA-Z])\}?/g, (_m, a: string, ch: string) => ch + ACCENTS[a]!)
    .replace(/\\([uvHckrdb])(?:\s+|\{)\\?([a-zA-Z])\}?/g, (_m, a: string, ch: string) => ch + ACCENTS[a]!)
    .replace(/\\([a-zA-Z]+)(?:\{\}|\s+(?=[a-zA-Z]))?/g, (m, name: string) => SYMBOLS[name] ?? (m.endsWith(' ') ? `\\${name} ` : `\\${name}`))
    .replace(/\\([&%$#_{}])/g, '$1')
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/~/g, '\u00a0')
    .replace(/``|''/g, (q) => (q === '``' ? '“' : '”'))
    // formatting commands keep their argument: \emph{x}, \textit{x}, \url{x}; other commands go
    .replace(/\\[a-zA-Z]+\*?\s*(?=\{)/g, '')
    .replace(/\\[a-zA-Z]+\*?\s?/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/[{}]/g, '');
  t = t.replace(/\s+/g, ' ').trim();
  return t.normalize('NFC');
}

/** A name as people read it: "Jane Smith", or the literal name. */
export function displayName(n: BibName): string {
  return n.literal ?? [n.given, n.family].filter(Boolean).join(' ');
}
