/**
 * CSL-JSON (Zotero's "CSL JSON" export, Better CSL JSON, pandoc-citeproc files): an array of items.
 * An item that is not usable (no id, not an object) is reported with its line and skipped.
 */
import type { BibEntry, BibName, BibProblem, ParsedBibliography } from './types';

export function parseCslJson(text: string, file = 'bibliography.json'): ParsedBibliography {
  const problems: BibProblem[] = [];
  const entries: BibEntry[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    const msg = (e as Error).message;
    const pos = Number(/position (\d+)/.exec(msg)?.[1] ?? NaN);
    const line = Number.isFinite(pos) ? lineCounter(text)(pos) : Number(/line (\d+)/.exec(msg)?.[1] ?? 1);
    return { entries, problems: [{ file, line, message: `not valid JSON: ${msg}` }] };
  }
  const items = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items) ? (data as { items: unknown[] }).items : undefined;
  if (!items) return { entries, problems: [{ file, line: 1, message: 'a CSL-JSON file is an array of items' }] };
  const starts = itemOffsets(text);
  const lineAt = lineCounter(text);
  const seen = new Set<string>();
  items.forEach((raw, k) => {
    const line = starts[k] !== undefined ? lineAt(starts[k]!) : 1;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.push({ file, line, message: `item ${k + 1} at line ${line} skipped: not an object` });
      return;
    }
    const it = raw as Record<string, unknown>;
    const key = str(it['citation-key']) ?? str(it['citationKey']) ?? str(it['id']) ?? (typeof it['id'] === 'number' ? String(it['id']) : undefined);
    if (!key) {
      problems.push({ file, line, message: `item ${k + 1} at line ${line} skipped: it has no "id"` });
      return;
    }
    if (seen.has(key)) {
      problems.push({ file, line, message: `duplicate citation key "${key}"; the first item is kept` });
      return;
    }
    seen.add(key);
    const entry: BibEntry = {
      key, type: (str(it['type']) ?? 'document').toLowerCase(),
      authors: names(it['author']), editors: names(it['editor']), files: [], origin: { file, line },
    };
    const title = str(it['title']);
    if (title) entry.title = title.replace(/<\/?[a-z]+[^>]*>/gi, '').replace(/\s+/g, ' ').trim();
    const date = cslDate(it['issued']);
    if (date) { entry.date = date; entry.year = Number(date.slice(0, 4)); }
    const accessed = cslDate(it['accessed']);
    if (accessed) entry.accessed = accessed;
    const container = str(it['container-title']) ?? str(it['collection-title']);
    if (container) entry.container = container;
    const map: [keyof BibEntry, string][] = [['publisher', 'publisher'], ['volume', 'volume'], ['issue', 'issue'], ['pages', 'page'], ['url', 'URL'], ['doi', 'DOI']];
    for (const [to, from] of map) {
      const v = str(it[from]) ?? (typeof it[from] === 'number' ? String(it[from]) : undefined);
      if (v) (entry as unknown as Record<string, string>)[to] = v;
    }
    entries.push(entry);
  });
  return { entries, problems };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function names(v: unknown): BibName[] {
  if (!Array.isArray(v)) return [];
  const out: BibName[] = [];
  for (const n of v) {
    if (!n || typeof n !== 'object') continue;
    const r = n as Record<string, unknown>;
    const literal = str(r['literal']);
    if (literal) { out.push({ literal }); continue; }
    const family = [str(r['non-dropping-particle']), str(r['family'])].filter(Boolean).join(' ');
    const given = str(r['given']);
    if (family || given) out.push({ ...(family ? { family } : {}), ...(given ? { given } : {}) });
  }
  return out;
}

function cslDate(v: unknown): string | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const d = v as { 'date-parts'?: unknown; raw?: unknown; literal?: unknown };
  const parts = Array.isArray(d['date-parts']) && Array.isArray(d['date-parts'][0]) ? (d['date-parts'][0] as unknown[]) : undefined;
  if (parts?.length) {
    const [y, m, day] = parts.map((p) => Number(p));
    if (!Number.isInteger(y)) return undefined;
    return [String(y).padStart(4, '0'), m ? String(m).padStart(2, '0') : '', m && day ? String(day).padStart(2, '0') : ''].filter(Boolean).join('-');
  }
  const raw = str(d.raw) ?? str(d.literal);
  const m = raw?.match(/(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/);
  return m ? [m[1], m[2], m[3]].filter(Boolean).join('-') : undefined;
}

/** 1-based line of an offset, for offsets asked in increasing order (linear overall). */
function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let at = 0;
  return (offset) => {
    for (let i = text.indexOf('\n', at); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { line++; at = i + 1; }
    return line;
  };
}

/** Offsets of the top-level array elements of a JSON text (strings skipped), for line numbers. */
function itemOffsets(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let expecting = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      if (depth === 1 && expecting) { out.push(i); expecting = false; }
      for (i++; i < text.length; i++) {
        const q = text.indexOf('"', i);
        if (q < 0) { i = text.length; break; }
        let b = 0;
        while (text[q - 1 - b] === '\\') b++;
        i = q;
        if (b % 2 === 0) break;
      }
      continue;
    }
    if (c === '[' || c === '{') {
      if (depth === 1 && expecting) { out.push(i); expecting = false; }
      depth++;
      if (depth === 1 && c === '[') expecting = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expecting = true;
    else if (depth === 1 && expecting && !/\s/.test(c!)) { out.push(i); expecting = false; }
  }
  return out;
}
