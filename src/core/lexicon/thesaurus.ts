/**
 * Paraphrase tolerance from WordNet: two words (or short phrases) are synonyms when they share one of
 * their three most frequent senses, or a group of everyday equivalents WordNet lacks (COMMON_GROUPS).
 * Keys are stemmed, so "stepped down" meets "resign" through the synset {leave office, quit, resign,
 * step down}. Parsed lazily on first use.
 */
import { THESAURUS } from './thesaurus.generated';
import { stem } from '../text/tokenize';
import { STOPWORDS } from '../text/stopwords';

/**
 * Everyday equivalences of news and business prose that WordNet lists only under rarer senses or not
 * at all ("firm" / "company", "funding" / "money", "staff" / "employees"), one group a line.
 */
const COMMON_GROUPS = `company|firm|business|startup
money|funding|cash|capital|financing|funds
staff|employees|personnel|workforce|talent
thank|thanks|gratitude|grateful|thankful
achieve|reach|attain
criticise|criticize|attack|slam
hire|recruit
oust|fire|dismiss|sack
unveil|launch|introduce
reveal|disclose
investor|backer
spending|expenditure|expenses|costs
value|worth
boss|chief|head|leader
talks|negotiations
deal|agreement
acquire|buy|purchase
grow|expand
cut|reduce|slash
big|large|major
key|important|crucial
resign|quit|step down|leave office|leave|depart|exit
departure|exit|resignation
trade|change hands
stake|share|holding
own|ownership
ready|mature|prepared
widespread|large-scale|broad|mass
adoption|use|uptake`;

let groupsByKey: Map<string, number[]> | undefined;
let membersByGroup: string[][] = [];
/** Multi-word lemma keys word by word, so a text's phrases are found without building strings. */
export interface PhraseNode {
  /** A lemma ends here. */
  readonly end: boolean;
  readonly next?: Map<string, PhraseNode>;
}
/** The node of every lemma's last word that no longer lemma continues (most of them): one object. */
const LEAF: PhraseNode = Object.freeze({ end: true });

/** The node after `node` for the next word, if a lemma continues with it. */
export function nextPhrase(node: PhraseNode, word: string): PhraseNode | undefined {
  return node.next?.get(word);
}
let phraseTrie = new Map<string, PhraseNode>();

/** The key of a lemma or a run of tokens: stems of content words, function words as they are. */
export function phraseKey(words: string[]): string {
  return words.map((w) => (STOPWORDS.has(w) ? w : stem(w))).join(' ');
}

/** Adds a lemma's key words to the trie. Nodes are replaced, never changed, so LEAF can be shared. */
function addPhrase(parts: string[]): void {
  let level = phraseTrie;
  parts.forEach((part, i) => {
    const node = level.get(part);
    if (i === parts.length - 1) {
      if (!node) level.set(part, LEAF);
      else if (!node.end) level.set(part, { end: true, ...(node.next ? { next: node.next } : {}) });
      return;
    }
    let next = node?.next;
    if (!next) level.set(part, { end: node?.end ?? false, next: (next = new Map()) });
    level = next;
  });
}

function load(): Map<string, number[]> {
  if (groupsByKey) return groupsByKey;
  groupsByKey = new Map();
  membersByGroup = [];
  phraseTrie = new Map();
  const wordnet = THESAURUS.split('\n');
  wordnetGroups = wordnet.length;
  const lines = [...wordnet, ...COMMON_GROUPS.split('\n')];
  for (let g = 0; g < lines.length; g++) {
    const members: string[] = [];
    for (const lemma of lines[g]!.split('|')) {
      const words = lemma.split(/[\s-]+/).filter(Boolean);
      const key = phraseKey(words);
      if (members.includes(key)) continue;
      members.push(key);
      if (words.length > 1) addPhrase(key.split(' '));
      let list = groupsByKey.get(key);
      if (!list) groupsByKey.set(key, (list = []));
      list.push(g);
    }
    membersByGroup.push(members);
  }
  return groupsByKey;
}

const synonymCache = new Map<string, string[]>();
const expansionCache = new Map<string, string[]>();
/** Groups below this index come from WordNet; the rest are COMMON_GROUPS. */
let wordnetGroups = 0;

/**
 * The single-word synonyms a search adds for `key` (at most `limit`): WordNet's only. The everyday
 * equivalents are common words with long postings; they serve alignment, not retrieval.
 */
export function expansionsOf(key: string, limit = 6): string[] {
  let out = expansionCache.get(key);
  if (out) return out;
  const groups = load().get(key) ?? [];
  const set = new Set<string>();
  for (const g of groups) {
    if (g >= wordnetGroups) continue;
    for (const m of membersByGroup[g]!) if (m !== key && !m.includes(' ')) set.add(m);
  }
  out = [...set].slice(0, limit);
  if (expansionCache.size > 100_000) expansionCache.clear();
  expansionCache.set(key, out);
  return out;
}

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

/** The multi-word lemmas that start with this key, if any (walk `next` with the following keys). */
export function phrasesFrom(key: string): PhraseNode | undefined {
  load();
  return phraseTrie.get(key);
}
