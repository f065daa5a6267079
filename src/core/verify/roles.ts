/**
 * Who holds which role in a sentence: "Chief Operating Officer Shan Shan Wong", "Emad Mostaque, the
 * founder and CEO of Stability AI", "Shan Shan Wong is Stability AI's chief technology officer". Every
 * word of "Shan Shan Wong is Stability AI's chief technology officer" is in a passage that names
 * "Chief Operating Officer Shan Shan Wong and Chief Technology Officer Daniel Laforte", so word
 * alignment supports it; the roles say who is what.
 */
import { foldWord } from '../text/fold';

/** Roles by canonical name, each with the word sequences that say it (lower case). */
const ROLE_FORMS: [string, string[]][] = [
  ['chief executive', ['chief executive officer', 'chief executive', 'ceo', 'co-ceo', 'co-chief executive', 'co-chief executive officer']],
  ['chief technology officer', ['chief technology officer', 'chief technical officer', 'cto']],
  ['chief operating officer', ['chief operating officer', 'coo']],
  ['chief financial officer', ['chief financial officer', 'cfo']],
  ['chief marketing officer', ['chief marketing officer', 'cmo']],
  ['chief scientist', ['chief scientist', 'chief science officer']],
  ['president', ['president']],
  ['chair', ['chairman', 'chairwoman', 'chairperson', 'chair']],
  ['founder', ['founder', 'co-founder', 'cofounder']],
];
/** Roles one person rarely holds two of: a passage giving someone another of them denies the claim's. */
const EXCLUSIVE = new Set(['chief executive', 'chief technology officer', 'chief operating officer', 'chief financial officer', 'chief marketing officer']);
const MAX_FORM = 4;
const FORMS = new Map<string, string>();
for (const [role, forms] of ROLE_FORMS) for (const f of forms) FORMS.set(f, role);

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'\u2019.-]*/gu;
/** Words between a name and its role ("is", "was named", "the", "its", "interim"). */
const LINKS = new Set(['is', 'was', 'as', 'became', 'becomes', 'remains', 'remained', 'served', 'serves', 'named', 'appointed',
  'the', 'its', 'his', 'her', 'their', 'a', 'an', 'interim', 'acting', 'former', 'new', 'then', 'now', 'also', 'who', 'has', 'been',
  'had', 'have', 'will', 'be', 'previously', 'formerly', 'once', 'currently', 'still', 'later', 'until', 'recently']);
