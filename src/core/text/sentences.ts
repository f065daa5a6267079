/**
 * Sentence boundaries by a single forward scan (no Intl.Segmenter: it is far worse than linear on
 * long input). A boundary is a run of . ! ? (plus closing quotes/brackets) followed by white space
 * and a likely sentence start, unless the word before is a known abbreviation or an initial.
 */

const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof st jr sr inc ltd co corp vs etc e.g i.e u.s u.k no gen gov sen rep col lt sgt capt ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec fig al approx dept est vol pp ed eds rev mt ft ave blvd').split(' '),
);
const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']', '\u00bb']);
const OPENERS = /["'\u201c\u2018(\[\u00ab¿¡]/;

export function isLikelySentenceStart(ch: string): boolean {
  return /[\p{Lu}\p{N}]/u.test(ch) || OPENERS.test(ch) || ch === '#' || ch === '$' || ch === '*';
}

/**
 * Sentence ranges [start, end) within text[from, to), trimmed of surrounding white space.
 * `headlines`: a short unpunctuated line ends a sentence (scraped sources put titles and bylines
 * above the text); off for drafts, whose lines are hard-wrapped prose and whose headings are marked.
 */
export function splitSentences(text: string, from = 0, to = text.length, headlines = true): [number, number][] {
  const out: [number, number][] = [];
  let start = skipSpace(text, from, to);
  for (let i = start; i < to; i++) {
    const c = text[i]!;
    const isBreakLine = headlines && c === '\n' && isHeadlineBreak(text, start, i, to);
    if (c !== '.' && c !== '!' && c !== '?' && !isBreakLine) continue;
    let end = i + 1;
    if (!isBreakLine) {
      while (end < to && (text[end] === '.' || text[end] === '!' || text[end] === '?')) end++;
      while (end < to && (CLOSERS.has(text[end]!) || text[end] === '\u0000')) end++;
      // Not a boundary: resume after this run of marks (a run of dots is scanned once, not per dot).
      if (end < to && !/\s/.test(text[end]!) && !isGluedBoundary(text, start, i, end, to)) {
        i = end - 1;
        continue;
      }
      const next = skipSpace(text, end, to);
      if (next < to && !isLikelySentenceStart(text[next]!)) {
        i = end - 1;
        continue;
      }
      if (c === '.' && end === i + 1 && isAbbreviation(text, start, i)) continue;
    } else {
      end = i;
    }
    const trimmedEnd = trimEnd(text, start, end);
    if (trimmedEnd > start) out.push([start, trimmedEnd]);
    start = skipSpace(text, end, to);
    i = start - 1;
  }
  const trimmedEnd = trimEnd(text, start, to);
  if (trimmedEnd > start) out.push([start, trimmedEnd]);
  return out;
}

/**
 * "approaches.OpenAI, the creator…": scraped pages lose the space between sentences where markup
 * joined two blocks. A word of lowercase letters, the mark, then a capitalised word ends a sentence;
 * initials ("U.S.Army"), abbreviations ("Mrs.Smith"), file names and domains ("stability.ai",
 * "www.Example.com": a dot, slash or @ inside the word before or after) do not.
 */
function isGluedBoundary(text: string, start: number, mark: number, end: number, to: number): boolean {
  if (end + 1 >= to || !/\p{Lu}/u.test(text[end]!) || !/\p{Ll}/u.test(text[end + 1]!)) return false;
  let k = mark;
  // The word before the mark: at most 30 characters back (keeps the scan linear).
  while (k > start && mark - k < 30 && !/[\s\u0000]/.test(text[k - 1]!)) k--;
  const word = text.slice(k, mark);
  if (!/^["'\u201c\u2018(]*\p{L}*\p{Ll}{2}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase())) return false;
  let e = end;
  while (e < to && e - end < 30 && !/[\s\u0000]/.test(text[e]!)) e++;
  return !/[./@:]\p{L}/u.test(text.slice(end, e));
}

// U+0000 marks markup removed from the reduced text (see sources/blank.ts): skipped like space.
function skipSpace(text: string, i: number, to: number): number {
  while (i < to && /[\s\u0000]/.test(text[i]!)) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s\u0000]/.test(text[end - 1]!)) end--;
  return end;
}

function isAbbreviation(text: string, sentenceStart: number, dot: number): boolean {
  let k = dot;
  // Abbreviations are short: look back at most 12 characters (keeps "a.a.a.a…" linear).
  while (k > sentenceStart && dot - k < 12 && /[\p{L}.]/u.test(text[k - 1]!)) k--;
  const word = text.slice(k, dot).toLowerCase();
  // An initial ("J. K. Rowling") stands alone: the "E." of "DALL-E." ends a name and may end a sentence.
  if (word.length === 1 && /\p{Lu}/u.test(text[k]!)) return k === sentenceStart || !/[-\u2010\u2011/&'\u2019\p{N}]/u.test(text[k - 1]!);
  return ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, ''));
}

/**
 * A line break inside a paragraph ends a sentence when the line before reads like a headline or a
 * label (short, no closing punctuation) and the next line starts a new sentence: scraped pages put
 * titles, bylines and captions right above the text.
 */
function isHeadlineBreak(text: string, start: number, nl: number, to: number): boolean {
  const lineStart = Math.max(start, text.lastIndexOf('\n', nl - 1) + 1);
  const line = text.slice(lineStart, nl).trim();
  if (!line || /[.!?:;,"'\u201d\u2019)]$/.test(line)) return false;
  if (line.split(/\s+/).length > 10) return false;
  const next = skipSpace(text, nl, to);
  return next < to && isLikelySentenceStart(text[next]!);
}
