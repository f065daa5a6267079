/**
 * Who a sentence says reported something: "according to Bloomberg", "Forbes reported that", "as
 * Bloomberg points out". A claim that credits a report to one outlet or person is not supported by a
 * passage that credits it to another ("According to Bloomberg, three of the five authors were leaving"
 * / "Forbes reported that three of the five authors were leaving"). Speech verbs ("said", "wrote") are
 * left out: they quote people, and a source often reports what someone said.
 */
import { foldWord } from '../text/fold';

// A name: one to four capitalised words ("Bloomberg", "The Wall Street Journal" less its article).
const NAME = String.raw`(\p{Lu}[\p{L}\p{M}'\u2019&.-]{0,30}(?:\s\p{Lu}[\p{L}\p{M}'\u2019&.-]{0,30}){0,3})`;
const REPORTS = String.raw`(?:reported|reports|report|pointed out|points out|point out|noted|notes|revealed|reveals|first reported|has reported|had reported)`;
const ATTRIBUTION_RES = [
  new RegExp(String.raw`\b[Aa]ccording to (?:the )?${NAME}`, 'u'),
  new RegExp(String.raw`\b[Aa]s (?:the )?${NAME},? ${REPORTS}\b`, 'u'),
  new RegExp(String.raw`${NAME},? ${REPORTS}\b`, 'u'),
  // "The Wall Street Journal was the first to report that …", "Forbes, which first reported …"
  new RegExp(String.raw`${NAME},? (?:(?:was|were) (?:the )?first to|which (?:first )?(?:had )?) ?${REPORTS}\b`, 'u'),
];
/** Capitalised words that open a sentence or stand for a source without naming it. */
const NOT_NAMES = new Set(['the', 'a', 'an', 'this', 'that', 'it', 'he', 'she', 'they', 'we', 'i', 'and', 'but', 'just', 'as', 'in', 'on', 'also', 'one', 'some', 'several', 'many', 'another', 'other']);

/** Who a sentence credits with reporting it (folded, and as written), if it credits anyone. */
export function attributionOf(text: string): { name: string; text: string } | undefined {
  for (const re of ATTRIBUTION_RES) {
    const m = re.exec(text);
    if (!m) continue;
    // (A name may hold dots, "U.S.", but the sentence's full stop is not part of it: "according to Forbes.")
    const words = m[1]!.replace(/[.,]+$/, '').split(/\s+/).filter((w) => w && !NOT_NAMES.has(foldWord(w)));
    if (words.length) return { name: words.map(foldWord).join(' '), text: words.join(' ') };
  }
  return undefined;
}

/**
 * A report credited to no one ("according to one report", "reports say that", "it was reported that",
 * "one commentator suggested that", "…, one report observed."): a hedge, not something a source must
 * say. Bounded alternatives: linear time.
 */
const VAGUE_WHO = String.raw`(?:one|a|an|another|some|several|many|other|recent|earlier|media|news|press|local|unconfirmed|published|initial|the same|further)`;
const VAGUE_NOUN = String.raw`(?:reports?|sources?|accounts?|estimates?|insiders?|pieces?|articles?|stories|story|explainers?|commentators?|observers?|analysts?|critics?|outlets?|writers?|columnists?|coverage)`;
const VAGUE_VERB = String.raw`(?:say|says|said|suggest|suggests|suggested|indicate|indicates|indicated|observe|observes|observed|note|notes|noted|argue|argues|argued|claim|claims|claimed|report|reports|reported|write|writes|wrote|put it|puts it|speculated|speculates)`;
const UNNAMED_REPORT_RE = new RegExp(String.raw`(?:,\s)?\b(?:[Aa]ccording to (?:${VAGUE_WHO}\s){0,2}${VAGUE_NOUN}|(?:${VAGUE_WHO}\s){1,2}${VAGUE_NOUN} ${VAGUE_VERB}(?: that)?|(?:[Mm]edia |[Nn]ews |[Pp]ress )?[Rr]eports (?:say|said|suggest|suggested|indicate|indicated)(?: that)?|[Ii]t (?:was|has been|is|had been) (?:reported|said|claimed|suggested)(?: that)?|(?:cited|quoted) in (?:${VAGUE_WHO}\s){1,2}${VAGUE_NOUN})\b,?`, 'gi');

/** The sentence with its unnamed-report hedges blanked (same length: offsets into it stay offsets into the sentence). */
export function withoutHedges(text: string): string {
  return text.replace(UNNAMED_REPORT_RE, (m) => ' '.repeat(m.length));
}

/**
 * Whether a passage credits the claim's report to someone else: both name who reported it, the names
 * differ, and the passage does not name the claim's reporter at all.
 */
export function misattributed(claimText: string, passageText: string): { claim: string; source: string } | undefined {
  const claim = attributionOf(claimText);
  if (!claim) return undefined;
  const source = attributionOf(passageText);
  if (!source || source.name.includes(claim.name) || claim.name.includes(source.name)) return undefined;
  if (foldWord(passageText).includes(claim.name)) return undefined;
  return { claim: claim.text, source: source.text };
}

const SPEECH = String.raw`(?:said|says|wrote|writes|told|tells|added|adds|argued|argues|noted|notes|explained|explains|stated|states|declared|declares|tweeted|tweets|posted|posts|predicted|predicts|warned|warns|insisted|insists|claimed|claims|stressed|stresses|emphasi[sz]ed|emphasi[sz]es)`;
const ADVERB = String.raw`(?:(?:also|later|once|even|then|previously|earlier|reportedly)\s)?`;
const SPEAKER_RES = [
  // "Sundar Pichai said", "Mostaque, the founder, wrote", "Mostaque later wrote"
  new RegExp(String.raw`${NAME}(?:,[^,\u201c\u201d"]{1,60},)?\s${ADVERB}${SPEECH}\b`, 'u'),
  // "…,” said Mostaque" / "…,” Mostaque said"
  new RegExp(String.raw`[\u201d"]\s?${SPEECH}\s${NAME}`, 'u'),
];

/**
 * Who a sentence says spoke or wrote its quotation ("Sundar Pichai said, “…”"): the name as written and
 * its last word folded, or undefined when it names no one (a pronoun, "the company").
 */
export function speakerOf(text: string): { name: string; surname: string } | undefined {
  for (const re of SPEAKER_RES) {
    const m = re.exec(text);
    if (!m) continue;
    const words = m[1]!.split(/\s+/).map((w) => w.replace(/(?:['\u2019]s)?[.,]*$/, '')).filter((w) => w && !NOT_NAMES.has(foldWord(w)));
    if (words.length) return { name: words.join(' '), surname: foldWord(words[words.length - 1]!) };
  }
  return undefined;
}
