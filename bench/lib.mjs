// Shared helpers of the benchmark: a seeded PRNG, a plain sentence splitter (used to draw queries and
// the draft, and as the baselines' passages until the engine gives its own), query makers, statistics.

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
  next.pick = (arr) => arr[Math.floor(next() * arr.length)];
  next.shuffle = (arr) => {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [arr[i], arr[j]] = [arr[j], arr[i]];
    }
    return arr;
  };
  return next;
}

const ABBREV = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Col|Capt|Lt|Rev|Gov|Sen|Rep|vs|etc|e\.g|i\.e|No|Vol|ch|cf|[A-Z])\.$/;

/**
 * Sentences of one source file as [start, end) offsets: paragraphs are lines, and a sentence ends at
 * . ! or ? (plus closing quotes/brackets) before a space and a capital, digit or opening quote.
 */
export function splitSentences(text) {
  const out = [];
  const para = /[^\n]+/g;
  let m;
  while ((m = para.exec(text))) {
    const line = m[0];
    const base = m.index;
    let start = 0;
    const stop = /[.!?]+["'\u201d\u2019)\]]*(?=\s+["'\u201c\u2018(\[]?[A-Z0-9])/g;
    let s;
    while ((s = stop.exec(line))) {
      const end = s.index + s[0].length;
      if (ABBREV.test(line.slice(Math.max(start, end - 6), end))) continue;
      push(out, line, base, start, end);
      start = end;
    }
    push(out, line, base, start, line.length);
  }
  return out;
}
function push(out, line, base, start, end) {
  while (start < end && /\s/.test(line[start])) start++;
  while (end > start && /\s/.test(line[end - 1])) end--;
  if (end > start) out.push([base + start, base + end]);
}

/** Word spans [start, end) of a string (whitespace-separated tokens). */
export function words(s) {
  const out = [];
  const re = /\S+/g;
  let m;
  while ((m = re.exec(s))) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Lowercase letters and digits only, single-spaced: for "is this text in that text" tests. */
export const norm = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One typo in a word of 4+ letters: swap, delete, insert or substitute an inner letter. */
function typo(w, r) {
  const i = r.int(1, w.length - 2);
  switch (r.int(0, 3)) {
    case 0: return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    case 1: return w.slice(0, i) + w.slice(i + 1);
    case 2: return w.slice(0, i) + r.pick(LETTERS) + w.slice(i);
    default: return w.slice(0, i) + r.pick(LETTERS.replace(w[i].toLowerCase(), '')) + w.slice(i + 1);
  }
}

/** q2: the excerpt with 1-2 typos in different words. */
export function withTypos(excerpt, r) {
  const ws = excerpt.split(' ');
  const idx = ws.map((w, i) => (/^[A-Za-z]{4,}/.test(w) ? i : -1)).filter((i) => i >= 0);
  r.shuffle(idx);
  const n = Math.min(idx.length, r.int(1, 2));
  for (const i of idx.slice(0, n)) {
    const m = /^([A-Za-z]+)(.*)$/.exec(ws[i]);
    let t;
    do t = typo(m[1], r); while (t === m[1]);
    ws[i] = t + m[2];
  }
  return ws.join(' ');
}

/**
 * q3 and the draft's paraphrases: `rate` of the words dropped or replaced by a frequent corpus word
 * (no thesaurus on purpose: the engine's own synonyms would make the test easy), and the two clauses
 * around a comma or semicolon swapped when there is one.
 */
export function paraphrase(text, r, vocab, rate = 0.3) {
  let ws = text.split(/\s+/).filter(Boolean);
  const n = Math.max(1, Math.round(ws.length * rate));
  const idx = r.shuffle(ws.map((_, i) => i)).slice(0, n);
  for (const i of idx) ws[i] = r() < 0.5 ? null : r.pick(vocab);
  ws = ws.filter((w) => w !== null);
  const cut = ws.findIndex((w, i) => i >= 2 && i < ws.length - 2 && /[,;]$/.test(w));
  if (cut >= 0) {
    const a = ws.slice(0, cut + 1);
    a[a.length - 1] = a[a.length - 1].replace(/[,;]$/, '');
    const b = ws.slice(cut + 1);
    b[b.length - 1] = b[b.length - 1].replace(/[.!?]+$/, '');
    ws = [...b, ',', ...a];
    return ws.join(' ').replace(' ,', ',');
  }
  return ws.join(' ');
}

/** Nearest-rank percentile. */
export function pct(values, p) {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const mb = (bytes) => bytes / 1048576;

/** Formats a number for the tables: ms with 1-2 significant decimals, '–' for missing. */
export function fmt(v, digits) {
  if (v === undefined || v === null || Number.isNaN(v)) return '–';
  if (typeof v === 'string') return v;
  if (digits !== undefined) return v.toFixed(digits);
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

export const percent = (x) => (Number.isNaN(x) || x === undefined ? '–' : `${(100 * x).toFixed(0)}%`);

/** What the search benches type a letter at a time: five words of every 40th long sentence of the draft (six). */
export function typedPhrases(draft) {
  return draft.split(/(?<=[.!?])\s+/).filter((x) => x.length > 40).filter((_, i) => i % 40 === 7).slice(0, 6)
    .map((x) => x.replace(/^[^A-Za-z]+/, '').split(/\s+/).slice(0, 5).join(' '));
}
