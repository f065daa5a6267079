/**
 * The draft side: which sentences are claims, with exact ranges, and which citations the draft
 * already has (footnotes [^id], Pandoc [@key], LaTeX \cite{key}).
 */
import type { DraftCitation, DraftLanguage } from '../types';
import { blankMarkdown, type Blanked } from '../sources/blank';
import { blocks, collapse } from '../sources/parse';
import { splitSentences } from '../text/sentences';
import { tokenize } from '../text/tokenize';
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
// The writer's own framing and signposting, not a statement about the world.
const FRAMING_RE =
  /^(?:(?:i|we)\s+(?:think|believe|argue|suggest|hope|expect|feel|wonder|will|would|propose|contend|conclude)\b|in this (?:article|essay|piece|post|chapter|section|paper|report)\b|(?:let's|let us|consider|note that|see|imagine|recall)\b|this (?:article|essay|piece|post|chapter|section|paper|report) (?:will|is|argues|looks)\b)/i;

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
  return { text, headings: [] };
}

export function parseDraft(text: string, language: DraftLanguage = 'markdown'): ParsedDraft {
  const citations = findCitations(text);
  const blanked = blankFor(text, language);
  // Citations are not claim text: blank them (same length, offsets kept).
  const chars = blanked.text.split('');
  for (const c of citations) for (let i = c.start; i < c.end; i++) if (chars[i] !== '\n') chars[i] = ' ';
  for (const [s, e] of blanked.headings) for (let i = s; i < e; i++) if (chars[i] !== '\n') chars[i] = ' ';
  const prose = chars.join('');
  const sentences: DraftSentence[] = [];
  for (const [bs, be] of blocks(prose)) {
    for (const [s, e] of splitSentences(prose, bs, be)) {
      // Extend over citations and closing marks that directly follow the sentence ("... AI.[^1]").
      let end = e;
      for (const c of citations) if (c.start >= end && /^\s*$/.test(text.slice(end, c.start)) && c.start - end <= 2) end = c.end;
      const claimText = prose.slice(s, e);
      const own = citations.filter((c) => c.start >= s && c.end <= end);
      const sentence: DraftSentence = { start: s, end, text: text.slice(s, end), claimText, citations: own };
      const skip = skipReason(collapse(claimText));
      if (skip) sentence.skip = skip;
      sentences.push(sentence);
    }
  }
  return { sentences, citations };
}

/** Longer than any real sentence: a table, a log or a paste, not a claim to check. */
const MAX_CLAIM = 2000;

function skipReason(claim: string): DraftSentence['skip'] {
  if (claim.length > MAX_CLAIM) return 'too long';
  if (/\?["'\u201d\u2019)]*$/.test(claim)) return 'question';
  if (FRAMING_RE.test(claim)) return 'framing';
  if (tokenize(claim).filter((t) => !t.stop).length < 3) return 'too short';
  return undefined;
}
