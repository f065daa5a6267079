/**
 * The candidate stage: an inverted index from content-word stems to passages, scored with BM25.
 * Sources are added and removed one file at a time (removal leaves tombstones that are compacted
 * once they pile up), so a changed source costs only that source. Function words are not indexed and
 * very common terms are skipped when rarer ones carry the query, which keeps a query to a few
 * thousand postings even at 20 MB of prose (see docs/performance in the shared notes).
 */
import type { Passage } from '../types';
import type { ParsedSource } from '../sources/parse';
import { tokenize } from '../text/tokenize';
import { LineIndex } from '../text/lines';

export interface StoredPassage extends Passage {
  /** Term ids of the content words, in order. */
  terms: Int32Array;
  /** Index of the passage's source in `sources`. */
  sourceIndex: number;
}

export interface SourceEntry {
  path: string;
  title?: string;
  titleTerms: number[];
  passageIds: number[];
}

export interface QueryTerm {
  key: string;
  weight: number;
}

export interface Scored {
  id: number;
  score: number;
}

const K1 = 1.2;
const TITLE_WEIGHT = 0.35;
const SOURCE_WEIGHT = 0.15;
/**
 * Synonym expansions of a query are skipped when more common than this (a share of
 * the passages, at least 50): a common synonym adds thousands of postings, each a cache miss at
 * 20 MB, for little evidence.
 */
const EXPANSION_DF = 0.002;
const EXPANSION_MIN_DF = 50;
/** Query terms weighted at most this are synonym expansions; spelling corrections and completions weigh more. */
const SYNONYM_WEIGHT_MAX = 0.5;
/** Query terms weighted at least this are the query's own words (not synonyms, corrections or completions). */
const CHOOSING_WEIGHT = 1;
/**
 * Terms in more than this share of the passages only re-score candidates that rarer terms found
 * once two rare terms have spoken. A term in fewer than COMMON_MIN_DF passages is never common: its
 * postings cost little, and in a small index such terms still find candidates.
 */
const COMMON_DF = 0.005;
const COMMON_MIN_DF = 1000;
const B = 0.75;
/** Floats per passage slot, and where the norm, the source index and the chrome flag sit in one (the score is at 0). */
const SLOT = 4;
const NORM = 1;
const SOURCE = 2;
const CHROME = 3;

export class PassageIndex {
  readonly passages: (StoredPassage | undefined)[] = [];
  readonly sources: (SourceEntry | undefined)[] = [];
  private readonly sourceByPath = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  readonly termKeys: string[] = [];
  /**
   * Passage ids per term, ascending. Sealed into Int32Arrays (half the memory of a JS array, and
   * contiguous) before searching; a list that grows again is unsealed first.
   */
  private postings: (number[] | Int32Array)[] = [];
  private unsealed = new Set<number>();
  /** Live passage count per term (document frequency, excluding tombstones). */
  private df: number[] = [];
  private titleSources: number[][] = [];
  private live = 0;
  private dead = 0;
  private totalLength = 0;
  /** Bumped on every change, so that callers can drop cached verdicts. */
  generation = 0;

  get passageCount(): number {
    return this.live;
  }

  get sourceCount(): number {
    return this.sourceByPath.size;
  }

  termId(key: string): number | undefined {
    return this.termIds.get(key);
  }

  documentFrequency(key: string): number {
    const id = this.termIds.get(key);
    return id === undefined ? 0 : this.df[id]!;
  }

  /** Inverse document frequency, smoothed (BM25+ style), always positive. */
  idf(key: string): number {
    const n = this.documentFrequency(key);
    return Math.log(1 + (this.live - n + 0.5) / (n + 0.5));
  }

  maxIdf(): number {
    return Math.log(1 + (this.live + 0.5) / 0.5);
  }

  sourceIndexOf(path: string): number | undefined {
    return this.sourceByPath.get(path);
  }

  private intern(key: string): number {
    let id = this.termIds.get(key);
    if (id === undefined) {
      id = this.termKeys.length;
      this.termIds.set(key, id);
      this.termKeys.push(key);
      this.postings.push([]);
      this.df.push(0);
      this.titleSources.push([]);
    }
    return id;
  }

