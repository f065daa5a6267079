/**
 * A loaded bibliography (one or more .bib / CSL-JSON files) and its link to the indexed sources:
 * which source file each entry is (its `file` field, a file named after its key, or its title).
 */
import Fuse from 'fuse.js';
import { parseBibtex } from './bibtex';
import { basename } from '../text/paths';
import { parseCslJson } from './csl';
import type { BibEntry, BibProblem } from './types';

export interface BibliographyFile {
  path: string;
  text: string;
}

/** Whether a library file is CSL-JSON (by extension, else by its first character). */
export function isCslJson(path: string, text: string): boolean {
  if (/\.json$/i.test(path)) return true;
  if (/\.(bib|bibtex|biblatex)$/i.test(path)) return false;
  return /^\ufeff?\s*[[{]/.test(text);
}

export class Bibliography {
  readonly entries: BibEntry[] = [];
  readonly problems: BibProblem[] = [];
  private readonly byKey = new Map<string, BibEntry>();
  private readonly byLowerKey = new Map<string, BibEntry>();

  constructor(files: readonly BibliographyFile[] = []) {
    for (const f of files) this.add(f);
  }

  /** Adds one library file; an entry whose key is already known is reported and skipped. */
  add(file: BibliographyFile): void {
    const parsed = isCslJson(file.path, file.text) ? parseCslJson(file.text, file.path) : parseBibtex(file.text, file.path);
    this.problems.push(...parsed.problems);
    for (const e of parsed.entries) {
      if (this.byKey.has(e.key)) {
        this.problems.push({ file: file.path, line: e.origin.line, message: `duplicate citation key "${e.key}" (also in ${this.byKey.get(e.key)!.origin.file}); the first entry is kept` });
        continue;
      }
      this.entries.push(e);
      this.byKey.set(e.key, e);
      if (!this.byLowerKey.has(e.key.toLowerCase())) this.byLowerKey.set(e.key.toLowerCase(), e);
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** The entry with this key (exact, else ignoring case). */
  get(key: string): BibEntry | undefined {
    return this.byKey.get(key) ?? this.byLowerKey.get(key.toLowerCase());
  }
}

/** What the linker knows about an indexed source. */
export interface SourceInfo {
  path: string;
  title?: string;
}

export type MatchReason = 'file' | 'key' | 'title';

/** A bibliography linked to the sources: each source's entry and each entry's sources. */
export class LinkedBibliography {
  private readonly entryBySource = new Map<string, { entry: BibEntry; by: MatchReason }>();
  private readonly sourcesByKey = new Map<string, string[]>();
  readonly sources: ReadonlySet<string>;

  constructor(readonly bibliography: Bibliography, sources: readonly SourceInfo[]) {
    this.sources = new Set(sources.map((s) => s.path));
    link(bibliography, sources, (source, entry, by) => {
      if (this.entryBySource.has(source)) return;
      this.entryBySource.set(source, { entry, by });
      const list = this.sourcesByKey.get(entry.key) ?? [];
      list.push(source);
      this.sourcesByKey.set(entry.key, list);
    });
  }

  /** The bibliography entry of a source, if one matched. */
  entryOf(source: string): BibEntry | undefined {
    return this.entryBySource.get(source)?.entry;
  }

  /** How a source was matched to its entry. */
  matchOf(source: string): MatchReason | undefined {
    return this.entryBySource.get(source)?.by;
  }

  /** The sources an entry was matched to (a PDF and its web snapshot, say). */
  sourcesOf(key: string): string[] {
    const e = this.bibliography.get(key);
    return e ? this.sourcesByKey.get(e.key) ?? [] : [];
  }
}

/** Lower case, accents and punctuation gone, single spaces: for comparing titles and file names. */
export function normalizeTitle(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function pathParts(p: string): string[] {
  return p.replace(/\\/g, '/').toLowerCase().split('/').filter((x) => x && x !== '.');
}

function stemOf(p: string): string {
  const base = basename(p);
  return base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
}

/** Titles must be at least this long (normalised) to match fuzzily, and fuse.js must score at most this. */
const MIN_FUZZY_TITLE = 12;
const TITLE_THRESHOLD = 0.15;

/**
 * Matches entries to sources, strongest evidence first: the entry's `file` field (the longest common
 * path suffix, at least the file name), then a source file named after the key, then the title
 * (exact after normalising, the file name containing the title, else fuse.js with a strict threshold).
 */
function link(bib: Bibliography, sources: readonly SourceInfo[], accept: (source: string, entry: BibEntry, by: MatchReason) => void): void {
  const byBase = new Map<string, SourceInfo[]>();
  for (const s of sources) {
    const base = pathParts(s.path).pop() ?? '';
    const list = byBase.get(base) ?? [];
    list.push(s);
    byBase.set(base, list);
  }
  const matched = new Set<string>();
  const linked = new Set<string>();
  const take = (source: string, entry: BibEntry, by: MatchReason) => {
    if (matched.has(source)) return;
    matched.add(source);
    linked.add(entry.key);
    accept(source, entry, by);
  };
  // 1. file fields
  for (const e of bib.entries) {
    for (const f of e.files) {
      const parts = pathParts(f);
      const candidates = byBase.get(parts[parts.length - 1] ?? '') ?? [];
      let best: SourceInfo | undefined;
      let bestLen = 0;
      for (const s of candidates) {
        const sp = pathParts(s.path);
        let k = 0;
        while (k < sp.length && k < parts.length && sp[sp.length - 1 - k] === parts[parts.length - 1 - k]) k++;
        if (k > bestLen) { best = s; bestLen = k; }
      }
      if (best) take(best.path, e, 'file');
    }
  }
  // 2. file name = citation key
  for (const s of sources) {
    if (matched.has(s.path)) continue;
    const e = bib.get(stemOf(s.path));
    if (e) take(s.path, e, 'key');
  }
  // 3. titles
  const open = bib.entries.filter((e) => !linked.has(e.key) && e.title && normalizeTitle(e.title).length >= 4);
  if (!open.length) return;
  const exact = new Map<string, BibEntry>();
  for (const e of open) if (!exact.has(normalizeTitle(e.title!))) exact.set(normalizeTitle(e.title!), e);
  const rest: SourceInfo[] = [];
  for (const s of sources) {
    if (matched.has(s.path)) continue;
    const names = [s.title, stemOf(s.path)].filter((x): x is string => !!x).map(normalizeTitle);
    const hit = names.map((t) => exact.get(t)).find(Boolean);
    if (hit) { take(s.path, hit, 'title'); continue; }
    rest.push(s);
  }
  const fuzzy = open.filter((e) => !linked.has(e.key) && normalizeTitle(e.title!).length >= MIN_FUZZY_TITLE);
  if (!fuzzy.length || !rest.length) return;
  // Zotero names attachments "Author - Year - Title.pdf": the file name contains the title.
  const items = fuzzy.map((e) => ({ e, t: normalizeTitle(e.title!) }));
  const stillOpen: SourceInfo[] = [];
  for (const s of rest) {
    const stem = normalizeTitle(stemOf(s.path));
    const hit = items.find((x) => !linked.has(x.e.key) && stem.includes(x.t));
    if (hit) take(s.path, hit.e, 'title');
    else stillOpen.push(s);
  }
  const fuse = new Fuse(items, { keys: ['t'], includeScore: true, ignoreLocation: true, threshold: TITLE_THRESHOLD });
  for (const s of stillOpen) {
    for (const name of [s.title, stemOf(s.path)]) {
      if (!name) continue;
      const q = normalizeTitle(name);
      if (q.length < MIN_FUZZY_TITLE) continue;
      // Both ways must be close: a short title is not matched by a long heading that merely contains it.
      const r = fuse.search(q, { limit: 3 }).find((x) => !linked.has(x.item.e.key) && Math.abs(x.item.t.length - q.length) <= Math.max(4, q.length * 0.2));
      if (r) { take(s.path, r.item.e, 'title'); break; }
    }
  }
}
