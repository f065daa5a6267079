/**
 * Quotations in a claim are checked word for word (case, curly/straight quotes and punctuation
 * aside) against the sources; when no source has them, the closest wording a source has is found so
 * the writer sees what was actually said.
 */
import { tokenize, type Token } from '../text/tokenize';

export interface Quote {
  /** Offsets of the quoted words inside the claim text (without the marks). */
  start: number;
  end: number;
  text: string;
  words: string[];
  /** The words between ellipses ("… ", "...", "[…]"): each run must be in the source, in this order. */
  segments: string[][];
}

const PAIRS: [string, string][] = [['\u201c', '\u201d'], ['"', '"'], ['\u00ab', '\u00bb'], ['\u201e', '\u201c']];

/**
 * Quoted passages of three words or more (shorter ones are scare quotes), other than titles: a short
 * quoted run whose every content word is capitalised ("The Changing Times") names a work, it does not
 * report words someone said.
 */
export function extractQuotes(text: string): Quote[] {
  const out: Quote[] = [];
  for (const [open, close] of PAIRS) {
    let from = 0;
    for (;;) {
      const s = text.indexOf(open, from);
      if (s < 0) break;
      const e = text.indexOf(close, s + 1);
      if (e < 0) break;
      const inner = text.slice(s + 1, e);
      const words = quoteWords(inner);
      if (words.length >= 3 && words.length <= 150 && !isTitle(inner) && !out.some((q) => q.start < e && s + 1 < q.end)) {
        out.push({ start: s + 1, end: e, text: inner, words, segments: inner.split(ELLIPSIS_RE).map(quoteWords).filter((x) => x.length) });
      }
      from = e + 1;
      if (out.length >= 20) return out.sort((a, b) => a.start - b.start);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function isTitle(text: string): boolean {
  const tokens = tokenize(text);
  if (tokens.length > 8 || !tokens[0]?.capital) return false;
  return tokens.filter((t) => !t.stop && !t.number).length >= 2 && tokens.every((t) => t.capital || t.stop || t.number);
}

export function quoteWords(text: string): string[] {
  return wordsOfTokens(tokenize(text), text);
}

/**
 * The words of tokenised text as a quotation is compared: a word joined to the next by a dot alone is
 * one word ("dot.com" is not "dot com"), the rest as tokenised.
 */
export function wordsOfTokens(tokens: readonly Token[], text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    if (prev && t.start === prev.end + 1 && text[prev.end] === '.' && /\p{L}/u.test(text[t.start] ?? '') && out.length) out[out.length - 1] += '.' + t.norm;
    else out.push(t.norm);
  }
  return out;
}

/** An omission mark inside a quotation. */
const ELLIPSIS_RE = /\[?(?:\u2026|\.\s?\.\s?\.)\]?/;

/** Where `needle` occurs as a contiguous run of words in `hay` from `from` on (the index after it), or -1. */
function runEnd(hay: string[], needle: string[], from: number): number {
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i + needle.length;
  }
  return -1;
}

/** Whether a quotation's runs, split at its ellipses, all occur in `hay` in order. */
export function containsQuote(hay: string[], quote: Quote): boolean {
  let at = 0;
  for (const segment of quote.segments) {
    at = runEnd(hay, segment, at);
    if (at < 0) return false;
  }
  return true;
}

export interface CloseWording {
  similarity: number;
  /** The source's words, as written in the passage text. */
  text: string;
  /** How many words, and the last (folded): ties go to the wording as long as the quotation, then to one with its head word. */
  count?: number;
  last?: string;
}

/** Whether wording `a` is closer to the quotation than `b`: more similar; on a tie, as long; then ending on the same word. */
export function closer(a: CloseWording, b: CloseWording | undefined, quote: Quote): boolean {
  if (!b || a.similarity !== b.similarity) return !b || a.similarity > b.similarity;
  const n = quote.words.length;
  const da = Math.abs((a.count ?? n) - n);
  const db = Math.abs((b.count ?? n) - n);
  if (da !== db) return da < db;
  const head = quote.words[quote.words.length - 1];
  return a.last === head && b.last !== head;
}

/** The passage's wording closest to the quote: a quoted span of the passage, or a window of words. */
export function closestWording(quote: Quote, passageText: string): CloseWording {
  const tokens = tokenize(passageText);
  const words = tokens.map((t) => t.norm);
  const quoteSet = new Set(quote.words);
  const score = scorer(quote, passageText, tokens, words);
  const quoted = closestQuoted(passageText, tokens, score);
  let window: CloseWording = { similarity: 0, text: '' };
  const n = quote.words.length;
  for (let i = 0; i < words.length; i++) {
    if (!quoteSet.has(words[i]!)) continue;
    // Windows from a shared word, and windows up to one ("transparent and distributed governance").
    for (let len = Math.max(1, n - 2); len <= n + 3; len++) {
      const c = score(i, Math.min(words.length, i + len));
      if (closer(c, window, quote)) window = c;
      const d = score(Math.max(0, i + 1 - len), i + 1);
      if (closer(d, window, quote)) window = d;
    }
  }
  // A quoted span wins over a window that is only somewhat closer: it is what the source says was said.
  return quoted.similarity >= 0.5 && quoted.similarity >= window.similarity - 0.2 ? quoted : window;
}

function lcs(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let prev = 0;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? prev + 1 : Math.max(row[j]!, row[j - 1]!);
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The span the passage itself quotes that is closest to the draft's quotation (similarity 0 if none shares a word). */
export function closestQuotation(quote: Quote, passageText: string): CloseWording {
  if (!extractQuotes(passageText).length) return { similarity: 0, text: '' };
  const tokens = tokenize(passageText);
  return closestQuoted(passageText, tokens, scorer(quote, passageText, tokens, tokens.map((t) => t.norm)));
}

type Scorer = (from: number, to: number) => CloseWording;

/** Similarity of the draft's quotation to the passage's words [from, to): their longest common subsequence over the longer. */
function scorer(quote: Quote, passageText: string, tokens: Token[], words: string[]): Scorer {
  return (from, to) => {
    if (to <= from) return { similarity: 0, text: '' };
    const sim = lcs(quote.words, words.slice(from, to)) / Math.max(quote.words.length, to - from);
    return { similarity: sim, text: passageText.slice(tokens[from]!.start, tokens[to - 1]!.end), count: to - from, last: words[to - 1] };
  };
}

function closestQuoted(passageText: string, tokens: Token[], score: Scorer): CloseWording {
  let quoted: CloseWording = { similarity: 0, text: '' };
  for (const q of extractQuotes(passageText)) {
    const from = tokens.findIndex((t) => t.start >= q.start);
    let to = from;
    while (to < tokens.length && tokens[to]!.end <= q.end) to++;
    const c = from >= 0 ? score(from, to) : quoted;
    if (c.similarity > quoted.similarity) quoted = c;
  }
  return quoted;
}
