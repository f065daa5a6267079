/**
 * The draft side: which sentences are claims, with exact ranges, and which citations the draft
 * already has (footnotes [^id], Pandoc [@key], LaTeX \cite{key}).
 */
import type { DraftCitation, DraftLanguage } from '../types';
import { blankMarkdown, type Blanked } from '../sources/blank';
import { blocks, collapse } from '../sources/parse';
import { splitSentences } from '../text/sentences';
import { STOPWORDS } from '../text/stopwords';
import { blankLatex } from './latex';

export interface DraftSentence {
  start: number;
  end: number;
  /** The sentence as written. */
  text: string;
  /**
   * What is checked: the sentence with citations and markup blanked, same length as `text` so
   * that offsets into it are offsets into the sentence (U+0000 marks removed markup).
   */
  claimText: string;
  citations: DraftCitation[];
  /** Why the sentence is not a claim, if it is not. */
  skip?: 'question' | 'framing' | 'too short' | 'too long';
}

export interface ParsedDraft {
  sentences: DraftSentence[];
  citations: DraftCitation[];
}

const FOOTNOTE_RE = /\[\^([^\]\s]{1,100})\](?!:)/g;
const PANDOC_RE = /\[[^[\]\n]{0,300}?@[^[\]\n]{0,300}\]/g;
const PANDOC_KEY_RE = /(?:^|[\s;[-])@\{?([\p{L}\d_][\p{L}\d_:.#$%&+?<>~/-]*)/gu;
const LATEX_CITE_RE = /\\[a-zA-Z]*cite[a-zA-Z]*\*?(?:\[[^\]\n]{0,200}\]){0,2}\{([^}\n]{1,500})\}/g;
/**
 * An author-date citation in parentheses: "(Bloomberg, 2024)", "(Smith et al., 2020, p. 4)", "(see Lee
 * & Park 2019; Ng 2021)". It names where a claim comes from; it is not part of what the claim says.
 * Not a month and year ("(October 2023)": a date the claim states). Bounded repetitions: linear time.
 */
const MONTH_YEAR = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,? \d`;
const PARTICLE = String.raw`(?:van|von|de|der|den|del|da|di|du|la|le)`;
const AUTHOR = String.raw`(?!${MONTH_YEAR})(?:${PARTICLE} ){0,3}\p{Lu}[\p{L}\p{M}'\u2019.&-]{0,40}(?: (?:et al\.|and|&|${PARTICLE}|\p{Lu}[\p{L}\p{M}'\u2019.-]{0,40})){0,6},? (?:\d{4}[a-z]?|n\.d\.)(?:, (?:pp?\.|ch\.|para\.) ?\d{1,5}(?:[-\u2013]\d{1,5})?)?`;
const AUTHOR_DATE_RE = new RegExp(String.raw`\((?:(?:see|e\.g\.|cf\.),? )?${AUTHOR}(?:; ${AUTHOR}){0,8}\)`, 'gu');

// The writer's own framing and signposting, not a statement about the world.
const FRAMING_RE =
  /^(?:(?:i|we)\s+(?:think|believe|argue|suggest|hope|expect|feel|wonder|will|would|propose|contend|conclude)\b|in this (?:article|essay|piece|post|chapter|section|paper|report)\b|(?:let's|let us|consider|note that|see|imagine|recall)\b|this (?:article|essay|piece|post|chapter|section|paper|report) (?:will|is|argues|looks)\b|(?:to|for) (?:this|the present) (?:writer|author|reporter|columnist|reviewer)\b|in (?:my|our) (?:view|opinion|judgment|judgement|experience)\b|(?:personally|frankly|to me),|my (?:own )?(?:view|sense|guess|reading|take|bet|hunch) is\b|(?:then|and then|next|now),? there(?: is|'s|\u2019s| are)\b)/i;
/** Signposts anywhere in the sentence: it speaks of the text itself ("…hangs over everything that follows"). */
const SIGNPOST_RE = /\b(?:what|everything|all) (?:that )?follows\b|\bthe rest of this (?:article|essay|piece|post|chapter|section|paper|report)\b/i;

export function findCitations(text: string): DraftCitation[] {
  const out: DraftCitation[] = [];
  for (const m of text.matchAll(FOOTNOTE_RE)) out.push({ kind: 'footnote', key: m[1]!, start: m.index!, end: m.index! + m[0].length });
  for (const m of text.matchAll(PANDOC_RE)) {
    for (const k of m[0].matchAll(PANDOC_KEY_RE)) {
      out.push({ kind: 'pandoc', key: k[1]!.replace(/[.,:;]+$/, ''), start: m.index!, end: m.index! + m[0].length });
    }
  }
  for (const m of text.matchAll(LATEX_CITE_RE)) {
    for (const key of m[1]!.split(',')) {
      if (key.trim()) out.push({ kind: 'latex', key: key.trim(), start: m.index!, end: m.index! + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function blankFor(text: string, language: DraftLanguage): Blanked {
  if (language === 'markdown') return blankMarkdown(text);
  if (language === 'latex') return blankLatex(text);
  return { text, headings: plainHeadings(text) };
}

/**
 * Headings of a plain-text draft: a paragraph of one short line (at most 15 words) that does not end
 * like a sentence, when it opens the draft ("Why Emad Mostaque walked away") or is in title case
 * ("The Cost Of Compute"). A line elsewhere that only lacks its full stop is still checked.
 */
function plainHeadings(text: string): [number, number][] {
  const out: [number, number][] = [];
  blocks(text).forEach(([s, e], i) => {
    const line = text.slice(s, e).trim();
    if (!line || line.includes('\n') || /[.!?:;,"'\u201d\u2019)\]]$/.test(line)) return;
    const words = line.split(/\s+/);
    const titleCase = words.every((w) => !/^\p{Ll}/u.test(w) || STOPWORDS.has(w));
    if (words.length <= 15 && (i === 0 || titleCase)) out.push([s, e]);
  });
  return out;
}

export function parseDraft(text: string, language: DraftLanguage = 'markdown'): ParsedDraft {
  const citations = findCitations(text);
  const prose = proseOf(text, blankFor(text, language), citations);
  return { sentences: sentencesOf(text, prose, citations, 0), citations };
}

/** The checked text: markup, citations, headings and table cells blanked (same length, offsets kept). */
function proseOf(text: string, blanked: Blanked, citations: DraftCitation[]): string {
  const chars = blanked.text.split('');
  for (const c of citations) for (let i = c.start; i < c.end; i++) if (chars[i] !== '\n') chars[i] = ' ';
  for (const [s, e] of blanked.headings) for (let i = s; i < e; i++) if (chars[i] !== '\n') chars[i] = ' ';
  for (const [s, e] of blanked.tables ?? []) keepSentenceCells(text, chars, s, e);
  for (const m of blanked.text.matchAll(AUTHOR_DATE_RE)) for (let i = m.index!; i < m.index! + m[0].length; i++) chars[i] = ' ';
  return text.length === chars.length ? chars.join('') : blanked.text;
}

/** A table cell that reads as a sentence: four words or more, ending like one. */
const SENTENCE_CELL_RE = /^(?:\S+\s+){3,}\S*[.!?]["'\u201d\u2019)\]]*$/;

/**
 * One table row: a cell that reads as a sentence ("Mostaque wrote that …") is a claim of its own;
 * labels and figures ("Item", "$2.5 million") are blanked. Each pipe becomes a line break, so that
 * a blanked cell between two breaks ends a paragraph: a kept cell never runs into its neighbours.
 */
function keepSentenceCells(text: string, chars: string[], s: number, e: number): void {
  let cell = s;
  for (let i = s; i <= e; i++) {
    if (i < e && (text[i] !== '|' || text[i - 1] === '\\')) continue;
    const content = chars.slice(cell, i).join('').trim();
    if (!SENTENCE_CELL_RE.test(content)) for (let k = cell; k < i; k++) chars[k] = ' ';
    if (i < e) chars[i] = '\n';
    cell = i + 1;
  }
}

/** Sentences of `prose` (a slice of the draft starting at `base`), with draft offsets. */
function sentencesOf(text: string, prose: string, citations: DraftCitation[], base: number): DraftSentence[] {
  const sentences: DraftSentence[] = [];
  for (const [bs, be] of blocks(prose)) {
    for (const [ls, le] of splitSentences(prose, bs, be, false)) {
      const s = ls + base;
      const e = le + base;
      // Extend over citations and closing marks that directly follow the sentence ("... AI.[^1]").
      let end = e;
      for (const c of citations) if (c.start >= end && c.start - end <= 2 && /^[^\S\n]*$/.test(text.slice(end, c.start))) end = c.end;
      const claimText = prose.slice(ls, le);
      const own = citations.filter((c) => c.start >= s && c.end <= end);
      const sentence: DraftSentence = { start: s, end, text: text.slice(s, end), claimText, citations: own };
      const skip = skipReason(collapse(claimText));
      if (skip) sentence.skip = skip;
      sentences.push(sentence);
    }
  }
  return sentences;
}

// Characters whose edit can change the structure beyond one paragraph (fences, comments, HTML, front matter).
const STRUCTURAL = /[\n`~<>]|^-{3}/;

