/**
 * How much of a claim a passage (or two adjacent passages) says: every content word of the claim is
 * looked for in the passage as the same stem, a WordNet synonym (word or phrase), an acronym, or a
 * near spelling; every number, amount and date must be there with the same value. Words weigh by
 * their rarity in the sources, so "Laforte" counts for more than "company".
 */
import { antonymsOf, inflections, otherForms } from '../lexicon/antonyms';
import { areSynonyms, synonymsOf } from '../lexicon/thesaurus';
import { STOPWORDS, WEAK_WORDS } from '../text/stopwords';
import { type ContentWord, type Keys, type TextView, editDistance } from './analyze';
import { comparable, compatible, isDuration, sameFact, TITLE_WORDS, type Fact } from './facts';
import { negatedAt, NEGATION_TEXT_RE, oppositePolarity } from './polarity';
import { extractQuotes } from './quotes';
import type { Token } from '../text/tokenize';

export interface Conflict {
  claim: Fact;
  source: Fact;
}

export interface Alignment {
  /** Share of the claim's weight the passage covers, in [0, 1]. */
  coverage: number;
  /** Coverage leaving out the facts in conflict (how much the passage is about the same thing). */
  context: number;
  conflicts: Conflict[];
  /** Claim words the passage does not have. */
  missing: string[];
  /** Weight of what the passage matched (absolute evidence, grows with the claim's rare words). */
  matched: number;
  /** Every number, amount and date of the claim is in the passage. */
  allFacts: boolean;
  /** Claim words negated on one side and not on the other ("is" / "is not"). */
  polarityFlips: number;
  /** Proper names of the claim that no source uses ("Ethereum" where the sources say "Cardano"). */
  missingNames: number;
  /** The weightiest claim word (of those the sources use) the passage lacks, as a share of the claim's weight. */
  missingShare: number;
  /** Claim words whose opposite the passage says ("rose" / "fell"): where, and the passage's word. */
  opposites: { start: number; end: number; source: string }[];
  /**
   * Claim words the passage replaces by another word between the same two neighbours ("chief financial
   * officer" / "Chief Operating Officer"): where, the passage's word, and both three-word runs.
   */
  substitutions: { start: number; end: number; source: string; claimRun: string; sourceRun: string }[];
  /** Claim words a negation governs ("was not pushing") that the passage does not have: it cannot say their negation. */
  negatedMissing: number;
}

export type Weigh = (key: string) => number;
/** Whether the sources use a key at all. */
export type Known = (key: string) => boolean;
/** The index's id of a key, if the sources use it. */
export type TermId = (key: string) => number | undefined;

const SYNONYM = 0.85;
const ACRONYM = 0.9;
const NEAR = 0.75;
const CONTEXT = 0.8;

/** A word's synonyms split into single words and multi-word lemmas (looked up differently). */
interface Synonyms {
  words: string[];
  phrases: string[];
  /** The content words (not function words) of each phrase. */
  phraseWords: string[][];
}

const synonymCache = new Map<string, Synonyms>();
function synonyms(key: string): Synonyms {
  let s = synonymCache.get(key);
  if (!s) {
    // An irregular form has its base form's synonyms ("left" meets "resigned" as "leave" does).
    const forms = inflections(key);
    const all = forms ? [...new Set([key, ...forms].flatMap((k) => synonymsOf(k)))].filter((k) => k !== key && !forms.includes(k)) : synonymsOf(key);
    const phrases = all.filter((k) => k.includes(' '));
    s = { words: all.filter((k) => !k.includes(' ')), phrases, phraseWords: phrases.map((p) => p.split(' ').filter((w) => !STOPWORDS.has(w))) };
    if (synonymCache.size > 100_000) synonymCache.clear();
    synonymCache.set(key, s);
  }
  return s;
}

/** Synonyms as the index's term ids: only those the sources use (a passage's keys are term ids). */
interface SynonymIds {
  words: number[];
  phrases: { phrase: string; words: number[] }[];
}

/** Per claim word, what a passage may say instead of it; built once per claim, used for every candidate. */
interface WordPlan {
  syn: Synonyms;
  /** Synonyms of multi-word lemmas of the claim that contain this word ("stepped down"). */
  phraseSyn: Synonyms[];
  /** Initials of claim word runs through this word ("chief executive" -> "ce"), for passage acronyms. */
  initials: string[];
  /**
   * The same as term ids, when the claim is judged against an index: the word and its other forms,
   * its synonyms (syn, then phraseSyn) and its opposites. A candidate passage is then asked about
   * integers, not strings (tens of lookups in the index's vocabulary per candidate otherwise).
   */
  ids?: { forms: number[]; syn: SynonymIds[]; anti: number[]; antiPhrases: OppositePhrase[] };
}

