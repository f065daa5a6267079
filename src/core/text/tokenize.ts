import { stemmer } from 'stemmer';
import { foldWord } from './fold';
import { STOPWORDS } from './stopwords';

/** One word or number of a text, with its place in that text. */
export interface Token {
  /** Folded surface form (lower case, straight quotes, no accents, possessive 's removed). */
  norm: string;
  /** Index key: the stem for words, the canonical digits for numbers. */
  key: string;
  start: number;
  end: number;
  /** A function word (never a search or support term). */
  stop: boolean;
  /** Starts with a capital letter in the original text. */
  capital: boolean;
  number: boolean;
}

// Numbers with thousands separators (LaTeX's "{,}" too) and decimals; words with inner apostrophes/hyphens; hashtags.
// Every alternative consumes at least one char and has no nested quantifiers: linear time.
const TOKEN_RE = /\d+(?:(?:[.,]|\{,\})\d+)*|#?[\p{L}\p{M}][\p{L}\p{M}\d]*(?:['\u2019][\p{L}]+)*/gu;

const stemCache = new Map<string, string>();

/** Porter stem of a folded word, cached (the vocabulary of real prose is small). */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = word.length <= 3 ? word : stemmer(word);
    if (stemCache.size > 500_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}

/** Splits `text` into tokens with offsets relative to `base`. */
export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const raw = m[0];
    const first = raw.charCodeAt(0);
    if (first >= 48 && first <= 57) {
      const digits = raw.replace(/\{,\}/g, ',').replace(/,(?=\d{3}(?:\D|$))/g, '');
      out.push({ norm: digits, key: digits, start: base + m.index, end: base + m.index + raw.length, stop: false, capital: false, number: true });
      continue;
    }
    let norm = foldWord(raw.startsWith('#') ? raw.slice(1) : raw);
    if (norm.endsWith("'s")) norm = norm.slice(0, -2);
    else if (norm.endsWith("'")) norm = norm.slice(0, -1);
    const stop = STOPWORDS.has(norm);
    const c = raw.startsWith('#') ? raw.charAt(1) : raw.charAt(0);
    out.push({
      norm,
      key: stop ? norm : stem(norm),
      start: base + m.index,
      end: base + m.index + raw.length,
      stop,
      capital: c !== c.toLowerCase(),
      number: false,
    });
  }
  return out;
}

/** Index keys of the content words of a text. */
export function contentKeys(text: string): string[] {
  return tokenize(text).filter((t) => !t.stop).map((t) => t.key);
}
