/**
 * A `## References` list built from the citations of a draft, offline. The list is formatted by a CSL
 * processor (citation-js with citeproc-js, see cslReferences.ts): `author-date` in the APA 7 style and
 * `numeric` in the Vancouver style, numbered in order of first citation.
 *
 * The small built-in formatter below (`authorDateReference`, `numericReference`: APA-like and
 * IEEE-like for the usual entry types, without CSL's particle sorting, disambiguation or title casing)
 * is only a fallback for when the CSL library cannot load, and the list then says so.
 */
import type { CheckResult } from '../types';
import { footnoteDefinitions, type TextEdit } from '../citeFormat';
import { resolveCitation } from './check';
import type { LinkedBibliography } from './library';
import type { BibEntry, BibName } from './types';
import { cslReferences } from './cslReferences';

export type ReferenceStyle = 'author-date' | 'numeric';
export const REFERENCE_STYLES: readonly ReferenceStyle[] = ['author-date', 'numeric'];
export const REFERENCES_HEADING = '## References';

/** The entries a draft cites, in order of first citation, each once. */
export function citedEntries(draft: string, result: Pick<CheckResult, 'citations'>, linked: LinkedBibliography): BibEntry[] {
  const defs = footnoteDefinitions(draft);
  const out: BibEntry[] = [];
  const seen = new Set<string>();
  for (const c of result.citations) {
    const t = resolveCitation(c, draft, linked, defs);
    const entry = t.status === 'source' || t.status === 'entry' ? t.entry : undefined;
    if (entry && !seen.has(entry.key)) { seen.add(entry.key); out.push(entry); }
  }
  return out;
}

