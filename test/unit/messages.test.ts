import assert from 'node:assert/strict';
import { highlightRanges, isFromWebview, isToWebview } from '../../src/shared/messages';

describe('quote panel messages', () => {
  it('accepts only well-formed messages from the webview', () => {
    assert.ok(isFromWebview({ type: 'ready' }));
    assert.ok(isFromWebview({ type: 'search', query: 'bridge', seq: 3 }));
    assert.ok(isFromWebview({ type: 'insert', id: 7 }));
    for (const bad of [null, 'ready', [], { type: 'eval', code: '1' }, { type: 'search', query: 5, seq: 1 },
      { type: 'search', query: 'x'.repeat(501), seq: 1 }, { type: 'open', id: -1 }, { type: 'copy', id: 1.5 },
      { type: 'insert', id: '3' }, { type: 'search', query: 'a', seq: Number.NaN }]) {
      assert.equal(isFromWebview(bad), false, JSON.stringify(bad));
    }
  });

  it('validates what the extension sends', () => {
    const item = { id: 1, text: '<script>x</script>', source: 'sources/a.txt', line: 3, score: 0.5 };
    assert.ok(isToWebview({ type: 'results', seq: 1, query: 'a', mode: 'search', items: [item] }));
    assert.equal(isToWebview({ type: 'results', seq: 1, query: 'a', mode: 'html', items: [item] }), false);
    assert.equal(isToWebview({ type: 'results', seq: 1, query: 'a', mode: 'search', items: [{ ...item, line: '3' }] }), false);
  });

  it('highlights the query words, case-insensitively and merged', () => {
    const text = 'The Footbridge will be 140 metres long; the footbridge is steel.';
    assert.deepEqual(highlightRanges(text, 'footbridge STEEL'), [[4, 14], [44, 54], [58, 63]]);
    assert.deepEqual(highlightRanges(text, 'a'), []);
    assert.deepEqual(highlightRanges('$8 million', '$8 million'), [[0, 2], [3, 10]]);
  });
});