/**
 * Re-parses a draft after an edit inside one paragraph, reusing the sentences of every other
 * paragraph (shifted by the edit's length change). Returns undefined when the edit may change the
 * document's structure (line breaks, code fences, comments, HTML), so the caller parses in full.
 * The result is identical to parseDraft(text): paragraphs are blanked on their own, which gives the
 * same result as in context for a paragraph outside fences, comments and front matter.
 */
export function reparseDraft(prevText: string, prev: ParsedDraft, text: string, language: DraftLanguage): ParsedDraft | undefined {
  if (language === 'latex') return undefined;
  let p = 0;
  const max = Math.min(prevText.length, text.length);
  while (p < max && prevText.charCodeAt(p) === text.charCodeAt(p)) p++;
  let sfx = 0;
  while (sfx < max - p && prevText.charCodeAt(prevText.length - 1 - sfx) === text.charCodeAt(text.length - 1 - sfx)) sfx++;
  const oldPiece = prevText.slice(p, prevText.length - sfx);
  const newPiece = text.slice(p, text.length - sfx);
  if (STRUCTURAL.test(oldPiece) || STRUCTURAL.test(newPiece) || oldPiece.length > 2000 || newPiece.length > 2000) return undefined;
  // The paragraph around the edit (it had prose before: otherwise it may sit in a fence or comment).
  const blockStart = paragraphStart(text, p);
  const newEnd = text.length - sfx;
  const blockEnd = paragraphEnd(text, newEnd);
  const delta = text.length - prevText.length;
  const oldBlockEnd = blockEnd - delta;
  const inside = prev.sentences.filter((x) => x.end > blockStart && x.start < oldBlockEnd);
  if (!inside.length) return undefined;
  const local = text.slice(blockStart, blockEnd);
  if (/^\s*(```|~~~|---|<!--|\[\^)/m.test(local) || /^( {4}|\t)/.test(local)) return undefined;
  const citations = findCitations(text);
  const localCitations = citations.filter((c) => c.start >= blockStart && c.end <= blockEnd).map((c) => ({ ...c, start: c.start - blockStart, end: c.end - blockStart }));
  const prose = proseOf(local, blankFor(local, language), localCitations);
  const fresh = sentencesOf(text, prose, citations.filter((c) => c.start >= blockStart && c.end <= blockEnd), blockStart);
  const before = prev.sentences.filter((x) => x.end <= blockStart);
  const after = prev.sentences.filter((x) => x.start >= oldBlockEnd).map((x) => shiftSentence(x, delta));
  return { sentences: [...before, ...fresh, ...after], citations };
}

function shiftSentence(x: DraftSentence, delta: number): DraftSentence {
  return { ...x, start: x.start + delta, end: x.end + delta, citations: x.citations.map((c) => ({ ...c, start: c.start + delta, end: c.end + delta })) };
}

function paragraphStart(text: string, i: number): number {
  const re = /\n[ \t\r\f\v]*\n/g;
  let start = 0;
  // The last blank line before i (scanning from a bounded window keeps this cheap).
  const from = Math.max(0, i - 20_000);
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index + m[0].length <= i; m = re.exec(text)) start = m.index + m[0].length - 1;
  return start === 0 && from > 0 ? from : start;
}

function paragraphEnd(text: string, i: number): number {
  const re = /\n[ \t\r\f\v]*\n/g;
  re.lastIndex = i;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

/** Longer than any real sentence: a table, a log or a paste, not a claim to check. */
const MAX_CLAIM = 2000;

function skipReason(claim: string): DraftSentence['skip'] {
  if (claim.length > MAX_CLAIM) return 'too long';
  if (/\?["'\u201d\u2019)]*$/.test(claim)) return 'question';
  if (FRAMING_RE.test(claim) || SIGNPOST_RE.test(claim)) return 'framing';
  // Two content words make a claim ("Delgado resigned."); one is a remark ("It passed.").
  if (contentWordCount(claim) < 2) return 'too short';
  return undefined;
}

const WORD_RE = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;

/** Words that are not function words (cheap: no stemming; this runs on every sentence of every check). */
function contentWordCount(text: string): number {
  let n = 0;
  for (const m of text.matchAll(WORD_RE)) {
    if (!STOPWORDS.has(m[0].toLowerCase().replace(/\u2019/g, "'"))) n++;
    if (n >= 2) break;
  }
  return n;
}