function knownIds(keys: readonly string[], termId: TermId): number[] {
  const out: number[] = [];
  for (const k of keys) {
    const id = termId(k);
    if (id !== undefined) out.push(id);
  }
  return out;
}

function synonymIds(syn: Synonyms, termId: TermId): SynonymIds {
  const phrases: SynonymIds['phrases'] = [];
  syn.phrases.forEach((phrase, i) => {
    const words = knownIds(syn.phraseWords[i]!, termId);
    // (A lemma one of whose content words the sources never use cannot be in a passage.)
    if (words.length === syn.phraseWords[i]!.length) phrases.push({ phrase, words });
  });
  return { words: knownIds(syn.words, termId), phrases };
}

const plans = new WeakMap<TextView, Map<ContentWord, WordPlan>>();
function planOf(claim: TextView, w: ContentWord, termId?: TermId): WordPlan {
  const p = basePlan(claim, w);
  if (termId && !p.ids) {
    p.ids = {
      forms: knownIds([w.key, ...otherForms(w.key)], termId),
      syn: [p.syn, ...p.phraseSyn].map((syn) => synonymIds(syn, termId)),
      anti: knownIds(antonymsOf(w.key), termId),
      antiPhrases: oppositePhrases(w.key).filter((o) => o.content.every((k) => termId(k) !== undefined)).map((o) => ({ ...o, ids: knownIds(o.content, termId) })),
    };
  }
  return p;
}

function basePlan(claim: TextView, w: ContentWord): WordPlan {
  let m = plans.get(claim);
  if (!m) plans.set(claim, (m = new Map()));
  let p = m.get(w);
  if (!p) {
    const phraseSyn = [...claim.phrases].filter((ph) => ph.split(' ').includes(w.key)).map(synonyms);
    const initials: string[] = [];
    const i = claim.words.indexOf(w);
    for (let from = Math.max(0, i - 3); from <= i; from++) {
      let ini = '';
      for (let k = from; k < Math.min(claim.words.length, from + 4); k++) {
        // Only a run of adjacent words spells an acronym ("chief executive", not "companies in Europe").
        if (k > from && claim.words[k]!.index !== claim.words[k - 1]!.index + 1) break;
        ini += claim.words[k]!.norm[0];
        if (k >= i && ini.length >= 2) initials.push(ini);
      }
    }
    p = { syn: synonyms(w.key), phraseSyn, initials };
    m.set(w, p);
  }
  return p;
}

/** Whether a passage whose keys are term ids has any of `ids`. */
function hasAnyTerm(keys: Keys, ids: readonly number[]): boolean {
  for (const id of ids) if (keys.hasTerm!(id)) return true;
  return false;
}

/** Whether a passage whose keys are term ids has all of `ids`. */
function hasAllTerms(keys: Keys, ids: readonly number[]): boolean {
  for (const id of ids) if (!keys.hasTerm!(id)) return false;
  return true;
}

/** saysInOtherWords for a passage whose keys are term ids. */
function saysInOtherWordsById(syn: SynonymIds, passage: TextView): boolean {
  if (hasAnyTerm(passage.keys, syn.words)) return true;
  for (const { phrase, words } of syn.phrases) if (hasAllTerms(passage.keys, words) && passage.phrases.has(phrase)) return true;
  return false;
}

function saysInOtherWords(syn: Synonyms, passage: TextView): boolean {
  for (const k of syn.words) if (passage.keys.has(k)) return true;
  // A lemma can only be there if its content words are (cheap test before the passage's phrases are built).
  for (let i = 0; i < syn.phrases.length; i++) {
    if (syn.phraseWords[i]!.every((w) => passage.keys.has(w)) && passage.phrases.has(syn.phrases[i]!)) return true;
  }
  return false;
}

interface ClaimVocabulary {
  weigh: Weigh;
  isKnown: Known;
  weights: number[];
  known: boolean[];
}
const vocabularies = new WeakMap<TextView, ClaimVocabulary>();
/** Each claim word's weight and whether the sources use it: the same for every candidate passage. */
function claimVocabulary(claim: TextView, weigh: Weigh, isKnown: Known): ClaimVocabulary {
  let v = vocabularies.get(claim);
  if (!v || v.weigh !== weigh || v.isKnown !== isKnown) {
    v = { weigh, isKnown, weights: claim.words.map((w) => wordWeight(w, weigh)), known: claim.words.map((w) => isKnown(w.key)) };
    vocabularies.set(claim, v);
  }
  return v;
}

