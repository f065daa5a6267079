/**
 * Saved web pages. The page is reduced as before (markup blanked in place, so every passage keeps its
 * exact offsets, line and column in the original file); Mozilla's Readability (Firefox Reader View, run
 * over linkedom's DOM) then decides which of those passages are the article. Passages outside it
 * (navigation, cookie banners, comments, promotions) become page chrome: never evidence, and hidden from
 * search unless asked for. Title, author, date and URL come from meta tags and JSON-LD.
 *
 * Mapping Readability's result back to offsets: every text node of the DOM is matched with the
 * parser event that produced it (htmlparser2, the parser linkedom itself uses, reports each text's
 * offsets), and tagged with a private-use marker carrying its number. The markers survive whatever
 * Readability does to the tree, so the text nodes of the article give exact ranges of the file.
 * Readability also takes paragraph-like siblings of the article (a ticker line); where the page marks
 * its article with a single <article> or <main> that holds most of what Readability kept, the rest is
 * left out. Pages Readability does not think readable (`isProbablyReaderable`) keep the shape-based
 * chrome detection of sources/chrome.ts alone.
 *
 * Nothing is fetched or run: linkedom loads no resources and runs no scripts; remote images and links
 * are text in a string.
 */
import type { SourceProblem } from '../types';
import { parseSource } from '../sources/parse';
import { cleanMetadata, normalizeDate } from './segments';
import type { Extracted, SourceMetadata } from './types';
import { formatLibs } from './libs';

/** The little of the DOM read here (the project builds without the DOM library types). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  data?: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}
interface DomDocument extends DomNode {
  title?: string;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}
interface ReadabilityModule {
  Readability: new (doc: DomDocument, options?: Record<string, unknown>) => {
    parse(): { title?: string | null; textContent?: string | null; byline?: string | null; publishedTime?: string | null } | null;
  };
  isProbablyReaderable(doc: DomDocument): boolean;
}
interface Htmlparser2 {
  Parser: new (handler: { ontext(text: string): void }, options: Record<string, unknown>) => {
    startIndex: number; endIndex: number; write(s: string): void; end(): void;
  };
}

/** Text-node marker: U+E000 and two digits in base 6000 (private-use characters, never in real text here). */
const MARK = '\ue000';
const DIGIT0 = 0xe100;
const BASE = 6000;
const MARK_RE = /\ue000([\ue100-\uf8ff])([\ue100-\uf8ff])/g;
const MAX_NODES = BASE * BASE;

export function extractHtml(path: string, content: string | Uint8Array): Extracted | SourceProblem {
  const parsed = parseSource(path, content);
  if ('message' in parsed) return parsed;
  let page: PageReading | undefined;
  try {
    page = readPage(parsed.text);
  } catch {
    // A page the DOM cannot take is still indexed, with the shape-based chrome detection alone.
  }
  let passages = parsed.passages;
  const article = page?.article;
  if (article) {
    const titles = new Set([page!.metadata.title, page!.documentTitle, parsed.title].filter((t): t is string => !!t).map(simplify));
    const marked = passages.map((p) => p.chrome || (!titles.has(simplify(p.text)) && !inside(article, p.start, p.end)) ? { ...p, chrome: true } : p);
    // Readability kept nothing that maps back: do not trust it with this page.
    if (marked.some((p) => !p.chrome)) passages = marked;
  }
  const metadata = page?.metadata ?? {};
  return { format: 'html', text: parsed.text, ...(parsed.title ? { title: parsed.title } : {}), metadata, passages };
}