  /** Adds (or replaces) one source. */
  addSource(parsed: ParsedSource): void {
    this.removeSource(parsed.path);
    const lines = new LineIndex(parsed.text);
    const sourceIndex = this.sources.length;
    const titleTerms = parsed.title ? [...new Set(tokenize(parsed.title).filter((t) => !t.stop).map((t) => this.intern(t.key)))] : [];
    const entry: SourceEntry = { path: parsed.path, ...(parsed.title ? { title: parsed.title } : {}), titleTerms, passageIds: [] };
    for (const t of titleTerms) this.titleSources[t]!.push(sourceIndex);
    for (const p of parsed.passages) {
      const terms = tokenize(p.text).filter((t) => !t.stop).map((t) => this.intern(t.key));
      const s = lines.at(p.start);
      const e = lines.at(p.end);
      this.insert({
        id: this.passages.length, source: parsed.path, start: p.start, end: p.end, line: s.line, column: s.column,
        endLine: e.line, endColumn: e.column, text: p.text, chrome: p.chrome, terms: Int32Array.from(terms), sourceIndex,
      }, entry);
    }
    this.sources.push(entry);
    this.sourceByPath.set(parsed.path, sourceIndex);
    this.generation++;
  }

  /** Per term, the last passage id (+1) that listed it: dedupes a passage's terms without a Set per passage. */
  private termStamp = new Int32Array(0);

  /**
   * Loads the passages of a saved index into an empty index in two passes (count, then fill one
   * buffer): the postings are built sealed, without growing an array per term (the reload floor).
   * Each passage's entry must already list its id.
   */
  load(passages: StoredPassage[]): void {
    if (this.passages.length || this.live) throw new Error('PassageIndex.load: the index is not empty');
    const terms = this.termKeys.length;
    const count = new Int32Array(terms + 1);
    const stamp = new Int32Array(terms);
    for (const p of passages) {
      const mark = p.id + 1;
      for (const t of p.terms) {
        if (stamp[t] === mark) continue;
        stamp[t] = mark;
        count[t]!++;
      }
    }
    const start = new Int32Array(terms + 1);
    for (let t = 0; t < terms; t++) start[t + 1] = start[t]! + count[t]!;
    const all = new Int32Array(start[terms]!);
    const fill = start.slice(0, terms);
    stamp.fill(0);
    for (const p of passages) {
      this.passages[p.id] = p;
      const mark = p.id + 1;
      for (const t of p.terms) {
        if (stamp[t] === mark) continue;
        stamp[t] = mark;
        all[fill[t]!++] = p.id;
      }
      this.totalLength += p.terms.length;
    }
    for (let t = 0; t < terms; t++) {
      this.postings[t] = all.subarray(start[t]!, start[t + 1]!);
      this.df[t] = count[t]!;
    }
    this.live = passages.length;
  }

  /** Inserts one passage (a source added or changed). */
  insert(p: StoredPassage, entry: SourceEntry): void {
    this.passages[p.id] = p;
    entry.passageIds.push(p.id);
    if (this.termStamp.length < this.termKeys.length) {
      const grown = new Int32Array(Math.max(1024, this.termKeys.length * 2));
      grown.set(this.termStamp);
      this.termStamp = grown;
    }
    const stamp = p.id + 1;
    for (const t of p.terms) {
      if (this.termStamp[t] === stamp) continue;
      this.termStamp[t] = stamp;
      let list = this.postings[t]!;
      if (list instanceof Int32Array) this.postings[t] = list = Array.from(list);
      list.push(p.id);
      this.unsealed.add(t);
      this.df[t]!++;
    }
    this.live++;
    this.totalLength += p.terms.length;
  }

  private sortedTerms: string[] = [];
  private sortedFor = -1;

  /** The most frequent indexed terms that start with `prefix` (a half-typed word), for as-you-type search. */
  completions(prefix: string, limit = 5): string[] {
    if (prefix.length < 3) return [];
    if (this.sortedFor !== this.termKeys.length) {
      this.sortedTerms = this.termKeys.slice().sort();
      this.sortedFor = this.termKeys.length;
    }
    const terms = this.sortedTerms;
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: { key: string; df: number }[] = [];
    for (let i = lo; i < terms.length && terms[i]!.startsWith(prefix) && out.length < 200; i++) {
      const df = this.documentFrequency(terms[i]!);
      if (df > 0) out.push({ key: terms[i]!, df });
    }
    return out.sort((a, b) => b.df - a.df).slice(0, limit).map((x) => x.key);
  }

