/**
 * Opposites from WordNet ("rise" / "fall", "win" / "lose", "accept" / "reject"), between the words of
 * their frequent senses, keyed by stem like the synonyms. A stemmer cannot see that "rose" is "rise",
 * so the irregular forms of common verbs are listed here: "prices rose" meets "prices fell".
 */
import { ANTONYMS } from './thesaurus.generated';
import { stem } from '../text/tokenize';

/**
 * Irregular past forms of common English verbs, and the short "-y" verbs whose forms the stemmer
 * splits ("tried" -> "tri", "trying" -> "try"). Forms that are words of their own in news prose
 * ("found" a company, "saw", "wound", "bound", "lay", "lit") are left out.
 */
const IRREGULAR = `arise arose arisen|bear bore borne|beat beaten|begin began begun|bend bent|bite bitten|blow blew blown|
break broke broken|bring brought|build built|buy bought|catch caught|choose chose chosen|come came|dig dug|draw drew drawn|
drive drove driven|eat ate eaten|fall fell fallen|feel felt|forbid forbade forbidden|forget forgot forgotten|
forgive forgave forgiven|freeze froze frozen|get got gotten|give gave given|go went gone|grow grew grown|hang hung|hide hid hidden|
hold held|keep kept|know knew known|lead led|leave left|lend lent|lose lost|mean meant|meet met|pay paid|ride rode ridden|
rise rose risen|run ran|say said|sell sold|send sent|shake shook shaken|shoot shot|show shown|shrink shrank shrunk|
sing sang sung|sink sank sunk|sit sat|sleep slept|speak spoke spoken|spend spent|spring sprang sprung|stand stood|
steal stole stolen|stick stuck|strike struck|swell swollen|swing swung|take took taken|teach taught|tear tore torn|
tell told|think thought|throw threw thrown|wake woke woken|wear wore worn|weep wept|win won|write wrote written|
make made|become became|feed fed|flee fled|fight fought|seek sought|hear heard|deal dealt|swear swore sworn|sweep swept|
swim swam swum|ring rang rung|slide slid|spin spun|strive strove striven|weave wove woven|leap leapt|overcome overcame|
undertake undertook undertaken|withdraw withdrew withdrawn|mistake mistook mistaken|understand understood|drink drank drunk|
try tried tries|cry cried cries|dry dried dries|fly flew flown flies|spy spied spies`;

/** Time units and their adjectives, which the stemmer keeps apart: "monthly" says "a month". */
const TIME_UNITS = 'hour hourly|day daily|week weekly|month monthly|quarter quarterly|year yearly annual annually';

const NONE: string[] = [];
/**
 * Everyday opposites of news prose that WordNet lists only under rarer senses or not at all ("rise" /
 * "drop", "hire" / "fire", "profit" / "loss").
 */
const COMMON_OPPOSITES = `stay leave|join leave|join resign|join quit|hire fire|gain lose|rise drop|rise decline|increase cut|increase reduce|grow shrink|
grow decline|expand shrink|approve reject|support oppose|allow ban|accept decline|profit loss|surplus deficit|higher lower|
larger smaller|confirm deny|arrive depart|start finish|start stop|pass fail|continue end|continue stop|continue abandon|continue halt`;

let byKey: Map<string, string[]> | undefined;
let formsByKey: Map<string, string[]> | undefined;

/** Irregular verbs by base word: the base and its forms. */
function irregular(): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const entry of IRREGULAR.split('|')) {
    const [base, ...rest] = entry.trim().split(/\s+/);
    forms.set(base!, [base!, ...rest]);
  }
  return forms;
}

/**
 * The keys of the other forms of an irregular verb ("rose" -> "rise", "risen"; "rise" -> "rose",
 * "risen") or of a time unit ("monthly" -> "month"): one word to the aligner, which the stemmer cannot see.
 */
export function otherForms(key: string): string[] {
  return inflections(key) ?? adverbForms(key);
}

/** Irregular forms and time-unit adjectives only ("left" -> "leav", "monthly" -> "month"), if any. */
export function inflections(key: string): string[] | undefined {
  if (!formsByKey) {
    formsByKey = new Map();
    for (const forms of [...irregular().values(), ...TIME_UNITS.split('|').map((e) => e.split(' '))]) {
      const keys = [...new Set(forms.map(stem))];
      for (const k of keys) formsByKey.set(k, keys.filter((x) => x !== k));
    }
  }
  return formsByKey.get(key);
}

const adverbCache = new Map<string, string[]>();
/**
 * An adjective and its "-ly" adverb, which the stemmer keeps apart ("abrupt" / "abruptli", "happi" /
 * "happili"): "left abruptly" says "an abrupt exit". Bases of five letters or more only ("ear" is
 * no "early", "fami" no "family").
 */
function adverbForms(key: string): string[] {
  let out = adverbCache.get(key);
  if (out) return out;
  if (key.endsWith('li') && key.length >= 7) out = [key.slice(0, -2)];
  else if (key.length >= 5 && /[a-z]$/.test(key)) out = [key + 'li'];
  else out = NONE;
  if (adverbCache.size > 50_000) adverbCache.clear();
  adverbCache.set(key, out);
  return out;
}

function load(): Map<string, string[]> {
  if (byKey) return byKey;
  const forms = irregular();
  const sets = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    for (const x of forms.get(a) ?? [a]) {
      for (const y of forms.get(b) ?? [b]) {
        const kx = stem(x);
        let set = sets.get(kx);
        if (!set) sets.set(kx, (set = new Set()));
        set.add(stem(y));
      }
    }
  };
  const pairs = [...ANTONYMS.split('\n').map((p) => p.split('|')), ...COMMON_OPPOSITES.split('|').map((p) => p.trim().split(/\s+/))];
  for (const [a, b] of pairs) {
    if (!a || !b) continue;
    add(a, b);
    add(b, a);
  }
  byKey = new Map([...sets].map(([k, v]) => [k, [...v].filter((x) => x !== k)]));
  return byKey;
}

/** Keys of the words that mean the opposite of `key` in one of its frequent senses. */
export function antonymsOf(key: string): string[] {
  return load().get(key) ?? NONE;
}
