/**
 * Facts a fact-checker compares: money, percentages, counts, dates and years, and person or
 * organisation names. Each gets a canonical value so that "$8 million" = "8 million dollars",
 * "three" = "3" and "23 March 2024" = "March 23, 2024". All patterns are anchored scans with bounded
 * repetition (linear time).
 */

import { stem } from '../text/tokenize';
import { foldWord } from '../text/fold';
import { areSynonyms } from '../lexicon/thesaurus';
import { STOPWORDS } from '../text/stopwords';

export type FactKind = 'money' | 'percent' | 'number' | 'date' | 'name' | 'period' | 'weekday' | 'share';

export interface Fact {
  kind: FactKind;
  /** Canonical value: a number for quantities, "Y-M-D" with blanks for dates, lower-case words for names. */
  value: string;
  /** The words as written, for messages and fixes. */
  text: string;
  start: number;
  end: number;
  /** For counts: the stem of the word counted ("passengers" -> "passeng"), when there is one. */
  unit?: string;
  /**
   * A comparison before the figure: "more than 500" (min), "fewer than 500" (max), "about 500" (about:
   * within a tenth). The fact's text includes the words of a min or max ("more than 500 people").
   */
  bound?: 'min' | 'max' | 'about';
  /** The bound excludes its figure ("more than", "fewer than"; not "at least", "up to"). */
  strict?: boolean;
}

/**
 * Every fact has the same properties in the same order (absent ones undefined): the judge reads facts
 * of every kind in the same loops, and objects of one shape keep those reads monomorphic.
 */
export function makeFact(kind: FactKind, value: string, text: string, start: number, end: number, unit?: string, bound?: Fact['bound'], strict?: boolean): Fact {
  return { kind, value, text, start, end, unit, bound, strict };
}

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  dozen: 12, a: 1, an: 1, half: 0.5,
};
const SCALE: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, mln: 1e6, billion: 1e9, b: 1e9, bn: 1e9, trillion: 1e12, tn: 1e12,
};
const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10,
  nov: 11, dec: 12,
};
const CURRENCY_SYMBOL: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const CURRENCY_WORD: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', usd: 'USD', euro: 'EUR', euros: 'EUR', eur: 'EUR', pound: 'GBP', pounds: 'GBP',
  gbp: 'GBP', yen: 'JPY',
};

const NUM = String.raw`(?:\d{1,3}(?:(?:,|\{,\})\d{3})+|\d+)(?:\.\d+)?`;
// "twenty-one", "two and a half".
const WORDNUM = `(?:${Object.keys(SMALL).filter((w) => w.length > 2).join('|')})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?(?: and a half)?`;
/** Days of the month in words ("the twenty-third of March"). */
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11,
  twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18,
  nineteenth: 19, twentieth: 20, thirtieth: 30,
};
const ORDWORD = String.raw`(?:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|${Object.keys(ORDINALS).join('|')})`;
const SCALES = 'thousand|million|billion|trillion|bn|mn|mln|tn|[kmb]';
const MONTH = Object.keys(MONTHS).join('|');

const MONEY_SYMBOL_RE = new RegExp(String.raw`(?:US|A|C|NZ|HK)?([$€£¥])\s?(${NUM})(?:\s?(${SCALES})\b)?`, 'gi');
const MONEY_WORD_RE = new RegExp(String.raw`\b(${NUM}|${WORDNUM})(?:\s(${SCALES}))?\s(dollars?|usd|euros?|eur|pounds?|gbp|yen)\b`, 'gi');
const PERCENT_RE = new RegExp(String.raw`\b(${NUM}|${WORDNUM})\s?(%|per ?cent\b)`, 'gi');
// (A day in words only with "of": "the first March meeting" is no date.)
const DATE_DMY_RE = new RegExp(String.raw`\b(?:(\d{1,2})(?:st|nd|rd|th)?\s(?:of\s)?|(${ORDWORD})\sof\s)(${MONTH})\b(?:\.?,?\s(\d{4})\b)?`, 'gi');
const DATE_MDY_RE = new RegExp(String.raw`\b(${MONTH})\.?\s(\d{1,2})(?:st|nd|rd|th)?(?:,?\s(\d{4}))?\b`, 'gi');
const DATE_MY_RE = new RegExp(String.raw`\b(${MONTH})\.?,?\s(?:of\s)?(\d{4})\b`, 'gi');
const DATE_ISO_RE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const YEAR_RE = /\b(1[5-9]\d\d|20\d\d)\b/g;
// ("A million" counts; "a" alone does not.)
const COUNT_RE = new RegExp(String.raw`\b(${NUM}|${WORDNUM}|an?(?=\s(?:thousand|million|billion|trillion)\b))(?:\s(${SCALES})\b)?`, 'gi');
/**
 * The period of a rate: "per month", "every week", "each year", or "a month" right after a figure
 * ("$8 million a month", "400 passengers a day", "twice a year"); not "a year ago".
 */
