/**
 * Markup removal that keeps every offset: markup characters are replaced by spaces (line breaks are
 * kept), so the reduced text has the same length as the original and a passage's range in it is its
 * range in the file. Every scan below is a single forward pass (linear time).
 */

export interface Blanked {
  /** Same length as the original text. */
  text: string;
  /** Ranges [start, end) of headings (not claims in drafts; titles in sources). */
  headings: [number, number][];
  /** A title found in the markup (first heading, <title>, front matter `title:`). */
  title?: string;
  /** Ranges [start, end) of table rows (pipe tables): cells, not sentences, in a draft. */
  tables?: [number, number][];
}

/**
 * Fill for markup that sits inside a word or phrase (inline tags, entity padding, emphasis, link
 * syntax): removed, not turned into a space, when the passage text is read, so "council&rsquo;s"
 * reads "council’s". Block-level markup becomes spaces and line breaks.
 */
export const DELETED = '\u0000';

function blankRange(chars: string[], start: number, end: number, fill = ' '): void {
  for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = fill;
}

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;
const LINKDEF_RE = /^ {0,3}\[[^\]\n]{1,200}\]:\s/;
const HEADING_RE = /^ {0,3}(#{1,6})(?:\s|$)/;
const LIST_RE = /^(\s*)(?:[-*+]|\d{1,9}[.)])\s+/;
const QUOTE_RE = /^(\s*>\s?)+/;
const SETEXT_RE = /^ {0,3}(=+|-+)\s*$/;
/** The delimiter row under a pipe table's header: `|---|:--:|` (cells of dashes with optional colons). */
const TABLE_DELIMITER_RE = /^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$/;

