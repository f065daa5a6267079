import { strict as assert } from 'node:assert';
import { parseDraft, findCitations } from '../../src/core';

const claimsOf = (text: string, lang: 'markdown' | 'plaintext' | 'latex' = 'markdown') =>
  parseDraft(text, lang).sentences.filter((s) => !s.skip).map((s) => text.slice(s.start, s.end));

describe('draft parsing', () => {
  it('skips headings, code, front matter, link definitions and HTML comments', () => {
    const text = [
      '---', 'title: Budget story', 'author: A. Writer', '---', '',
      '# The council voted on the ferry budget today', '',
      'The council approved the ferry budget on Tuesday.', '',
      '```', 'The council rejected the budget in code.', '```', '',
      '    Indented code says the council rejected it.', '',
      '<!-- The council rejected it in a comment. -->', '',
      '[ref]: https://example.com "The council rejected it"', '',
      'Heading underline', '=================', '',
      'Three members voted against the plan.',
    ].join('\n');
    assert.deepEqual(claimsOf(text), ['The council approved the ferry budget on Tuesday.', 'Three members voted against the plan.']);
  });

  it('reads the opening line of a plain-text draft, and a title-case line, as headings', () => {
    const text = 'Why the ferry budget passed\n\nThe council approved the ferry budget on Tuesday.\n\nThe Cost Of The New Docks\n\n' +
      'The docks will cost the harbour authority two million pounds\n';
    assert.deepEqual(claimsOf(text, 'plaintext'), ['The council approved the ferry budget on Tuesday.', 'The docks will cost the harbour authority two million pounds']);
  });

  it('reads table rows as cells, not sentences, and keeps the prose around a table', () => {
    const text = 'The council approved the ferry budget.\n\n| Item | Cost |\n|---|:---:|\n| Ferries | $2.5 million |\n| Docks | $1 million |\n\nThe new docks will open to passengers in May.\n';
    assert.deepEqual(claimsOf(text), ['The council approved the ferry budget.', 'The new docks will open to passengers in May.']);
    // A line with pipes but no delimiter row is prose.
    assert.deepEqual(claimsOf('The vote was 5 | 4 in favour of the ferry budget.\n'), ['The vote was 5 | 4 in favour of the ferry budget.']);
  });

  it('checks a table cell that reads as a sentence as a claim of its own, with its range in the draft', () => {
    const text = '| Who | What they said |\n|---|---|\n| Okafor | Okafor said the **docks** will open in May. | Approved. |\n' +
      '| Lee | The council approved the budget. The vote was close. |\n| Ferries | $2.5 million \\| rising |\n';
    const claims = parseDraft(text).sentences.filter((x) => !x.skip);
    assert.deepEqual(claims.map((c) => c.text), ['Okafor said the **docks** will open in May.', 'The council approved the budget.', 'The vote was close.']);
    for (const c of claims) assert.equal(text.slice(c.start, c.end), c.text);
  });

  it('does not treat questions or the writer’s framing as claims', () => {
    const text = 'What does this mean for the harbour? In this article we look at the vote. The vote passed by seven to two.';
    assert.deepEqual(claimsOf(text), ['The vote passed by seven to two.']);
    // The writer's own opinion, and a sentence about the text itself.
    const opinion = 'To this writer, the ferry plan feels rushed. In my view, the docks matter more. That doubt hangs over everything that follows. ' +
      'My view is that the docks matter more. Then there is the ferry angle. The docks cost $3 million.';
    assert.deepEqual(claimsOf(opinion), ['The docks cost $3 million.']);
  });

  it('checks a short sentence that names someone or something ("He also singled out Okafor."), not a one-word remark', () => {
    assert.deepEqual(claimsOf('He also singled out Okafor. Delgado resigned. Not so. It passed.'), ['He also singled out Okafor.', 'Delgado resigned.']);
  });

  it('splits sentences around abbreviations, initials, decimals and quotes', () => {
    const text = 'Dr. Okafor met J. K. Rowling at 3.5 p.m. in the U.S. capital. He said “It was fine.” Then he left!';
    const all = parseDraft(text, 'plaintext').sentences.map((s) => s.text);
    assert.deepEqual(all, ['Dr. Okafor met J. K. Rowling at 3.5 p.m. in the U.S. capital.', 'He said “It was fine.”', 'Then he left!']);
  });

  it('ends a sentence after a name whose last part is one capital letter ("DALL-E."), not after an initial', () => {
    const all = parseDraft('Stable Diffusion rivals DALL-E. Midjourney rivals both. The model 3-D. Printing went on. Met A. Smith.', 'plaintext').sentences.map((s) => s.text);
    assert.deepEqual(all, ['Stable Diffusion rivals DALL-E.', 'Midjourney rivals both.', 'The model 3-D.', 'Printing went on.', 'Met A. Smith.']);
  });

  it('splits sentences whose space a scraper lost ("approaches.OpenAI"), not names, domains or abbreviations', () => {
    const text = 'Others took different approaches.OpenAI partnered with Microsoft. See stability.ai or www.Example.com now. Mrs.Smith met Mr.Jones. The U.S.Army came.';
    const all = parseDraft(text, 'plaintext').sentences.map((s) => s.text);
    assert.deepEqual(all, ['Others took different approaches.', 'OpenAI partnered with Microsoft.', 'See stability.ai or www.Example.com now.', 'Mrs.Smith met Mr.Jones.', 'The U.S.Army came.']);
  });

  it('recognises footnote, Pandoc and LaTeX citations and keeps them out of the claim text', () => {
    const md = 'The council approved $2.5 million for ferries.[^1] Ferries carry 400 people [@harbor2024, p. 3; @herald].\n\n[^1]: Harbor Times, line 5.';
    const parsed = parseDraft(md, 'markdown');
    const claims = parsed.sentences.filter((s) => !s.skip);
    assert.equal(claims.length, 2);
    assert.deepEqual(claims[0]!.citations.map((c) => [c.kind, c.key]), [['footnote', '1']]);
    assert.deepEqual(claims[1]!.citations.map((c) => [c.kind, c.key]), [['pandoc', 'harbor2024'], ['pandoc', 'herald']]);
    assert.ok(!claims[0]!.claimText.includes('[^1]'));
    assert.ok(!claims[1]!.claimText.includes('@'));
    const tex = findCitations('As shown \\citep[p.~4]{smith2020,doe2021} and \\cite{roe}.');
    assert.deepEqual(tex.map((c) => c.key), ['smith2020', 'doe2021', 'roe']);
  });

  it('keeps author-date citations out of the claim text, but not a month and year in parentheses', () => {
    const claim = (t: string) => parseDraft(t, 'plaintext').sentences[0]!.claimText.replace(/\s+/g, ' ');
    assert.equal(claim('Ferries carry 400 people (Harbor Times, 2024).'), 'Ferries carry 400 people .');
    assert.equal(claim('Ferries carry 400 people (Okafor et al., 2020, p. 4).'), 'Ferries carry 400 people .');
    assert.equal(claim('Ferries carry 400 people (see Lee & Park 2019; van der Berg 2021).'), 'Ferries carry 400 people .');
    assert.equal(claim('Ferries carry 400 people (Mayer, n.d.).'), 'Ferries carry 400 people .');
    // A date the claim states stays in it.
    assert.equal(claim('Ferries carried 400 people (October 2023).'), 'Ferries carried 400 people (October 2023).');
    assert.equal(claim('Ferries carried 400 people (May 2023).'), 'Ferries carried 400 people (May 2023).');
    assert.equal(claim('Ferries carried 400 people (in 2023).'), 'Ferries carried 400 people (in 2023).');
  });

  it('reads LaTeX prose without commands, math and comments', () => {
    const tex = '\\section{Budget}\nThe council approved \\emph{two} ferries in $x^2$ steps. % not this\n\\begin{equation}a=b\\end{equation}\nThree members voted against it \\cite{herald}.';
    const claims = parseDraft(tex, 'latex').sentences.filter((s) => !s.skip);
    assert.equal(claims.length, 2);
    assert.match(claims[0]!.claimText, /The council approved\s+two\s+ferries/);
    assert.ok(!claims[0]!.claimText.includes('not this'));
    assert.equal(claims[1]!.citations[0]!.key, 'herald');
  });

  it('keeps exact offsets with astral characters and CRLF line ends', () => {
    const text = '😀 Intro line without a stop\r\n\r\nThe 🚢 ferry carries 400 passengers.\r\nIt cost $2.5 million.';
    for (const s of parseDraft(text, 'markdown').sentences) assert.equal(text.slice(s.start, s.end), s.text);
    assert.ok(claimsOf(text).includes('The 🚢 ferry carries 400 passengers.'));
  });
});