function md(s: string): string {
  return s.replace(/([\\*_[\]<>`])/g, '\\$1');
}

function initials(given: string): string {
  return given.split(/\s+/).filter(Boolean).map((g) => g.split('-').map((p) => `${p[0]!.toUpperCase()}.`).join('-')).join(' ');
}

function apaName(n: BibName): string {
  if (n.literal) return n.literal;
  return n.given ? `${n.family ?? ''}, ${initials(n.given)}` : n.family ?? '';
}

function ieeeName(n: BibName): string {
  if (n.literal) return n.literal;
  return [n.given ? initials(n.given) : '', n.family ?? ''].filter(Boolean).join(' ');
}

function apaAuthors(names: BibName[]): string {
  const list = names.filter((n) => n.literal !== 'others').map(apaName);
  if (!list.length) return '';
  if (list.length === 1) return list[0]!;
  if (list.length > 20) return `${list.slice(0, 19).join(', ')}, … ${list[list.length - 1]}`;
  return `${list.slice(0, -1).join(', ')}, & ${list[list.length - 1]}`;
}

function ieeeAuthors(names: BibName[]): string {
  const list = names.filter((n) => n.literal !== 'others').map(ieeeName);
  if (list.length > 6 || names.some((n) => n.literal === 'others')) return `${list[0]} et al.`;
  if (list.length <= 2) return list.join(' and ');
  return `${list.slice(0, -1).join(', ')}, and ${list[list.length - 1]}`;
}

function link(e: BibEntry): string {
  if (e.doi) return `https://doi.org/${e.doi.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '')}`;
  return e.url ?? '';
}

/** `Title.` keeps a title's own final punctuation ("Why?" stays "Why?"). */
function sentence(s: string): string {
  return /[.?!]$/.test(s) ? s : `${s}.`;
}

const PART_OF = /^(?:article|article-journal|article-magazine|article-newspaper|inproceedings|incollection|inbook|chapter|paper-conference|entry|entry-encyclopedia|post|post-weblog|webpage|online)$/;

/** One reference in the author-date (APA-like) style, as Markdown. */
export function authorDateReference(e: BibEntry): string {
  const who = apaAuthors(e.authors.length ? e.authors : e.editors) + (e.authors.length || !e.editors.length ? '' : e.editors.length > 1 ? ' (Eds.)' : ' (Ed.)');
  const year = e.date ? `(${e.date.length > 4 && /^(?:article-newspaper|article-magazine|post|post-weblog|webpage|online)$/.test(e.type) ? apaDate(e.date) : e.date.slice(0, 4)})` : '(n.d.)';
  const title = e.title ?? e.key;
  const partOf = !!e.container && PART_OF.test(e.type);
  const parts: string[] = [];
  if (who) parts.push(sentence(who), `${year}.`);
  parts.push(partOf ? sentence(md(title)) : `*${sentence(md(title))}*`);
  if (!who) parts.push(`${year}.`);
  if (partOf) {
    let c = `*${md(e.container!)}*`;
    if (e.volume) c += `, *${md(e.volume)}*`;
    if (e.issue) c += `(${md(e.issue)})`;
    if (e.pages) c += `, ${md(e.pages.replace(/-+/g, '–'))}`;
    parts.push(`${c}.`);
  }
  if (e.publisher && !partOf) parts.push(sentence(md(e.publisher)));
  const url = link(e);
  if (url) parts.push(`<${url}>`);
  return parts.join(' ');
}

function apaDate(date: string): string {
  const [y, m, d] = date.split('-');
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const month = m ? months[Number(m) - 1] : undefined;
  return month ? `${y}, ${month}${d ? ` ${Number(d)}` : ''}` : y!;
}

/** One reference in the numeric (IEEE-like) style, as Markdown (without its number). */
export function numericReference(e: BibEntry): string {
  const who = ieeeAuthors(e.authors.length ? e.authors : e.editors);
  const title = e.title ?? e.key;
  const partOf = !!e.container && PART_OF.test(e.type);
  const parts: string[] = [];
  if (who) parts.push(who);
  parts.push(partOf ? `“${md(title)},”` : `*${md(title)}*`);
  if (partOf) parts.push(`*${md(e.container!)}*`);
  if (e.volume) parts.push(`vol. ${md(e.volume)}`);
  if (e.issue) parts.push(`no. ${md(e.issue)}`);
  if (e.pages) parts.push(`${/[-–,]/.test(e.pages) ? 'pp.' : 'p.'} ${md(e.pages.replace(/-+/g, '–'))}`);
  if (e.publisher && !partOf) parts.push(md(e.publisher));
  if (e.year) parts.push(String(e.year));
  // "A, “Title,” Container" has no comma after the closing quote.
  let text = parts.join(', ').replace(/,” ?,/g, ',”').replace(/,”, /g, ',” ');
  text = sentence(text);
  const url = link(e);
  return url ? `${text} <${url}>` : text;
}

function sortKey(e: BibEntry): string {
  const n = e.authors[0] ?? e.editors[0];
  const who = n ? n.literal ?? `${n.family ?? ''} ${n.given ?? ''}` : e.title ?? e.key;
  return `${who.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()}\u0000${e.date ?? '9999'}\u0000${(e.title ?? '').toLowerCase()}`;
}

/** The references section (heading and list) for these entries, ending in a newline. */
export function referencesSection(entries: readonly BibEntry[], style: ReferenceStyle, heading = REFERENCES_HEADING): string {
  if (!entries.length) return `${heading}\n\n_No citation of this draft resolves to a bibliography entry._\n`;
  let list: string[];
  try {
    list = cslReferences(entries, style);
  } catch (e) {
    const why = (e as Error).message?.split('\n')[0] ?? String(e);
    return `${heading}\n\n_Formatted by Groundwork's built-in formatter: the CSL processor failed (${md(why)})._\n\n${builtInList(entries, style)}\n`;
  }
  // A numbered style gives "1. …": a Markdown list; other styles get a paragraph per reference.
  const body = list.every((r) => /^\d+\. /.test(r)) ? list.join('\n') : list.join('\n\n');
  return `${heading}\n\n${body}\n`;
}

/** The list by the built-in formatter (the fallback). */
export function builtInList(entries: readonly BibEntry[], style: ReferenceStyle): string {
  return style === 'numeric'
    ? entries.map((e, i) => `${i + 1}. ${numericReference(e)}`).join('\n')
    : [...entries].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0)).map(authorDateReference).join('\n\n');
}

/**
 * Edits that put the section into the draft: an existing `# References`/`## References` (or
 * Bibliography / Works Cited) section is replaced up to the next heading or the footnote definitions;
 * otherwise the section goes before the footnote definitions at the end, or at the very end.
 */
export function referencesEdits(draft: string, section: string): TextEdit[] {
  const head = /^(#{1,6})[ \t]+(?:references|bibliography|works cited|sources)[ \t]*#*[ \t]*$/gim.exec(draft);
  if (head) {
    const level = head[1]!.length;
    const after = head.index + head[0].length;
    const rest = draft.slice(after);
    const next = new RegExp(`^(?:#{1,${level}}[ \\t]|\\[\\^[^\\]\\s]+\\]:)`, 'm').exec(rest);
    const end = next ? after + next.index : draft.length;
    const text = section.replace(/^#{1,6}/, head[1]!) + (next ? '\n' : '');
    return [{ start: head.index, end, text }];
  }
  // Before a trailing block of footnote definitions (with their indented continuation lines).
  const lines = draft.split('\n');
  let k = lines.length;
  let firstDef = -1;
  while (k > 0) {
    const l = lines[k - 1]!;
    if (/^\[\^[^\]\s]+\]:/.test(l)) firstDef = k - 1;
    else if (l.trim() && !/^(?: {2,}|\t)/.test(l)) break;
    k--;
  }
  if (firstDef > 0) {
    const at = lines.slice(0, firstDef).join('\n').length + 1;
    const before = draft.slice(0, at);
    return [{ start: at, end: at, text: `${before.endsWith('\n\n') ? '' : '\n'}${section}\n` }];
  }
  const sep = !draft.length ? '' : draft.endsWith('\n\n') ? '' : draft.endsWith('\n') ? '\n' : '\n\n';
  return [{ start: draft.length, end: draft.length, text: `${sep}${section}` }];
}