/** Markdown to plain text with offsets kept. Also used for drafts. */
export function blankMarkdown(src: string): Blanked {
  const chars = src.split('');
  const headings: [number, number][] = [];
  let title: string | undefined;
  const lines: [number, number][] = [];
  for (let s = 0; s <= src.length; ) {
    let e = src.indexOf('\n', s);
    if (e < 0) e = src.length;
    lines.push([s, e]);
    s = e + 1;
  }
  let i = 0;
  // Front matter: a YAML block at the very top.
  if (/^---\r?$/.test(src.slice(lines[0]![0], lines[0]![1]))) {
    for (let j = 1; j < lines.length; j++) {
      const t = src.slice(lines[j]![0], lines[j]![1]).replace(/\r$/, '');
      const m = /^title:\s*["']?(.+?)["']?\s*$/.exec(t);
      if (m) title = m[1];
      if (t === '---' || t === '...') {
        blankRange(chars, 0, lines[j]![1]);
        i = j + 1;
        break;
      }
    }
  }
  let fence: string | undefined;
  let inComment = false;
  const tables: [number, number][] = [];
  let inTable = false;
  for (; i < lines.length; i++) {
    const [s, e] = lines[i]!;
    const line = src.slice(s, e);
    // A pipe table: its header row is the line above a delimiter row; rows follow while they have pipes.
    if (!fence && !inComment) {
      if (inTable && !line.includes('|')) inTable = false;
      else if (!inTable && i + 1 < lines.length && line.includes('|') && TABLE_DELIMITER_RE.test(src.slice(lines[i + 1]![0], lines[i + 1]![1]))) inTable = true;
      if (inTable) tables.push([s, e]);
    }
    if (fence) {
      blankRange(chars, s, e);
      if (line.trim().startsWith(fence)) fence = undefined;
      continue;
    }
    if (inComment) {
      const close = line.indexOf('-->');
      blankRange(chars, s, close < 0 ? e : s + close + 3);
      if (close >= 0) inComment = false;
      continue;
    }
    const f = FENCE_RE.exec(line);
    if (f) {
      fence = f[1]!.slice(0, 3);
      blankRange(chars, s, e);
      continue;
    }
    if (/^( {4}|\t)/.test(line) && (i === 0 || !/\S/.test(src.slice(lines[i - 1]![0], lines[i - 1]![1])))) {
      // Indented code block (only after a blank line, so wrapped list items are not mistaken for code).
      let j = i;
      while (j < lines.length && (/^( {4}|\t)/.test(src.slice(lines[j]![0], lines[j]![1])) || !/\S/.test(src.slice(lines[j]![0], lines[j]![1])))) j++;
      for (let k = i; k < j; k++) blankRange(chars, lines[k]![0], lines[k]![1]);
      i = j - 1;
      continue;
    }
    if (LINKDEF_RE.test(line)) {
      blankRange(chars, s, e);
      continue;
    }
    const h = HEADING_RE.exec(line);
    if (h) {
      headings.push([s, e]);
      title ??= line.slice(h[0].length).replace(/#+\s*$/, '').trim();
      blankRange(chars, s, s + h[0].length);
    } else if (SETEXT_RE.test(line) && i > 0 && /\S/.test(src.slice(lines[i - 1]![0], lines[i - 1]![1]))) {
      headings.push(lines[i - 1]!);
      blankRange(chars, s, e);
      continue;
    }
    const q = QUOTE_RE.exec(line);
    if (q) blankRange(chars, s, s + q[0].length);
    const l = LIST_RE.exec(line.slice(q ? q[0].length : 0));
    if (l) blankRange(chars, s + (q ? q[0].length : 0), s + (q ? q[0].length : 0) + l[0].length);
    blankInline(src, chars, s, e);
    const open = line.indexOf('<!--');
    if (open >= 0 && line.indexOf('-->', open) < 0) {
      blankRange(chars, s + open, e);
      inComment = true;
    }
  }
  return { text: chars.join(''), headings, ...(title ? { title } : {}), ...(tables.length ? { tables } : {}) };
}

/**
 * The fields of a Markdown file's YAML front matter, if it opens with one: top-level `key: value`
 * scalars (quotes removed), `[a, b]` and `- item` lists, and `name:` of a nested map (`author:\n  name: …`).
 * Keys are lower-cased. Not a YAML parser: enough for the metadata writers put there.
 */
export function readFrontMatter(src: string): Record<string, string | string[]> | undefined {
  const lines = src.slice(0, 64 * 1024).split(/\r?\n/);
  if (lines[0]?.replace(/^\uFEFF|^ /, '') !== '---') return undefined;
  const out: Record<string, string | string[]> = {};
  let open: string | undefined;
  for (let j = 1; j < lines.length; j++) {
    const line = lines[j]!;
    if (line === '---' || line === '...') return out;
    const field = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*?))?\s*$/.exec(line);
    if (field) {
      const key = field[1]!.toLowerCase();
      const value = (field[2] ?? '').replace(/\s+#.*$/, '');
      open = undefined;
      if (!value) open = key;
      else if (/^\[.*\]$/.test(value)) out[key] = value.slice(1, -1).split(',').map(unquote).filter(Boolean);
      else out[key] = unquote(value);
      continue;
    }
    if (!open) continue;
    const item = /^\s+-\s+(?:name:\s*)?(.+?)\s*$/.exec(line);
    if (item) {
      const prev = out[open];
      out[open] = [...(Array.isArray(prev) ? prev : []), unquote(item[1]!)];
      continue;
    }
    const name = /^\s+name\s*:\s*(.+?)\s*$/.exec(line);
    if (name && out[open] === undefined) out[open] = unquote(name[1]!);
  }
  return undefined;
}

function unquote(s: string): string {
  const t = s.trim();
  return /^(["']).*\1$/.test(t) ? t.slice(1, -1) : t;
}

/**
 * indexOf bounded to [from, end), remembering where a needle was last found or known absent, so that
 * a line of thousands of openers with no closer ("<!--<!--…", "](](…") is scanned once, not once per
 * opener.
 */
class Finder {
  private readonly seen = new Map<string, { from: number; at: number }>();
  constructor(private readonly src: string, private readonly end: number) {}

  find(needle: string, from: number, end = this.end): number {
    const memo = this.seen.get(needle);
    let at: number;
    if (memo && from >= memo.from && (memo.at < 0 || memo.at >= from)) at = memo.at;
    else {
      at = this.src.indexOf(needle, from);
      if (at >= 0 && at + needle.length > this.end) at = -1;
      this.seen.set(needle, { from, at });
    }
    return at >= 0 && at + needle.length <= end ? at : -1;
  }
}

/** Inline markup on one line: code spans, links, images, emphasis, inline HTML, table pipes. */
function blankInline(src: string, chars: string[], s: number, e: number): void {
  // Where the last unclosed "[" of this line is (links and citations), tracked instead of searched.
  let lastOpen = -1;
  const finder = new Finder(src, e);
  const find = (_src: string, needle: string, from: number, end: number) => finder.find(needle, from, end);
  for (let k = s; k < e; k++) {
    const c = src[k];
    if (c === '`') {
      const close = find(src, '`', k + 1, e);
      if (close > 0) {
        // Code spans are not prose: blank them whole.
        blankRange(chars, k, close + 1);
        k = close;
      } else chars[k] = ' ';
    } else if (c === '<') {
      if (src.startsWith('<!--', k)) {
        const close = find(src, '-->', k, e);
        if (close > 0) {
          blankRange(chars, k, close + 3);
          k = close + 2;
        }
        continue;
      }
      const close = find(src, '>', k, Math.min(e, k + 2000));
      if (close > 0 && /^<\/?[A-Za-z][^<>]*>$|^<https?:[^<>\s]*>$/.test(src.slice(k, close + 1))) {
        blankRange(chars, k, close + 1);
        k = close;
      }
    } else if (c === '!' && src[k + 1] === '[') {
      chars[k] = DELETED;
    } else if (c === ']' && src[k + 1] === '(') {
      const close = find(src, ')', k, e);
      if (close > 0) {
        blankRange(chars, k, close + 1, DELETED);
        k = close;
      }
    } else if (c === '[') {
      lastOpen = k;
      if (src[k + 1] !== '^' && src[k + 1] !== '@') chars[k] = DELETED;
    } else if (c === ']') {
      // Keep `]` of citations; a plain link's `]` was handled above.
      if (lastOpen >= 0 && src[lastOpen + 1] !== '^' && src[lastOpen + 1] !== '@') chars[k] = DELETED;
    } else if ((c === '*' || c === '_') && isEmphasisMark(src, k)) {
      chars[k] = DELETED;
    } else if (c === '|' ) {
      chars[k] = ' ';
    } else if (c === '\\' && k + 1 < e && /[\\`*_{}[\]()#+\-.!|]/.test(src[k + 1]!)) {
      chars[k] = DELETED;
      k++;
    }
  }
}

function isEmphasisMark(src: string, k: number): boolean {
  const before = src[k - 1] ?? ' ';
  const after = src[k + 1] ?? ' ';
  const word = /[\p{L}\p{N}]/u;
  // Intra-word underscores (snake_case) are not emphasis; asterisks always are.
  if (src[k] === '_' && word.test(before) && word.test(after)) return false;
  return true;
}

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'button', 'select', 'head', 'object', 'canvas']);
const BLOCK_TAGS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'table', 'section', 'article', 'main', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'figure', 'figcaption', 'hr', 'title', 'body', 'html', 'address', 'caption']);
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '\u2019', lsquo: '\u2018', ldquo: '\u201c',
  rdquo: '\u201d', mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', copy: '\u00a9', reg: '\u00ae', euro: '\u20ac',
  pound: '\u00a3', laquo: '\u00ab', raquo: '\u00bb', eacute: '\u00e9', egrave: '\u00e8', uuml: '\u00fc', ouml: '\u00f6', auml: '\u00e4',
  middot: '\u00b7', bull: '\u2022', trade: '\u2122', times: '\u00d7', deg: '\u00b0', sect: '\u00a7', para: '\u00b6', shy: '',
  frac12: '\u00bd', frac14: '\u00bc', frac34: '\u00be', cent: '\u00a2', yen: '\u00a5', iexcl: '\u00a1', iquest: '\u00bf',
  aacute: '\u00e1', iacute: '\u00ed', oacute: '\u00f3', uacute: '\u00fa', ntilde: '\u00f1', ccedil: '\u00e7', agrave: '\u00e0',
  ecirc: '\u00ea', ocirc: '\u00f4', szlig: '\u00df', thinsp: ' ', ensp: ' ', emsp: ' ', zwj: '', zwnj: '', lrm: '', rlm: '',
  prime: '\u2032', Prime: '\u2033', sbquo: '\u201a', bdquo: '\u201e', dagger: '\u2020', permil: '\u2030', minus: '\u2212',
};

/** HTML to text with offsets kept: tags blanked, skipped elements blanked whole, entities decoded in place. */
export function blankHtml(src: string): Blanked {
  const chars = src.split('');
  const lower = src.toLowerCase();
  const headings: [number, number][] = [];
  let title: string | undefined;
  // The <title> usually sits inside <head>, which is skipped whole below.
  const titleOpen = lower.indexOf('<title');
  if (titleOpen >= 0) {
    const from = lower.indexOf('>', titleOpen) + 1;
    const to = lower.indexOf('</title', from);
    if (from > 0 && to > from) title = decodeEntities(src.slice(from, to)).replace(/\s+/g, ' ').trim() || undefined;
  }
  let headingStart = -1;
  for (let k = 0; k < src.length; k++) {
    const c = src[k];
    if (c === '<') {
      if (lower.startsWith('<!--', k)) {
        const close = lower.indexOf('-->', k + 4);
        const end = close < 0 ? src.length : close + 3;
        blankRange(chars, k, end);
        k = end - 1;
        continue;
      }
      const close = src.indexOf('>', k);
      if (close < 0) {
        blankRange(chars, k, src.length);
        break;
      }
      const m = /^<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9-]*)/.exec(src.slice(k, Math.min(close + 1, k + 64)));
      blankRange(chars, k, close + 1, DELETED);
      if (!m) {
        k = close;
        continue;
      }
      const closing = m[1] === '/';
      const name = m[2]!.toLowerCase();
      if (!closing && (SKIP_TAGS.has(name) || name === 'title')) {
        const endTag = lower.indexOf(`</${name}`, close + 1);
        const stop = endTag < 0 ? src.length : lower.indexOf('>', endTag) + 1 || src.length;
        blankRange(chars, close + 1, stop);
        k = stop - 1;
        continue;
      }
      if (/^h[1-6]$/.test(name)) {
        if (!closing) headingStart = close + 1;
        else if (headingStart >= 0) {
          headings.push([headingStart, k]);
          headingStart = -1;
        }
      }
      // A paragraph break where a block element starts or ends (the tag is at least 3 chars wide).
      if (BLOCK_TAGS.has(name) && close - k >= 2) {
        chars[k] = '\n';
        chars[k + 1] = '\n';
      }
      k = close;
    } else if (c === '&') {
      const m = /^&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/.exec(src.slice(k, k + 12));
      if (!m) continue;
      const decoded = decodeEntity(m[1]!);
      if (decoded === undefined || decoded.length > m[0].length) continue;
      for (let j = 0; j < m[0].length; j++) chars[k + j] = j < decoded.length ? decoded[j]! : DELETED;
      k += m[0].length - 1;
    }
  }
  return { text: chars.join(''), headings, ...(title ? { title } : {}) };
}

function decodeEntity(name: string): string | undefined {
  if (name.startsWith('#')) {
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    return String.fromCodePoint(code);
  }
  return ENTITIES[name] ?? ENTITIES[name.toLowerCase()];
}

function decodeEntities(s: string): string {
  return s.replace(/&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (all, n: string) => decodeEntity(n) ?? all);
}