export function wordWeight(w: ContentWord, weigh: Weigh): number {
  let weight = weigh(w.key);
  if (w.weak) weight *= 0.3;
  return weight;
}

/**
 * How well one claim word is matched in the passage: 1 exact, less for softer matches, 0 absent.
 * `known` says whether the sources use the word at all: only unknown words (likely typos) are
 * matched by spelling, since a known word spelled nearly alike is usually another word.
 */
export function matchWord(claim: TextView, w: ContentWord, passage: TextView, known = true, termId?: TermId): number {
  const plan = planOf(claim, w, termId);
  const keys = passage.keys;
  if (plan.ids && keys.hasTerm) {
    if (hasAnyTerm(keys, plan.ids.forms)) return 1;
    for (const syn of plan.ids.syn) if (saysInOtherWordsById(syn, passage)) return SYNONYM;
  } else {
    if (keys.has(w.key)) return 1;
    for (const k of otherForms(w.key)) if (keys.has(k)) return 1;
    if (saysInOtherWords(plan.syn, passage)) return SYNONYM;
    for (const ps of plan.phraseSyn) if (saysInOtherWords(ps, passage)) return SYNONYM;
  }
  // "CEO" <-> "chief executive officer", either way.
  if (claim.acronyms.has(w.norm)) {
    for (const ini of passage.initials) if (ini.length >= 2 && w.norm.startsWith(ini)) return ACRONYM;
  }
  if (passage.acronyms.size) {
    for (const ini of plan.initials) for (const a of passage.acronyms) if (a.startsWith(ini)) return ACRONYM;
  }
  if (passage.context?.has(w.key)) return CONTEXT;
  if (!known && w.key.length >= 5) {
    for (const k of passage.keys) if (Math.abs(k.length - w.key.length) <= 1 && k[0] === w.key[0] && editDistance(k, w.key, 1) <= 1) return NEAR;
  }
  return 0;
}

/**
 * The passage's fact of the same kind that stands where the claim's fact stands, if any: not one
 * that another fact of the claim already matches, and sharing the most nearby words with it.
 */
function counterpart(claim: TextView, fact: Fact, passage: TextView): Fact | undefined {
  const rivals = passage.facts.filter((f) => comparable(fact, f) && !compatible(fact, f) && !claim.facts.some((c) => sameFact(c, f)));
  if (!rivals.length) return undefined;
  const near = (view: TextView, f: Fact, n: number) => {
    const before = view.words.filter((w) => w.end <= f.start).slice(-n);
    const after = view.words.filter((w) => w.start >= f.end).slice(0, n);
    return new Set([...before, ...after].map((w) => w.key));
  };
  // (The claim's side looks one word further: "Bitcoin was changing hands for roughly $54,000".)
  const mine = near(claim, fact, 4);
  const mineList = [...mine];
  // A date often closes its clause, words away from the verb it dates ("resigned from his position
  // and the board on March 23"): the passage's side looks further.
  let best: Fact | undefined;
  let bestShared = -1;
  for (const r of rivals) {
    let shared = 0;
    for (const k of near(passage, r, fact.kind === 'date' || fact.kind === 'weekday' ? 6 : 3)) if (mine.has(k) || mineList.some((m) => areSynonyms(m, k))) shared++;
    if (shared > bestShared) {
      best = r;
      bestShared = shared;
    }
  }
  // A value only stands in for the claim's when some words around it are the same.
  return bestShared > 0 ? best : undefined;
}

/** Verbs whose negation is their next verb's ("not able to raise", "did not manage to raise", "does not want to sell"). */
const PASS_ON = new Set(('able manage manages managed managing want wants wanted seem seems seemed appear appears appeared ' +
  'plan plans planned intend intends intended hope hopes hoped need needs needed going').split(' '));

const negating = new WeakMap<TextView, boolean>();
/** Whether a text has a negation or attempt cue at all (once per view: a claim meets 40 passages, a passage many claims). */
function hasNegation(view: TextView): boolean {
  let v = negating.get(view);
  if (v === undefined) negating.set(view, (v = NEGATION_TEXT_RE.test(view.text)));
  return v;
}

/**
 * Aligns a claim with a passage view (a single passage or adjacent passages merged). `emphasis`
 * multiplies the weight of claim words inside the given ranges (verified quotations: the words a
 * claim attributes verbatim are its substance, the reporting frame around them less so).
 */
