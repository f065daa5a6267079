import type { RawPassage } from '../sources/parse';

/** What a source says about itself: PDF info, HTML meta tags / JSON-LD, DOCX properties, YAML front matter. */
export interface SourceMetadata {
  title?: string;
  /** One or more authors, joined with "; ". */
  author?: string;
  /** As given by the source; ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) when it could be read as a date. */
  date?: string;
  url?: string;
}

export type DocumentFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

/**
 * One passage with its place in the source:
 * - text, Markdown, HTML: `start`/`end` are offsets into the original file, line/column are the file's;
 * - PDF: `page` is the 1-based page, line/column count within that page's extracted text;
 * - DOCX: `line` is the 1-based paragraph number (headings, list items and table-cell paragraphs
 *   count, empty paragraphs do not), `column` the 1-based position within that paragraph's text.
 * For PDF and DOCX `start`/`end` point into `Extracted.text`, the document's extracted text.
 */
export interface ExtractedPassage extends RawPassage {
  /** Absent for text, Markdown and HTML: computed from the offsets into `Extracted.text`. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  page?: number;
}

/** A source reduced to passages, ready for `Engine.addExtracted`. */
export interface Extracted {
  format: DocumentFormat;
  /** The text that passage offsets point into (the original file text for text formats). */
  text: string;
  /** Title used for ranking (the first heading, `<title>`, the PDF/DOCX title or the file name). */
  title?: string;
  metadata: SourceMetadata;
  passages: ExtractedPassage[];
}
