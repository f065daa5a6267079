/**
 * The verdict for one claim: retrieve candidate passages, align the claim with each (and with pairs
 * of adjacent passages), check quotations word for word, then decide:
 * misquote > disputed (sources disagree) > contradicted > supported > unsupported.
 */
import type { FixSuggestion, Verdict } from '../types';
import type { PassageIndex, QueryTerm, StoredPassage } from '../search/PassageIndex';
import { expansionsOf } from '../lexicon/thesaurus';
import { analyze, MergedView, type TextView } from './analyze';
import { aboutSomeoneElse, align, framedNameChanges, framedOpposites, otherSubject, type Alignment } from './align';
import { attributionOf, misattributed, speakerOf, withoutHedges } from './attribution';
import { holdsRole, roleConflict, roleHoldings, type RoleConflict } from './roles';
import { foldWord } from '../text/fold';
import { stem } from '../text/tokenize';
import { daySlip, sameFact, scaleSlip, sourceWording } from './facts';
import { closer, closestQuotation, closestWording, containsQuote, extractQuotes, wordsOfTokens, type Quote } from './quotes';
import { collapse } from '../sources/parse';
import type { TypoIndex } from '../search/typos';

/**
 * Support score = coverage + BREADTH * matched weight / max idf. Coverage alone punishes long claims
 * for every extra word; the breadth term credits a passage that confirms many rare words of the claim.
 * A score of at least SUPPORT_THRESHOLD from one passage (or two adjacent ones) supports, with every
 * fact, the same polarity, the names and the weightiest word (below).
 */
export const SUPPORT_THRESHOLD = 1.0;
const BREADTH = 0.25;
/**
 * A passage that lacks the claim's weightiest word (this share of the claim's weight or more) does not
 * support it, however much else it covers: "this movie could have been rated PG but for nudity" is not
 * said by "this movie is rated PG 13".
 */
const MISSING_SHARE_MAX = 0.3;
/**
 * A passage saying this much of the claim with one word changed in a fixed frame contradicts it (the
 * frame places the word, as near words place a differing figure: see CONTEXT_THRESHOLD).
 */
const SUBSTITUTION_CONTRADICTION = 0.6;
/**
 * A claim and a passage of opposite polarity ("is" / "is not") never support each other, and when the
 * passage says this much of the claim otherwise, it contradicts it.
 */
const POLARITY_CONTRADICTION = 0.85;
/**
 * Such a passage outweighs a supporting one that covers less of the claim by this much: a pair of
 * sentences that shares the claim's rarer words ("in July", "AI") says less than one sentence that
 * says all of it the other way ("AI wasn't ready for large-scale adoption").
 */
const OPPOSITE_MARGIN = 0.1;
const RANK_ALPHA = 0.5;
/** A passage about the same thing (this much covered apart from the differing fact) can contradict. */
export const CONTEXT_THRESHOLD = 0.6;
/**
 * Two people with one surname, or one figure with another scale ("$8 million" / "$8 billion"), need
 * less surrounding agreement to be the same slot.
 */
const CLOSE_CONTEXT_THRESHOLD = 0.45;
/**
 * A passage that names the claim's person with another role (or the role with another holder beside
 * them) is about that person already: this much of the claim besides is enough for it to contradict.
 */
const ROLE_CONTEXT = 0.3;
/** Closest wording at least this similar is offered as what the source says. */
const WORDING_THRESHOLD = 0.45;
/** Below that, a quotation of the sources sharing this much is still worth naming in the message (not as a fix). */
const NEAREST_QUOTATION = 0.25;
const CANDIDATES = 40;
/** A claim about a page's readers' comments or its disclaimer ("One reader called…"; not "his comments on a call"). */
const ABOUT_CHROME_RE = /\b(?:readers?|commenters?|disclaimer)\b/i;
/** At most this many of a sentence's words (the rarest) go into its query. */
const QUERY_WORDS = 20;
const MIN_RELATIVE_SCORE = 0.5;

export interface Judged {
  verdict: Verdict;
  message: string;
  evidence: { ids: number[]; score: number }[];
  /** Offsets relative to the claim text. */
  fixes: FixSuggestion[];
}

export interface JudgeContext {
  index: PassageIndex;
  typos: TypoIndex;
  view(id: number): TextView;
  label(p: StoredPassage): string;
}

