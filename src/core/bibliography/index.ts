/** Bibliographies (BibTeX/BibLaTeX, CSL-JSON), their link to the sources, citation checks and reference lists. */
export type { BibEntry, BibName, BibProblem, ParsedBibliography } from './types';
export { parseBibtex, parseNames, parseFileField, latexToText, displayName } from './bibtex';
export { parseCslJson } from './csl';
export { Bibliography, LinkedBibliography, isCslJson, normalizeTitle, type BibliographyFile, type SourceInfo, type MatchReason } from './library';
export {
  checkCitations, resolveCitation, linkBibliography, applyFix, pageOf, CITATION_RULES,
  type CitationRule, type CitationTarget, type CitationFinding, type CitationFix, type CitationCheckOptions,
} from './check';
export {
  citedEntries, referencesSection, referencesEdits, authorDateReference, numericReference, builtInList,
  REFERENCE_STYLES, REFERENCES_HEADING, type ReferenceStyle,
} from './references';
export { cslReferences, toCslItem, setCitationJsLoader, CSL_TEMPLATES, CSL_LOCALE, type CitationJs } from './cslReferences';
