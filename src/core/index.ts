/** The engine's public API: the only import path for the extension, the CLI and tests. */
export * from './types';
export { Engine, ENGINE_VERSION, basename, type SavedIndex } from './engine';
export { LineIndex, lineColumnAt } from './text/lines';
export { parseDraft, findCitations, type DraftSentence, type ParsedDraft } from './draft/claims';
export { extractFacts, sameFact, type Fact } from './verify/facts';
export { parseSource, formatOf, type ParsedSource } from './sources/parse';
export { SUPPORT_THRESHOLD } from './verify/judge';
export { extractDocument, extractSync, documentFormatOf, needsAsyncExtraction, frontMatterMetadata, locationLabel, NO_TEXT_LAYER, type DocumentFormat, type Extracted, type ExtractedPassage, type SourceMetadata } from './formats';