interface Candidate {
  ids: number[];
  a: Alignment;
  rank: number;
  /** Support score (see SUPPORT_THRESHOLD). */
  support: number;
  /** Retrieval score relative to the best candidate. */
  bm: number;
  /** The retrieved passage (for a pair, the other id is its neighbour). */
  primary: number;
  /** What the claim was aligned with: the passage, or the pair. */
  view: TextView;
}

/** The weighted query for a sentence: its content words, their synonyms, and spelling corrections. */
export function claimQuery(claim: TextView, ctx: JudgeContext, synonymWeight = 0.35): QueryTerm[] {
  const q = new Map<string, number>();
  const put = (key: string, w: number) => q.set(key, Math.max(q.get(key) ?? 0, w));
  // The rarest words find the candidates; a long sentence's common words add postings, not recall
  // (alignment still weighs every word).
  const df = (k: string) => ctx.index.documentFrequency(k);
  const words = claim.words.length <= QUERY_WORDS ? claim.words : [...claim.words].sort((a, b) => df(a.key) - df(b.key)).slice(0, QUERY_WORDS);
  for (const w of words) {
    put(w.key, w.weak ? 0.3 : 1);
    if (synonymWeight > 0) for (const s of expansionsOf(w.key)) put(s, synonymWeight);
    if (w.key.length >= 4 && ctx.index.documentFrequency(w.key) === 0) {
      // A word the sources never use is likely misspelt: try its stem and its surface form.
      for (const c of new Set([...ctx.typos.corrections(w.key), ...ctx.typos.corrections(w.norm)])) put(c, 0.8);
    }
  }
  if (synonymWeight > 0) for (const ph of claim.phrases) for (const s of expansionsOf(ph)) put(s, 0.5);
  for (const t of claim.tokens) if (t.number) put(t.key, 0.6);
  // A date's month finds the passages that date the same event ("March 22, 2024" / "March 23, 2024").
  for (const f of claim.facts) {
    if (f.kind !== 'date') continue;
    for (const t of claim.tokens) if (!t.number && !t.stop && t.start >= f.start && t.end <= f.end) put(t.key, 0.6);
  }
  return [...q].map(([key, weight]) => ({ key, weight }));
}

/**
 * Alignment with the index's word weights (rarer words count more; a fact counts as a rare word),
 * shared by judging and by search re-ranking.
 */
export function aligner(index: PassageIndex): (claim: TextView, passage: TextView, emphasis?: [number, number][]) => Alignment {
  const weigh = (key: string) => Math.max(index.idf(key), 0.5);
  const known = (key: string) => index.documentFrequency(key) > 0;
  const termId = (key: string) => index.termId(key);
  const factWeight = index.maxIdf() * 0.6;
  return (claim, passage, emphasis = []) => align(claim, passage, weigh, factWeight, emphasis, known, termId);
}

