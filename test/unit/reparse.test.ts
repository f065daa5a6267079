import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDraft, reparseDraft } from '../../src/core/draft/claims';

/** A seeded PRNG (mulberry32), so a failure names its case and reproduces. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DRAFT = [
  '---', 'title: Ferries', '---', '',
  '# The ferry vote', '',
  'The council approved $2.5 million for two ferries.[^1] Three members voted against it.', '',
  '```', 'Code that mentions the council.', '```', '',
  'Mayor Lucia Ferrante said the ferries would “cut emissions by half.” The vote was close.', '',
  '<!-- a note to self -->', '',
  '- A list item about the harbour dredging contract.', '- Another item about 400 passengers.', '',
  '[^1]: Harbor Times, line 5.',
].join('\n');

describe('incremental draft parsing', () => {
  const drafts = [DRAFT, readFileSync(join(__dirname, '..', '..', '..', 'shared', 'eval', 'resignation', 'draft.md'), 'utf8')];
  const inserts = [' new', 'X', '.', '. Then', ' $4 million', '“', '[^2]', '`', '\n', '\n\n', '<b>', 'é😀', ''];

  it('gives exactly what a full parse gives, for random edits anywhere', () => {
    let reused = 0;
    for (const [d, base] of drafts.entries()) {
      const next = rng(7 + d);
      let text = base;
      let parsed = parseDraft(text, 'markdown');
      for (let i = 0; i < 1000; i++) {
        const at = Math.floor(next() * text.length);
        const del = next() < 0.4 ? Math.floor(next() * 6) : 0;
        const ins = inserts[Math.floor(next() * inserts.length)]!;
        const edited = text.slice(0, at) + ins + text.slice(at + del);
        const inc = reparseDraft(text, parsed, edited, 'markdown');
        const full = parseDraft(edited, 'markdown');
        if (inc) {
          reused++;
          assert.deepEqual(inc, full, `draft ${d}, edit ${i}: insert ${JSON.stringify(ins)} at ${at}, delete ${del}`);
        }
        text = edited;
        parsed = full;
      }
    }
    assert.ok(reused > 700, `the incremental path should serve most in-paragraph edits (served ${reused})`);
  });
});
