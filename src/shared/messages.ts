/**
 * The quote panel's message protocol, shared by the extension (src/extension/quotePanel.ts) and the
 * webview script (media/main.ts). Messages cross a trust boundary, so each side validates what it
 * receives with the guards below instead of trusting the shape.
 */

/** One result row: plain data, rendered by the webview as text only. */
export interface PanelItem {
  id: number;
  text: string;
  source: string;
  line: number;
  score: number;
}

/** Webview -> extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'search'; query: string; seq: number }
  | { type: 'open' | 'insert' | 'copy'; id: number };

/** Extension -> webview. `mode` says whether items answer a query or show the cursor's evidence. */
export type ToWebview =
  | { type: 'results'; seq: number; query: string; mode: 'search' | 'evidence'; items: PanelItem[]; note?: string }
  | { type: 'status'; text: string };

export const MAX_QUERY = 500;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

export function isFromWebview(v: unknown): v is FromWebview {
  if (!isRecord(v)) return false;
  switch (v.type) {
    case 'ready': return true;
    case 'search': return typeof v.query === 'string' && v.query.length <= MAX_QUERY && isId(v.seq);
    case 'open': case 'insert': case 'copy': return isId(v.id);
    default: return false;
  }
}

function isItem(v: unknown): v is PanelItem {
  return isRecord(v) && isId(v.id) && typeof v.text === 'string' && typeof v.source === 'string' &&
    isId(v.line) && typeof v.score === 'number';
}

export function isToWebview(v: unknown): v is ToWebview {
  if (!isRecord(v)) return false;
  if (v.type === 'status') return typeof v.text === 'string';
  return v.type === 'results' && isId(v.seq) && typeof v.query === 'string' &&
    (v.mode === 'search' || v.mode === 'evidence') && Array.isArray(v.items) && v.items.every(isItem) &&
    (v.note === undefined || typeof v.note === 'string');
}

/** Case-insensitive ranges of the query's words (2+ characters) in text, merged, for highlighting. */
export function highlightRanges(text: string, query: string): [number, number][] {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}$%.,'-]+/u).map((w) => w.replace(/^[.,'-]+|[.,'-]+$/g, ''))
    .filter((w) => w.length >= 2);
  if (!words.length) return [];
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const w of new Set(words)) {
    for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + w.length)) ranges.push([i, i + w.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