export function align(claim: TextView, passage: TextView, weigh: Weigh, factWeight: number, emphasis: [number, number][] = [], known: Known = () => true, termId?: TermId): Alignment {
  let total = 0;
  let matched = 0;
  let conflictWeight = 0;
  const missing: string[] = [];
  const conflicts: Conflict[] = [];
  let allFacts = true;
  /** Claim facts the passage states, in its own words maybe ("Saturday" by "15 March 2025"): their words are said. */
  const said: Fact[] = [];
  for (const fact of claim.facts) {
    // A share ("most of", "three of the five") is checked only against a share the passage states.
    if (fact.kind === 'share' && !passage.facts.some((f) => f.kind === 'share')) continue;
    if (fact.kind === 'name') {
      // Names count through their words; here only a differing first name matters.
      if (passage.facts.some((f) => sameFact(fact, f))) continue;
      const rival = passage.facts.find((f) => comparable(fact, f));
      if (rival) conflicts.push({ claim: fact, source: rival });
      continue;
    }
    const stated = passage.facts.some((f) => sameFact(fact, f)) || countsListedNames(fact, passage);
    const rival = stated ? undefined : counterpart(claim, fact, passage);
    // "In one post", "one report": a count of one in words is mostly an article; only a passage with
    // another count of the same thing disputes it, and none has to state it.
    if (!stated && !rival && fact.kind === 'number' && fact.value === '1' && /^one\b/i.test(fact.text)) continue;
    total += factWeight;
    if (stated) {
      matched += factWeight;
      said.push(fact);
    } else {
      allFacts = false;
      if (rival) {
        conflicts.push({ claim: fact, source: rival });
        conflictWeight += factWeight;
      } else missing.push(fact.text);
    }
  }
  let polarityFlips = 0;
  // Polarity needs token positions: look only when either side has a negation cue at all.
  const passageMayNegate = hasNegation(passage);
  const claimMayNegate = hasNegation(claim);
  const mayNegate = passageMayNegate || claimMayNegate;
  const bothNegate = passageMayNegate && claimMayNegate;
  const names = nameWords(claim);
  let missingNames = 0;
  let negatedMissing = 0;
  let maxMissing = 0;
  const opposites: Alignment['opposites'] = [];
  const substitutions: Alignment['substitutions'] = [];
  // A word of a fact in conflict ("Christian" of "Christian Laforte", "Friday") is the conflict, not a missing word.
  const inConflict = (w: ContentWord) => conflicts.some((c) => w.start >= c.claim.start && w.end <= c.claim.end);
  const vocabulary = claimVocabulary(claim, weigh, known);
  for (let wi = 0; wi < claim.words.length; wi++) {
    const w = claim.words[wi]!;
    const weight = vocabulary.weights[wi]! * (emphasis.length && emphasis.some(([s, e]) => w.start >= s && w.end <= e) ? 2 : 1);
    const isKnown = vocabulary.known[wi]!;
    let m = matchWord(claim, w, passage, isKnown, termId);
    // A word of a fact the passage states in its own words ("Saturday" by "March 23, 2024") has no
    // occurrence in the passage to compare polarity with.
    const inSaidFact = m === 0 && said.some((f) => w.start >= f.start && w.end <= f.end);
    if (inSaidFact) m = 1;
    let opposed = false;
    if (m === 0) {
      // The passage says the opposite word ("rose" / "fell"): it is about the same thing, and it
      // disagrees unless one side negates it ("did not fall" / "rose").
      const found = opposite(w, passage, planOf(claim, w, termId).ids);
      if (found) {
        const [at, last] = found;
        m = SYNONYM;
        opposed = true;
        if (negatedAt(claim, w.index) === negatedAt(passage, at)) {
          polarityFlips++;
          // A phrase is no drop-in replacement ("joined the board" / "stepped down from the board"): no fix.
          if (at === last) opposites.push({ start: w.start, end: w.end, source: passage.text.slice(passage.tokens[at]!.start, passage.tokens[at]!.end) });
        }
      }
    }
    total += weight;
    matched += weight * m;
    // A verb that passes its negation on ("did not manage to raise", "was not able to raise") is
    // compared through the verb after it, not itself: "faced" is no opposite of "did not manage".
    const passesOn = PASS_ON.has(w.norm) && claim.tokens[w.index + 1]?.norm === 'to';
    if (m === 1 && mayNegate && !inSaidFact && !passesOn) {
      // A flip only when no occurrence of the word in the passage has the claim's polarity ("hath not
      // known thee: but I have known thee" says both).
      const forms = otherForms(w.key);
      let samePolarity = false;
      passage.tokens.forEach((t, i) => {
        if ((t.key === w.key || forms.includes(t.key)) && !oppositePolarity(claim, w.index, passage, i, bothNegate)) samePolarity = true;
      });
      if (!samePolarity) polarityFlips++;
    } else if (m > 0 && m < 1 && mayNegate && !opposed && !passesOn) {
      // Matched in other words: compare polarity at the synonym the passage uses ("fell" / "did not
      // fall"); where the match is a phrase or an acronym, a passage with no negation at all still
      // cannot say a negated claim ("did not resign" / "stepped down").
      const at = passageMayNegate ? synonymAt(claim, w, passage) : -1;
      if (at >= 0 ? oppositePolarity(claim, w.index, passage, at, bothNegate) : negatedAt(claim, w.index) && !passageMayNegate) polarityFlips++;
    }
    if (m === 0) {
      if (inConflict(w)) conflictWeight += weight;
      else {
        missing.push(claim.text.slice(w.start, w.end));
        const sub = substitution(claim, w, passage) ?? (names.has(w) ? nameSubstitution(claim, w, passage) : undefined);
        if (sub) substitutions.push(sub);
        if (!isKnown && names.has(w)) missingNames++;
        // (Not a verb that passes the negation on: "not able to raise", "never managed to raise".)
        if (!w.weak && claimMayNegate && claim.tokens[w.index + 1]?.norm !== 'to' && negatedAt(claim, w.index, true)) negatedMissing++;
        // Only words the sources use: an unknown word's weight measures nothing (it may be a typo or
        // a plain word a small corpus lacks, "every" against "each").
        if (isKnown && weight > maxMissing) maxMissing = weight;
      }
    }
  }
  if (total === 0) return { coverage: 0, context: 0, conflicts, missing, matched: 0, allFacts, polarityFlips: 0, missingNames, missingShare: 0, opposites, substitutions, negatedMissing };
  const coverage = matched / total;
  const context = total - conflictWeight > 0 ? matched / (total - conflictWeight) : 0;
  return { coverage, context, conflicts, missing, matched, allFacts, polarityFlips, missingNames, missingShare: maxMissing / total, opposites, substitutions, negatedMissing };
}