  /** Registers a source restored from a saved index (its passages follow through insert). */
  restoreSource(entry: SourceEntry): number {
    const index = this.sources.length;
    this.sources.push(entry);
    this.sourceByPath.set(entry.path, index);
    for (const t of entry.titleTerms) this.titleSources[t]!.push(index);
    return index;
  }

  internAll(keys: string[]): number[] {
    return keys.map((k) => this.intern(k));
  }

  removeSource(path: string): boolean {
    const index = this.sourceByPath.get(path);
    if (index === undefined) return false;
    const entry = this.sources[index]!;
    for (const id of entry.passageIds) {
      const p = this.passages[id]!;
      const seen = new Set<number>();
      for (const t of p.terms) {
        if (seen.has(t)) continue;
        seen.add(t);
        this.df[t]!--;
      }
      this.totalLength -= p.terms.length;
      this.passages[id] = undefined;
      this.live--;
      this.dead++;
    }
    for (const t of entry.titleTerms) this.titleSources[t] = this.titleSources[t]!.filter((s) => s !== index);
    this.sources[index] = undefined;
    this.sourceByPath.delete(path);
    if (this.dead > 1000 && this.dead > this.live) this.compactPostings();
    this.generation++;
    return true;
  }

  /** Drops tombstoned ids from the postings (ids stay stable). */
  private compactPostings(): void {
    for (let t = 0; t < this.postings.length; t++) {
      this.postings[t] = this.postings[t]!.filter((id: number) => this.passages[id] !== undefined);
      this.unsealed.add(t);
    }
    this.dead = 0;
  }

  /**
   * Per-passage slots for the scoring loop, SLOT floats each: the score being summed, the BM25 length
   * norm (-1 for a tombstone), the source index and whether the passage is page chrome (as ints). One slot shares a cache line, so a
   * posting costs one memory access rather than three (plain objects are slower still).
   */
  private slots = new Float32Array(0);
  private slotInts = new Int32Array(0);
  private normFor = -1;
  /** Distinct sources of a term's passages, computed on first use (per index generation). */
  private termSources = new Map<number, Int32Array>();
  private sourceScores = new Float32Array(0);

  /** BM25 length normalisation per passage, rebuilt when the index changed; postings sealed. */
  private prepare(): void {
    for (const t of this.unsealed) {
      const list = this.postings[t]!;
      if (!(list instanceof Int32Array)) this.postings[t] = Int32Array.from(list);
    }
    this.unsealed.clear();
    if (this.normFor === this.generation && this.slots.length >= this.passages.length * SLOT) return;
    const n = this.passages.length;
    this.slots = new Float32Array(n * SLOT);
    this.slotInts = new Int32Array(this.slots.buffer);
    this.touched = new Int32Array(n);
    this.found = new Uint32Array((n + 31) >>> 5);
    const avg = this.totalLength / Math.max(1, this.live) || 1;
    for (let id = 0; id < n; id++) {
      const p = this.passages[id];
      if (!p) {
        this.slots[id * SLOT + NORM] = -1; // tombstone
        continue;
      }
      this.slots[id * SLOT + NORM] = K1 * (1 - B + (B * p.terms.length) / avg);
      this.slotInts[id * SLOT + SOURCE] = p.sourceIndex;
      this.slotInts[id * SLOT + CHROME] = p.chrome ? 1 : 0;
    }
    this.termSources.clear();
    this.normFor = this.generation;
  }

