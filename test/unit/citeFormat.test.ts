import assert from 'node:assert/strict';
import {
  applyEdits, citationKey, citeSentenceEdits, footnoteTargets, insertQuoteEdits, nextFootnoteNumber,
  resolveCitationKey, shortQuote,
} from '../../src/core/citeFormat';

const P = { source: 'sources/council-minutes.md', line: 14, text: 'The council approved a budget of $8 million for the bridge.' };

describe('citeFormat', () => {
  it('derives a citation key from the file name and resolves it back', () => {
    assert.equal(citationKey('sources/Council Minutes 2021.md'), 'council-minutes-2021');
    assert.equal(citationKey('notes'), 'notes');
    assert.equal(resolveCitationKey('council-minutes', ['a/b.txt', P.source]), P.source);
    assert.equal(resolveCitationKey('nope', [P.source]), undefined);
  });

  it('numbers a new footnote after the existing ones', () => {
    assert.equal(nextFootnoteNumber('No notes.'), 1);
    assert.equal(nextFootnoteNumber('A.[^2] B.[^note]\n\n[^2]: x\n[^7]: y'), 8);
  });

  it('cites a sentence with a footnote after its punctuation and a definition at the end', () => {
    const draft = 'Intro. The bridge cost $8 million. More.\n';
    const start = draft.indexOf('The bridge');
    const end = draft.indexOf(' More');
    const out = applyEdits(draft, citeSentenceEdits(draft, start, end, P, 'footnote'));
    assert.equal(out, 'Intro. The bridge cost $8 million.[^1] More.\n\n[^1]: sources/council-minutes.md, line 14: ' +
      '"The council approved a budget of $8 million for the bridge."\n');
    // the definition block stays together: no blank line between two definitions
    const again = applyEdits(out, citeSentenceEdits(out, 0, 6, P, 'footnote'));
    assert.match(again, /^Intro\.\[\^2\]/);
    assert.match(again, /line 14: "[^\n]*"\n\[\^2\]: sources/);
    assert.deepEqual(footnoteTargets(again).get('2'), { source: 'sources/council-minutes.md', line: 14 });
  });

  it('keeps a footnote marker and its definition in order when the sentence ends the draft', () => {
    const draft = 'The bridge cost $8 million.';
    const out = applyEdits(draft, citeSentenceEdits(draft, 0, draft.length, P, 'footnote'));
    assert.equal(out.split('\n')[0], 'The bridge cost $8 million.[^1]');
    assert.match(out, /\n\n\[\^1\]: sources\/council-minutes\.md, line 14: /);
  });

  it('puts inline citations before the final punctuation', () => {
    const draft = 'The bridge cost $8 million.';
    assert.equal(applyEdits(draft, citeSentenceEdits(draft, 0, draft.length, P, 'pandoc')),
      'The bridge cost $8 million [@council-minutes, line 14].');
    assert.equal(applyEdits(draft, citeSentenceEdits(draft, 0, draft.length, P, 'latex')),
      'The bridge cost $8 million~\\cite[line 14]{council-minutes}.');
    assert.equal(applyEdits(draft, citeSentenceEdits(draft, 0, draft.length, P, 'link')),
      'The bridge cost $8 million ([council-minutes.md:14](sources/council-minutes.md#L14)).');
  });

  it('inserts a quote with its citation at the cursor', () => {
    const draft = 'As the minutes say, \n';
    const out = applyEdits(draft, insertQuoteEdits(draft, 20, P, 'pandoc'));
    assert.equal(out, `As the minutes say, “${P.text}” [@council-minutes, line 14]\n`);
  });

  it('shortens long quotes on a word boundary', () => {
    const q = shortQuote('word '.repeat(100), 50);
    assert.ok(q.length <= 51 && q.endsWith('word…'), q);
  });
});