function simplify(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

interface PageReading {
  metadata: SourceMetadata;
  documentTitle?: string;
  /** Per character of the file: 1 = visible text outside the article, 2 = article text. */
  article?: Uint8Array;
}

/** Whether most of the text characters of [start, end) belong to the article. */
function inside(mask: Uint8Array, start: number, end: number): boolean {
  let text = 0;
  let art = 0;
  for (let i = start; i < end; i++) {
    const m = mask[i]!;
    if (m) text++;
    if (m === 2) art++;
  }
  return text > 0 && art * 2 >= text;
}

function readPage(html: string): PageReading {
  // Loaded on first use only, so a workspace without web pages never loads them.
  const { parseHTML } = formatLibs().linkedom as { parseHTML(html: string): { document: DomDocument } };
  const { Readability, isProbablyReaderable } = formatLibs().readability as ReadabilityModule;
  const { document } = parseHTML(html);
  const metadata = pageMetadata(document);
  const documentTitle = document.title?.replace(/\s+/g, ' ').trim() || undefined;
  if (!isProbablyReaderable(document)) return { metadata, ...(documentTitle ? { documentTitle } : {}) };

  // The offsets of every text event, in the order linkedom built its text nodes from them.
  const { Parser } = formatLibs().htmlparser2 as Htmlparser2;
  const events: { start: number; end: number; text: string }[] = [];
  const parser = new Parser({ ontext(text) { events.push({ start: parser.startIndex, end: parser.endIndex + 1, text }); } },
    { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false });
  parser.write(html);
  parser.end();
  const nodes: DomNode[] = [];
  const stack: DomNode[] = [document];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === 3) nodes.push(n);
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  if (nodes.length > MAX_NODES) return { metadata, ...(documentTitle ? { documentTitle } : {}) };
  let j = 0;
  const eventOf: number[] = [];
  for (const n of nodes) {
    while (j < events.length && events[j]!.text !== n.data) j++;
    if (j === events.length) return { metadata, ...(documentTitle ? { documentTitle } : {}) }; // could not align: no article
    eventOf.push(j++);
  }
  // The page's own word on where its article is: a single <article> (or <main>) element.
  const container = single(document, 'article') ?? single(document, 'main') ?? single(document, '[role="main"]');
  const inContainer = new Set<DomNode>();
  if (container) {
    const st: DomNode[] = [container];
    while (st.length) {
      const n = st.pop()!;
      if (n.nodeType === 3) inContainer.add(n);
      const kids = n.childNodes; // a getter that builds the list: read it once
      for (let i = 0; i < kids.length; i++) st.push(kids[i]!);
    }
  }
  nodes.forEach((n, i) => {
    if (/\S/.test(n.data ?? '')) n.data = MARK + String.fromCharCode(DIGIT0 + Math.floor(i / BASE), DIGIT0 + (i % BASE)) + n.data;
  });
  const result = new Readability(document, { serializer: () => '' }).parse();
  if (!result?.textContent) return { metadata, ...(documentTitle ? { documentTitle } : {}) };
  let kept = [...result.textContent.matchAll(MARK_RE)].map((m) => (m[1]!.charCodeAt(0) - DIGIT0) * BASE + (m[2]!.charCodeAt(0) - DIGIT0));
  // Readability also takes paragraph-like siblings of the article (a ticker, a promo line). When the
  // page marks its article and that holds most of what Readability kept, text outside it is chrome.
  if (container) {
    const size = (ids: number[]) => ids.reduce((n, i) => n + (nodes[i]?.data?.length ?? 0), 0);
    const within = kept.filter((i) => nodes[i] && inContainer.has(nodes[i]!));
    if (size(within) >= 0.8 * size(kept)) kept = within;
  }
  const mask = new Uint8Array(html.length);
  for (const e of events) for (let k = e.start; k < e.end; k++) if (!isSpace(html.charCodeAt(k))) mask[k] = 1;
  for (const i of kept) {
    const e = events[eventOf[i]!];
    if (e) for (let k = e.start; k < e.end; k++) if (mask[k]) mask[k] = 2;
  }
  const unmark = (s: string | null | undefined) => s?.replace(MARK_RE, '').replace(/\s+/g, ' ').trim() || undefined;
  const byline = unmark(result.byline)?.replace(/^by\s+/i, '');
  return {
    metadata: cleanMetadata({
      title: metadata.title ?? unmark(result.title),
      author: metadata.author ?? byline,
      date: metadata.date ?? normalizeDate(unmark(result.publishedTime)),
      url: metadata.url,
    }),
    ...(documentTitle ? { documentTitle } : {}),
    article: mask,
  };
}

function single(document: DomDocument, selector: string): DomNode | undefined {
  const found = document.querySelectorAll(selector);
  return found.length === 1 ? found[0] : undefined;
}

/** Title, author, date and URL from meta tags, JSON-LD and the canonical link, in that order of trust. */
export function pageMetadata(document: DomDocument): SourceMetadata {
  const meta = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const key = (el.getAttribute!('property') ?? el.getAttribute!('name') ?? el.getAttribute!('itemprop') ?? '').toLowerCase();
    const value = el.getAttribute!('content');
    if (key && value && !meta.has(key)) meta.set(key, value);
  }
  const ld = jsonLd(document);
  const pick = (...keys: string[]) => keys.map((k) => meta.get(k)).find((v) => v && v.trim());
  const notUrl = (s: string | undefined) => (s && !/^https?:/i.test(s) ? s : undefined);
  let canonical: string | undefined;
  for (const el of Array.from(document.querySelectorAll('link'))) {
    if ((el.getAttribute!('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) canonical ??= el.getAttribute!('href') ?? undefined;
  }
  let time: string | undefined;
  for (const el of Array.from(document.querySelectorAll('time'))) time ??= el.getAttribute!('datetime') ?? undefined;
  const title = pick('og:title', 'twitter:title', 'citation_title', 'dc.title') ?? ld.title ?? (document.title?.trim() || undefined);
  return cleanMetadata({
    title,
    author: notUrl(pick('author', 'article:author', 'citation_author', 'dc.creator', 'byl')) ?? ld.author,
    date: normalizeDate(pick('article:published_time', 'datepublished', 'citation_publication_date', 'citation_date', 'dc.date', 'dc.date.issued', 'date', 'pubdate', 'publishdate') ?? ld.date ?? time),
    url: canonical ?? pick('og:url') ?? ld.url,
  });
}

function jsonLd(document: DomDocument): SourceMetadata {
  for (const el of Array.from(document.querySelectorAll('script'))) {
    if (!/ld\+json/i.test(el.getAttribute!('type') ?? '')) continue;
    let data: unknown;
    try {
      data = JSON.parse(el.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const o = queue.shift();
      if (Array.isArray(o)) { queue.push(...o); continue; }
      if (!o || typeof o !== 'object') continue;
      const r = o as Record<string, unknown>;
      if (Array.isArray(r['@graph'])) queue.push(...r['@graph']);
      const type = ([] as unknown[]).concat(r['@type'] ?? []).join(' ');
      if (!/Article|BlogPosting|Report|NewsArticle|ScholarlyArticle|CreativeWork/.test(type)) continue;
      const names = ([] as unknown[]).concat(r['author'] ?? []).map((a) => (typeof a === 'string' ? a : (a as { name?: unknown })?.name)).filter((a): a is string => typeof a === 'string');
      const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
      return { title: str(r['headline']) ?? str(r['name']), author: names.length ? names.join('; ') : undefined, date: str(r['datePublished']), url: str(r['url']) };
    }
  }
  return {};
}

function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000;
}
