/**
 * The Groundwork engine: indexes sources one file at a time and judges the claims of a draft
 * against them. Pure TypeScript with no editor or file-system dependency: the VS Code extension and
 * the CLI both drive this class.
 *
 * @example
 * const engine = new Engine();
 * engine.addSource('sources/report.txt', 'Revenue rose 8% in 2023.');
 * engine.check('Revenue rose 12% in 2023.').claims[0].verdict; // 'contradicted'
 */
import Fuse from 'fuse.js';
import type { CheckResult, ClaimResult, DraftCitation, DraftLanguage, Evidence, Passage, SearchOptions, SourceProblem } from './types';
import { documentFormatOf, extractSync, locationLabel, type Extracted, type SourceMetadata } from './formats';
import { PassageIndex, PassageKeys, type SourceEntry, type StoredPassage } from './search/PassageIndex';
import { TypoIndex } from './search/typos';
import { parseDraft, reparseDraft, type ParsedDraft } from './draft/claims';
import { analyze, type TextView } from './verify/analyze';
import { aligner, claimQuery, judge, type JudgeContext, type Judged } from './verify/judge';
import { basename } from './text/paths';
import { collapse } from './sources/parse';

/** Bump when indexing or judging changes, so that saved indexes and caches are rebuilt. */
export const ENGINE_VERSION = '5';

const VIEW_CACHE = 20_000;
/** fuse.js scores this many of the best candidates (it costs a few ms for ten, tens of ms for fifty). */
const FUZZY_CANDIDATES = 10;
/** Search re-ranks this many BM25 candidates by alignment with the query. */
const RERANK_CANDIDATES = 25;
const FUSE_OPTIONS = { keys: ['text'], includeScore: true, includeMatches: true, ignoreLocation: true, threshold: 1, minMatchCharLength: 3, shouldSort: false };
/** Generic sentences the warm-up judges: each exercises a different part of judging. */
const WARM_UP_SENTENCES = [
  'The company said on March 3, 2021 that its revenue rose 12% to $4.5 million.',
  'Dr Jane Smith, the chief executive, resigned after three years in the job.',
  '“We will not stop now,” the minister told reporters in London on Tuesday.',
  'Thousands of people gathered in the square to watch the king arrive.',
  'She could not help thinking that the house was larger than it had seemed.',
  'Scientists found that the water level rose by 20 centimetres between 1990 and 2010.',
  'The report was not published until the following year.',
  'He wrote the program in two weeks and sold it for 300 dollars.',
];
const WARM_UP_ROUNDS = 3;
/**
 * Source sentences the warm-up checks as a draft after the generic ones: they bring the first real
 * check close to a repeated one (with 60 it paid a third more, much of it compiling on the side). A
 * thousand rather than 300: the first check after it then compiles less beside itself (CPU 490-610 ms
 * against 620-780 ms for the bench draft on Node 24, three runs each), which on two cores shared with
 * the editor's renderer is wall clock; the warm-up's own work grows from about 1.5 s to 2.6 s.
 */
const WARM_UP_SAMPLES = 1000;
/** Of those, the ones also judged one by one, each with a figure changed too. */
const WARM_UP_JUDGED = 60;
/** The document key of the warm-up's own draft (no real document has it). */
const WARM_UP_KEY = '\0groundwork-warm-up';
const VERDICT_CACHE = 50_000;

export class Engine {
  private index = new PassageIndex();
  private typos = new TypoIndex(this.index.termKeys, (k) => this.index.documentFrequency(k));
  private readonly sourceProblems = new Map<string, SourceProblem>();
  /** What each source says about itself (front matter, meta tags, PDF/DOCX properties). */
  private readonly metadata = new Map<string, SourceMetadata>();
  private readonly views = new Map<number, TextView>();
  /** Each source's title keys (a view's context), shared by the views of its passages. */
  private readonly titleKeys = new Map<number, Set<string>>();
  private readonly verdicts = new Map<string, Judged>();
  private readonly builtClaims = new Map<string, ClaimResult>();
  private readonly lastDraft = new Map<string, { text: string; language: DraftLanguage; parsed: ParsedDraft }>();
  private cacheGeneration = -1;
  private fuseSources: Fuse<{ path: string; title: string }> | undefined;
  /** Sentences judged from scratch so far (cache misses): what an edit really cost. */
  judgedCount = 0;
  /** Set while the warm-up's own draft is judged (it is not the writer's). */
  private warmingUp = false;

