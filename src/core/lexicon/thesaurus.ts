/**
 * Paraphrase tolerance from WordNet: two words (or short phrases) are synonyms when they share one of
 * their three most frequent senses. Keys are stemmed, so "stepped down" meets "resign" through the
 * synset {leave office, quit, resign, step down}. Parsed lazily on first use.
 */
import { THESAURUS } from './thesaurus.generated';
import { stem } from '../text/tokenize';
import { STOPWORDS } from '../text/stopwords';

let groupsByKey: Map<string, number[]> | undefined;
let membersByGroup: string[][] = [];
let phraseHeads: Set<string> = new Set();

/** The key of a lemma or a run of tokens: stems of content words, function words as they are. */
export function phraseKey(words: string[]): string {
  return words.map((w) => (STOPWORDS.has(w) ? w : stem(w))).join(' ');
}

function load(): Map<string, number[]> {
  if (groupsByKey) return groupsByKey;
  groupsByKey = new Map();
  membersByGroup = [];
  phraseHeads = new Set();
  const lines = THESAURUS.split('\n');
  for (let g = 0; g < lines.length; g++) {
    const members: string[] = [];
    for (const lemma of lines[g]!.split('|')) {
      const words = lemma.split(/[\s-]+/).filter(Boolean);
      const key = phraseKey(words);
      if (members.includes(key)) continue;
      members.push(key);
      if (words.length > 1) phraseHeads.add(key.split(' ')[0]!);
      let list = groupsByKey.get(key);
      if (!list) groupsByKey.set(key, (list = []));
      list.push(g);
    }
    membersByGroup.push(members);
  }
  return groupsByKey;
}

const synonymCache = new Map<string, string[]>();

/** Keys (words or phrases) that share a frequent sense with `key`, excluding `key` itself. */
export function synonymsOf(key: string): string[] {
  let out = synonymCache.get(key);
  if (out) return out;
  const groups = load().get(key) ?? [];
  const set = new Set<string>();
  for (const g of groups) for (const m of membersByGroup[g]!) if (m !== key) set.add(m);
  out = [...set];
  synonymCache.set(key, out);
  return out;
}

export function areSynonyms(a: string, b: string): boolean {
  if (a === b) return true;
  const ga = load().get(a);
  const gb = groupsByKey!.get(b);
  if (!ga || !gb) return false;
  for (const x of ga) if (gb.includes(x)) return true;
  return false;
}

/** Whether some multi-word lemma starts with this key (to avoid phrase look-ups elsewhere). */
export function startsPhrase(key: string): boolean {
  load();
  return phraseHeads.has(key);
}

export function isKnownPhrase(key: string): boolean {
  return load().has(key);
}
