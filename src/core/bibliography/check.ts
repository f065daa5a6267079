/**
 * Checks the citations a draft already has: each must resolve to a bibliography entry or an indexed
 * source (`unresolved-citation`), and a sentence that cites a source the engine did not find support
 * in, while another source supports it, gets a `wrong-source` finding with a fix that cites the right
 * one. Works from the engine's check result, so it adds no second pass over the sources.
 */
import type { CheckResult, ClaimResult, DraftCitation, Evidence } from '../types';
import {
  applyEdits, footnoteDefinitions, footnoteTargets, footnoteText, replaceCitationEdits, resolveCitationKey,
  type CitationStyle, type FootnoteDefinition, type TextEdit,
} from '../citeFormat';
import { basename } from '../text/paths';
import { locationLabel } from '../formats';
import { Bibliography, LinkedBibliography, normalizeTitle, type SourceInfo } from './library';
import type { BibEntry } from './types';

export type CitationRule = 'unresolved-citation' | 'wrong-source';
export const CITATION_RULES: readonly CitationRule[] = ['unresolved-citation', 'wrong-source'];

/** Where a citation leads. */
export type CitationTarget =
  /** One or more indexed sources (with the entry when the bibliography has one; a locator if given). */
  | { status: 'source'; sources: string[]; entry?: BibEntry; line?: number; page?: number }
  /** A bibliography entry with no source file among the sources: resolved, but not checkable. */
  | { status: 'entry'; entry: BibEntry }
  /** A footnote whose definition is free text ("See the minutes."): not checkable. */
  | { status: 'text' }
  | { status: 'unresolved'; reason: string };

/** A fix as edits (a footnote fix changes the marker and adds or rewrites a definition). */
export interface CitationFix {
  title: string;
  edits: TextEdit[];
}

export interface CitationFinding {
  rule: CitationRule;
  kind: DraftCitation['kind'];
  key: string;
  /** Offsets of the citation (for keys inside `[@a; @b]`, of that key) in the draft. */
  start: number;
  end: number;
  message: string;
  fixes: CitationFix[];
  /** wrong-source: the passages that do support the sentence, best first. */
  evidence?: Evidence[];
}

export interface CitationCheckOptions {
  /**
   * More evidence for a sentence than the claim carries (Engine.evidenceFor): consulted before saying
   * the cited source does not support it, so a supporting passage ranked below the top few still counts.
   */
  evidenceFor?: (sentence: string, limit: number) => Evidence[];
}

/** A bibliography linked to the sources; with no bibliography only file-name keys resolve. */
export function linkBibliography(bibliography: Bibliography | undefined, sources: readonly SourceInfo[]): LinkedBibliography {
  return new LinkedBibliography(bibliography ?? new Bibliography(), sources);
}

const SUPPORTS = 0.999;

/** The page or line a citation's locator names (`p. 12`, `p.~12`, `pp. 3–4`, `line 14`). */
function locatorOf(text: string): { page?: number; line?: number } {
  const p = /\bpp?\.(?:\s|~|\\,)*(\d+)/.exec(text);
  if (p) return { page: Number(p[1]) };
  const l = /\bline\s+(\d+)/.exec(text);
  return l ? { line: Number(l[1]) } : {};
}

/** Resolves one citation of `draft` against the linked bibliography and the sources. */
export function resolveCitation(c: DraftCitation, draft: string, linked: LinkedBibliography, defs = footnoteDefinitions(draft)): CitationTarget {
  const bib = linked.bibliography;
  const fromEntry = (entry: BibEntry, loc: { page?: number; line?: number }): CitationTarget => {
    const sources = linked.sourcesOf(entry.key);
    return sources.length ? { status: 'source', sources, entry, ...loc } : { status: 'entry', entry };
  };
  if (c.kind !== 'footnote') {
    const loc = locatorOf(draft.slice(c.start, c.end));
    const entry = bib.get(c.key);
    if (entry) return fromEntry(entry, loc);
    const source = resolveCitationKey(c.key, linked.sources);
    if (source) return { status: 'source', sources: [source], ...loc };
    return { status: 'unresolved', reason: bib.size ? `no bibliography entry or source is called "${c.key}"` : `no source is called "${c.key}" (and no bibliography is configured)` };
  }
  const def = defs.get(c.key);
  if (!def) return { status: 'unresolved', reason: `footnote [^${c.key}] has no definition` };
  return resolveFootnote(c.key, def, linked);
}

