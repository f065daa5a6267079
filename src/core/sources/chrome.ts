/**
 * Page chrome detection for scraped sources: blocks of a page that are navigation, tickers, ads,
 * contact details or reader comments rather than the article. Like jusText, it judges each block by
 * its shape (length, share of function words, symbols), plus the markers that open a comment thread;
 * everything after such a marker is chrome. The rules name no site and no article.
 */
import { STOPWORDS } from '../text/stopwords';

const WORD_RE = /[\p{L}]+(?:['\u2019][\p{L}]+)*/gu;
const BOILERPLATE_RE =
  /\b(cookies?|subscribe|newsletter|sign up|log ?in|all rights reserved|privacy policy|terms of (?:use|service)|sponsored|advertis\w*|disclaimer|leave a (?:comment|reply)|your email address|required fields|scroll to top|share (?:this|on)|follow us|read more|related (?:articles|posts)|click here|press releases?|skip to content)\b/i;
const COMMENTS_START_RE =
  /^\s*(?:\d+\s+(?:thoughts?|comments?|responses?|replies)\b|comments?\s*\(\d+\)|leave a (?:comment|reply)|comments are closed|join the (?:discussion|conversation)|reader comments|show comments|add a comment)/i;
const PHONE_RE = /\+?\d[\d ().-]{7,}\d/;
const PICTOGRAPH_RE = /^\s*\p{Extended_Pictographic}/u;

export interface BlockShape {
  words: number;
  stopRatio: number;
  longestRun: number;
  symbolRatio: number;
}

function capitalShare(text: string): number {
  const words = text.match(WORD_RE) ?? [];
  return words.length ? words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length : 0;
}

export function blockShape(text: string): BlockShape {
  const words = text.match(WORD_RE) ?? [];
  let stops = 0;
  for (const w of words) if (STOPWORDS.has(w.toLowerCase())) stops++;
  let longestRun = 0;
  for (const run of text.split(/\s+/)) longestRun = Math.max(longestRun, run.length);
  const nonSpace = text.replace(/\s+/g, '');
  const symbols = nonSpace.replace(/[\p{L}]/gu, '').length;
  return { words: words.length, stopRatio: words.length ? stops / words.length : 0, longestRun, symbolRatio: nonSpace.length ? symbols / nonSpace.length : 1 };
}

/** Whether a block opens a comment thread (everything after it is chrome). */
export function opensComments(text: string, s: BlockShape = blockShape(text)): boolean {
  return s.words <= 40 && COMMENTS_START_RE.test(text);
}

/** Whether one block is page chrome by its own shape. */
export function isChromeBlock(text: string, s: BlockShape = blockShape(text)): boolean {
  if (s.words === 0) return true;
  if (s.longestRun > 60) return true; // tickers, URL soup, minified text
  if (s.symbolRatio > 0.35) return true; // prices, scores, tables of numbers
  if (s.words < 12 && PHONE_RE.test(text)) return true; // contact details
  if (s.words <= 5 && s.stopRatio === 0 && /\d/.test(text) && !/[.!?]\s*$/.test(text)) return true; // addresses, ratings
  if (s.words < 40 && BOILERPLATE_RE.test(text)) return true;
  if (s.words < 25 && PICTOGRAPH_RE.test(text)) return true; // emoji-led promos
  // Menus and tag lists: no function words, and separators or nearly all words capitalised. A
  // headline ("Kettle maker recalls 48,000 units; CEO resigns") has no function words either.
  if (s.words >= 5 && s.stopRatio < 0.08 && !/[.!?]["'\u201d]?\s*$/.test(text) && (/[|\u2022\u00b7\u00bb/>]/.test(text) || capitalShare(text) >= 0.8)) return true;
  return false;
}
