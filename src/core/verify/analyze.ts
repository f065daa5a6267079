/**
 * Token-level views of a claim and of a passage that the aligner compares: content words with their
 * weights, facts, phrases and acronyms.
 */
import { tokenize, type Token } from '../text/tokenize';
import { WEAK_WORDS } from '../text/stopwords';
import { extractFacts, makeFact, type Fact } from './facts';
import { nextPhrase, phrasesFrom } from '../lexicon/thesaurus';

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
  readonly keys: Keys;
  /** Multi-word lemma keys present (e.g. "step down"), computed on first use. */
  readonly phrases: Set<string>;
  /** All-caps short words (acronyms) and initials of 2–4 word runs. */
  readonly acronyms: Set<string>;
  readonly initials: Set<string>;
  /** Keys of the passage's context (its source's title): what "it" and "the company" refer to. */
  context?: Set<string>;
}

/** The content-word keys of a text: a set, or a passage's term ids read in place (no set per passage). */
export interface Keys {
  has(key: string): boolean;
  /** Whether the text has the index's term `id` (passages only: what a claim looks up by id once, not by string per passage). */
  hasTerm?(id: number): boolean;
  [Symbol.iterator](): Iterator<string>;
}

const QUANTITY_KINDS = new Set(['money', 'percent', 'number', 'date', 'period']);

const ACRONYM_RE = /\b[A-Z]{2,5}s?\b/g;

/**
 * The view of a text the aligner uses. `indexedKeys`, when given (a passage's content-word keys from
 * the index), saves tokenising: tokens and everything built on them are then computed on first use,
 * and most candidate passages are rejected on their keys alone.
 */
export function analyze(text: string, indexedKeys?: Keys): TextView {
  return new LazyView(text, indexedKeys);
}

/** Each part is computed on first use (a class rather than closures: thousands are made per check). */
class LazyView implements TextView {
  readonly keys: Keys;
  context?: Set<string>;
  private tokenList?: Token[];
  private acronymSet?: Set<string>;
  private factList?: Fact[];
  private wordList?: ContentWord[];
  private phraseSet?: Set<string>;
  private initialSet?: Set<string>;

  constructor(readonly text: string, indexedKeys?: Keys) {
    if (indexedKeys) this.keys = indexedKeys;
    else {
      this.tokenList = tokenize(text);
      this.keys = new Set(this.tokenList.map((t) => t.key));
    }
  }

  get tokens(): Token[] {
    return (this.tokenList ??= tokenize(this.text));
  }

  get acronyms(): Set<string> {
    return (this.acronymSet ??= acronymsIn(this.text));
  }

  get facts(): Fact[] {
    return (this.factList ??= extractFacts(this.text));
  }

  get words(): ContentWord[] {
    return (this.wordList ??= contentWords(this.tokens, this.facts));
  }

  // Multi-word lemmas are looked up only when a match needs them (most alignments never do).
  get phrases(): Set<string> {
    return (this.phraseSet ??= phrasesIn(this.tokens));
  }

  get initials(): Set<string> {
    return (this.initialSet ??= initialsOf(this.tokens));
  }
}

function acronymsIn(text: string): Set<string> {
  return new Set((text.match(ACRONYM_RE) ?? []).map((a) => a.toLowerCase().replace(/s$/, '')));
}

/**
 * Adjacent passages read as one (a claim may take two sentences of a source to say). Built lazily
 * like a passage's view: an alignment usually needs the keys and facts, rarely tokens or phrases.
 */
export class MergedView implements TextView {
  readonly text: string;
  readonly keys: Keys;
  readonly context?: Set<string>;
  private readonly offset: number;
  private tokenList?: Token[];
  private factList?: Fact[];
  private wordList?: ContentWord[];
  private phraseSet?: Set<string>;
  private acronymSet?: Set<string>;
  private initialSet?: Set<string>;

  constructor(private readonly a: TextView, private readonly b: TextView) {
    this.text = a.text + ' ' + b.text;
    this.offset = a.text.length + 1;
    this.keys = new Set([...a.keys, ...b.keys]);
    if (a.context) this.context = a.context;
  }

  // The second text's tokens, facts and words moved by the offset, each built like the originals
  // (a spread copy would give them other hidden classes, and the judge's reads would go polymorphic).
  get tokens(): Token[] {
    const o = this.offset;
    return (this.tokenList ??= [...this.a.tokens, ...this.b.tokens.map((t) => ({
      norm: t.norm, key: t.key, start: t.start + o, end: t.end + o, stop: t.stop, capital: t.capital, number: t.number,
    }))]);
  }

  get facts(): Fact[] {
    const o = this.offset;
    return (this.factList ??= [...this.a.facts, ...this.b.facts.map((f) => makeFact(f.kind, f.value, f.text, f.start + o, f.end + o, f.unit, f.bound, f.strict))]);
  }

  get words(): ContentWord[] {
    if (this.wordList) return this.wordList;
    const o = this.offset;
    const shift = this.a.tokens.length;
    return (this.wordList = [...this.a.words, ...this.b.words.map((w) => ({
      key: w.key, norm: w.norm, start: w.start + o, end: w.end + o, capital: w.capital, weak: w.weak, index: w.index + shift,
    }))]);
  }

  get phrases(): Set<string> {
    return (this.phraseSet ??= new Set([...this.a.phrases, ...this.b.phrases]));
  }

  get acronyms(): Set<string> {
    return (this.acronymSet ??= new Set([...this.a.acronyms, ...this.b.acronyms]));
  }

  get initials(): Set<string> {
    return (this.initialSet ??= new Set([...this.a.initials, ...this.b.initials]));
  }
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
  for (let i = 0; i < tokens.length; i++) {
    let node = phrasesFrom(tokens[i]!.key);
    for (let n = 1; node && n < 3 && i + n < tokens.length; n++) {
      node = nextPhrase(node, tokens[i + n]!.key);
      if (node?.end) out.add(tokens.slice(i, i + n + 1).map((t) => t.key).join(' '));
    }
  }
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