/** Whether only spaces, letters, apostrophes and hyphens lie between two words: no punctuation breaks a frame. */
function plainGap(text: string, from: number, to: number): boolean {
  return !/[^\s\p{L}\p{M}'\u2019-]/u.test(text.slice(from, to));
}

/**
 * The word the passage has instead of claim word `w` between the same two content words, each next to
 * it on both sides ("chief _ officer"), if any: one word changed in a fixed frame is a different fact,
 * not a paraphrase (a synonym would have matched).
 */
function substitution(claim: TextView, w: ContentWord, passage: TextView): Alignment['substitutions'][number] | undefined {
  const prev = claim.tokens[w.index - 1];
  const next = claim.tokens[w.index + 1];
  if (!prev || !next || prev.stop || next.stop || prev.number || next.number) return undefined;
  if (!passage.keys.has(prev.key) || !passage.keys.has(next.key)) return undefined;
  const tokens = passage.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const mid = tokens[i + 1]!;
    if (tokens[i]!.key !== prev.key || tokens[i + 2]!.key !== next.key || mid.stop || mid.number || mid.key === w.key) continue;
    // Only a plain gap: no punctuation between the three words on either side.
    if (!plainGap(passage.text, tokens[i]!.end, tokens[i + 2]!.start) || !plainGap(claim.text, prev.end, next.start)) continue;
    return {
      start: w.start, end: w.end, source: passage.text.slice(mid.start, mid.end),
      claimRun: claim.text.slice(prev.start, next.end), sourceRun: passage.text.slice(tokens[i]!.start, tokens[i + 2]!.end),
    };
  }
  return undefined;
}

/**
 * Claim words whose opposite the passage says in the same two-word frame, while it uses the claim's
 * word only elsewhere: "focuses on centralized cloud storage" / "focuses on decentralized cloud storage
 * …, an alternative to the centralized cloud providers". Asked only of a passage that would support the
 * claim. Each is an opposite (a polarity flip), with the passage's word.
 */