  /**
   * Adds or replaces one text, Markdown or HTML source file; returns the problem when the file cannot
   * be used. PDF and DOCX files go through `extractDocument` (asynchronous) and `addExtracted`.
   */
  addSource(path: string, content: string | Uint8Array): SourceProblem | undefined {
    return this.addExtracted(path, extractSync(path, content));
  }

  /** Adds or replaces a source already reduced by `extractDocument` (or reports its problem). */
  addExtracted(path: string, extracted: Extracted | SourceProblem): SourceProblem | undefined {
    if ('message' in extracted) {
      const problem = { source: path, message: extracted.message };
      this.index.removeSource(path);
      this.metadata.delete(path);
      this.sourceProblems.set(path, problem);
      this.changed();
      return problem;
    }
    this.sourceProblems.delete(path);
    const { text, title, passages } = extracted;
    this.index.addSource({ path, text, ...(title ? { title } : {}), passages });
    // PDF and DOCX passages are located by page and line or by paragraph, not by offsets into a file.
    if (passages.some((p) => p.line !== undefined)) {
      const ids = this.index.sources[this.index.sourceIndexOf(path)!]!.passageIds;
      ids.forEach((id, i) => {
        const from = passages[i]!;
        const to = this.index.passages[id]!;
        if (from.line !== undefined) {
          to.line = from.line;
          to.column = from.column ?? 1;
          to.endLine = from.endLine ?? from.line;
          to.endColumn = from.endColumn ?? to.column;
        }
        if (from.page !== undefined) to.page = from.page;
      });
    }
    if (Object.keys(extracted.metadata).length) this.metadata.set(path, extracted.metadata);
    else this.metadata.delete(path);
    this.changed();
    return undefined;
  }

  removeSource(path: string): boolean {
    this.metadata.delete(path);
    const had = this.index.removeSource(path) || this.sourceProblems.delete(path);
    this.changed();
    return had;
  }

  /**
   * Prepares the lazily built parts (synonym table, spelling index) so the first hover or keystroke
   * after indexing is as fast as the others. Optional; editors call it after a (re)build.
   */
  warmUp(): void {
    for (const _ of this.warmUpSteps()) {
      // run every step now
    }
  }

  /**
   * The warm-up in small steps (each a few milliseconds), for callers that must not block: builds the
   * lazy tables, then judges generic sentences of every kind (figures, dates, names, quotations,
   * negation), sentences of the sources, and drafts of source sentences, so that the JIT has compiled
   * the judging code before the first real draft is checked. Nothing of it stays in the verdict cache.
   * Returns false when it gave way to a real check before the end.
   */
  *warmUpSteps(): Generator<void, boolean, void> {
    this.typos.warmUp();
    yield;
    this.search('warm up');
    yield;
    this.syncCaches();
    // A real check compiles the same code: the warm-up gives way once one has judged a sentence.
    const judged = this.judgedCount;
    const superseded = () => this.judgedCount !== judged;
    for (let round = 0; round < WARM_UP_ROUNDS; round++) {
      for (const sentence of WARM_UP_SENTENCES) {
        judge(sentence, this.context());
        yield;
        if (superseded()) return false;
      }
    }
    // Then sentences of the sources themselves, spread over the index, some with a figure changed:
    // generic sentences leave paths of the judging code without type feedback (merged passages, long
    // postings, conflicts), and the first real draft would pay for the deoptimisations.
    const samples = this.sampleSentences(WARM_UP_SAMPLES);
    const changed = (text: string) => text.replace(/\d+/, (n) => String(Number(n) + 1));
    for (const text of samples.slice(0, WARM_UP_JUDGED)) {
      const other = changed(text);
      for (const sentence of other === text ? [text] : [text, other]) {
        judge(sentence, this.context());
        yield;
        if (superseded()) return false;
      }
    }
    // Then drafts through check() itself (parsing, claims, evidence), then forgotten: the samples,
    // figures changed, as Markdown; a small one as LaTeX. Their sentences are not counted as judged
    // (judgedCount counts the writer's).
    const drafts = [
      { language: 'markdown' as const, draft: [...WARM_UP_SENTENCES, ...samples.map(changed)].join('\n\n') },
      { language: 'latex' as const, draft: [...WARM_UP_SENTENCES, ...samples.slice(0, 8)].join('\n\n') },
    ];
    for (const { language, draft } of drafts) {
      const steps = this.checkSteps(draft, language, WARM_UP_KEY);
      try {
        for (;;) {
          this.warmingUp = true;
          let done: boolean | undefined;
          try {
            done = steps.next().done;
          } finally {
            this.warmingUp = false;
          }
          if (done) break;
          yield;
          if (superseded()) return false;
        }
      } finally {
        for (const sentence of this.lastDraft.get(WARM_UP_KEY)?.parsed.sentences ?? []) this.verdicts.delete(sentence.claimText);
        this.lastDraft.delete(WARM_UP_KEY);
      }
    }
    // The views of the sampled passages are no use to the writer's drafts: they would only make the
    // heap (and the next full garbage collection, maybe while a draft opens) bigger.
    this.views.clear();
    return true;
  }

