/**
 * Public data types of the Groundwork engine. Everything here is plain, serialisable data:
 * offsets are 0-based UTF-16 code-unit offsets into the original text; adapters (CLI, VS Code)
 * turn them into lines and columns at the edge.
 */

/** The five verdicts a claim can get. */
export type Verdict = 'supported' | 'unsupported' | 'contradicted' | 'misquote' | 'disputed';

export const VERDICTS: readonly Verdict[] = ['supported', 'unsupported', 'contradicted', 'misquote', 'disputed'];

/** A 1-based line/column position (columns in UTF-16 code units), as editors and the JSON report count. */
export interface LineColumn {
  line: number;
  column: number;
}

/** One indexed passage (about a sentence) of a source, with its exact place in the original file. */
export interface Passage {
  /** Stable id within the engine (changes when the source is re-indexed). */
  id: number;
  /** The source's path as given to the engine. */
  source: string;
  /** Offsets into the original file text (end exclusive). */
  start: number;
  end: number;
  /** 1-based line/column of start and end (end exclusive). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The passage's readable text (markup removed, whitespace collapsed). */
  text: string;
  /** Page chrome (navigation, tickers, comments, ads): indexed for search, never used as evidence. */
  chrome: boolean;
  /**
   * PDF sources: the 1-based page, and then `line`/`column` count within that page's extracted text.
   * (DOCX sources have no page: their `line` is the paragraph number.)
   */
  page?: number;
}

/** A passage offered as evidence for a claim, or a search hit. */
export interface Evidence extends Passage {
  /** Relevance in [0, 1]; higher is better. */
  score: number;
  /** Ranges [start, end) of `text` that match the query (search results only), for highlighting. */
  highlights?: [number, number][];
}

/** A fix as data: replace draft[start, end) with `replacement`. */
export interface FixSuggestion {
  title: string;
  start: number;
  end: number;
  replacement: string;
}

/** A citation already present in the draft. */
export interface DraftCitation {
  kind: 'footnote' | 'pandoc' | 'latex';
  key: string;
  start: number;
  end: number;
}

/** One claim of a draft with its verdict. */
export interface ClaimResult {
  /** Offsets into the draft (end exclusive). */
  start: number;
  end: number;
  text: string;
  verdict: Verdict;
  /** Human-readable reason; for flagged claims it names what the sources say. */
  message: string;
  /** Best passages first. */
  evidence: Evidence[];
  /** Fixes for contradicted / misquoted claims (the source's value or wording). */
  fixes: FixSuggestion[];
  /** Citations inside this sentence. */
  citations: DraftCitation[];
}

export interface CheckResult {
  claims: ClaimResult[];
  citations: DraftCitation[];
}

/** A problem with a source file: reported once, the file is skipped. */
export interface SourceProblem {
  source: string;
  message: string;
}

export type DraftLanguage = 'markdown' | 'plaintext' | 'latex';

export interface SearchOptions {
  /** Maximum results (default 10). */
  limit?: number;
  /** Include page-chrome passages (default false). */
  includeChrome?: boolean;
}