export function framedOpposites(claim: TextView, passage: TextView): Alignment['opposites'] {
  const out: Alignment['opposites'] = [];
  const tokens = passage.tokens;
  const key = (t: Token | undefined) => (t ? (t.stop ? t.norm : t.key) : undefined);
  const frameAt = (view: TextView, i: number, side: number) => [key(view.tokens[i + side]), key(view.tokens[i + 2 * side])];
  for (const w of claim.words) {
    const anti = antonymsOf(w.key);
    if (!anti.length || !anti.some((k) => passage.keys.has(k))) continue;
    const framedOn = (side: number) => {
      const [c1, c2] = frameAt(claim, w.index, side);
      return (i: number) => { const [p1, p2] = frameAt(passage, i, side); return c1 !== undefined && c2 !== undefined && p1 === c1 && p2 === c2; };
    };
    // The claim's word in either of its frames says what the claim says ("to finish in October").
    if ([1, -1].some((side) => { const framed = framedOn(side); return tokens.some((t, i) => t.key === w.key && framed(i)); })) continue;
    for (const side of [1, -1]) {
      const framed = framedOn(side);
      const at = tokens.findIndex((t, i) => anti.includes(t.key) && framed(i));
      if (at < 0 || negatedAt(claim, w.index) !== negatedAt(passage, at)) continue;
      out.push({ start: w.start, end: w.end, source: passage.text.slice(tokens[at]!.start, tokens[at]!.end) });
      break;
    }
  }
  return out;
}

/**
 * Whether a small count of the claim ("two interim leaders") is the number of names the passage lists
 * together ("Chief Operating Officer Shan Shan Wong and Chief Technology Officer Daniel Laforte"). It
 * can only say the count, never contradict it: a passage may name some of many.
 */
function countsListedNames(fact: Fact, passage: TextView): boolean {
  if (fact.kind !== 'number' || fact.bound || !fact.unit || isDuration(fact) || !/^(?:[2-9]|10)$/.test(fact.value)) return false;
  const names = passage.facts.filter((f) => f.kind === 'name');
  let run = 1;
  for (let i = 1; i < names.length; i++) {
    const gap = passage.text.slice(names[i - 1]!.end, names[i]!.start);
    // (A role between is part of the list: "… and Chief Technology Officer Daniel Laforte".)
    const words = gap.replace(/\bchief\s+\p{L}+\s+officer\b/giu, ' ').replace(/[,&]/g, ' and ').trim().split(/\s+/);
    const listed = /,|\band\b|&/.test(gap) && words.every((w) => w === 'and' || TITLE_WORDS.has(w.toLowerCase()));
    run = listed ? run + 1 : 1;
    if (run === Number(fact.value) && (i + 1 === names.length || !/^\s*(?:,|and\b|&)/.test(passage.text.slice(names[i]!.end)))) return true;
  }
  return false;
}

/**
 * Names of the claim that the passage has, but with another name in the claim's frame ("OpenAI has
 * partnered with Google" / "OpenAI … partnering with Microsoft … such as OpenAI and Google"). Asked
 * only of a passage that would support the claim: it scans the passage once per name.
 */
export function framedNameChanges(claim: TextView, passage: TextView): Alignment['substitutions'] {
  const out: Alignment['substitutions'] = [];
  for (const w of nameWords(claim)) {
    if (!passage.keys.has(w.key)) continue;
    const sub = nameSubstitution(claim, w, passage, true);
    if (sub) out.push(sub);
  }
  return out;
}

/**
 * Whether `passage` is about someone else than the claim: it lacks the claim's first name (its
 * subject, most often) and opens with a name the claim does not use ("OpenAI, the creator…,
 * partnering with Microsoft…" says nothing of "Stability AI has partnered with Microsoft", however
 * common "Stability AI" is in the sources). "He said…" or "The company…" may be about the same one.
 */
export function aboutSomeoneElse(claim: TextView, passage: TextView): boolean {
  const subject = subjectName(claim);
  return subject !== undefined && !passage.keys.has(subject.key) && opensWithOtherName(claim, passage);
}

/**
 * Of two neighbouring sentences read as one, whether `other` is about someone else while `named`
 * names the claim's subject ("While Stability AI has been…" then "OpenAI, the creator…").
 */
export function otherSubject(claim: TextView, named: TextView, other: TextView): boolean {
  const subject = subjectName(claim);
  return subject !== undefined && named.keys.has(subject.key) && aboutSomeoneElse(claim, other);
}

/** The name the claim opens with ("Stability AI has…", "Sam Altman was…"), not a date ("In July, …"). */
function subjectName(claim: TextView): ContentWord | undefined {
  const first = claim.words[0];
  if (!first || !nameWords(claim).has(first)) return undefined;
  return claim.facts.some((f) => f.kind !== 'name' && first.start >= f.start && first.end <= f.end) ? undefined : first;
}