  /** Up to n prose passages of 6-30 content words, taken at even steps through the index. */
  private sampleSentences(n: number): string[] {
    const out: string[] = [];
    const passages = this.index.passages;
    const step = Math.max(1, Math.floor(passages.length / (n * 2 + 1)));
    for (let id = step >> 1; id < passages.length && out.length < n; id += step) {
      const p = passages[id];
      if (p && !p.chrome && p.terms.length >= 6 && p.terms.length <= 30) out.push(p.text);
    }
    return out;
  }

  /** Records a source that could not even be read (I/O error), so it is reported like the others. */
  reportProblem(problem: SourceProblem): void {
    this.sourceProblems.set(problem.source, problem);
  }

  problems(): SourceProblem[] {
    return [...this.sourceProblems.values()];
  }

  sourceList(): { path: string; passages: number; title?: string; metadata?: SourceMetadata }[] {
    return this.index.sources
      .filter((s): s is SourceEntry => s !== undefined)
      .map((s) => {
        const metadata = this.metadata.get(s.path);
        return { path: s.path, passages: s.passageIds.length, ...(s.title ? { title: s.title } : {}), ...(metadata ? { metadata } : {}) };
      });
  }

  /** What a source says about itself (title, author, date, URL), if anything. */
  metadataOf(path: string): SourceMetadata | undefined {
    return this.metadata.get(path);
  }

  get stats(): { sources: number; passages: number } {
    return { sources: this.index.sourceCount, passages: this.index.passageCount };
  }

  passage(id: number): Passage | undefined {
    const p = this.index.passages[id];
    return p ? publicPassage(p) : undefined;
  }

  /** The passages of one source, in file order (for citation hovers and "open at line"). */
  passagesOf(path: string): Passage[] {
    const i = this.index.sourceIndexOf(path);
    if (i === undefined) return [];
    return this.index.sources[i]!.passageIds.map((id) => publicPassage(this.index.passages[id]!));
  }

  /** Ids of all live passages, in index order. */
  passageIds(): number[] {
    const out: number[] = [];
    this.index.passages.forEach((p, i) => p && out.push(i));
    return out;
  }