export function judge(claimText: string, ctx: JudgeContext): Judged {
  const { index } = ctx;
  // A report credited to no one ("one report says") is a hedge: the claim is what it reports.
  const hedged = withoutHedges(claimText);
  const claim = analyze(hedged);
  const maxIdf = index.maxIdf();
  const alignTo = aligner(index);
  // Page chrome (reader comments, disclaimers) is no evidence, unless the claim is about it.
  const hits = index.search(claimQuery(claim, ctx), CANDIDATES, { includeChrome: ABOUT_CHROME_RE.test(hedged) });
  // Whether a passage has claim word i (by term id: asked of up to 20 neighbours per claim).
  const wordIds = claim.words.map((w) => index.termId(w.key));
  const hasWord = (v: TextView, i: number) => (v.keys.hasTerm ? wordIds[i] !== undefined && v.keys.hasTerm(wordIds[i]!) : v.keys.has(claim.words[i]!.key));
  const quotes = extractQuotes(claimText);
  const quoteResult = quotes.length ? checkQuotes(quotes, ctx, hits.map((h) => h.id), speakerOf(claimText)) : undefined;
  const emphasis: [number, number][] = quoteResult ? [] : quotes.map((q) => [q.start, q.end]);
  const candidates: Candidate[] = [];
  const supportOf = (a: Alignment) => a.coverage + (BREADTH * a.matched) / maxIdf;
  const topScore = hits[0]?.score ?? 1;
  hits.forEach((h, rank) => {
    const bm = h.score / topScore;
    // Far weaker retrieval than the best: it shares too few of the claim's rare words to matter.
    if (rank >= 10 && bm < MIN_RELATIVE_SCORE) return;
    const pv = ctx.view(h.id);
    const a = alignTo(claim, pv, emphasis);
    candidates.push({ ids: [h.id], a, rank, support: supportOf(a), bm, primary: h.id, view: pv });
    if (rank < 10) {
      // A claim may take two sentences of a source to say.
      const p = index.passages[h.id]!;
      for (const nid of [h.id - 1, h.id + 1]) {
        const n = index.passages[nid];
        if (!n || n.chrome || n.sourceIndex !== p.sourceIndex) continue;
        // Merging can only help when the neighbour has claim words or figures this passage lacks. (A
        // name counts through its words: a neighbour naming it again adds nothing.)
        const nv = ctx.view(nid);
        if (!claim.words.some((_, i) => hasWord(nv, i) && !hasWord(pv, i)) &&
          !claim.facts.some((f) => f.kind !== 'name' && nv.facts.some((g) => g.value === f.value))) continue;
        // Nor when the neighbour is about someone else, who does what the claim says of its names.
        if (otherSubject(claim, pv, nv) || otherSubject(claim, nv, pv)) continue;
        const ids = nid < h.id ? [nid, h.id] : [h.id, nid];
        const merged = nid < h.id ? new MergedView(nv, pv) : new MergedView(pv, nv);
        const a2 = alignTo(claim, merged, emphasis);
        if (a2.coverage > a.coverage + 0.08) candidates.push({ ids, a: a2, rank: rank + 0.5, support: supportOf(a2), bm, primary: h.id, view: merged });
      }
    }
  });
  // Evidence order: how much of the claim a passage covers, tempered by how well it was retrieved
  // (retrieval also weighs the source's title and its other sentences).
  const order = (c: Candidate) => RANK_ALPHA * c.a.coverage + (1 - RANK_ALPHA) * c.bm;
  candidates.sort((x, y) => order(y) - order(x) || x.rank - y.rank);
  // One entry per retrieved passage; a pair lists its neighbour only when the pair is what supports.
  const evidence = dedupe(candidates.filter((c) => c.ids.length === 1)).slice(0, 5).map((c) => ({ ids: [c.primary], score: round(order(c)) }));
  const label = (c: Candidate) => ctx.label(index.passages[c.ids[0]!]!);
  // Of a pair, the passage that says more of the claim leads the evidence (not a headline retrieved for its title words).
  const leading = (c: Candidate): Candidate => {
    if (c.ids.length < 2) return c;
    const other = c.ids.find((id) => id !== c.primary)!;
    const alone = candidates.find((x) => x.ids.length === 1 && x.primary === c.primary);
    return alone && alignTo(claim, ctx.view(other), emphasis).coverage > alone.a.coverage ? { ...c, primary: other } : c;
  };

  if (quoteResult) {
    const ev = quoteResult.ids ? [{ ids: quoteResult.ids, score: round(quoteResult.similarity) }, ...evidence.filter((e) => e.ids[0] !== quoteResult.ids![0])] : evidence;
    return { verdict: 'misquote', message: quoteResult.message, evidence: ev.slice(0, 5), fixes: quoteResult.fixes };
  }

  // A report credited to someone else in the passage that says it ("according to Bloomberg" / "Forbes
  // reported") is not what the claim says, however much else matches.
  const reporter = attributionOf(hedged);
  // (A pair of passages is credited elsewhere when either passage is: part of what it says is someone else's report.)
  const creditCache = new Map<number, ReturnType<typeof misattributed>>();
  const credit = (id: number) => {
    if (!creditCache.has(id)) creditCache.set(id, misattributed(hedged, index.passages[id]!.text));
    return creditCache.get(id);
  };
  // Of a pair, the credit of the sentence that says more of the claim first: its neighbour may credit
  // something else ("Forbes reported that three of the five…" beside "as Bloomberg points out, …").
  const alone = new Map<number, number>();
  const coverageAlone = (id: number) => {
    if (!alone.has(id)) alone.set(id, alignTo(claim, ctx.view(id), emphasis).coverage);
    return alone.get(id)!;
  };
  const creditedElsewhere = (c: Candidate) => {
    if (!reporter) return undefined;
    const ids = c.ids.length < 2 ? c.ids : [...c.ids].sort((a, b) => coverageAlone(b) - coverageAlone(a));
    return ids.map(credit).find((x) => x);
  };
  const wouldSupport = (c: Candidate) => c.support >= SUPPORT_THRESHOLD && !creditedElsewhere(c) && c.a.allFacts && !c.a.conflicts.length && !c.a.missingNames && !c.a.polarityFlips && !c.a.negatedMissing && c.a.missingShare < MISSING_SHARE_MAX && !c.a.substitutions.length;
  // A would-be supporter that frames one of the claim's names with another name changes that name.
  // Or says the opposite of a claim word in its frame, using the claim's word only elsewhere.
  for (const c of candidates) {
    if (!wouldSupport(c)) continue;
    c.a.substitutions.push(...framedNameChanges(claim, c.view));
    if (aboutSomeoneElse(claim, c.view)) c.a.missingNames++;
    const opposed = framedOpposites(claim, c.view);
    c.a.polarityFlips += opposed.length;
    c.a.opposites.push(...opposed);
  }
  const supporting = candidates.filter(wouldSupport).sort((x, y) => y.support - x.support);
  const contradicting = candidates.filter((c) => c.a.conflicts.length &&
    c.a.context >= (c.a.conflicts.every((x) => x.claim.kind === 'name' || scaleSlip(x.claim, x.source) || daySlip(x.claim, x.source)) ? CLOSE_CONTEXT_THRESHOLD : CONTEXT_THRESHOLD));
  const opposite = candidates.find((c) => c.a.polarityFlips && !c.a.conflicts.length && c.a.coverage >= POLARITY_CONTRADICTION);
  if (!contradicting.length && opposite && supporting.every((c) => c.a.coverage < opposite.a.coverage - OPPOSITE_MARGIN)) {
    return {
      verdict: 'contradicted',
      message: `the source says the opposite (${label(opposite)}): \u201c${index.passages[opposite.primary]!.text}\u201d`,
      evidence: including(evidence, opposite),
      // Swapping the word fixes the claim only when the opposite words are all that differ (not a negation).
      fixes: opposite.a.opposites.length === opposite.a.polarityFlips ? opposite.a.opposites.map((o) => {
        const word = claimText.slice(o.start, o.end);
        const replacement = /^\p{Lu}/u.test(word) ? o.source.charAt(0).toUpperCase() + o.source.slice(1) : o.source;
        return { title: `Change ${word} to ${replacement} (as the source says)`, start: o.start, end: o.end, replacement };
      }) : [],
    };
  }
  // One word changed between the same neighbours in a passage that says all the rest.
  // It outweighs a passage that supports the rest but does not say the word at all.
  const changed = candidates.find((c) => c.a.substitutions.length && !c.a.conflicts.length && !c.a.polarityFlips && c.a.coverage >= SUBSTITUTION_CONTRADICTION);
  const saysWord = (c: Candidate) => changed!.a.substitutions.some((x) => !c.a.missing.includes(claimText.slice(x.start, x.end)));
  if (!contradicting.length && changed && !supporting.some(saysWord)) {
    const sub = changed.a.substitutions[0]!;
    return {
      verdict: 'contradicted',
      message: `sources say \u201c${sub.sourceRun}\u201d (${label(changed)}); the draft says \u201c${sub.claimRun}\u201d`,
      evidence: including(evidence, changed),
      fixes: changed.a.substitutions.map((x) => {
        const word = claimText.slice(x.start, x.end);
        return { title: `Change ${word} to ${x.source} (as the source says)`, start: x.start, end: x.end, replacement: x.source };
      }),
    };
  }
  // Roles swapped between people: "Wong is the chief technology officer" where the passage has "Chief
  // Operating Officer Shan Shan Wong and Chief Technology Officer Daniel Laforte" (every word matches).
  const roles = contradicting.length ? [] : roleHoldings(claimText);
  if (roles.length) {
    const textOf = (c: Candidate) => c.ids.map((id) => index.passages[id]!.text).join(' ');
    const unknown = (person: string) => index.documentFrequency(stem(person)) === 0;
    let swapped: { c: Candidate; conflict: RoleConflict } | undefined;
    for (const c of candidates) {
      if ((c.a.coverage < ROLE_CONTEXT && !supporting.includes(c)) || c.a.conflicts.length || c.a.polarityFlips) continue;
      const conflict = roleConflict(roles, textOf(c), unknown);
      if (conflict) { swapped = { c, conflict }; break; }
    }
    if (swapped && !supporting.some((c) => holdsRole(roles, textOf(c)))) {
      if (swapped.conflict.holder) {
        // The role belongs to another; the person's own role, where a passage gives it, makes the fix.
        let own: { c: Candidate; conflict: RoleConflict } | undefined;
        for (const c of candidates) {
          const conflict = c.a.conflicts.length || c.a.polarityFlips ? undefined : roleConflict(roles, textOf(c), unknown);
          if (conflict && !conflict.holder) { own = { c, conflict }; break; }
        }
        const { claim: held, source } = swapped.conflict;
        if (!own) {
          return {
            verdict: 'contradicted',
            message: `sources say ${source.name} is ${source.text} (${label(swapped.c)}); the draft says ${held.name} is ${held.text}`,
            evidence: including(evidence, swapped.c),
            fixes: [],
          };
        }
        const mine = own.conflict.source;
        const replacement = roleReplacement(held.text, mine.text);
        return {
          verdict: 'contradicted',
          message: `sources say ${mine.name} is ${mine.text} (${label(own.c)}) and ${source.name} is ${source.text} (${label(swapped.c)}); the draft says ${held.name} is ${held.text}`,
          evidence: including(including(evidence, swapped.c), own.c),
          fixes: [{ title: `Change ${held.text} to ${replacement} (as the source says)`, start: held.start, end: held.end, replacement }],
        };
      }
      const { claim: held, source } = swapped.conflict;
      const replacement = roleReplacement(held.text, source.text);
      return {
        verdict: 'contradicted',
        message: `sources say ${source.name} is ${source.text} (${label(swapped.c)}); the draft says ${held.text}`,
        evidence: including(evidence, swapped.c),
        fixes: [{ title: `Change ${held.text} to ${replacement} (as the source says)`, start: held.start, end: held.end, replacement }],
      };
    }
  }
  const credited = reporter && !supporting.length && !contradicting.length
    ? candidates.find((c) => creditedElsewhere(c) && !c.a.conflicts.length && !c.a.polarityFlips && c.a.coverage >= SUBSTITUTION_CONTRADICTION)
    : undefined;
  if (credited) {
    const who = creditedElsewhere(credited)!;
    const start = claimText.indexOf(reporter!.text);
    return {
      verdict: 'contradicted',
      message: `sources credit this to ${who.source} (${label(credited)}); the draft credits ${who.claim}`,
      evidence: including(evidence, credited),
      fixes: start >= 0 ? [{ title: `Change ${who.claim} to ${who.source} (as the source says)`, start, end: start + reporter!.text.length, replacement: who.source }] : [],
    };
  }
  if (contradicting.length) {
    const against = contradicting[0]!;
    // The conflict to name: one of a kind with the claim's fact ("March 22" / "March 23") before a weekday against a date.
    const conflict = against.a.conflicts.find((c) => c.claim.kind === c.source.kind) ?? against.a.conflicts[0]!;
    const said = sourceWording(conflict.source, conflict.claim);
    // A passage about the same thing that states the claim's very figure or date takes the claim's
    // side of the disagreement, even when it does not say all the rest ("left both posts on March 23,
    // 2024" / "resigned from his position and the board on March 23, 2024" / "left … Friday").
    const states = (c: Candidate) => !c.a.conflicts.length && !c.a.polarityFlips && c.a.context >= CONTEXT_THRESHOLD && c.view.facts.some((f) => sameFact(conflict.claim, f));
    const pro = supporting[0] ?? (conflict.claim.kind === 'name' ? undefined : candidates.find(states));
    if (pro) {
      const ev = [{ ids: pro.ids, score: round(pro.a.coverage) }, { ids: against.ids, score: round(against.a.context) }];
      // What the supporting source says, in its words when they differ in kind ("15 March 2025" for "Saturday").
      const proFact = pro.ids.flatMap((id) => ctx.view(id).facts).find((f) => sameFact(conflict.claim, f));
      const proSays = proFact && proFact.kind !== conflict.claim.kind ? sourceWording(proFact, conflict.claim) : collapse(conflict.claim.text);
      return {
        verdict: 'disputed',
        message: `sources disagree: ${label(pro)} says ${proSays}, ${label(against)} says ${said}`,
        evidence: mergeEvidence(ev, evidence),
        fixes: [],
      };
    }
    // (A weekday against a full date is no replacement for it: "Friday" / "March 23, 2024".)
    // (Nor is a share: "three of the five" does not replace "fewer than half" word for word.)
    const fixes: FixSuggestion[] = against.a.conflicts.filter((c) => c.claim.kind === c.source.kind && c.claim.kind !== 'share').map((c) => ({
      title: `Change ${collapse(c.claim.text)} to ${c.source.text} (as the source says)`,
      start: c.claim.start,
      end: c.claim.end,
      replacement: c.source.text,
    }));
    return {
      verdict: 'contradicted',
      message: `sources say ${said} (${label(against)}); the draft says ${collapse(conflict.claim.text)}`,
      evidence: mergeEvidence([{ ids: against.ids, score: round(against.a.context) }], evidence),
      fixes,
    };
  }
  // A report credited to someone no supporting source names ("Reuters reported that …"): the sources
  // say it, but not that this outlet reported it.
  const reporterName = reporter ? foldWord(reporter.text.split(' ').pop()!) : undefined;
  if (supporting.length && reporterName && reporterName.length >= 3 && !supporting.some((c) => c.ids.some((id) => namesAround(ctx, id, reporterName)))) {
    return {
      verdict: 'unsupported',
      message: `the sources say this (${label(supporting[0]!)}), but none credits it to ${reporter!.text}`,
      evidence: including(evidence, leading(supporting[0]!)),
      fixes: [],
    };
  }
  if (supporting.length) {
    const best = supporting[0]!;
    return { verdict: 'supported', message: `supported by ${[...new Set(best.ids.map((id) => ctx.label(index.passages[id]!)))].join(' and ')}`, evidence: including(evidence, leading(best)), fixes: [] };
  }
  const closest = candidates[0];
  const message = closest && closest.a.coverage >= 0.3
    ? `no source says this; the closest passage (${label(closest)}) does not mention ${closest.a.missing.slice(0, 4).map(collapse).join(', ')}`
    : 'no source says this';
  return { verdict: 'unsupported', message, evidence, fixes: [] };
}