function resolveFootnote(label: string, def: FootnoteDefinition, linked: LinkedBibliography): CitationTarget {
  const bib = linked.bibliography;
  const loc = locatorOf(def.text);
  const withEntry = (entry: BibEntry): CitationTarget => {
    const sources = linked.sourcesOf(entry.key);
    return sources.length ? { status: 'source', sources, entry, ...loc } : { status: 'entry', entry };
  };
  // A label that is a key ([^smith2020], [^smith2020-2]), or an @key in the definition.
  const byLabel = bib.get(label) ?? bib.get(label.replace(/-\d+$/, ''));
  if (byLabel && !/^\d+$/.test(label)) return withEntry(byLabel);
  const at = /(?:^|[\s;[(])@\{?([\p{L}\d_][\p{L}\d_:.#$%&+?<>~/-]*?)[.,;:]?(?=[\s\]),;]|$)/u.exec(def.text);
  const byKey = at ? bib.get(at[1]!) : undefined;
  if (byKey) return withEntry(byKey);
  // A definition that names a source file, as Groundwork writes them: "sources/minutes.md, line 14: …".
  const target = footnoteTargets(`[^${label}]: ${def.text}`).get(label);
  const named = target?.source ?? /^(\S+\.[a-z0-9]{1,5})\b/i.exec(def.text)?.[1];
  if (named) {
    const source = linked.sources.has(named) ? named
      : [...linked.sources].find((s) => s.endsWith(`/${named}`) || named.endsWith(`/${s}`))
        ?? resolveCitationKey(basename(named).replace(/\.[^.]*$/, ''), linked.sources);
    if (source) {
      const entry = linked.entryOf(source);
      return { status: 'source', sources: [source], ...(entry ? { entry } : {}), ...loc, ...(target ? { line: target.line } : {}) };
    }
    if (/[\\/]/.test(named) || /\.(?:md|txt|html?|pdf|docx?|markdown|text)$/i.test(named)) {
      return { status: 'unresolved', reason: `footnote [^${label}] cites ${named}, which is not an indexed source` };
    }
  }
  // A title in the definition (*Title* or "Title").
  if (bib.size) {
    const titles = [...def.text.matchAll(/\*([^*]{4,})\*|“([^”]{4,})”|"([^"]{4,})"/g)].map((m) => normalizeTitle(m[1] ?? m[2] ?? m[3] ?? ''));
    if (titles.length) {
      const entry = bib.entries.find((e) => e.title && titles.includes(normalizeTitle(e.title)));
      if (entry) return withEntry(entry);
    }
  }
  return { status: 'text' };
}

/** Offsets of one key inside a citation that may hold several (`[@a; @b, p. 3]`, `\cite{a,b}`). */
function keyRange(draft: string, c: DraftCitation): [number, number] {
  if (c.kind === 'footnote') return [c.start, c.end];
  const inside = draft.slice(c.start, c.end);
  const re = new RegExp(`(^|[@{,\\s;])(${c.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?=$|[\\s,;}\\]])`);
  const m = re.exec(inside);
  return m ? [c.start + m.index + m[1]!.length, c.start + m.index + m[1]!.length + m[2]!.length] : [c.start, c.end];
}

/** A passage's page (PDF sources), where the engine gives one. */
export function pageOf(p: object): number | undefined {
  const v = (p as { page?: unknown }).page;
  return typeof v === 'number' && v > 0 ? v : undefined;
}


/** The sentence without its citations, as the engine judged it. */
function claimSentence(draft: string, claim: ClaimResult): string {
  let s = draft.slice(claim.start, claim.end);
  for (const c of [...claim.citations].sort((a, b) => b.start - a.start)) {
    s = s.slice(0, c.start - claim.start) + ' '.repeat(c.end - c.start) + s.slice(c.end - claim.start);
  }
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * The findings for a draft's citations. `style` is the writer's citation style (for the footnote
 * wording of fixes it only matters through the citation's own kind).
 */
export function checkCitations(draft: string, result: CheckResult, linked: LinkedBibliography, options: CitationCheckOptions = {}): CitationFinding[] {
  const out: CitationFinding[] = [];
  const defs = footnoteDefinitions(draft);
  const targets = new Map<string, CitationTarget>();
  const id = (c: DraftCitation) => `${c.start}:${c.kind}:${c.key}`;
  for (const c of result.citations) {
    const t = resolveCitation(c, draft, linked, defs);
    targets.set(id(c), t);
    if (t.status === 'unresolved') {
      const [start, end] = keyRange(draft, c);
      out.push({ rule: 'unresolved-citation', kind: c.kind, key: c.key, start, end, message: `unresolved citation: ${t.reason}`, fixes: [] });
    }
  }
  const targetOf = (c: DraftCitation) => targets.get(id(c));
  for (const claim of result.claims) {
    if (!claim.citations.length || (claim.verdict !== 'supported' && claim.verdict !== 'disputed')) continue;
    const ts = claim.citations.map(targetOf);
    // Only sentences whose every citation leads to indexed sources can be judged.
    if (ts.some((t) => !t || t.status !== 'source')) continue;
    const cited = new Set(ts.flatMap((t) => (t as Extract<CitationTarget, { status: 'source' }>).sources));
    const supporting = claim.evidence.filter((e) => e.score >= SUPPORTS && !e.chrome);
    if (!supporting.length || supporting.some((e) => cited.has(e.source))) continue;
    if (options.evidenceFor) {
      const more = options.evidenceFor(claimSentence(draft, claim), 20);
      if (more.some((e) => e.score >= SUPPORTS && !e.chrome && cited.has(e.source))) continue;
    }
    const best = supporting[0]!;
    const entry = linked.entryOf(best.source);
    const c = claim.citations[0]!;
    const citedNames = [...cited].map((s) => linked.entryOf(s)?.key ?? basename(s));
    const page = pageOf(best);
    const right = `${entry ? `${entry.key} (${basename(best.source)})` : basename(best.source)}, ${locationLabel(best)}`;
    const message = `cites ${citedNames.join(', ')}, which does not support this sentence; ${right} does`;
    const passage = { source: best.source, line: best.line, text: best.text, ...(page ? { page } : {}) };
    const opts = entry ? { entry } : {};
    let edits: TextEdit[];
    const sameRange = claim.citations.filter((x) => x.start === c.start);
    if (c.kind === 'footnote') {
      const def = defs.get(c.key);
      const uses = [...draft.matchAll(/\[\^([^\]\s]+)\](?!:)/g)].filter((m) => m[1] === c.key).length;
      if (def && uses === 1 && /^\d+$/.test(c.key)) {
        // A numbered note used once: rewrite its definition, keep the marker.
        edits = [{ start: def.start, end: def.end, text: `[^${c.key}]: ${footnoteText(passage, entry)}` }];
      } else edits = replaceCitationEdits(draft, c.start, c.end, 'footnote', passage, opts);
    } else if (sameRange.length > 1) {
      // [@a; @b]: replace just the first key of the group.
      const [ks, ke] = keyRange(draft, c);
      edits = [{ start: ks, end: ke, text: entry?.key ?? basename(best.source).replace(/\.[^.]*$/, '').toLowerCase() }];
    } else edits = replaceCitationEdits(draft, c.start, c.end, c.kind, passage, opts);
    const [start, end] = keyRange(draft, c);
    out.push({
      rule: 'wrong-source', kind: c.kind, key: c.key, start, end, message,
      fixes: [{ title: `Cite ${entry ? entry.key : basename(best.source)} instead`, edits }],
      evidence: supporting,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Applies a finding's first fix to the draft (CLI and tests). */
export function applyFix(draft: string, f: CitationFinding): string {
  return f.fixes[0] ? applyEdits(draft, f.fixes[0].edits) : draft;
}

export type { CitationStyle };