const PERIOD_RE = /\b(?:(?:per|every|each)\s+|(?<=(?:\d|\b(?:million|billion|thousand|hundred|percent|dollars|times|twice|once))\s+)an?\s+)(hour|day|week|month|quarter|year)\b(?!\s+(?:ago|earlier|later|before|after))/gi;
const VAGUE_RE = /\b(?:(?:a few|several|a couple of)\s+(hundred|thousand|million|billion)|(dozens|hundreds|thousands|millions|billions)(?:\sof\s(thousands|millions|billions))?)\b/gi;
/** Powers of ten of the words of a vague quantity ("hundreds of millions" = 10^8). */
const MAGNITUDE: Record<string, number> = { dozens: 1.2, hundred: 2, hundreds: 2, thousand: 3, thousands: 3, million: 6, millions: 6, billion: 9, billions: 9 };

function ordinalValue(s: string): number {
  const [tens, unit] = s.toLowerCase().split(/[- ]/);
  return unit ? SMALL[tens!]! + ORDINALS[unit]! : ORDINALS[tens!]!;
}

function numberValue(s: string): number | undefined {
  let lower = s.toLowerCase();
  if (/^\d/.test(lower)) return Number(lower.replace(/[{},]/g, ''));
  const half = lower.endsWith(' and a half');
  if (half) lower = lower.slice(0, -' and a half'.length);
  const parts = lower.split(/[- ]/);
  let total = half ? 0.5 : 0;
  for (const p of parts) {
    const v = SMALL[p];
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}

function scaled(num: string, scale: string | undefined): number | undefined {
  const v = numberValue(num);
  if (v === undefined) return undefined;
  return scale ? v * (SCALE[scale.toLowerCase()] ?? 1) : v;
}

function canon(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}

/** All facts in `text`, without overlaps (the more specific pattern wins). */
const NUMBER_HINT_RE = new RegExp(String.raw`\d|\b(?:${WORDNUM}|dozens|hundreds?|thousands?|millions?|billions?)\b`, 'i');

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_RE = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;

/** Days of the week ("early Monday morning"): value the lower-case day. */
function weekdays(text: string): Fact[] {
  if (!text.includes('day')) return [];
  return [...text.matchAll(WEEKDAY_RE)].map((m) => makeFact('weekday', m[1]!.toLowerCase(), m[0], m.index!, m.index! + m[0].length));
}

/** The day of the week of a full date fact ("2024-3-23" -> "saturday"), if it has year, month and day. */
function weekdayOfDate(f: Fact): string | undefined {
  if (f.kind !== 'date') return undefined;
  const [y, m, d] = f.value.split('-').map((x) => (x ? Number(x) : NaN));
  if (!(y! > 0 && m! > 0 && d! > 0)) return undefined;
  return WEEKDAYS[new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay()];
}

/** How a message shows a source's fact: a date against a claimed weekday with its own ("March 23, 2024 (a Saturday)"). */
export function sourceWording(source: Fact, claim: Fact): string {
  const day = claim.kind === 'weekday' ? weekdayOfDate(source) : undefined;
  return day ? `${source.text} (a ${day.charAt(0).toUpperCase()}${day.slice(1)})` : source.text;
}

/** Whether a weekday meets a full date: they compare by the date's weekday ("Friday" / "March 23, 2024", a Saturday). */
function weekdayAndDate(a: Fact, b: Fact): boolean {
  return (a.kind === 'weekday' && weekdayOfDate(b) !== undefined) || (b.kind === 'weekday' && weekdayOfDate(a) !== undefined);
}

export function extractFacts(text: string): Fact[] {
  const parts = shares(text);
  if (!parts.length) return extractOtherFacts(text);
  // A fraction is a share, not a number: "more than half" is no count of 0.5.
  const inFraction = (f: Fact) => f.kind === 'number' && parts.some((p) => p.fraction && f.start >= p.fact.start && f.end <= p.fact.end + 4);
  return [...extractOtherFacts(text).filter((f) => !inFraction(f)), ...parts.map((p) => p.fact)].sort((a, b) => a.start - b.start);
}

/** Fractions of a whole, with the words that bound them: the share's canonical value and its bound. */
const FRACTIONS: Record<string, [number, Fact['bound']?, boolean?]> = {
  half: [0.5], 'a half': [0.5], 'one half': [0.5], 'a third': [1 / 3], 'one third': [1 / 3], 'two thirds': [2 / 3],
  'a quarter': [0.25], 'one quarter': [0.25], 'three quarters': [0.75],
  most: [0.5, 'min', true], 'the majority': [0.5, 'min', true], 'a majority': [0.5, 'min', true], 'a minority': [0.5, 'max', true],
};
const SHARE_RE = /\b(?:(more than|over|at least|fewer than|less than|under|at most|nearly|almost|about|roughly|around)\s+)?(half|a half|one half|a third|one[- ]third|two[- ]thirds|a quarter|one[- ]quarter|three[- ]quarters|most|the majority|a majority|a minority)\s+of\b/gi;
const WHOLE_RE = new RegExp(String.raw`\b(?:all\s+(\d{1,4}|${WORDNUM})|both)\s+of\b`, 'gi');
const COUNT_OF_RE = new RegExp(String.raw`\b(\d{1,4}|${WORDNUM})\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|all\s+)?(\d{1,4}|${WORDNUM})\b`, 'gi');

/**
 * Shares of a whole: "three of the five" (exactly 0.6), "fewer than half of" (below 0.5), "most of" (above
 * 0.5), "about a third of". "One of" is left out: "one of the five authors" says one is, not that only one is.
 */
function shares(text: string): { fact: Fact; fraction: boolean }[] {
  if (!/ of\b/i.test(text)) return [];
  const out: { fact: Fact; fraction: boolean }[] = [];
  // (Cheap tests first: this runs on every passage a claim is compared with.)
  const fractions = /\b(?:half|thirds?|quarters?|most|majority|minority)\b/i.test(text) ? text.matchAll(SHARE_RE) : [];
  for (const m of fractions) {
    // "The second half of the century" is a part, not a share.
    if (!m[1] && /\b(?:first|second|third|last|latter|other|top|bottom|upper|lower|front|back|early|late)\s+$/i.test(text.slice(Math.max(0, m.index! - 8), m.index!))) continue;
    const [v, bound, strict] = FRACTIONS[m[2]!.toLowerCase().replace('-', ' ')]!;
    const [b, st] = m[1] ? boundOf(m[1].toLowerCase()) : bound ? [bound, strict ?? false] : ['about' as const, false];
    const end = m.index! + m[0].length - 3; // without " of"
    out.push({ fact: makeFact('share', String(Math.round(v * 1000) / 1000), text.slice(m.index!, end), m.index!, end, undefined, b, st || undefined), fraction: true });
  }
  // "All five of the authors", "both of the founders": the whole.
  for (const m of /\b(?:all|both)\b/i.test(text) ? text.matchAll(WHOLE_RE) : []) {
    const total = m[1] ? wordOrDigits(m[1]) : 2;
    if (total === undefined || total < 2) continue;
    out.push({ fact: makeFact('share', '1', m[0].slice(0, -3), m.index!, m.index! + m[0].length - 3), fraction: false });
  }
  for (const m of NUMBER_HINT_RE.test(text) ? text.matchAll(COUNT_OF_RE) : []) {
    const n = wordOrDigits(m[1]!);
    const total = wordOrDigits(m[2]!);
    if (n === undefined || total === undefined || n < 2 || total < 2 || n > total) continue;
    out.push({ fact: makeFact('share', String(Math.round((n / total) * 1000) / 1000), m[0], m.index!, m.index! + m[0].length), fraction: false });
  }
  return out;
}

function wordOrDigits(w: string): number | undefined {
  if (/^\d+$/.test(w)) return Number(w);
  const v = SMALL[w.toLowerCase()];
  return v !== undefined && v >= 1 && Number.isInteger(v) ? v : undefined;
}

/** The range a share allows: exact for a count of a total, a bound's side, or about five points either way. */
function shareRange(f: Fact): [number, number] {
  const v = Number(f.value);
  const e = f.strict ? 1e-6 : 0;
  if (f.bound === 'min') return [v + e, 1];
  if (f.bound === 'max') return [0, v - e];
  if (f.bound === 'about') return [v - 0.05, v + 0.05];
  return [v, v];
}

function extractOtherFacts(text: string): Fact[] {
  // Most passages state no quantity: skip the quantity patterns unless a digit or number word occurs.
  if (!NUMBER_HINT_RE.test(text)) {
    const names = extractNames(text);
    const days = weekdays(text).filter((d) => names.every((n) => d.end <= n.start || d.start >= n.end));
    return days.length ? [...names, ...days].sort((a, b) => a.start - b.start) : names;
  }
  const facts: Fact[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const add = (f: Fact) => {
    if (!free(f.start, f.end)) return;
    facts.push(f);
    taken.push([f.start, f.end]);
  };
  for (const m of text.matchAll(MONEY_SYMBOL_RE)) {
    const v = scaled(m[2]!, m[3]);
    if (v !== undefined) add(makeFact('money', `${CURRENCY_SYMBOL[m[1]!]}:${canon(v)}`, m[0], m.index!, m.index! + m[0].length));
  }
  for (const m of text.matchAll(MONEY_WORD_RE)) {
    if (/^an?$/i.test(m[1]!) && !m[2]) continue;
    const v = scaled(m[1]!, m[2]);
    if (v !== undefined) add(makeFact('money', `${CURRENCY_WORD[m[3]!.toLowerCase()]}:${canon(v)}`, m[0], m.index!, m.index! + m[0].length));
  }
  for (const m of text.matchAll(PERCENT_RE)) {
    const v = numberValue(m[1]!);
    if (v !== undefined) add(makeFact('percent', canon(v), m[0], m.index!, m.index! + m[0].length));
  }
  const date = (m: RegExpMatchArray, y: string | undefined, mo: number | undefined, d: string | undefined) => {
    const day = d ? Number(d) : undefined;
    if (day !== undefined && (day < 1 || day > 31)) return;
    add(makeFact('date', `${y ?? ''}-${mo ?? ''}-${day ?? ''}`, m[0], m.index!, m.index! + m[0].length));
  };
  for (const m of text.matchAll(DATE_ISO_RE)) date(m, m[1], Number(m[2]), m[3]);
  for (const m of text.matchAll(DATE_DMY_RE)) {
    // "22 March" is a date; "the 2 may be" is not: without a year, only a capitalised month.
    if (!m[4] && m[3] === m[3]!.toLowerCase()) continue;
    date(m, m[4], MONTHS[m[3]!.toLowerCase()], m[1] ?? String(ordinalValue(m[2]!)));
  }
  for (const m of text.matchAll(DATE_MDY_RE)) {
    // "May 5" is a date; "may 5" inside a sentence is usually the verb.
    if (m[1] === 'may' || (!m[3] && /^(mar|may|jun|jan|dec|oct|sep|nov|aug|apr|feb|jul)$/i.test(m[1]!) && m[1] === m[1]!.toLowerCase())) continue;
    date(m, m[3], MONTHS[m[1]!.toLowerCase()], m[2]);
  }
  for (const m of text.matchAll(DATE_MY_RE)) {
    if (m[1] === m[1]!.toLowerCase()) continue;
    date(m, m[2], MONTHS[m[1]!.toLowerCase()], undefined);
  }
  for (const m of text.matchAll(YEAR_RE)) date(m, m[1], undefined, undefined);
  for (const m of text.matchAll(PERIOD_RE)) {
    add(makeFact('period', m[1]!.toLowerCase(), m[0], m.index!, m.index! + m[0].length));
  }
  for (const m of text.matchAll(VAGUE_RE)) {
    // Value: "~" and the power of ten ("a few thousand" ~3.5, "hundreds of millions" ~8.5).
    const words = (m[1] ? [m[1]] : [m[2]!, ...(m[3] ? [m[3]] : [])]).map((w) => w.toLowerCase());
    const power = words.reduce((sum, w) => sum + MAGNITUDE[w]!, 0) + 0.5;
    // What it counts, as for a figure: "millions of dollars" are not "200 employees".
    const end = m.index! + m[0].length;
    const unit = /^ (?:of )?([a-z]{3,20})\b/.exec(text.slice(end, end + 25));
    const counted = unit && !STOP_UNITS.has(unit[1]!) ? stem(unit[1]!) : undefined;
    add(makeFact('number', `~${power}`, m[0], m.index!, end, counted));
  }
  for (const m of text.matchAll(COUNT_RE)) {
    if ((/^an?$/i.test(m[1]!) && !(m[2] && m[2].length > 1)) || /^half$/i.test(m[1]!)) continue;
    // "One of the interim co-CEOs" picks one out of a group; it counts nothing a source would state.
    if (/^one$/i.test(m[1]!) && /^ of\b/i.test(text.slice(m.index! + 3, m.index! + 7))) continue;
    // A one-letter scale ("5 m") is a unit, not a multiplier, unless money.
    const scale = m[2] && m[2].length > 1 ? m[2] : undefined;
    const v = scaled(m[1]!, scale);
    const end = m.index! + (scale ? m[0].length : m[1]!.length);
    // Ordinals and parts of identifiers are not counts.
    if (v === undefined || /^(?:st|nd|rd|th|[\p{L}\d])/u.test(text.slice(end, end + 2))) continue;
    if (/[\p{L}\d.,]$/u.test(text.slice(Math.max(0, m.index! - 1), m.index!)) && /^\d/.test(m[1]!)) continue;
    // Shown with the word it counts ("140 metres"), so messages and fixes read naturally.
    const unit = /^ ([a-z]{3,20})\b/.exec(text.slice(end, end + 22));
    const counted = unit && !STOP_UNITS.has(unit[1]!) ? unit[1]! : undefined;
    const shownEnd = counted ? end + unit![0].length : end;
    add(makeFact('number', canon(v), text.slice(m.index!, shownEnd), m.index!, shownEnd, counted ? stem(counted) : undefined));
  }
  for (const f of facts) if (f.kind === 'money' || f.kind === 'percent' || (f.kind === 'number' && !f.value.startsWith('~'))) bind(text, f);
  for (const f of extractNames(text)) add(f);
  for (const f of weekdays(text)) add(f);
  return facts.sort((a, b) => a.start - b.start);
}

const BOUND_RE = /\b(more than|over|above|at least|exceeding|exceeded|exceeds|exceed|upwards of|in excess of|greater than|less than|fewer than|under|below|at most|up to|no more than|nearly|almost|about|around|roughly|approximately|some|close to|near|just under|just over)\s+$/i;
const MIN_WORDS = new Set(['more than', 'over', 'above', 'at least', 'exceeding', 'exceeded', 'exceeds', 'exceed', 'upwards of', 'in excess of', 'greater than']);
const MAX_WORDS = new Set(['less than', 'fewer than', 'under', 'below', 'at most', 'up to', 'no more than']);
const INCLUSIVE = new Set(['at least', 'at most', 'up to', 'no more than']);

/** The bound a comparison says ("more than": above, strictly; "at most": below or equal; "nearly": about). */
function boundOf(words: string): [NonNullable<Fact['bound']>, boolean] {
  if (MIN_WORDS.has(words)) return ['min', !INCLUSIVE.has(words)];
  if (MAX_WORDS.has(words)) return ['max', !INCLUSIVE.has(words)];
  return ['about', false];
}

/** Reads a comparison just before a figure ("more than 500 people") into its bound. */
function bind(text: string, f: Fact): void {
  const m = BOUND_RE.exec(text.slice(Math.max(0, f.start - 24), f.start));
  if (!m) return;
  const [bound, strict] = boundOf(m[1]!.toLowerCase());
  f.bound = bound;
  if (bound === 'about') return;
  if (strict) f.strict = true;
  f.start -= m[0].length;
  f.text = text.slice(f.start, f.end);
}

/** The figure of a quantity fact (an amount, a count, a percentage), or undefined (names, dates, vague quantities). */
function figure(f: Fact): number | undefined {
  const q = f.kind === 'percent' ? f.value : quantity(f);
  return q === undefined ? undefined : Number(q);
}

/** Whether a figure has at most two significant digits (800, 64,000, 2.5 trillion). */
function roundFigure(x: number): boolean {
  const digits = String(Math.abs(x)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return digits.length <= 2;
}

/** The range of values a figure with its bound allows. */
function range(f: Fact, x: number): [number, number] {
  // A strict bound leaves out its own figure ("fewer than three" is not three).
  const step = f.strict ? Math.max(Math.abs(x) * 1e-9, 1e-9) : 0;
  if (f.bound === 'min') return [x + step, Infinity];
  if (f.bound === 'max') return [-Infinity, x - step];
  // "About" rounds: "about 800" allows 750, "about 797" is a precise figure and allows no other.
  if (f.bound === 'about') return roundFigure(x) ? [x * 0.9, x * 1.1] : [x, x];
  return [x, x];
}

/**
 * With a bound on either side, whether passage fact `b` states claim fact `a`: "more than 500" is said
 * by "600" or by "more than 550"; a plain "600" is not said by "more than 500".
 */
function boundedSame(a: Fact, b: Fact): boolean {
  const x = figure(a);
  const y = figure(b);
  if (x === undefined || y === undefined || (a.kind === 'money' && a.value.split(':')[0] !== b.value.split(':')[0])) return false;
  // Only a figure of the bound's magnitude, counting the same thing, can meet it ("less than $1 trillion"
  // is not said by a price of $64,062 in the same sentence).
  if (!(x > 0 && y > 0) || Math.abs(Math.log10(y / x)) >= 1 || !comparable(a, b)) return false;
  const [lo, hi] = range(a, x);
  // "About $2.5 trillion" is what "exceeds $2.5 trillion" says, near enough: the bound's figure is in range.
  if (a.bound === 'about' && (b.bound === 'min' || b.bound === 'max')) return y >= lo && y <= hi;
  const [plo, phi] = b.bound === 'about' ? [y, y] : range(b, y);
  return plo >= lo && phi <= hi;
}

/**
 * Whether a figure with a bound and another figure can both be true ("more than 500" and "600"): then
 * they do not conflict. The same bound with another figure is a changed figure ("exceeded $3.5
 * trillion" / "exceeds $2.5 trillion"), and "about" is no range here ("about $9 million" / "about $8
 * million" conflict).
 */
export function compatible(a: Fact, b: Fact): boolean {
  if (a.kind === 'share' && b.kind === 'share') {
    const [alo, ahi] = shareRange(a);
    const [blo, bhi] = shareRange(b);
    return alo <= bhi && blo <= ahi;
  }
  const ba = a.bound === 'about' ? undefined : a.bound;
  const bb = b.bound === 'about' ? undefined : b.bound;
  if ((!ba && !bb) || ba === bb) return false;
  const x = figure(a);
  const y = figure(b);
  if (x === undefined || y === undefined || a.kind !== b.kind) return false;
  // Against a bound, "about" is its range ("about $2.5 trillion" and "exceeds $2.5 trillion" can both hold).
  const [alo, ahi] = ba || a.bound === 'about' ? range(a, x) : [x, x];
  const [blo, bhi] = bb || b.bound === 'about' ? range(b, y) : [y, y];
  return alo <= bhi && blo <= ahi;
}

/** Words after a number that are not what it counts. */
const STOP_UNITS = new Set(('of and or to in on at by for the a an per as than with from into over under about ' +
  'more less was were is are be been will would has have had').split(' '));

export const TITLE_WORDS = new Set(
  ('mr mrs ms dr prof sir dame lord lady president ceo cto coo cfo chief officer executive director chairman chair ' +
    'minister secretary senator governor mayor judge justice general captain professor founder co-founder interim ' +
    'the a an in on at of and for with by from to as but or this that these those his her its their our my').split(' '),
);
const NAME_RE = /\p{Lu}[\p{L}'\u2019-]*(?:\s+\p{Lu}[\p{L}'\u2019-]*)+/gu;

/**
 * Multi-word capitalised names ("Shan Shan Wong", "Daniel Laforte"), with leading titles and sentence-
 * initial function words dropped. Value: the name's words, folded (lower case, straight quotes, no accents).
 */
export function extractNames(text: string): Fact[] {
  const out: Fact[] = [];
  for (const m of text.matchAll(NAME_RE)) {
    const words = m[0].split(/\s+/);
    let offset = m.index!;
    const isTitle = (w: string) => TITLE_WORDS.has(w.toLowerCase().replace(/['\u2019]s$/, ''));
    // A capitalised function word that opens the sentence is not part of the name ("Under Mostaque's
    // leadership"); elsewhere it may be a given name ("actor Will Smith").
    const opensSentence = m.index === 0 || /[.!?:;"\u201c(]\s*$/.test(text.slice(Math.max(0, m.index! - 3), m.index!));
    while (words.length && (isTitle(words[0]!) || (opensSentence && offset === m.index && STOPWORDS.has(words[0]!.toLowerCase())))) {
      offset = text.indexOf(words[1] ?? '', offset + words[0]!.length);
      words.shift();
    }
    // A role before the name ("Chief Technology Officer Daniel Laforte"): the name starts after it.
    let role = -1;
    for (let j = 0; j < words.length - 2; j++) if (isTitle(words[j]!)) role = j;
    while (role-- >= 0) {
      offset = text.indexOf(words[1]!, offset + words[0]!.length);
      words.shift();
    }
    if (words.length < 2) continue;
    const last = words[words.length - 1]!.replace(/['\u2019]s$/, '');
    words[words.length - 1] = last;
    // Folded, so that "OpenAI's" and "OpenAI’s", "José" and "Jose" are one name.
    const value = words.map((w) => foldWord(w).replace(/'s$/, '')).join(' ');
    const end = offset + words.join(' ').length;
    out.push(makeFact('name', value, text.slice(offset, end), offset, end));
  }
  return out;
}

/**
 * Whether passage fact `b` states claim fact `a` (a less specific date agrees with a more specific one,
 * a weekday with a full date on that day).
 */
export function sameFact(a: Fact, b: Fact): boolean {
  if (a.kind !== b.kind) {
    // A full date says its weekday; a weekday does not say the date.
    if (a.kind === 'weekday' && b.kind === 'date') return weekdayOfDate(b) === a.value;
    // "$8 million" and "8 million" state the same quantity.
    const qa = quantity(a);
    const qb = quantity(b);
    if (qa !== undefined && qa === qb) return true;
    // "Millions of dollars" and "$8 million": a vague quantity agrees with an amount of its magnitude.
    const vague = a.value.startsWith('~') ? a : b.value.startsWith('~') ? b : undefined;
    const amount = vague === a ? b : a;
    if (!vague || vague.kind !== 'number' || amount.kind !== 'money') return false;
    const pv = power(vague);
    const pa = power({ ...amount, value: amount.value.split(':')[1]! });
    return pv !== undefined && pa !== undefined && Math.abs(pv - pa) < 1;
  }
  if (a.kind === 'share') {
    // The passage's share lies within what the claim allows ("fewer than half" / "two of the five").
    const [lo, hi] = shareRange(a);
    const [plo, phi] = shareRange(b);
    return plo >= lo - 1e-9 && phi <= hi + 1e-9;
  }
  if ((a.bound || b.bound) && figure(a) !== undefined && figure(b) !== undefined) return boundedSame(a, b);
  if (a.kind === 'date') {
    const [ya, ma, da] = a.value.split('-');
    const [yb, mb, db] = b.value.split('-');
    return (!ya || !yb || ya === yb) && (!ma || !mb || ma === mb) && (!da || !db || da === db);
  }
  if (a.kind === 'money') {
    const [ca, va] = a.value.split(':');
    const [cb, vb] = b.value.split(':');
    return ca === cb && Math.abs(Number(va) - Number(vb)) <= Math.abs(Number(va)) * 0.005;
  }
  if (a.kind === 'name') return a.value === b.value || a.value.endsWith(' ' + b.value) || b.value.endsWith(' ' + a.value);
  if (a.kind === 'number' && (a.value.startsWith('~') || b.value.startsWith('~'))) {
    // A vague quantity agrees with any figure of its order of magnitude ("thousands" / "4,000").
    const pa = power(a);
    const pb = power(b);
    return pa !== undefined && pb !== undefined && Math.abs(pa - pb) < 1;
  }
  return a.value === b.value && (!isDuration(a) && !isDuration(b) || a.unit === b.unit);
}

/** Stems of time units: "three weeks" is a duration, not a count of three things ("three of the five"). */
const TIME_UNITS = new Set(['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'quarters', 'years', 'decades', 'centuries'].map(stem));
export const isDuration = (f: Fact) => f.unit !== undefined && TIME_UNITS.has(f.unit);

/** Whether two numbers can count the same thing: a duration only another of its unit. */
function unitsAgree(a: Fact, b: Fact): boolean {
  if (isDuration(a) || isDuration(b)) return a.unit === b.unit;
  return !a.unit || !b.unit || a.unit === b.unit || areSynonyms(a.unit, b.unit);
}

/** A number's power of ten (vague quantities carry theirs). */
function power(f: Fact): number | undefined {
  const v = f.value.startsWith('~') ? Number(f.value.slice(1)) : Math.log10(Math.abs(Number(f.value)));
  return Number.isFinite(v) ? v : undefined;
}

function quantity(f: Fact): string | undefined {
  if (f.kind === 'money') return f.value.split(':')[1];
  if (f.kind === 'number' && !f.value.startsWith('~')) return f.value;
  return undefined;
}

/**
 * Whether two amounts differ only in scale ("$8 million" / "$8 billion"): the same figure a thousand,
 * a million... times apart, the slip of a unit word rather than another figure.
 */
export function scaleSlip(a: Fact, b: Fact): boolean {
  if (a.kind !== b.kind) return false;
  const qa = Number(quantity(a));
  const qb = Number(quantity(b));
  if (!(qa > 0 && qb > 0) || qa === qb) return false;
  const k = Math.log10(Math.max(qa, qb) / Math.min(qa, qb)) / 3;
  return Math.abs(k - Math.round(k)) < 1e-9;
}

/**
 * Two full dates of one month and year a few days apart ("March 22, 2024" / "March 23, 2024"), or a
 * weekday against a full date: the same event dated differently, which needs less agreement around
 * it to be the same slot.
 */
export function daySlip(a: Fact, b: Fact): boolean {
  if (weekdayAndDate(a, b)) return true;
  if (a.kind !== 'date' || b.kind !== 'date') return false;
  const [ya, ma, da] = a.value.split('-');
  const [yb, mb, db] = b.value.split('-');
  // (A year on one side only is no disagreement: "22 March" / "March 23, 2024".)
  return Boolean(ma && da && ma === mb && db && (!ya || !yb || ya === yb)) && Math.abs(Number(da) - Number(db)) <= 7;
}

/** Whether two facts can disagree at all (same kind; dates only when they share a field). */
export function comparable(a: Fact, b: Fact): boolean {
  if (a.kind !== b.kind) return weekdayAndDate(a, b);
  if (a.kind === 'date') {
    const [ya, ma, da] = a.value.split('-');
    const [yb, mb, db] = b.value.split('-');
    return Boolean((ya && yb) || (ma && mb) || (da && db)) && Boolean((ya && yb) || (ma && mb));
  }
  // Two counts of a total ("16 of the 17") differ in their numbers already; "all five of" does not
  // ("three of the five").
  if (a.kind === 'share') return Boolean(a.bound || b.bound) || a.value === '1' || b.value === '1';
  // "600 people" and "48,000 kettles" count different things.
  if (a.kind === 'number') {
    const units = unitsAgree(a, b);
    // A vague quantity disagrees only with one orders of magnitude away ("a few thousand" / "hundreds of millions").
    if (a.value.startsWith('~') || b.value.startsWith('~')) return units && Math.abs((power(a) ?? NaN) - (power(b) ?? NaN)) >= 2;
    return units;
  }
  if (a.kind === 'name') return namesConflict(a.value, b.value);
  return true;
}

/** Two names conflict when they share a surname but differ in the given name right before it. */
export function namesConflict(a: string, b: string): boolean {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa[wa.length - 1] !== wb[wb.length - 1] || wa[wa.length - 1]!.length < 3) return false;
  const ga = wa[wa.length - 2];
  const gb = wb[wb.length - 2];
  return ga !== undefined && gb !== undefined && ga !== gb;
}
