import { strict as assert } from 'node:assert';
import { extractNames } from '../../src/core/verify/facts';

describe('facts: names', () => {
  it('leaves out a function word that opens the sentence, but keeps one inside a name elsewhere', () => {
    const names = (t: string) => extractNames(t).map((f) => f.value);
    assert.deepEqual(names("Under Ferrante's leadership, Harbor Lines doubled its fleet."), ['harbor lines']);
    assert.deepEqual(names('The ferry was named by actor Will Smith and Jada Smith.'), ['will smith', 'jada smith']);
  });
});
