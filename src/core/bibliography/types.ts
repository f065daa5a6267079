/**
 * Bibliography data: entries read from BibTeX/BibLaTeX or CSL-JSON files, as plain data.
 * Nothing here reads files or the network: callers pass file contents in.
 */

/** A personal or institutional name. `literal` is set for names kept whole ("{World Health Organization}"). */
export interface BibName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface BibEntry {
  /** The citation key (BibTeX key, CSL `citation-key` or `id`). */
  key: string;
  /** Entry type as written (`article`, `book`, `article-journal`, …), lower case. */
  type: string;
  title?: string;
  authors: BibName[];
  editors: BibName[];
  /** ISO-like date as far as known: `2020`, `2020-03`, `2020-03-14`. */
  date?: string;
  year?: number;
  /** Journal, book or site the entry appeared in. */
  container?: string;
  publisher?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  url?: string;
  /** When the URL was accessed (BibLaTeX `urldate`, CSL `accessed`), ISO-like as `date`. */
  accessed?: string;
  doi?: string;
  /** Attached files (paths as written in the library; never opened by Groundwork). */
  files: string[];
  /** Library file and 1-based line the entry starts on. */
  origin: { file: string; line: number };
}

/** A problem with one entry (skipped) or a whole file. */
export interface BibProblem {
  file: string;
  line: number;
  message: string;
}

export interface ParsedBibliography {
  entries: BibEntry[];
  problems: BibProblem[];
}
