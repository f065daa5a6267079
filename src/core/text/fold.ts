/** Folds typographic variants so that curly and straight quotes, dashes and accents compare equal. */
const QUOTE_MAP: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '`': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u00ab': '"', '\u00bb': '"', '\u2033': '"',
  '\u2013': '-', '\u2014': '-', '\u2212': '-', '\u00a0': ' ',
};
const QUOTE_RE = /[\u2018\u2019\u201a\u201b\u2032`\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u2013\u2014\u2212\u00a0]/g;
const MARKS_RE = /\p{M}+/gu;

/** Same length as the input (one char per char), so offsets survive folding. */
export function foldPunctuation(text: string): string {
  return text.replace(QUOTE_RE, (c) => QUOTE_MAP[c] ?? c);
}

/** Lower-case, accent-free, typographically folded form of one word (length may change). */
export function foldWord(word: string): string {
  let w = foldPunctuation(word).toLowerCase();
  if (/[^\x00-\x7f]/.test(w)) w = w.normalize('NFKD').replace(MARKS_RE, '');
  return w;
}

export const OPEN_QUOTES = new Set(['"', '\u201c', '\u201e', '\u00ab']);
export const CLOSE_QUOTES = new Set(['"', '\u201d', '\u00bb']);