  /**
   * BM25 over the query terms (each with its own weight), plus a bonus for passages whose source title
   * contains query terms and for sources that say much of the query. Returns the `limit` best
   * passages, best first. Terms go rarest first; once rare terms have chosen the candidates, common
   * terms only add to candidates already found, and weak expansions of common words are skipped, so a
   * query costs thousands of postings rather than the corpus. Page chrome is left out unless
   * `includeChrome`.
   */
  search(query: QueryTerm[], limit: number, options: { includeChrome?: boolean } = {}): Scored[] {
    if (!this.live) return [];
    this.prepare();
    const { slots, touched, found } = this;
    let touchedCount = 0;
    const terms: { id: number; weight: number }[] = [];
    for (const q of query) {
      const id = this.termIds.get(q.key);
      if (id !== undefined && this.df[id]! > 0) terms.push({ id, weight: q.weight });
    }
    terms.sort((a, b) => this.df[a.id]! - this.df[b.id]!);
    const common = Math.max(COMMON_MIN_DF, this.live * COMMON_DF);
    if (this.sourceScores.length < this.sources.length) this.sourceScores = new Float32Array(this.sources.length * 2);
    const sourceScores = this.sourceScores;
    const scoredSources: number[] = [];
    let rareSeen = 0;
    for (const q of terms) {
      const df = this.df[q.id]!;
      if (q.weight <= SYNONYM_WEIGHT_MAX && df > Math.max(EXPANSION_MIN_DF, this.live * EXPANSION_DF) && rareSeen > 0) continue;
      const idf = Math.log(1 + (this.live - df + 0.5) / (df + 0.5)) * q.weight;
      const postings = this.postings[q.id] as Int32Array; // sealed by prepare()
      if (df > common && rareSeen >= 2) {
        // Filter mode: the candidates are chosen; this term only adds to them. Few candidates are
        // looked up in the (sorted) postings; many are marked by a pass over the postings.
        if (touchedCount * 16 < postings.length) scoreListed(postings, idf * (K1 + 1), slots, touched, touchedCount);
        else scoreFound(postings, idf * (K1 + 1), slots, found);
        continue;
      }
      // Only the query's own words choose the candidates: a rare synonym, guessed correction or
      // completion that the passage lacks must not shut out a passage with the query's common words.
      if (df <= common && q.weight >= CHOOSING_WEIGHT) rareSeen++;
      touchedCount = scoreAll(postings, idf * (K1 + 1), slots, touched, touchedCount, found);
      const termSources = this.termSources.get(q.id) ?? this.cacheSources(q.id, postings);
      for (let k = 0; k < termSources.length; k++) {
        const src = termSources[k]!;
        if (sourceScores[src] === 0) scoredSources.push(src);
        sourceScores[src] += idf;
      }
    }
    // Source titles: a passage from an article named after the claim's subject is more likely on topic.
    // Title and source-level evidence are folded into one bonus per source.
    if (this.sourceBonus.length < this.sourceScores.length) this.sourceBonus = new Float64Array(this.sourceScores.length);
    const bonus = this.sourceBonus;
    for (const src of scoredSources) bonus[src] = SOURCE_WEIGHT * sourceScores[src]!;
    const titled: number[] = [];
    for (const q of terms) {
      const ss = this.titleSources[q.id]!;
      if (!ss.length || ss.length > this.sourceByPath.size * 0.2) continue;
      const idf = Math.log(1 + (this.sourceByPath.size - ss.length + 0.5) / (ss.length + 0.5)) * q.weight * TITLE_WEIGHT;
      for (const s of ss) {
        titled.push(s);
        bonus[s] += idf;
      }
    }
    const heap = new TopK(limit);
    const slotInts = this.slotInts;
    // Page chrome (menus, tickers) is read from the slot: the passage objects are scattered in memory.
    const skipChrome = options.includeChrome !== true;
    for (let k = 0; k < touchedCount; k++) {
      const id = touched[k]!;
      const o = id * SLOT;
      const score = slots[o]! + bonus[slotInts[o + SOURCE]!]!;
      slots[o] = 0;
      found[id >>> 5] = 0;
      if (score > heap.floor() && !(skipChrome && slotInts[o + CHROME] === 1)) heap.push(id, score);
    }
    for (const src of scoredSources) sourceScores[src] = bonus[src] = 0;
    for (const src of titled) bonus[src] = 0;
    return heap.sorted();
  }

  /** Candidate passages of the current search (the first touchedCount entries). */
  private touched = new Int32Array(0);
  /**
   * The same candidates as a bitset (28 KB for 224k passages): a common term's postings are tested
   * against it, which stays in the CPU cache, rather than against the 16-byte slots, which do not.
   */
  private found = new Uint32Array(0);
  private sourceMark = new Int32Array(0);
  private sourceBonus = new Float64Array(0);
  private sourceMarkRound = 0;

  /** The distinct sources of a term's passages, computed on first use (per index generation). */
  private cacheSources(term: number, postings: Int32Array): Int32Array {
    if (this.sourceMark.length < this.sources.length) this.sourceMark = new Int32Array(this.sources.length * 2);
    const round = ++this.sourceMarkRound;
    const list = distinctSources(postings, this.slots, this.slotInts, this.sourceMark, round);
    if (this.termSources.size > 200_000) this.termSources.clear();
    this.termSources.set(term, list);
    return list;
  }
}