/** Capitalised words that do not name a person. */
const NOT_NAMES = new Set(['the', 'a', 'an', 'this', 'that', 'it', 'he', 'she', 'they', 'we', 'i', 'and', 'but', 'as', 'in', 'on', 'under',
  'after', 'before', 'with', 'when', 'while', 'meanwhile', 'interim', 'acting', 'former', 'new', 'its', 'his', 'her', 'their',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december']);

interface Word { text: string; lower: string; start: number; end: number; capital: boolean }

export interface RoleHolding {
  /** The holder's surname, folded ("wong"). */
  person: string;
  /** The holder as written. */
  name: string;
  /** The canonical role. */
  role: string;
  /** Where the role's words are in the text, and as written. */
  start: number;
  end: number;
  text: string;
}

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const t = m[0].replace(/[.]+$/, '');
    out.push({ text: t, lower: foldWord(t).replace(/'s$/, ''), start: m.index!, end: m.index! + t.length, capital: /^\p{Lu}/u.test(t) });
  }
  return out;
}

/** The role said by the words from `i`, longest form first: [role, word count], or undefined. */
function roleAt(words: Word[], i: number): [string, number] | undefined {
  for (let n = Math.min(MAX_FORM, words.length - i); n >= 1; n--) {
    const role = FORMS.get(words.slice(i, i + n).map((w) => w.lower).join(' '));
    if (role) return [role, n];
  }
  return undefined;
}

/** Roles in a row from word `i`, joined by "and" or "&" ("founder and CEO"): each with its word span. */
function roleGroup(words: Word[], i: number): { role: string; from: number; to: number }[] {
  const out: { role: string; from: number; to: number }[] = [];
  for (let k = i; k < words.length;) {
    const r = roleAt(words, k);
    if (!r) break;
    out.push({ role: r[0], from: k, to: k + r[1] });
    k += r[1];
    if (words[k]?.lower !== 'and') break;
    k++;
  }
  return out;
}

/** A name of one to four capitalised words ending at word `end` (exclusive), not a role: [start, end]. */
function nameBefore(words: Word[], end: number, text: string): [number, number] | undefined {
  let s = end;
  while (s > 0 && end - s < 4 && isNameWord(words[s - 1]!) && (s === end || !brokenGap(text, words[s - 1]!.end, words[s]!.start, true))) s--;
  return s < end ? [s, end] : undefined;
}

function nameAfter(words: Word[], start: number, text: string): [number, number] | undefined {
  let e = start;
  while (e < words.length && e - start < 4 && isNameWord(words[e]!) && (e === start || !brokenGap(text, words[e - 1]!.end, words[e]!.start, true))) e++;
  return e > start ? [start, e] : undefined;
}

/** "Stability AI's", "Harbor Lines’" (a plural's bare apostrophe). */
function isPossessive(word: string): boolean {
  return /(?:['\u2019]s|s['\u2019])$/.test(word);
}

function isNameWord(w: Word): boolean {
  return w.capital && !NOT_NAMES.has(w.lower) && !FORMS.has(w.lower) && !/^\p{Lu}+$/u.test(w.text.replace(/['\u2019]s$/, ''));
}

/** Whether the text between two words holds anything but spaces (unless `strict`, a comma is allowed). */
function brokenGap(text: string, from: number, to: number, strict = false): boolean {
  const gap = text.slice(from, to);
  return strict ? /[^\s]/.test(gap) : /[^\s,]/.test(gap);
}

/**
 * The roles a text gives people: a role right before a name ("Chief Operating Officer Shan Shan Wong",
 * "founder and CEO, Emad Mostaque"), or after it, past a comma or a verb of being and a determiner or
 * an organisation's possessive ("Emad Mostaque, the founder and CEO", "Wong is Stability AI's chief
 * technology officer").
 */
export function roleHoldings(text: string): RoleHolding[] {
  const words = wordsOf(text);
  const out: RoleHolding[] = [];
  const add = (name: [number, number], group: { role: string; from: number; to: number }[]) => {
    // A possessive name owns the role ("Mostaque's CEO"): that is not the person holding it.
    const last = words[name[1] - 1]!;
    if (isPossessive(last.text) && group.length && group[0]!.from === name[1]) return;
    const person = last.lower.replace(/'s$/, '');
    const written = text.slice(words[name[0]]!.start, last.end).replace(/['\u2019]s$/, '');
    for (const g of group) {
      const start = words[g.from]!.start;
      const end = words[g.to - 1]!.end;
      out.push({ person, name: written, role: g.role, start, end, text: text.slice(start, end) });
    }
  };
  for (let i = 0; i < words.length; i++) {
    const group = roleGroup(words, i);
    if (!group.length) continue;
    const at = i;
    const after = group[group.length - 1]!.to;
    i = after - 1; // the group's words are read once
    // Role, then the name.
    const next = words[after];
    if (next && !brokenGap(text, words[after - 1]!.end, next.start)) {
      const name = nameAfter(words, after, text);
      if (name) add(name, group);
    }
    // Name, then links, then the role: "Wong is Stability AI's chief …", "Mostaque, the founder and CEO".
    let k = at;
    while (k > 0 && at - k < 7) {
      const w = words[k - 1]!;
      if (LINKS.has(w.lower)) { k--; continue; }
      if (!isPossessive(w.text)) break;
      // A possessive between ("the company's", "Stability AI's", "the ferry service's"), with up to two words of its name.
      const owner = --k;
      while (k > 0 && owner - k < 2 && !LINKS.has(words[k - 1]!.lower) && !brokenGap(text, words[k - 1]!.end, words[k]!.start, true)) k--;
    }
    if (k === at || k === 0) continue;
    if (!words.slice(k, at).some((w) => LINKS.has(w.lower)) && !/,\s*$/.test(text.slice(words[k - 1]!.end, words[k]!.start))) continue;
    const name = nameBefore(words, k, text) ?? asRole(words, k, text);
    if (name) add(name, group);
  }
  return out;
}

/**
 * "Laforte previously ran Stability's finances as chief financial officer": when the links before a
 * role begin with "as", the holder is the clause's name a few words back (no punctuation between).
 */
function asRole(words: Word[], k: number, text: string): [number, number] | undefined {
  if (words[k]?.lower !== 'as') return undefined;
  for (let j = k - 1; j >= Math.max(0, k - 8); j--) {
    if (brokenGap(text, words[j]!.end, words[j + 1]!.start, true)) return undefined;
    // An owner ("Harbor Lines’ finances") is not the holder: past it, with up to two more words of its name.
    if (isPossessive(words[j]!.text)) {
      for (let n = 0; n < 2 && j > 0 && words[j - 1]!.capital; n++) j--;
      continue;
    }
    if (isNameWord(words[j]!)) return nameBefore(words, j + 1, text);
  }
  return undefined;
}

export interface RoleConflict {
  /** The claim's holding, and the role the source gives that person instead (or, `holder`, the claim's role held by another). */
  claim: RoleHolding;
  source: RoleHolding;
  holder?: boolean;
}

/** Roles one person holds at a time ("chief technology officer"; a company may have co-chief executives). */
const SINGLE = new Set(['chief technology officer', 'chief operating officer', 'chief financial officer', 'chief marketing officer']);

/**
 * A role the claim gives someone whom the passage gives another role, while the passage gives the
 * claim's role to someone else (or both roles are of the kind one person holds one of): the roles are
 * swapped, not merely unmentioned. A passage that gives the person the claim's role agrees.
 */
export function roleConflict(claim: RoleHolding[], passageText: string, unknown: (person: string) => boolean = () => false): RoleConflict | undefined {
  if (!claim.length) return undefined;
  const passage = holdingsOf(passageText);
  for (const c of claim) {
    const theirs = passage.filter((p) => p.person === c.person);
    if (!theirs.length) {
      // "Mostaque was the chief technology officer" / "…Mostaque's departure… Chief Technology Officer
      // Daniel Laforte": the passage names the person and gives the role of one holder to another.
      // So does a passage that gives the role to another, when no source knows the claim's person at
      // all ("Google chief executive Satya Nadella" / "Google … with CEO Sundar Pichai").
      const other = passage.find((p) => p.role === c.role && p.person !== c.person);
      if (other && ((SINGLE.has(c.role) && namesPerson(passageText, c.person)) || (EXCLUSIVE.has(c.role) && unknown(c.person)))) return { claim: c, source: other, holder: true };
      continue;
    }
    if (theirs.some((p) => p.role === c.role)) continue;
    const elsewhere = passage.some((p) => p.role === c.role && p.person !== c.person);
    // Of the person's roles, one of the claim's kind says best what they are ("chief executive", not "founder").
    const other = theirs.find((p) => EXCLUSIVE.has(p.role) && EXCLUSIVE.has(c.role)) ?? (elsewhere ? theirs[0] : undefined);
    if (other) return { claim: c, source: other };
  }
  return undefined;
}

function namesPerson(text: string, person: string): boolean {
  return wordsOf(text).some((w) => w.lower === person);
}

const holdingsCache = new Map<string, RoleHolding[]>();
/**
 * A passage's holdings, read once: a role claim asks each of its candidates (and the same passages
 * come back for the draft's other role claims).
 */
function holdingsOf(text: string): RoleHolding[] {
  let out = holdingsCache.get(text);
  if (!out) {
    if (holdingsCache.size >= 5000) holdingsCache.clear();
    holdingsCache.set(text, (out = roleHoldings(text)));
  }
  return out;
}

/** Whether a passage gives one of the claim's holders the claim's role. */
export function holdsRole(claim: RoleHolding[], passageText: string): boolean {
  if (!claim.length) return false;
  const passage = holdingsOf(passageText);
  return claim.some((c) => passage.some((p) => p.person === c.person && p.role === c.role));
}
