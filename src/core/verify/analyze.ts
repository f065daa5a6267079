/**
 * Token-level views of a claim and of a passage that the aligner compares: content words with their
 * weights, facts, phrases and acronyms.
 */
import { tokenize, type Token } from '../text/tokenize';
import { WEAK_WORDS } from '../text/stopwords';
import { extractFacts, type Fact } from './facts';
import { isKnownPhrase, startsPhrase } from '../lexicon/thesaurus';

export interface ContentWord {
  key: string;
  norm: string;
  start: number;
  end: number;
  capital: boolean;
  weak: boolean;
  /** Index in the token list. */
  index: number;
}

export interface TextView {
  text: string;
  readonly tokens: Token[];
  readonly facts: Fact[];
  /** Content words outside number/date/money facts. */
  readonly words: ContentWord[];
  keys: Set<string>;
  /** Multi-word lemma keys present (e.g. "step down"), computed on first use. */
  readonly phrases: Set<string>;
  /** All-caps short words (acronyms) and initials of 2–4 word runs. */
  readonly acronyms: Set<string>;
  readonly initials: Set<string>;
  /** Keys of the passage's context (its source's title): what "it" and "the company" refer to. */
  context?: Set<string>;
}

const QUANTITY_KINDS = new Set(['money', 'percent', 'number', 'date']);

const ACRONYM_RE = /\b[A-Z]{2,5}s?\b/g;

/**
 * The view of a text the aligner uses. `indexedKeys`, when given (a passage's content-word keys from
 * the index), saves tokenising: tokens and everything built on them are then computed on first use,
 * and most candidate passages are rejected on their keys alone.
 */
export function analyze(text: string, indexedKeys?: Set<string>): TextView {
  let tokens: Token[] | undefined = indexedKeys ? undefined : tokenize(text);
  const keys = indexedKeys ?? new Set(tokens!.map((t) => t.key));
  let acronyms: Set<string> | undefined;
  let facts: Fact[] | undefined;
  let words: ContentWord[] | undefined;
  let phrases: Set<string> | undefined;
  let initials: Set<string> | undefined;
  return {
    text, keys,
    get tokens(): Token[] {
      return (tokens ??= tokenize(text));
    },
    get acronyms(): Set<string> {
      return (acronyms ??= new Set((text.match(ACRONYM_RE) ?? []).map((a) => a.toLowerCase().replace(/s$/, ''))));
    },
    get facts(): Fact[] {
      return (facts ??= extractFacts(text));
    },
    get words(): ContentWord[] {
      return (words ??= contentWords(this.tokens, this.facts));
    },
    // Multi-word lemmas are looked up only when a match needs them (most alignments never do).
    get phrases(): Set<string> {
      return (phrases ??= phrasesIn(this.tokens));
    },
    get initials(): Set<string> {
      return (initials ??= initialsOf(this.tokens));
    },
  };
}

/** Content words outside number, amount and date facts (those are compared as facts). */
function contentWords(tokens: Token[], facts: Fact[]): ContentWord[] {
  const quantities = facts.filter((f) => QUANTITY_KINDS.has(f.kind));
  const out: ContentWord[] = [];
  tokens.forEach((t, index) => {
    if (t.stop || quantities.some((f) => t.start >= f.start && t.end <= f.end)) return;
    out.push({ key: t.key, norm: t.norm, start: t.start, end: t.end, capital: t.capital, weak: WEAK_WORDS.has(t.norm), index });
  });
  return out;
}

/** Initials of every run of 2–4 content words ("chief executive officer" -> "ce", "ceo"). */
function initialsOf(tokens: Token[]): Set<string> {
  const out = new Set<string>();
  const content = tokens.filter((t) => !t.stop && !t.number);
  for (let i = 0; i < content.length; i++) {
    let s = '';
    for (let n = 0; n < 4 && i + n < content.length; n++) {
      s += content[i + n]!.norm[0];
      if (n >= 1) out.add(s);
    }
  }
  return out;
}

/** Multi-word lemma keys in a token run. Token keys are what phraseKey makes of a lemma's words. */
function phrasesIn(tokens: Token[]): Set<string> {
  const out = new Set<string>();
  tokens.forEach((t, index) => {
    if (!startsPhrase(t.key)) return;
    let key = t.key;
    for (let n = 1; n < 3 && index + n < tokens.length; n++) {
      key += ' ' + tokens[index + n]!.key;
      if (isKnownPhrase(key)) out.add(key);
    }
  });
  return out;
}

/** Damerau-Levenshtein distance up to `max` (returns max + 1 when farther). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2 = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) prev2[j] = prev[j]!;
    prev = cur;
  }
  return prev[b.length]!;
}
