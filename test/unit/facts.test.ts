import { strict as assert } from 'node:assert';
import { Engine } from '../../src/core';
import { daySlip, extractFacts, extractNames } from '../../src/core/verify/facts';

describe('facts: names', () => {
  it('leaves out a function word that opens the sentence, but keeps one inside a name elsewhere', () => {
    const names = (t: string) => extractNames(t).map((f) => f.value);
    assert.deepEqual(names("Under Ferrante's leadership, Harbor Lines doubled its fleet."), ['harbor lines']);
    assert.deepEqual(names('The ferry was named by actor Will Smith and Jada Smith.'), ['will smith', 'jada smith']);
  });
});

describe('facts: figures and dates in words', () => {
  const facts = (t: string) => extractFacts(t).map((f) => [f.kind, f.value, f.text]);

  it('reads a day of the month in words, only with "of"', () => {
    assert.deepEqual(facts('The vote was on the twenty-third of March, 2024.'), [['date', '2024-3-23', 'twenty-third of March, 2024']]);
    assert.deepEqual(facts('He left on the first of May 2023.'), [['date', '2023-5-1', 'first of May 2023']]);
    // "the first March 2024 meeting" is no first of March.
    assert.deepEqual(facts('It was the first March 2024 meeting.'), [['date', '2024-3-', 'March 2024']]);
  });

  it('reads a day and month without a year, with a capitalised month ("22 March"; not "the 2 may be")', () => {
    assert.deepEqual(facts('He left on Friday, 22 March.').map((f) => f.slice(0, 3)), [['weekday', 'friday', 'Friday'], ['date', '-3-22', '22 March']]);
    assert.deepEqual(facts('On 5 Mar. 2024 he left.'), [['date', '2024-3-5', '5 Mar. 2024']]);
    assert.ok(!facts('Only 2 may apply.').some((f) => f[0] === 'date'));
  });

  it('finds the figure a claim changed by the words around it, in other words too ("changing hands for roughly" / "trades at approximately")', () => {
    const engine = new Engine();
    engine.addSource('a.txt', ['Ferries cross the bay at dawn.', 'The museum holds Flemish paintings.',
      'The vote came at a time when the old ferry trades at approximately $64,062 and the harbour fund exceeds $2.5 million.'].join('\n\n'));
    const c = engine.check('At the time, the old ferry was changing hands for roughly $54,000.', 'plaintext').claims[0]!;
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.match(c.message, /\$64,062/);
  });

  it('takes dates of one month a few days apart, or a weekday against a full date, for one event dated differently', () => {
    const date = (t: string) => extractFacts(t).find((f) => f.kind === 'date' || f.kind === 'weekday')!;
    assert.ok(daySlip(date('on March 22, 2024'), date('on March 23, 2024')));
    assert.ok(daySlip(date('on 22 March'), date('on March 23, 2024')));
    assert.ok(daySlip(date('on Friday'), date('on March 23, 2024')));
    assert.ok(!daySlip(date('on March 2, 2024'), date('on March 23, 2024')));
    assert.ok(!daySlip(date('on March 22, 2023'), date('on March 23, 2024')));
    assert.ok(!daySlip(date('in March 2024'), date('on March 23, 2024')));
  });

  it('reads "and a half" in a figure written in words', () => {
    assert.deepEqual(facts('The market was worth more than two and a half trillion dollars.'), [['money', 'USD:2500000000000', 'more than two and a half trillion dollars']]);
  });

  it('reads "all five of" and "both of" as the whole, which a count of the total contradicts', () => {
    const engine = new Engine();
    engine.addSource('a.txt', 'The paper said that three of the five engineers who built the ferry engine were leaving.');
    const c = engine.check('All five of the engineers who built the ferry engine were leaving.', 'plaintext').claims[0]!;
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.match(c.message, /three of the five/);
    assert.equal(facts('Both of the founders left.')[0]?.[1], '1');
  });
});
