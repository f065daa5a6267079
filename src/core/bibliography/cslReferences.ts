/**
 * Reference lists in real CSL styles, offline: citation-js with citeproc-js and the styles and locale
 * it ships built in (APA 7 for `author-date`, Vancouver for `numeric`, en-US). The library is loaded
 * on the first reference list only, from dist/citation-js.js next to a bundle (citation-js-bundle.ts),
 * else (tests, tsx) from the packages. Nothing here fetches: the items are CSL-JSON made from the
 * entries, the styles and locale are the built-in ones, and the bundle has no fetch code at all.
 */
import type { BibEntry, BibName } from './types';

/** The CSL style (a template citation-js ships) for each reference style. */
export const CSL_TEMPLATES = { 'author-date': 'apa', numeric: 'vancouver' } as const;
export type CslStyle = keyof typeof CSL_TEMPLATES;
export const CSL_LOCALE = 'en-US';

export interface CitationJs {
  core: { plugins: { output: { format(name: 'bibliography', data: object[], options: object): [string, string][] } } };
  citeproc: { Output: { Formats: Record<string, Record<string, unknown>> } };
}

let loaded: CitationJs | undefined;
let load = loadCitationJs;

/** citation-js, loaded on first use. Throws where it cannot load. */
export function citationJs(): CitationJs {
  if (loaded) return loaded;
  const lib = load();
  addMarkdownFormat(lib.citeproc.Output.Formats);
  return (loaded = lib);
}

/** For tests: loads citation-js with `loader` from now on (the default loader again without one). */
export function setCitationJsLoader(loader?: () => CitationJs): void {
  load = loader ?? loadCitationJs;
  loaded = undefined;
}

function loadCitationJs(): CitationJs {
  let lib: CitationJs;
  // Not a literal, so that esbuild leaves it out of the main bundles.
  const bundled = `${__dirname}/citation-js.js`;
  try {
    lib = require(bundled) as CitationJs;
  } catch (e) {
    if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND') throw e;
    // From source (tests, tsx): the bundle's entry point, which requires the packages.
    const source = `${__dirname}/citation-js-bundle`;
    try {
      lib = require(source) as CitationJs;
    } catch (e2) {
      if ((e2 as { code?: string }).code !== 'MODULE_NOT_FOUND') throw e2;
      throw new Error(`citation-js is missing: no ${bundled}`);
    }
  }
  return lib;
}

// Brackets are left alone: the styles' own "[Internet]" and "[cited …]" are not links in Markdown.
const MD_SPECIAL = /([\\*_<`])/g;
const unescapeMd = (s: string) => s.replace(/\\([\\*_<`])/g, '$1');

/** A citeproc output format for Markdown: the plain-text one with emphasis, escaping and <autolinks>. */
function addMarkdownFormat(formats: Record<string, Record<string, unknown>>): void {
  if (formats['markdown']) return;
  const text = formats['text']!;
  const link = (_state: unknown, str: string) => `<${unescapeMd(str)}>`;
  formats['markdown'] = {
    ...text,
    text_escape: (s: string | undefined) => (s ?? '').replace(MD_SPECIAL, '\\$1'),
    '@font-style/italic': '*%%STRING%%*',
    '@font-style/oblique': '*%%STRING%%*',
    '@font-weight/bold': '**%%STRING%%**',
    '@URL/true': link,
    '@DOI/true': link,
  };
}

const TYPES: Record<string, string> = {
  article: 'article-journal', book: 'book', mvbook: 'book', booklet: 'pamphlet', collection: 'book', mvcollection: 'book',
  inbook: 'chapter', incollection: 'chapter', bookinbook: 'chapter', suppbook: 'chapter', inproceedings: 'paper-conference',
  conference: 'paper-conference', proceedings: 'book', mvproceedings: 'book', report: 'report', techreport: 'report',
  manual: 'report', thesis: 'thesis', phdthesis: 'thesis', mastersthesis: 'thesis', online: 'webpage', electronic: 'webpage',
  www: 'webpage', misc: 'document', unpublished: 'manuscript', patent: 'patent', dataset: 'dataset', software: 'software',
  periodical: 'periodical', inreference: 'entry-encyclopedia', reference: 'book', letter: 'personal_communication',
};
const CSL_TYPES = new Set(['article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast',
  'chapter', 'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure',
  'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score',
  'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog',
  'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage']);

function cslType(type: string): string {
  // BibTeX's @article is a journal article; CSL's "article" (a preprint) never comes from BibTeX.
  return TYPES[type] ?? (CSL_TYPES.has(type) ? type : 'document');
}

function cslName(n: BibName): Record<string, string> | undefined {
  if (n.literal) return n.literal === 'others' ? undefined : { literal: n.literal };
  const out: Record<string, string> = {};
  // "van der Berg": the lower-case particle is kept apart, so that styles sort and print it their way.
  const particle = n.family?.match(/^((?:[a-z][\p{L}'’]*\s+)+)(\S.*)$/u);
  if (particle) { out['non-dropping-particle'] = particle[1]!.trim(); out['family'] = particle[2]!; }
  else if (n.family) out['family'] = n.family;
  if (n.given) out['given'] = n.given;
  return out;
}

function cslDate(date: string): { 'date-parts': number[][] } {
  return { 'date-parts': [date.split('-').map(Number)] };
}

/** The entry as a CSL-JSON item (its id is the citation key). */
export function toCslItem(e: BibEntry): Record<string, unknown> {
  const item: Record<string, unknown> = { id: e.key, type: cslType(e.type), title: e.title ?? e.key };
  const names = (list: BibName[]) => list.map(cslName).filter((n): n is Record<string, string> => !!n);
  if (e.authors.length) item['author'] = names(e.authors);
  if (e.editors.length) item['editor'] = names(e.editors);
  if (e.date) item['issued'] = cslDate(e.date);
  if (e.accessed) item['accessed'] = cslDate(e.accessed);
  if (e.container) item['container-title'] = e.container;
  if (e.publisher) item['publisher'] = e.publisher;
  if (e.volume) item['volume'] = e.volume;
  if (e.issue) item['issue'] = e.issue;
  if (e.pages) item['page'] = e.pages;
  if (e.doi) item['DOI'] = e.doi.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '');
  if (e.url) item['URL'] = e.url;
  return item;
}

/**
 * The entries formatted in the CSL style for `style`, as Markdown, in the style's order (APA sorts by
 * author and date; Vancouver numbers in the order given, i.e. of first citation). Throws where the
 * library cannot load.
 */
export function cslReferences(entries: readonly BibEntry[], style: CslStyle): string[] {
  if (!entries.length) return [];
  const { core } = citationJs();
  const out = core.plugins.output.format('bibliography', entries.map(toCslItem), {
    template: CSL_TEMPLATES[style], lang: CSL_LOCALE, format: 'markdown', asEntryArray: true, hyperlinks: true,
  });
  return out.map(([, text]) => text.replace(/\s+/g, ' ').trim());
}