  /**
   * Judges every claim of a draft. Verdicts are cached by sentence text, so re-checking a draft after
   * an edit costs only the sentences that changed (the cache is dropped when the sources change).
   * `docKey` names the document, so that re-checking the same text reuses its parse.
   */
  check(text: string, language: DraftLanguage = 'markdown', docKey?: string): CheckResult {
    const steps = this.checkSteps(text, language, docKey);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /**
   * check() in steps, one judged sentence each, for callers that must not block (the editor): the
   * result is the generator's return value. Sentences already judged cost no step. If the sources
   * change between steps, the result is still for the sources as they are when it is returned.
   */
  *checkSteps(text: string, language: DraftLanguage = 'markdown', docKey?: string): Generator<void, CheckResult, void> {
    this.syncCaches();
    const draft = this.parsed(text, language, docKey);
    for (const s of draft.sentences) {
      this.syncCaches();
      if (s.skip || this.verdicts.has(s.claimText)) continue;
      this.judgeCached(s.claimText);
      yield;
    }
    this.syncCaches();
    const claims: ClaimResult[] = [];
    for (const s of draft.sentences) {
      if (s.skip) continue;
      claims.push(this.claimAt(s.claimText, s.start, s.end, s.text, s.citations));
    }
    return { claims, citations: draft.citations };
  }

  /**
   * The claims of a draft that overlap [start, end] (offsets), judging only those, and all its
   * citations: what a hover or a quick fix needs before the whole draft has been checked.
   */
  checkRange(text: string, language: DraftLanguage, start: number, end: number, docKey?: string): CheckResult {
    this.syncCaches();
    const draft = this.parsed(text, language, docKey);
    const claims: ClaimResult[] = [];
    for (const s of draft.sentences) {
      if (s.skip || s.end < start || s.start > end) continue;
      claims.push(this.claimAt(s.claimText, s.start, s.end, s.text, s.citations));
    }
    return { claims, citations: draft.citations };
  }

  /** The draft's parse; the same text again reuses it, an edit inside one paragraph re-parses that paragraph. */
  private parsed(text: string, language: DraftLanguage, docKey = ''): ParsedDraft {
    const last = this.lastDraft.get(docKey);
    const draft = last && last.language === language
      ? last.text === text ? last.parsed : reparseDraft(last.text, last.parsed, text, language) ?? parseDraft(text, language)
      : parseDraft(text, language);
    this.lastDraft.set(docKey, { text, language, parsed: draft });
    if (this.lastDraft.size > 50) this.lastDraft.delete(this.lastDraft.keys().next().value!);
    return draft;
  }

  /** One claim's result, built once per judged sentence and re-based to where the sentence now is. */
  private claimAt(claimText: string, start: number, end: number, text: string, citations: DraftCitation[]): ClaimResult {
    let base = this.builtClaims.get(claimText);
    if (!base) {
      const judged = this.judgeCached(claimText);
      base = {
        start: 0,
        end: text.length,
        text: collapse(text),
        verdict: judged.verdict,
        message: judged.message,
        evidence: this.evidenceOf(judged, 5),
        fixes: judged.fixes,
        citations: [],
      };
      if (this.builtClaims.size >= VERDICT_CACHE) this.builtClaims.clear();
      this.builtClaims.set(claimText, base);
    }
    return {
      ...base,
      start,
      end,
      text: base.end === end - start ? base.text : collapse(text),
      // Shared, read-only evidence; fixes re-based to the sentence's place in the draft.
      fixes: base.fixes.length ? base.fixes.map((f) => ({ ...f, start: f.start + start, end: f.end + start })) : [],
      citations,
    };
  }

  /** Best passages backing one sentence (hover, panel), best first. */
  evidenceFor(sentence: string, limit = 5): Evidence[] {
    this.syncCaches();
    return this.evidenceOf(this.judgeCached(sentence), limit);
  }

  /**
   * Evidence as passages, best first. The passage that decided the verdict leads the list, so scores
   * are made non-increasing by lifting an earlier entry to the score of the one after it.
   */
  private evidenceOf(judged: Judged, limit: number): Evidence[] {
    const out = judged.evidence.flatMap((e) => e.ids.map((id) => ({ ...publicPassage(this.index.passages[id]!), score: e.score }))).slice(0, limit);
    for (let i = out.length - 2; i >= 0; i--) if (out[i]!.score < out[i + 1]!.score) out[i]!.score = out[i + 1]!.score;
    return out;
  }

  /**
   * Quote search as the writer types: a BM25 candidate stage over the inverted index, then fuzzy
   * re-ranking of the best 50 with fuse.js (typos, partial words) and match ranges for highlighting.
   */
  search(query: string, options: SearchOptions = {}): Evidence[] {
    const limit = options.limit ?? 10;
    const q = query.trim().slice(0, 500);
    if (!q) return [];
    const view = analyze(q);
    const terms = claimQuery(view, this.context(), 0.2);
    // A half-typed last word: also try the vocabulary's completions of it.
    const last = view.tokens[view.tokens.length - 1];
    if (last && !last.stop && !last.number && last.end === q.length && /[\p{L}]$/u.test(query)) {
      for (const c of this.index.completions(last.norm)) if (!terms.some((t) => t.key === c)) terms.push({ key: c, weight: 0.7 });
    }
    const hits = this.index.search(terms.length ? terms : [{ key: q.toLowerCase(), weight: 1 }], 40, { includeChrome: options.includeChrome === true });
    if (!hits.length) return [];
    // Re-rank: how much of the query each candidate says (stems, synonyms, spelling), then fuse.js's
    // character-level fuzzy score on the few best, which also gives the ranges to highlight.
    const ctx = this.context();
    const top = hits[0]!.score;
    const alignTo = aligner(this.index);
    const ranked = hits
      .slice(0, RERANK_CANDIDATES)
      .map((h) => ({ h, score: 0.5 * (h.score / top) + 0.5 * alignTo(view, ctx.view(h.id)).coverage }))
      .sort((a, b) => b.score - a.score)
      .slice(0, Math.max(limit, FUZZY_CANDIDATES));
    const fuse = new Fuse(ranked.map((r) => this.index.passages[r.h.id]!), FUSE_OPTIONS);
    const fuzzy = new Map<number, { score: number; ranges: [number, number][] }>();
    for (const r of fuse.search(q.length > 64 ? q.slice(-64) : q)) {
      const ranges = (r.matches?.[0]?.indices ?? []).filter(([s, e]) => e - s >= 2).map(([s, e]) => [s, e + 1] as [number, number]);
      fuzzy.set(r.item.id, { score: 1 - (r.score ?? 1), ranges });
    }
    return ranked
      .map((r) => {
        const f = fuzzy.get(r.h.id);
        return { h: r.h, score: 0.75 * r.score + 0.25 * (f?.score ?? 0), ranges: f?.ranges ?? [] };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ h, score, ranges }) => ({ ...publicPassage(this.index.passages[h.id]!), score: Math.round(score * 1000) / 1000, highlights: ranges }));
  }

