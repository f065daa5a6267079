import { strict as assert } from 'node:assert';
import { PassageIndex, TopK } from '../../src/core/search/PassageIndex';
import { parseSource } from '../../src/core/sources/parse';
import { stem } from '../../src/core/text/tokenize';

/** An index of one plain-text source per entry, each line of text one passage. */
function indexOf(sources: Record<string, string[]>): PassageIndex {
  const index = new PassageIndex();
  for (const [path, lines] of Object.entries(sources)) {
    const parsed = parseSource(path, lines.join('\n\n'));
    if (!('passages' in parsed)) throw new Error(`unparsable: ${parsed.message}`);
    index.addSource(parsed);
  }
  return index;
}

const key = (word: string) => stem(word);
const textOf = (index: PassageIndex, id: number) => index.passages[id]!.text;

describe('passage index', () => {
  // Two words each in 1,500 passages (common: over the 1,000-passage floor), one passage with both.
  const many = (word: string, n: number) => Array.from({ length: n }, (_, i) => `The ${word} stood near marker number ${i} today.`);
  const index = indexOf({
    'alpha.txt': many('lighthouse', 1500),
    'beta.txt': many('windmill', 1500),
    'both.txt': ['A lighthouse and a windmill share the headland.'],
    'rare.txt': ['The beacon burned all night.', 'A tower of grey stone.'],
  });

  it('finds the passage with the query\'s common words even when rare synonyms of it match elsewhere', () => {
    const hits = index.search([
      { key: key('lighthouse'), weight: 1 },
      { key: key('windmill'), weight: 1 },
      // Weak expansions (as synonyms are): rare, but they must not choose the candidates alone.
      { key: key('beacon'), weight: 0.35 },
      { key: key('tower'), weight: 0.35 },
    ], 5);
    // BM25 ranks the rare synonyms' passages high; the passage with both words must still be found.
    const texts = hits.map((h) => textOf(index, h.id));
    assert.ok(texts.includes('A lighthouse and a windmill share the headland.'), texts.join(' | '));
    assert.ok(texts.includes('The beacon burned all night.'));
  });

  it('ranks by BM25 with every query word counted once per passage', () => {
    const hits = index.search([{ key: key('beacon'), weight: 1 }, { key: key('night'), weight: 1 }], 3);
    assert.equal(textOf(index, hits[0]!.id), 'The beacon burned all night.');
    assert.ok(hits.every((h, i) => i === 0 || h.score <= hits[i - 1]!.score), 'best first');
  });

  it('leaves page chrome out of the results unless asked for it', () => {
    // A comment thread: everything after its marker is chrome, the article above it is not.
    const local = indexOf({ 'page.txt': ['The harbour ferry carries ninety passengers across the bay.', '3 comments', 'I rode the harbour ferry yesterday and loved it.'] });
    const q = [{ key: key('harbour'), weight: 1 }, { key: key('ferry'), weight: 1 }];
    const chrome = (hits: { id: number }[]) => hits.map((h) => local.passages[h.id]!.chrome);
    assert.deepEqual(chrome(local.search(q, 5)), [false]);
    assert.deepEqual(chrome(local.search(q, 5, { includeChrome: true })).sort(), [false, true]);
  });

  it('forgets a removed source and finds it again once re-added', () => {
    const local = indexOf({ 'a.txt': ['Copper kettles whistle loudly.'], 'b.txt': ['Silver spoons are quiet.'] });
    const q = [{ key: key('kettle'), weight: 1 }];
    assert.equal(local.search(q, 5).length, 1);
    local.removeSource('a.txt');
    assert.equal(local.search(q, 5).length, 0);
    const parsed = parseSource('a.txt', 'Copper kettles whistle loudly.');
    if (!('passages' in parsed)) throw new Error('unparsable');
    local.addSource(parsed);
    const hits = local.search(q, 5);
    assert.equal(hits.length, 1);
    assert.equal(textOf(local, hits[0]!.id), 'Copper kettles whistle loudly.');
  });
});

describe('TopK', () => {
  it('keeps the k highest scores, best first, ties by id', () => {
    const top = new TopK(3);
    [[5, 0.5], [1, 2], [7, 1], [3, 2], [9, -1], [2, 1.5]].forEach(([id, s]) => top.push(id!, s!));
    assert.deepEqual(top.sorted(), [{ id: 1, score: 2 }, { id: 3, score: 2 }, { id: 2, score: 1.5 }]);
    assert.equal(top.floor(), 1.5);
    assert.deepEqual(new TopK(0).sorted(), []);
  });
});
