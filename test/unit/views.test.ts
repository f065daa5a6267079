import { strict as assert } from 'node:assert';
import { PassageIndex, PassageKeys } from '../../src/core/search/PassageIndex';
import { parseSource } from '../../src/core/sources/parse';
import { analyze, MergedView } from '../../src/core/verify/analyze';
import { align, matchWord } from '../../src/core/verify/align';
import { phraseKey } from '../../src/core/lexicon/thesaurus';
import { stem } from '../../src/core/text/tokenize';

describe('text views', () => {
  it('matches the forms the stemmer splits: irregular verbs ("rose" / "rise", "made" / "make"), short "-y" verbs ("tried" / "trying"), time units ("monthly" / "month")', () => {
    const pairs: [string, string][] = [['Prices rose in May.', 'Prices rise in May.'], ['The council tried to sell the ferry.', 'The council is trying to sell the ferry.'],
      ['Gulls flew over the dock.', 'Gulls fly over the dock.'], ['Shipyards made pivotal hires.', 'Shipyards make pivotal hires.'],
      ['Fares monthly rose.', 'Fares per month rose.']];
    for (const [a, b] of pairs) {
      const claim = analyze(a);
      const passage = analyze(b);
      const verb = claim.words[1]!;
      assert.equal(matchWord(claim, verb, passage), 1, `${verb.norm} in "${b}"`);
    }
  });

  it('matches an adjective and its "-ly" adverb ("abrupt" / "abruptly", "happy" / "happily"), not a short word and a longer one ("ear" / "early")', () => {
    const pairs: [string, string, number][] = [['Okafor abrupt exit.', 'Okafor left abruptly.', 1], ['Okafor abruptly left.', 'An abrupt exit by Okafor.', 1],
      ['Okafor happily agreed.', 'Okafor was happy to agree.', 1], ['Okafor ear hurt.', 'Okafor left early.', 0]];
    for (const [a, b, expected] of pairs) {
      const claim = analyze(a);
      const word = claim.words[1]!;
      assert.equal(matchWord(claim, word, analyze(b)), expected, `${word.norm} in "${b}"`);
    }
  });

  it('compares the polarity of "did not manage to raise" through "raise", not "manage" (which "Coatue Management" shares a stem with)', () => {
    const claim = analyze('The company did not manage to raise new funds at the valuation it had sought.');
    const passage = analyze('Harbor Lines, a firm backed by Coatue Management, has faced significant challenges, including unsuccessful attempts to raise new funding at a substantial valuation.');
    assert.equal(align(claim, passage, () => 1, 1).polarityFlips, 0);
    // "Raise" itself still differs from a passage that says it was raised.
    assert.equal(align(claim, analyze('Harbor Lines managed to raise new funds at the valuation it had sought.'), () => 1, 1).polarityFlips, 1);
  });

  it('matches everyday equivalents WordNet lists only under rarer senses ("firm" / "company", "funding" / "cash", "staff" / "employees")', () => {
    const pairs: [string, string, string][] = [['The firm thanked Okafor.', 'firm', 'The company thanked Okafor.'], ['Ferry funding fell.', 'funding', 'Ferry cash fell.'],
      ['Harbour staff left.', 'staff', 'Harbour employees left.'], ['Okafor thanked Delgado.', 'thanked', 'Okafor expressed gratitude to Delgado.'],
      ['Okafor owns a large share.', 'owns', 'Okafor has a large ownership stake.'], ['Okafor owns a large share.', 'share', 'Okafor has a large ownership stake.'],
      // An irregular form has its base's synonyms: "left" as "leave" meets "resigned".
      ['Okafor left the board.', 'left', 'Okafor resigned from the board.'],
      ['The ferries were not mature enough for widespread use.', 'mature', 'The ferries were not ready for large-scale adoption.'],
      ['The ferries were not mature enough for widespread use.', 'widespread', 'The ferries were not ready for large-scale adoption.']];
    for (const [a, norm, b] of pairs) {
      const claim = analyze(a);
      const word = claim.words.find((w) => w.norm === norm)!;
      assert.ok(matchWord(claim, word, analyze(b)) > 0, `${norm} in "${b}"`);
    }
  });

  it('finds multi-word lemmas of two and three words, and no phrase across unrelated words', () => {
    const v = analyze('The chief executive officer stepped down on Friday.');
    assert.ok(v.phrases.has(phraseKey(['step', 'down'])), [...v.phrases].join(', '));
    assert.ok(v.phrases.has(phraseKey(['chief', 'executive', 'officer'])), [...v.phrases].join(', '));
    assert.ok(!analyze('He went down the stairs, step by step.').phrases.has(phraseKey(['step', 'down'])));
  });

  it('reads two adjacent passages as one text: offsets, word indexes and facts line up with the joined text', () => {
    const a = 'Mayor Lucia Ferrante resigned on 14 May 2024.';
    const b = 'The council approved $2.5 million for two ferries.';
    const merged = new MergedView(analyze(a), analyze(b));
    const joined = analyze(`${a} ${b}`);
    assert.equal(merged.text, joined.text);
    assert.deepEqual(merged.tokens, joined.tokens);
    assert.deepEqual(merged.facts.map((f) => [f.kind, f.value, f.start]), joined.facts.map((f) => [f.kind, f.value, f.start]));
    assert.deepEqual(merged.words.map((w) => [w.key, w.start, w.index]), joined.words.map((w) => [w.key, w.start, w.index]));
    for (const w of merged.words) assert.equal(merged.tokens[w.index]!.key, w.key);
    assert.ok(merged.keys.has(stem('ferries')) && merged.keys.has(stem('resigned')));
  });

  it("reads a passage's keys from its term ids in place", () => {
    const index = new PassageIndex();
    const parsed = parseSource('harbor.txt', 'The ferries carried 400 passengers across the harbour.');
    if (!('passages' in parsed)) throw new Error(parsed.message);
    index.addSource(parsed);
    const p = index.passages.find((x) => x && !x.chrome)!;
    const keys = new PassageKeys(index, p.terms);
    assert.ok(keys.has(stem('ferries')) && keys.has(stem('passengers')));
    assert.ok(!keys.has(stem('lighthouse')), 'a key the index has never seen');
    assert.ok(!keys.has('the'), 'function words are not content keys');
    assert.deepEqual(new Set(keys), new Set([...p.terms].map((t) => index.termKeys[t])));
  });

  it('matches a claim word the same by term id as by string: same form, other forms, synonyms, phrases, opposites', () => {
    const index = new PassageIndex();
    const text = 'Ferry fares rose sharply. The company thanked the harbour employees. The mayor stepped down on Friday. Passenger numbers fell.';
    const parsed = parseSource('harbor.txt', text);
    if (!('passages' in parsed)) throw new Error(parsed.message);
    index.addSource(parsed);
    const termId = (key: string) => index.termId(key);
    const claims = ['Ferry fares rise.', 'The firm thanked harbour staff.', 'The mayor resigned on Friday.', 'Passenger numbers rose.', 'Lighthouse keepers left.'];
    let matched = 0;
    let opposed = 0;
    for (const p of index.passages) {
      if (!p || p.chrome) continue;
      const byId = analyze(p.text, new PassageKeys(index, p.terms));
      const byString = analyze(p.text);
      for (const c of claims) {
        // A claim view per path: a word's plan keeps the ids once it has them.
        const [a, b] = [analyze(c), analyze(c)];
        a.words.forEach((w, i) => {
          const id = matchWord(a, w, byId, true, termId);
          assert.equal(id, matchWord(b, b.words[i]!, byString), `"${w.norm}" of "${c}" in "${p.text}"`);
          if (id > 0 && id < 1) matched++;
        });
        // The whole alignment too, opposites included ("rose" / "fell").
        const [x, y] = [analyze(c), analyze(c)];
        const byIdAlignment = align(x, byId, () => 1, 1, [], () => true, termId);
        assert.deepEqual(byIdAlignment, align(y, byString, () => 1, 1), `"${c}" / "${p.text}"`);
        if (byIdAlignment.opposites.length) opposed++;
      }
    }
    assert.ok(matched >= 3, `synonyms matched by id: ${matched}`);
    assert.ok(opposed >= 1, 'an opposite found by id');
  });
});