  /** Sources whose path or title matches `query` (fuzzy), for pickers and citation keys. */
  findSources(query: string, limit = 10): { path: string; title?: string }[] {
    this.fuseSources ??= new Fuse(this.sourceList().map((s) => ({ path: s.path, title: s.title ?? '' })), { keys: ['path', 'title'], ignoreLocation: true, threshold: 0.4 });
    return this.fuseSources.search(query, { limit }).map((r) => ({ path: r.item.path, ...(r.item.title ? { title: r.item.title } : {}) }));
  }

  /** The index as plain data, to save and reload without re-reading the sources. */
  toJSON(): SavedIndex {
    const sources = this.index.sources
      .filter((s): s is SourceEntry => s !== undefined)
      .map((s) => ({
        path: s.path,
        title: s.title ?? null,
        ...(this.metadata.has(s.path) ? { metadata: this.metadata.get(s.path) } : {}),
        passages: s.passageIds.map((id) => {
          const p = this.index.passages[id]!;
          const saved: SavedPassage = [p.start, p.end, p.line, p.column, p.endLine, p.endColumn, p.chrome ? 1 : 0, p.text, Array.from(p.terms)];
          if (p.page !== undefined) saved.push(p.page);
          return saved;
        }),
      }));
    return { format: 'groundwork-index', version: ENGINE_VERSION, terms: this.index.termKeys.slice(), sources, problems: this.problems() };
  }