/**
 * The passage opens with a name none of whose words the claim uses: inner capitals ("OpenAI",
 * "NuNet") or two capitalised words ("Sam Altman"), not any capitalised opening word.
 */
function opensWithOtherName(claim: TextView, passage: TextView): boolean {
  const tokens = passage.tokens;
  let n = 0;
  while (n < tokens.length && n < 4 && tokens[n]!.capital && !tokens[n]!.stop && !tokens[n]!.number &&
    (n === 0 || /^\s+$/.test(passage.text.slice(tokens[n - 1]!.end, tokens[n]!.start)))) n++;
  if (n === 0 || tokens.slice(0, n).some((t) => claim.keys.has(t.key))) return false;
  return n >= 2 || /^\p{Lu}\p{Ll}*\p{Lu}/u.test(passage.text.slice(tokens[0]!.start, tokens[0]!.end));
}

/**
 * The name the passage has instead of claim name `w` next to the same content word ("a Solana-based
 * project" / "another Cardano-based DePIN project", "a rival to Google's DALL-E" / "to OpenAI's
 * DALL-E"), or the same content word and one function word ("partnered with Amazon" / "partnering
 * with Microsoft"): a name is no paraphrase, so one side frames it. The passage's word must be a
 * name the claim does not use, and not open its sentence.
 */
function nameSubstitution(claim: TextView, w: ContentWord, passage: TextView, present = false): Alignment['substitutions'][number] | undefined {
  const same = (a: Token, b: Token) => (a.stop ? a.norm === b.norm : a.key === b.key);
  const tokens = passage.tokens;
  for (const side of [-1, 1]) {
    // The frame: the next word, or a function word and the content word after it.
    const frame: Token[] = [];
    for (let d = 1; d <= 2; d++) {
      const t = claim.tokens[w.index + side * d];
      if (!t || t.number) break;
      frame.push(t);
      if (!t.stop) break;
    }
    const outer = frame[frame.length - 1];
    if (!outer || outer.stop || WEAK_WORDS.has(outer.norm) || !passage.keys.has(outer.key)) continue;
    const claimEnds: { start: number; end: number }[] = [w, ...frame];
    if (claimEnds.some((t, d) => d > 0 && !plainGap(claim.text, side < 0 ? t.end : claimEnds[d - 1]!.end, side < 0 ? claimEnds[d - 1]!.start : t.start))) continue;
    // Whether the frame surrounds passage token i, with plain gaps.
    const framed = (i: number): Token[] | undefined => {
      const around = frame.map((_, d) => tokens[i + side * (d + 1)]);
      if (around.some((t, d) => !t || !same(frame[d]!, t))) return undefined;
      const ends: Token[] = [tokens[i]!, ...(around as Token[])];
      return ends.some((t, d) => d > 0 && !plainGap(passage.text, side < 0 ? t.end : ends[d - 1]!.end, side < 0 ? ends[d - 1]!.start : t.start)) ? undefined : ends;
    };
    // A passage that has the claim's name elsewhere still changes it when its frame holds another
    // ("OpenAI … partnering with Microsoft … such as OpenAI and Google"), unless it also frames the claim's.
    if (present && tokens.some((t, i) => t.key === w.key && framed(i))) continue;
    for (let i = 1; i < tokens.length; i++) {
      const mid = tokens[i]!;
      // A name, not an acronym ("AI") or a title ("Chief Technology Officer Daniel Laforte").
      if (mid.stop || mid.number || !mid.capital || mid.norm.length < 3 || TITLE_WORDS.has(mid.norm) || claim.keys.has(mid.key)) continue;
      if (passage.text.slice(mid.start, mid.end) === passage.text.slice(mid.start, mid.end).toUpperCase()) continue;
      const ends = framed(i);
      if (!ends) continue;
      const far = ends[ends.length - 1]!;
      const cFar = claimEnds[claimEnds.length - 1]!;
      const [cs, ce] = side < 0 ? [cFar.start, w.end] : [w.start, cFar.end];
      const [ps, pe] = side < 0 ? [far.start, mid.end] : [mid.start, far.end];
      return { start: w.start, end: w.end, source: passage.text.slice(mid.start, mid.end), claimRun: claim.text.slice(cs, ce), sourceRun: passage.text.slice(ps, pe) };
    }
  }
  return undefined;
}