interface QuoteProblem {
  message: string;
  ids?: number[];
  similarity: number;
  fixes: FixSuggestion[];
}

/**
 * Whether a source names `surname` around passage `id`: in it, the three passages before it or the
 * one after ("“…,” he said" names the speaker a sentence or two earlier), or in its title.
 */
function namesAround(ctx: JudgeContext, id: number, surname: string): boolean {
  const p = ctx.index.passages[id]!;
  if (foldWord(ctx.index.sources[p.sourceIndex]?.title ?? '').includes(surname)) return true;
  for (let k = id - 3; k <= id + 1; k++) {
    const q = ctx.index.passages[k];
    if (q && q.sourceIndex === p.sourceIndex && foldWord(q.text).includes(surname)) return true;
  }
  return false;
}

function checkQuotes(quotes: Quote[], ctx: JudgeContext, claimHits: number[], speaker?: { name: string; surname: string }): QuoteProblem | undefined {
  const { index } = ctx;
  // A passage's words come from its cached view: the claim's own alignment has tokenised most of them.
  const wordsOf = (id: number) => { const v = ctx.view(id); return wordsOfTokens(v.tokens, v.text); };
  const surname = speaker?.surname;
  for (const quote of quotes) {
    const qv = analyze(quote.text);
    const hits = index.search(claimQuery(qv, ctx, 0), 20).map((h) => h.id);
    const ids = [...new Set([...hits, ...claimHits.slice(0, 20)])];
    let found: number | undefined;
    let elsewhere: string | undefined;
    let credited = !surname || surname.length < 3;
    for (const id of ids) {
      const p = index.passages[id]!;
      const next = index.passages[id + 1];
      const words = wordsOf(id);
      const joined = next && next.sourceIndex === p.sourceIndex ? words.concat(wordsOf(id + 1)) : words;
      if (containsQuote(joined, quote)) {
        // The sentence that holds the words: this one, or the next when they are in it alone.
        const holder = joined !== words && !containsQuote(words, quote) && containsQuote(wordsOf(id + 1), quote) ? id + 1 : id;
        found ??= holder;
        // A sentence that credits its words to someone itself ("…, website TechRadar notes, … “more
        // accessible…”") gives them to that one, whoever else is named around it.
        const own = attributionOf(index.passages[holder]!.text);
        const ownSurname = own?.name.split(' ').pop();
        if (!credited && (own ? ownSurname === surname : namesAround(ctx, holder, surname!))) credited = true;
        if (own && !credited && found === holder) elsewhere = own.text;
        if (credited) break;
      }
    }
    // The words are in a source, but no source gives them to the claim's speaker.
    if (found !== undefined && !credited) {
      const from = elsewhere ? `from ${elsewhere}, not ${speaker!.name}` : `not from ${speaker!.name}`;
      return { message: `the source has these words, but ${from} (${ctx.label(index.passages[found]!)})`, ids: [found], similarity: 1, fixes: [] };
    }
    if (found !== undefined) continue;
    let best: { id: number; similarity: number; text: string } | undefined;
    for (const id of ids) {
      const w = closestWording(quote, index.passages[id]!.text);
      if (closer(w, best, quote)) best = { id, ...w };
    }
    if (best && best.similarity >= WORDING_THRESHOLD) {
      const p = index.passages[best.id]!;
      const wording = best.text.replace(/^["'\u201c\u2018]+|["'\u201d\u2019,.;:]+$/g, '');
      return {
        message: `the source says \u201c${wording}\u201d (${ctx.label(p)}); the draft quotes \u201c${collapse(quote.text)}\u201d`,
        ids: [best.id],
        similarity: best.similarity,
        fixes: [{ title: "Use the source's wording", start: quote.start, end: quote.end, replacement: matchTrailing(quote.text, wording) }],
      };
    }
    // Nothing close enough to offer as the wording: point at the quotation the sources have that
    // shares most with it ("fully committed to #DecentralizedAI" / "All in on #DecentralizedAI").
    let nearest: { id: number; similarity: number; text: string } | undefined;
    for (const id of ids) {
      const q = closestQuotation(quote, index.passages[id]!.text);
      if (q.similarity >= NEAREST_QUOTATION && q.similarity > (nearest?.similarity ?? 0)) nearest = { id, ...q };
    }
    const missing = `no source has the quoted words \u201c${collapse(quote.text)}\u201d`;
    if (nearest) {
      return { message: `${missing}; the closest quotation is \u201c${nearest.text}\u201d (${ctx.label(index.passages[nearest.id]!)})`, ids: [nearest.id], similarity: nearest.similarity, fixes: [] };
    }
    return { message: missing, similarity: 0, fixes: [] };
  }
  return undefined;
}

/** The source's role as a replacement: in the draft's case unless an acronym ("chief operating officer", "COO"). */
function roleReplacement(draft: string, source: string): string {
  return /\p{Ll}/u.test(draft) && !/^\p{Lu}+$/u.test(source) ? source.toLowerCase() : source;
}

/** Keeps the draft's trailing punctuation inside the quote marks ("…everyone," -> "…us all,"). */
function matchTrailing(draft: string, wording: string): string {
  const tail = /[,.;:!?]+$/.exec(draft)?.[0] ?? '';
  return wording + tail;
}

function dedupe(cs: Candidate[]): Candidate[] {
  const seen = new Set<number>();
  const out: Candidate[] = [];
  for (const c of cs) {
    if (seen.has(c.primary)) continue;
    seen.add(c.primary);
    out.push(c);
  }
  return out;
}

/** The ranked evidence, making sure the passages of the deciding candidate are in it. */
function including(evidence: { ids: number[]; score: number }[], c: Candidate): { ids: number[]; score: number }[] {
  const out = evidence.slice();
  for (const id of c.ids) {
    const at = out.findIndex((e) => e.ids.includes(id));
    // The deciding passage leads, also when retrieval ranked it lower.
    if (at > 0 && id === c.primary) out.unshift(...out.splice(at, 1));
    if (at >= 0) continue;
    const entry = { ids: [id], score: round(Math.min(1, c.support / SUPPORT_THRESHOLD)) };
    if (id === c.primary) out.unshift(entry);
    else if (out.length >= 5) out[4] = entry;
    else out.push(entry);
  }
  return out.slice(0, 5);
}

function mergeEvidence(first: { ids: number[]; score: number }[], rest: { ids: number[]; score: number }[]) {
  const out = [...first];
  for (const e of rest) if (!out.some((o) => o.ids.some((id) => e.ids.includes(id)))) out.push(e);
  return out.slice(0, 5);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