  static fromJSON(data: unknown): Engine {
    const saved = data as SavedIndex;
    if (!saved || saved.format !== 'groundwork-index') throw new Error('Groundwork: not a saved index');
    if (saved.version !== ENGINE_VERSION) throw new Error(`Groundwork: saved index is version ${saved.version}, engine is ${ENGINE_VERSION}`);
    const engine = new Engine();
    const index = engine.index;
    index.internAll(saved.terms);
    let id = 0;
    const passages: StoredPassage[] = [];
    for (const s of saved.sources) {
      const titleTerms = s.title ? index.internAll(analyze(s.title).words.map((w) => w.key)) : [];
      const entry: SourceEntry = { path: s.path, ...(s.title ? { title: s.title } : {}), titleTerms: [...new Set(titleTerms)], passageIds: [] };
      const sourceIndex = index.restoreSource(entry);
      if (s.metadata) engine.metadata.set(s.path, s.metadata);
      for (const [start, end, line, column, endLine, endColumn, chrome, text, terms, page] of s.passages) {
        const p: StoredPassage = { id: id++, source: s.path, start, end, line, column, endLine, endColumn, chrome: chrome === 1, text, terms: new Int32Array(terms), sourceIndex };
        if (page !== undefined) p.page = page;
        entry.passageIds.push(p.id);
        passages.push(p);
      }
    }
    index.load(passages);
    for (const p of saved.problems ?? []) engine.sourceProblems.set(p.source, p);
    index.generation++;
    return engine;
  }

  private changed(): void {
    this.fuseSources = undefined;
  }

  private syncCaches(): void {
    if (this.cacheGeneration !== this.index.generation) {
      this.views.clear();
      this.titleKeys.clear();
      this.verdicts.clear();
      this.builtClaims.clear();
      this.cacheGeneration = this.index.generation;
    }
  }

  private judgeCached(claimText: string): Judged {
    let j = this.verdicts.get(claimText);
    if (!j) {
      if (!this.warmingUp) this.judgedCount++;
      j = judge(claimText, this.context());
      if (this.verdicts.size >= VERDICT_CACHE) this.verdicts.clear();
      this.verdicts.set(claimText, j);
    }
    return j;
  }

  private titleKeysOf(sourceIndex: number): Set<string> | undefined {
    let keys = this.titleKeys.get(sourceIndex);
    if (!keys) {
      const title = this.index.sources[sourceIndex]?.titleTerms;
      if (!title?.length) return undefined;
      this.titleKeys.set(sourceIndex, (keys = new Set(title.map((t) => this.index.termKeys[t]!))));
    }
    return keys;
  }

  private context(): JudgeContext {
    return {
      index: this.index,
      typos: this.typos,
      view: (id) => {
        let v = this.views.get(id);
        if (!v) {
          const p = this.index.passages[id]!;
          v = analyze(p.text, new PassageKeys(this.index, p.terms));
          const context = this.titleKeysOf(p.sourceIndex);
          if (context) v.context = context;
          if (this.views.size >= VIEW_CACHE) this.views.clear();
          this.views.set(id, v);
        }
        return v;
      },
      // "report.pdf, p. 12" and "memo.docx, ¶ 4" where a line number would mean nothing.
      label: (p) => (p.page !== undefined || documentFormatOf(p.source) === 'docx' ? `${basename(p.source)}, ${locationLabel(p)}` : `${basename(p.source)}:${p.line}`),
    };
  }
}

/** start, end, line, column, endLine, endColumn, chrome, text, terms[, page]. */
type SavedPassage = [number, number, number, number, number, number, 0 | 1, string, number[], number?];

export interface SavedIndex {
  format: 'groundwork-index';
  version: string;
  terms: string[];
  sources: { path: string; title: string | null; metadata?: SourceMetadata; passages: SavedPassage[] }[];
  problems?: SourceProblem[];
}

function publicPassage(p: StoredPassage): Passage {
  const out: Passage = { id: p.id, source: p.source, start: p.start, end: p.end, line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn, text: p.text, chrome: p.chrome };
  if (p.page !== undefined) out.page = p.page;
  return out;
}

export { basename };