/**
 * Where the passage says claim word `w` in other words (a token index): a synonym of the word, or of
 * a claim phrase with it ("is not stepping down" / "resigned"), in one word or several; -1 if none.
 */
function synonymAt(claim: TextView, w: ContentWord, passage: TextView): number {
  const plan = planOf(claim, w);
  for (const syn of [plan.syn, ...plan.phraseSyn]) {
    if (syn.words.some((k) => passage.keys.has(k))) return passage.tokens.findIndex((t) => syn.words.includes(t.key));
    for (const phrase of syn.phrases) if (passage.phrases.has(phrase)) return phraseIndex(passage, phrase);
  }
  return -1;
}

/** The index of the passage token that starts a multi-word lemma the passage has, or -1. */
function phraseIndex(passage: TextView, phrase: string): number {
  const parts = phrase.split(' ');
  const key = (t: Token) => (t.stop ? t.norm : t.key);
  return passage.tokens.findIndex((_, i) => parts.every((p, j) => passage.tokens[i + j] !== undefined && key(passage.tokens[i + j]!) === p));
}

/**
 * Where the passage says the opposite of claim word `w` (first and last token index): an opposite
 * word, or a multi-word synonym of one ("joined" / "stepped down", a synonym of "resign").
 */
function opposite(w: ContentWord, passage: TextView, ids?: WordPlan['ids']): [number, number] | undefined {
  const anti = antonymsOf(w.key);
  if (!anti.length) return undefined;
  const keys = passage.keys;
  const byId = ids && keys.hasTerm ? ids : undefined;
  if (byId ? hasAnyTerm(keys, byId.anti) : anti.some((k) => keys.has(k))) {
    const at = passage.tokens.findIndex((t) => anti.includes(t.key));
    return [at, at];
  }
  for (const o of byId ? byId.antiPhrases : oppositePhrases(w.key)) {
    const { phrase, length, content } = o;
    // (Its content words must all be there before the passage's phrases are worth building.)
    if (!(byId ? hasAllTerms(keys, o.ids!) : content.every((p) => keys.has(p))) || !passage.phrases.has(phrase)) continue;
    const at = phraseIndex(passage, phrase);
    if (at >= 0) return [at, at + length - 1];
  }
  return undefined;
}

interface OppositePhrase {
  phrase: string;
  length: number;
  content: string[];
  /** The content words as term ids (in a plan). */
  ids?: number[];
}

const phraseOpposites = new Map<string, OppositePhrase[]>();
/** The multi-word synonyms of a key's opposites, with their content words (computed once per key). */
function oppositePhrases(key: string): OppositePhrase[] {
  let out = phraseOpposites.get(key);
  if (!out) {
    out = [];
    for (const a of antonymsOf(key)) {
      for (const phrase of synonymsOf(a)) {
        const parts = phrase.split(' ');
        const content = parts.filter((p) => !STOPWORDS.has(p));
        if (parts.length >= 2 && content.length) out.push({ phrase, length: parts.length, content });
      }
    }
    phraseOpposites.set(key, out);
  }
  return out;
}

const nameCache = new WeakMap<TextView, Set<ContentWord>>();
/**
 * The claim's proper names: capitalised words of three letters or more, other than the first word (unless
 * the next is capitalised too) and words of quotations (the quotation check reads those). A name that no source uses, even spelt nearly
 * alike, means the sources do not say what the claim says, however much else a passage shares ("an
 * Ethereum-based project" / "a Cardano-based project"). A title-case sentence has no names to tell
 * apart, so none count.
 */
function nameWords(claim: TextView): Set<ContentWord> {
  let names = nameCache.get(claim);
  if (names) return names;
  names = new Set();
  const quoted = extractQuotes(claim.text);
  for (const w of claim.words) {
    if (!w.capital || w.end - w.start < 3 || w.weak) continue;
    // The first word is capitalised anyway: a name only when the next word is too ("Sequoia Capital backed…").
    if (w.index === 0 && !(claim.tokens[1]?.capital && !claim.tokens[1].stop && /^\s+$/.test(claim.text.slice(w.end, claim.tokens[1].start)))) continue;
    if (quoted.some((q) => w.start >= q.start && w.end <= q.end)) continue;
    names.add(w);
  }
  // Title case ("The Cost Of Compute") capitalises every content word; a sentence with a lowercase one
  // is prose, however many names it lists ("backed by Lightspeed Venture Partners … and Sequoia Capital").
  if (claim.words.every((w) => w.capital)) names.clear();
  nameCache.set(claim, names);
  return names;
}

