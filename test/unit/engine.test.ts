import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../src/core';

const SHARED = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'resignation');

function resignation(): Engine {
  const e = new Engine();
  for (const f of readdirSync(SHARED)) e.addSource(f, readFileSync(join(SHARED, f)));
  return e;
}

describe('engine', () => {
  const e = resignation();

  it('re-checks only the sentence that changed', () => {
    const draft = [
      'Emad Mostaque resigned as chief executive of Stability AI.',
      'Investors including Lightspeed Venture Partners and Coatue Management had backed the startup.',
      'Stability AI was reportedly spending about $8 million a month on computing as of October 2023.',
    ].join(' ');
    e.check(draft);
    const before = e.judgedCount;
    e.check(draft);
    assert.equal(e.judgedCount, before, 'an unchanged draft costs nothing');
    const edited = draft.replace('$8 million', '$12 million');
    const r = e.check(edited);
    assert.equal(e.judgedCount, before + 1, 'one edited sentence costs one sentence');
    assert.equal(r.claims[2]!.verdict, 'contradicted');
    assert.match(r.claims[2]!.message, /sources say \$8 million \(000_eaed0b5233e6d410\.txt:13\); the draft says \$12 million/);
  });

  it('saves and reloads the index with identical results', () => {
    const json = JSON.parse(JSON.stringify(e.toJSON()));
    const reloaded = Engine.fromJSON(json);
    assert.deepEqual(reloaded.stats, e.stats);
    const draft = 'Interim leadership passed to Shan Shan Wong and Christian Laforte. Stability AI was founded in London in 2019.';
    assert.deepEqual(reloaded.check(draft), e.check(draft));
    assert.deepEqual(reloaded.search('concentration of power in AI'), e.search('concentration of power in AI'));
    assert.throws(() => Engine.fromJSON({ format: 'groundwork-index', version: '0' }), /version/);
    assert.throws(() => Engine.fromJSON({}), /not a saved index/);
  });

  it('keeps a reloaded index editable: changing, adding and removing sources gives what the original gives', () => {
    const original = resignation();
    const reloaded = Engine.fromJSON(JSON.parse(JSON.stringify(original.toJSON())));
    const changed = readFileSync(join(SHARED, '000_eaed0b5233e6d410.txt'), 'utf8').replace('$8 million per month', '$9 million per month');
    for (const engine of [original, reloaded]) {
      engine.addSource('000_eaed0b5233e6d410.txt', changed);
      engine.addSource('notes.md', 'Stability AI hired 300 engineers in London in 2023, a spokesperson said.');
      engine.removeSource('001_a9ba12bdfeebbffb.txt');
    }
    const draft = 'Stability AI was reportedly spending about $8 million a month on computing as of October 2023. ' +
      'Stability AI hired 300 engineers in London in 2023. Investors including Lightspeed Venture Partners and Coatue Management had backed the startup.';
    const r = reloaded.check(draft);
    assert.deepEqual(r, original.check(draft));
    assert.equal(r.claims[0]!.verdict, 'contradicted');
    assert.equal(r.claims[1]!.verdict, 'supported');
    assert.deepEqual(reloaded.search('hired 300 engineers'), original.search('hired 300 engineers'));
    assert.deepEqual(reloaded.stats, original.stats);
  });

  it('checks in steps of one judged sentence, with the result check() gives', () => {
    const fresh = resignation();
    const draft = '# Notes\n\nEmad Mostaque resigned as chief executive of Stability AI. Stability AI was founded in London in 2019.\n\nWas it a surprise? Investors had backed the startup.';
    const steps = fresh.checkSteps(draft, 'markdown', 'doc');
    let n = 0;
    let step = steps.next();
    while (!step.done) {
      n++;
      step = steps.next();
    }
    assert.equal(n, 3, 'one step per claim (the heading and the question are not claims)');
    assert.deepEqual(step.value, resignation().check(draft));
    // Judged sentences cost no step the second time; a source changing mid-way is honoured.
    const again = fresh.checkSteps(draft, 'markdown', 'doc');
    assert.equal(again.next().done, true);
    const edited = draft.replace('2019', '2021');
    const partial = fresh.checkSteps(edited, 'markdown', 'doc');
    assert.equal(partial.next().done, false, 'the edited sentence is judged');
    fresh.addSource('late.txt', 'Stability AI was founded in London in 2021 by Emad Mostaque.');
    let finished = partial.next();
    while (!finished.done) finished = partial.next();
    const founded = finished.value.claims.find((c) => c.text.includes('founded'))!;
    assert.ok(founded.evidence.some((e) => e.source === 'late.txt'), 'the result reflects the source added during the check');
  });

  it('judges only the sentences in a range (a hover before the whole draft is checked)', () => {
    const fresh = resignation();
    const draft = 'Emad Mostaque resigned as chief executive of Stability AI. Stability AI was reportedly spending about $12 million a month on computing. Investors had backed the startup [^1].\n\n[^1]: a note';
    const at = draft.indexOf('$12');
    const partial = fresh.checkRange(draft, 'markdown', at, at, 'doc');
    assert.equal(fresh.judgedCount, 1, 'one sentence judged');
    assert.equal(partial.claims.length, 1);
    const full = resignation().check(draft, 'markdown');
    assert.deepEqual(partial.claims[0], full.claims[1]);
    assert.equal(partial.claims[0]!.verdict, 'contradicted');
    assert.deepEqual(partial.citations, full.citations, 'all citations, for citation hovers');
    fresh.check(draft, 'markdown', 'doc');
    assert.equal(fresh.judgedCount, 3, 'the full check reuses the judged sentence');
  });

  it('warms up in small steps and leaves no trace in what the writer sees', () => {
    const cold = resignation();
    const warm = resignation();
    let steps = 0;
    for (const _ of warm.warmUpSteps()) steps++;
    assert.ok(steps > 10, `the warm-up yields between sentences (${steps} steps)`);
    assert.equal(warm.judgedCount, 0, 'warm-up sentences are not judged claims');
    assert.equal(warm['views'].size, 0, "the sampled passages' views are dropped");
    const draft = 'Emad Mostaque resigned as chief executive of Stability AI. Stability AI was founded in London in 2019. "We are not going to win," he said.';
    assert.deepEqual(warm.check(draft), cold.check(draft));
    assert.equal(warm.judgedCount, cold.judgedCount, 'nothing was cached for the draft');
    assert.deepEqual(warm.search('spending on computing'), cold.search('spending on computing'));
  });

  it('gives way to a real check: the warm-up stops once a sentence of a draft has been judged', () => {
    const warm = resignation();
    const steps = warm.warmUpSteps();
    for (let i = 0; i < 6; i++) assert.equal(steps.next().done, false, 'the warm-up is under way');
    warm.check('Emad Mostaque resigned as chief executive of Stability AI.');
    assert.equal(warm.judgedCount, 1);
    assert.equal(steps.next().done, true, 'it stops at its next step');
    const again = resignation().warmUpSteps();
    let untouched = 0;
    while (!again.next().done) untouched++;
    assert.ok(untouched > 6, `left alone it goes on (${untouched} steps)`);
  });

  it('finds quotes as the writer types: exact, with typos, paraphrased; highlights the match', () => {
    const exact = e.search('not going to beat centralized AI with more centralized AI');
    assert.match(exact[0]!.text, /Not going to beat centralized AI with more centralized AI/);
    assert.ok(exact[0]!.highlights!.length > 0);
    const [s, t] = exact[0]!.highlights![0]!;
    assert.ok(t > s && t <= exact[0]!.text.length);
    const typo = e.search('the concentraton of powr in AI is bad for us al');
    assert.equal(typo[0]!.source, '003_8c64689e44c242f0.txt');
    const para = e.search('Stability burning millions of dollars monthly failed to raise cash at $4 billion');
    assert.equal(para[0]!.source, '003_8c64689e44c242f0.txt');
    assert.equal(para[0]!.line, 7);
    assert.deepEqual(e.search('   '), []);
    const none = e.search('quantum chromodynamics of migrating penguins');
    assert.ok(none.length === 0 || none[0]!.score < exact[0]!.score);
  });

  it('never offers page chrome as evidence', () => {
    const r = e.check('Bitcoin trades at $63,995 and Ethereum at $1,726.65.');
    for (const c of r.claims) for (const ev of c.evidence) assert.equal(ev.chrome, false);
  });

  it('leads the evidence of a supporting pair of sentences with the one that says more of the claim, not a headline', () => {
    const c = e.check('Stability AI was founded by Emad Mostaque.').claims[0]!;
    assert.equal(c.verdict, 'supported');
    // The pair starts at a section headline ("The Transition | Emad Mostaque’s Resignation") retrieved for its words.
    assert.ok(c.evidence[0]!.text.split(' ').length > 8, c.evidence[0]!.text);
  });

  it('gives evidence with exact source positions, best first', () => {
    const r = e.check('Forbes reported that three of the five main authors behind Stable Diffusion were leaving the company.');
    const c = r.claims[0]!;
    assert.equal(c.verdict, 'supported');
    const text = readFileSync(join(SHARED, c.evidence[0]!.source), 'utf8');
    assert.equal(text.slice(c.evidence[0]!.start, c.evidence[0]!.end).replace(/\s+/g, ' '), c.evidence[0]!.text);
    for (let i = 1; i < c.evidence.length; i++) assert.ok(c.evidence[i - 1]!.score >= c.evidence[i]!.score || i === 1);
  });
});