// The scoring kernels are small monomorphic functions over typed arrays: folded into search(), the
// loops kept deoptimising (mixed array kinds, float/int feedback) and ran in the interpreter.

/** Adds one term's BM25 weight to every live passage in its postings; returns the new candidate count. */
function scoreAll(postings: Int32Array, w: number, slots: Float32Array, touched: Int32Array, count: number, found: Uint32Array): number {
  let n = count;
  for (let k = 0; k < postings.length; k++) {
    const id = postings[k]!;
    const o = id * SLOT;
    const nm = slots[o + NORM]!;
    if (nm < 0) continue;
    if (slots[o] === 0) {
      touched[n++] = id;
      found[id >>> 5]! |= 1 << (id & 31);
    }
    slots[o] += w / (1 + nm);
  }
  return n;
}

/** Adds one common term's weight only to the candidates already found. */
function scoreListed(postings: Int32Array, w: number, slots: Float32Array, touched: Int32Array, count: number): void {
  for (let k = 0; k < count; k++) {
    const id = touched[k]!;
    if (binaryHas(postings, id)) slots[id * SLOT] += w / (1 + slots[id * SLOT + NORM]!);
  }
}

/** Adds one common term's weight to the candidates among its postings (`found` marks candidates). */
function scoreFound(postings: Int32Array, w: number, slots: Float32Array, found: Uint32Array): void {
  for (let k = 0; k < postings.length; k++) {
    const id = postings[k]!;
    if ((found[id >>> 5]! & (1 << (id & 31))) !== 0) slots[id * SLOT] += w / (1 + slots[id * SLOT + NORM]!);
  }
}

/** The distinct sources of the live passages in a postings list (`mark` stamps sources seen this round). */
function distinctSources(postings: Int32Array, slots: Float32Array, slotInts: Int32Array, mark: Int32Array, round: number): Int32Array {
  const out: number[] = [];
  for (let k = 0; k < postings.length; k++) {
    const o = postings[k]! * SLOT;
    if (slots[o + NORM]! < 0) continue;
    const src = slotInts[o + SOURCE]!;
    if (mark[src] !== round) {
      mark[src] = round;
      out.push(src);
    }
  }
  return Int32Array.from(out);
}

/** Whether a sorted array holds `x`. */
function binaryHas(a: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = a[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** A fixed-size min-heap keeping the k highest scores (typed arrays: one shape whatever the scores). */
export class TopK {
  private readonly ids: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;
  constructor(private readonly k: number) {
    this.ids = new Int32Array(Math.max(0, k));
    this.scores = new Float64Array(Math.max(0, k));
  }

  push(id: number, score: number): void {
    if (this.size < this.k) {
      this.ids[this.size] = id;
      this.scores[this.size] = score;
      this.up(this.size++);
    } else if (this.k > 0 && score > this.scores[0]!) {
      this.ids[0] = id;
      this.scores[0] = score;
      this.down(0);
    }
  }

  /** The score a new entry must beat to get in. */
  floor(): number {
    return this.size < this.k ? -Infinity : this.k > 0 ? this.scores[0]! : Infinity;
  }

  sorted(): Scored[] {
    const out: Scored[] = [];
    for (let i = 0; i < this.size; i++) out.push({ id: this.ids[i]!, score: this.scores[i]! });
    return out.sort((a, b) => b.score - a.score || a.id - b.id);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.scores[parent]! <= this.scores[i]!) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.scores[l]! < this.scores[m]!) m = l;
      if (r < this.size && this.scores[r]! < this.scores[m]!) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    const id = this.ids[a]!;
    this.ids[a] = this.ids[b]!;
    this.ids[b] = id;
    const sc = this.scores[a]!;
    this.scores[a] = this.scores[b]!;
    this.scores[b] = sc;
  }
}

/** A passage's content-word keys read from its term ids in place: no set is built per passage. */
export class PassageKeys {
  constructor(private readonly index: PassageIndex, private readonly terms: Int32Array) {}

  has(key: string): boolean {
    const id = this.index.termId(key);
    return id !== undefined && this.hasTerm(id);
  }

  hasTerm(id: number): boolean {
    return this.terms.includes(id);
  }

  *[Symbol.iterator](): Iterator<string> {
    for (const t of this.terms) yield this.index.termKeys[t]!;
  }
}
