import { strict as assert } from 'node:assert';
import { Engine, type ClaimResult } from '../../src/core';

/** A small newsroom of sources written for these tests. */
function newsroom(): Engine {
  const e = new Engine();
  e.addSource('harbor-times.txt', [
    'Harbor City Council Approves Ferry Budget',
    '',
    'Mayor Lucia Ferrante, the chief executive of Harbor City, stepped down from the transit board on 14 May 2024 after a vote on the ferry budget.',
    '',
    'The council approved $2.5 million for two new electric ferries, which will carry 400 passengers each.',
    '',
    'Deputy mayor Tomas Okafor said the ferries would “cut emissions on the bay by half within five years.”',
    '',
    'Interim chair duties passed to councillor Maria Delgado.',
  ].join('\n'));
  e.addSource('bay-herald.md', [
    '---',
    'title: Ferry vote splits council',
    '---',
    '# Ferry vote splits council',
    '',
    'Three councillors voted against the plan, citing the cost of dock upgrades.',
    '',
    'The interim chair of the transit board is councillor Rosa Delgado, officials said.',
  ].join('\n'));
  return e;
}

/** Passages about nothing the tests claim: they make a test source's own words rare, as in a real corpus. */
const UNRELATED = ['Ferries cross the bay at dawn.', 'The museum holds Flemish paintings.', 'Wheat prices fell in spring.',
  'A storm closed the mountain pass.', 'The orchestra toured six cities.', 'Bees pollinate the orchards.',
  'The library extended its hours.', 'Rail workers voted on the offer.', 'A new bridge spans the river.', 'The mayor opened a clinic.'];

/** An engine over one source, a.txt: the unrelated passages, then these (from line 21). */
function amongUnrelated(...passages: string[]): Engine {
  const e = new Engine();
  e.addSource('a.txt', [...UNRELATED, ...passages].join('\n\n'));
  return e;
}

function only(e: Engine, sentence: string): ClaimResult {
  const claims = e.check(sentence, 'markdown').claims;
  assert.equal(claims.length, 1, `expected one claim in ${JSON.stringify(sentence)}`);
  return claims[0]!;
}

describe('verdicts', () => {
  const e = newsroom();

  it('supports a paraphrase (resigned ~ stepped down, CEO ~ chief executive)', () => {
    const c = only(e, 'Lucia Ferrante, the CEO of Harbor City, resigned from the transit board.');
    assert.equal(c.verdict, 'supported', c.message);
    assert.equal(c.evidence[0]!.source, 'harbor-times.txt');
    assert.equal(c.evidence[0]!.line, 3);
  });

  it('treats "$2.5 million" and "2.5 million dollars", "two" and "2" as the same fact', () => {
    const c = only(e, 'The council approved 2.5 million dollars for 2 new electric ferries.');
    assert.equal(c.verdict, 'supported', c.message);
  });

  it('treats "14 May 2024" and "May 14, 2024" as the same date', () => {
    const c = only(e, 'Lucia Ferrante stepped down from the transit board on May 14, 2024.');
    assert.equal(c.verdict, 'supported', c.message);
  });

  it('flags a claim no source makes as unsupported', () => {
    const c = only(e, 'The ferries were built in Norway by a shipyard that employs 900 welders.');
    assert.equal(c.verdict, 'unsupported');
    assert.match(c.message, /no source says this/);
  });

  it('flags a wrong amount as contradicted, naming both values and the source, with a fix', () => {
    const text = 'The council approved $4.5 million for two new electric ferries.';
    const c = only(e, text);
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.match(c.message, /\$2\.5 million \(harbor-times\.txt:5\)/);
    assert.match(c.message, /the draft says \$4\.5 million/);
    const fix = c.fixes[0]!;
    assert.equal(text.slice(fix.start, fix.end), '$4.5 million');
    assert.equal(fix.replacement, '$2.5 million');
  });

  it('reads an escaped dollar sign in LaTeX (\\$) as the amount it is, and the fix keeps the backslash', () => {
    const text = 'The council approved \\$4.5 million for two new electric ferries.\n';
    const c = e.check(text, 'latex').claims[0]!;
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.match(c.message, /\$2\.5 million/);
    const fix = c.fixes[0]!;
    assert.equal(text.slice(0, fix.start) + fix.replacement + text.slice(fix.end), 'The council approved \\$2.5 million for two new electric ferries.\n');
  });

  it('reads LaTeX\'s thousands comma ({,}) as part of the figure', () => {
    const e2 = amongUnrelated('The harbour authority paid $64,062 for the old ferry last spring.');
    const right = e2.check('The harbour authority paid \\$64{,}062 for the old ferry last spring.\n', 'latex').claims[0]!;
    assert.equal(right.verdict, 'supported', right.message);
    const text = 'The harbour authority paid \\$46{,}062 for the old ferry last spring.\n';
    const wrong = e2.check(text, 'latex').claims[0]!;
    assert.equal(wrong.verdict, 'contradicted', wrong.message);
    const fix = wrong.fixes[0]!;
    assert.equal(text.slice(0, fix.start) + fix.replacement + text.slice(fix.end), 'The harbour authority paid \\$64,062 for the old ferry last spring.\n');
  });

  it('flags a wrong date and a wrong count as contradicted', () => {
    assert.equal(only(e, 'Lucia Ferrante stepped down from the transit board on 15 May 2024.').verdict, 'contradicted');
    const count = only(e, 'The council approved $2.5 million for two new electric ferries, which will carry 600 passengers each.');
    assert.equal(count.verdict, 'contradicted', count.message);
    assert.match(count.message, /400/);
  });

  it('flags a misquote and gives the source wording, curly or straight quotes alike', () => {
    const c = only(e, 'Tomas Okafor said the ferries would "cut emissions on the bay by a third within five years."');
    assert.equal(c.verdict, 'misquote');
    assert.match(c.message, /cut emissions on the bay by half within five years/);
    assert.equal(c.fixes[0]!.title, "Use the source's wording");
    const exact = only(e, 'Tomas Okafor said the ferries would "cut emissions on the bay by half within five years."');
    assert.equal(exact.verdict, 'supported', exact.message);
  });

  it('offers, of equally close wordings, the one as long as the quotation and ending on its head word', () => {
    const e2 = amongUnrelated('Okafor has long asked for “more reliable and frequent ferries on the bay,” the paper said.',
      'Delgado prefers a quick and cheap approach to the docks.');
    const c = only(e2, 'Okafor asked for “fair and cheap ferries.”');
    assert.equal(c.verdict, 'misquote');
    assert.match(c.message, /^the source says “reliable and frequent ferries” \(a\.txt:21\)/);
  });

  it('names the closest quotation of the sources when no wording is close enough to offer as a fix', () => {
    const far = only(e, 'Okafor said the ferries would be “a gift to every commuter on the bay.”');
    assert.equal(far.verdict, 'misquote');
    assert.equal(far.message, 'no source has the quoted words “a gift to every commuter on the bay.”; the closest quotation is “cut emissions on the bay by half within five years” (harbor-times.txt:7)');
    assert.deepEqual(far.fixes, []);
    // Nothing in common: nothing to point at.
    assert.equal(only(e, 'Okafor promised “cleaner harbours for everyone.”').message, 'no source has the quoted words “cleaner harbours for everyone.”');
  });

  it('names a person without the role before the name ("Chief Technology Officer Daniel Laforte")', () => {
    const e2 = new Engine();
    e2.addSource('a.txt', 'The interim co-CEOs are Shan Shan Wong and Chief Technology Officer Daniel Laforte.\n\nThe museum holds Flemish paintings.');
    e2.addSource('b.txt', 'The interim co-CEOs are Shan Shan Wong and Christian Laforte.\n\nFerries cross the bay at dawn.');
    const c = only(e2, 'The interim co-CEOs are Shan Shan Wong and Christian Laforte.');
    assert.equal(c.verdict, 'disputed', c.message);
    assert.match(c.message, /a\.txt:1 says Daniel Laforte(?!\w)/);
    assert.doesNotMatch(c.message, /Officer Daniel/);
  });

  it('reports a fact the sources disagree on as disputed, naming both sides', () => {
    const c = only(e, 'Interim chair duties passed to councillor Maria Delgado.');
    assert.equal(c.verdict, 'disputed', c.message);
    assert.match(c.message, /Maria Delgado/);
    assert.match(c.message, /Rosa Delgado/);
    const sources = new Set(c.evidence.map((x) => x.source));
    assert.ok(sources.has('harbor-times.txt') && sources.has('bay-herald.md'));
  });

  it('supports a claim two adjacent sentences make together', () => {
    const e2 = new Engine();
    e2.addSource('a.txt', 'The museum reopened in March. It now holds 3,000 paintings from the Flemish school.');
    const c = only(e2, 'The museum, which reopened in March, holds 3,000 Flemish paintings.');
    assert.equal(c.verdict, 'supported', c.message);
  });

  it('does not let a negated source support the affirmative claim', () => {
    const e2 = new Engine();
    e2.addSource('a.txt', 'The committee did not approve the harbour dredging contract.');
    const c = only(e2, 'The committee approved the harbour dredging contract.');
    assert.notEqual(c.verdict, 'supported');
  });

  it('does not let a source support the negated claim when it says the same in other words', () => {
    // "resign" matches the source's "stepped down" as a synonym; the source negates nothing.
    const c = only(e, 'Lucia Ferrante did not resign from the transit board.');
    assert.notEqual(c.verdict, 'supported', c.message);
    assert.equal(only(e, 'Lucia Ferrante resigned from the transit board.').verdict, 'supported');
  });

  it('reads a source that says every word of the claim but negates it as saying the opposite', () => {
    const e2 = new Engine();
    // Unrelated passages around it make its words rare, so that it would support strongly if read naively.
    e2.addSource('a.txt', [...UNRELATED, 'Decentralized computation currently cannot match the performance of centralized data centers for large-scale model training.'].join('\n\n'));
    const c = only(e2, 'Decentralized computation can already match centralized data centers for large-scale model training.');
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.match(c.message, /the source says the opposite/);
  });

  it('reads "failed to", "struggling to", "tried to" and "had trouble raising" as not done, and "never tried to" as not even attempted', () => {
    const e2 = amongUnrelated('The harbour authority was struggling to raise new funding for the ferry terminal in 2023.',
      'The museum was unsuccessful in trying to borrow the Flemish tapestries last winter.');
    const verdict = (s: string) => only(e2, s).verdict;
    assert.notEqual(verdict('The harbour authority raised new funding for the ferry terminal in 2023.'), 'supported');
    assert.equal(verdict('The harbour authority failed to raise new funding for the ferry terminal in 2023.'), 'supported');
    assert.equal(verdict('The harbour authority did not raise new funding for the ferry terminal in 2023.'), 'supported');
    assert.notEqual(verdict('The harbour authority never tried to raise new funding for the ferry terminal in 2023.'), 'supported');
    assert.equal(verdict('The harbour authority had trouble raising new funding for the ferry terminal in 2023.'), 'supported');
    // The attempt itself happened: "unsuccessful in trying to borrow" says the museum tried.
    assert.equal(verdict('The museum tried to borrow the Flemish tapestries last winter.'), 'supported');
    assert.notEqual(verdict('The museum borrowed the Flemish tapestries last winter.'), 'supported');
  });

  it('reads a figure with another scale word as the same slot ("$3 billion" / "$3 million"), and "monthly" as "per month"', () => {
    const e2 = amongUnrelated('Harbor City was reportedly spending approximately $3 million per month on ferry fuel as of May 2024, while struggling to cut costs.');
    const slip = only(e2, 'In May 2024, the city\u2019s monthly fuel bill stood at about $3 billion.');
    assert.equal(slip.verdict, 'contradicted', slip.message);
    assert.match(slip.message, /sources say \$3 million/);
    // Another figure in the same words is too far from the passage to be its slot.
    assert.equal(only(e2, 'In May 2024, the city\u2019s monthly fuel bill stood at about $5 million.').verdict, 'unsupported');
    assert.equal(only(e2, 'The city\u2019s monthly fuel bill was around $3 million.').verdict, 'supported');
  });

  it('reads a report credited to another outlet as contradicted, with a fix, even when the next sentence names the claimed one', () => {
    const e2 = amongUnrelated(['Just last week the Harbor Herald reported that two of the four ferry captains were leaving.',
      'And, as Bay News points out, the ferry service was thought to be losing thousands of dollars every week.'].join(' '));
    const claim = 'According to Bay News, two of the four ferry captains were leaving.';
    const c = only(e2, claim);
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.equal(c.message, 'sources credit this to Harbor Herald (a.txt:21); the draft credits Bay News');
    assert.equal(c.fixes.length, 1);
    assert.equal(claim.slice(0, c.fixes[0]!.start) + c.fixes[0]!.replacement + claim.slice(c.fixes[0]!.end), 'According to Harbor Herald, two of the four ferry captains were leaving.');
    assert.equal(only(e2, 'Harbor Herald pointed out that the ferry service was thought to be losing thousands of dollars every week.').verdict, 'contradicted');
    // The right outlet, or none, is supported.
    assert.equal(only(e2, 'According to the Harbor Herald, two of the four ferry captains were leaving.').verdict, 'supported');
    assert.equal(only(e2, 'As Bay News points out, the ferry service was thought to be losing thousands of dollars every week.').verdict, 'supported');
    assert.equal(only(e2, 'Two of the four ferry captains were leaving.').verdict, 'supported');
  });

  it('reads a report credited to no one ("according to one report") as a hedge, not as words a source must say', () => {
    const e2 = amongUnrelated('The ferry strike began early Monday morning and closed the harbour.');
    for (const s of ['The ferry strike began early on Monday morning, according to one report.', 'According to local reports, the ferry strike began early Monday morning.',
      'It was reported that the ferry strike began early Monday morning.', 'Reports say the ferry strike began early Monday morning.']) {
      const c = only(e2, s);
      assert.equal(c.verdict, 'supported', `${s}: ${c.message}`);
    }
    // The hedge is only a hedge: the rest must still be said.
    assert.equal(only(e2, 'The ferry strike began early Friday morning, according to one report.').verdict, 'contradicted');
    assert.equal(only(e2, 'According to one report, the ferry strike ended the tourist season.').verdict, 'unsupported');
  });

  it('reads a name changed next to the same word ("a Porto-based shipyard" / "a Lisbon-based shipyard") as contradicted, with a fix', () => {
    const e2 = amongUnrelated('Two electric ferries will be built by Estaleiro Norte, a Lisbon-based shipyard, for the harbour service.');
    const claim = 'The two electric ferries will be built by a Porto-based shipyard.';
    const c = only(e2, claim);
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.match(c.message, /sources say “Lisbon-based” \(a\.txt:21\); the draft says “Porto-based”/);
    assert.equal(claim.slice(0, c.fixes[0]!.start) + c.fixes[0]!.replacement + claim.slice(c.fixes[0]!.end), 'The two electric ferries will be built by a Lisbon-based shipyard.');
    assert.equal(only(e2, 'The two electric ferries will be built by a Lisbon-based shipyard.').verdict, 'supported');
    // A name in no frame the passage shares is only unsupported.
    assert.equal(only(e2, 'The two electric ferries will be built by a shipyard owned by Porto investors.').verdict, 'unsupported');
  });

  it('reads roles swapped between the people a passage names as contradicted, with a fix', () => {
    const e2 = amongUnrelated('Interim leadership of the ferry service passes to Chief Operating Officer Maria Delgado and Chief Technology Officer Tomas Okafor.');
    const claim = 'Maria Delgado is the ferry service\u2019s chief technology officer.';
    const c = only(e2, claim);
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.equal(c.message, 'sources say Maria Delgado is Chief Operating Officer (a.txt:21); the draft says chief technology officer');
    assert.equal(claim.slice(0, c.fixes[0]!.start) + c.fixes[0]!.replacement + claim.slice(c.fixes[0]!.end), 'Maria Delgado is the ferry service\u2019s chief operating officer.');
    assert.equal(only(e2, 'Maria Delgado is the ferry service\u2019s chief operating officer.').verdict, 'supported');
    assert.equal(only(e2, 'Chief Technology Officer Tomas Okafor will share the interim leadership of the ferry service.').verdict, 'supported');
  });

  it('does not support a negated word the passage does not have ("was not pushing"), and reads "not only" as no negation', () => {
    const e2 = amongUnrelated('The council had concerns about the cost of the ferries that the mayor was pressing for.',
      'The ferries carry passengers and bicycles across the bay.');
    assert.notEqual(only(e2, 'The council had concerns about the cost of the ferries that the mayor was not pushing hard enough for.').verdict, 'supported');
    assert.notEqual(only(e2, 'The council had concerns about the cost of the ferries, which the mayor was not keen on.').verdict, 'supported');
    assert.equal(only(e2, 'The council had concerns about the cost of the ferries that the mayor was pressing for.').verdict, 'supported');
    assert.equal(only(e2, 'The ferries carry not only passengers but also bicycles.').verdict, 'supported');
    assert.equal(only(e2, 'The ferries carry not just passengers but bicycles across the bay.').verdict, 'supported');
  });

  it('reads a duration ("three weeks") as no count of three things, and a name after the same verb and preposition as changed', () => {
    const e2 = amongUnrelated('Just last week the Harbor Herald reported that three of the five ferry captains were leaving.',
      'The ferry operator has recently been partnering with Siemens and buying electric engines.');
    assert.notEqual(only(e2, 'Three weeks ago the Harbor Herald reported that ferry captains were leaving.').verdict, 'supported');
    assert.equal(only(e2, 'The Harbor Herald reported that three of the five ferry captains were leaving.').verdict, 'supported');
    const c = only(e2, 'The ferry operator has been partnering with Alstom and buying electric engines.');
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.match(c.message, /sources say “partnering with Siemens” \(a\.txt:\d+\); the draft says “partnering with Alstom”/);
  });

  it('reads an opposite said in a phrase ("joined the board" / "stepped down from the board") as contradicted, without a fix', () => {
    const e2 = amongUnrelated('Lucia Ferrante, the founder of Harbor Lines, has stepped down from the board of the ferry company.');
    const c = only(e2, 'Lucia Ferrante joined the board of the ferry company.');
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.match(c.message, /^the source says the opposite/);
    assert.deepEqual(c.fixes, []);
    assert.equal(only(e2, 'Lucia Ferrante resigned from the board of the ferry company.').verdict, 'supported');
  });

  it('reads a name changed in its frame as contradicted even when the passage names it elsewhere, but not names listed in another order', () => {
    const e2 = amongUnrelated('The ferry operator has been partnering with Wartsila, while rivals such as Siemens build their own engines.',
      'The new ferries were backed by Harbor Bank and Coast Credit.', 'Leadership passes to Chief Operating Officer Maria Delgado and Chief Technology Officer Tomas Okafor.');
    const c = only(e2, 'The ferry operator has been partnering with Siemens.');
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.match(c.message, /sources say “partnering with Wartsila”/);
    assert.equal(only(e2, 'The ferry operator has been partnering with Wartsila.').verdict, 'supported');
    assert.equal(only(e2, 'The new ferries were backed by Coast Credit and Harbor Bank.').verdict, 'supported');
    assert.equal(only(e2, 'Leadership passes to Maria Delgado and Tomas Okafor.').verdict, 'supported');
  });

  it('compares polarity where the passage says a claim phrase in other words, passes a negation through "able to", reads "near" as about', () => {
    const e2 = amongUnrelated('Lucia Ferrante resigned from the board of Harbor Lines, saying the ferries cannot wait.',
      'Harbor Lines was struggling to raise new funding for the ferries.', 'Ferry tickets sold for approximately $64,062 in total on the first day.');
    // "Stepping down" is "resigned" in other words; the passage's other negation ("cannot wait") is not about it.
    assert.equal(only(e2, 'Lucia Ferrante is not stepping down from the board of Harbor Lines.').verdict, 'contradicted');
    assert.equal(only(e2, 'Lucia Ferrante is stepping down from the board of Harbor Lines.').verdict, 'supported');
    assert.equal(only(e2, 'Harbor Lines was not able to raise new funding for the ferries.').verdict, 'supported');
    assert.equal(only(e2, 'Harbor Lines never managed to raise new funding for the ferries.').verdict, 'supported');
    assert.equal(only(e2, 'Ferry tickets sold for near $64,000 on the first day.').verdict, 'supported');
  });

  it('reads a small count of people ("two executives") as said by a passage that lists that many names, never as contradicted by it', () => {
    const e2 = amongUnrelated('Interim leadership of the ferry service passes to Chief Operating Officer Maria Delgado and Chief Technology Officer Tomas Okafor.');
    assert.equal(only(e2, 'Interim leadership of the ferry service passes to two executives.').verdict, 'supported');
    assert.equal(only(e2, 'Interim leadership of the ferry service passes to three executives.').verdict, 'unsupported');
    assert.equal(only(e2, 'Interim leadership of the ferry service passes to two executives for two years.').verdict, 'unsupported');
  });

  it('reads a word joined by a dot as one word in quotations ("dot.com" is not the quoted "dot com")', () => {
    const e2 = amongUnrelated('Okafor called the ferry boom “the ‘dot ferry’ bubble”, a parallel to the dot.com bubble of the early 2000s.');
    assert.equal(only(e2, 'Okafor called the ferry boom “the ‘dot com’ bubble.”').verdict, 'misquote');
    assert.equal(only(e2, 'Okafor called the ferry boom “the ‘dot ferry’ bubble.”').verdict, 'supported');
    assert.equal(only(e2, 'Okafor compared the ferry boom to “the dot.com bubble.”').verdict, 'supported');
  });

  it('compares shares of a whole: "fewer than half" against "three of the five", "most" with it', () => {
    const e2 = amongUnrelated('Just last week the Harbor Herald reported that three of the five ferry captains were leaving.',
      'Ferry traffic fell sharply in the second half of the decade.');
    const fewer = only(e2, 'Fewer than half of the ferry captains were leaving, the Harbor Herald reported.');
    assert.equal(fewer.verdict, 'contradicted', fewer.message);
    assert.match(fewer.message, /sources say three of the five/);
    assert.deepEqual(fewer.fixes, []);
    assert.equal(only(e2, 'Most of the ferry captains were leaving, the Harbor Herald reported.').verdict, 'supported');
    assert.equal(only(e2, 'More than half of the five ferry captains were leaving.').verdict, 'supported');
    // A part of a period is no share, and a share the passage does not state is no missing fact.
    assert.equal(only(e2, 'Ferry traffic fell sharply in the second half of the decade.').verdict, 'supported');
    assert.equal(only(e2, 'Ferry traffic fell sharply for most of the decade.').verdict, 'supported');
  });

  it('reads the opposite in the claim word\'s frame as contradicted though the passage uses the word elsewhere, and a name that opens the claim', () => {
    const e2 = amongUnrelated('Harbor Lines focuses on public ferry service, an alternative to the private ferry operators of the bay.',
      'Harbor Lines is backed by Coast Credit.');
    const c = only(e2, 'Harbor Lines focuses on private ferry service.');
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.equal(c.fixes[0]?.replacement, 'public');
    assert.equal(only(e2, 'Harbor Lines focuses on public ferry service.').verdict, 'supported');
    // Both words in the passage, the claim's in its other frame: it says what the claim says.
    const e3 = new Engine();
    e3.addSource('b.txt', [...UNRELATED, 'Construction of the new dock is expected to start in June 2023 and to finish in October 2024.'].join('\n\n'));
    assert.equal(only(e3, 'Construction of the new dock is expected to finish in October 2024.').verdict, 'supported');
    // A first word followed by another capitalised word is a name too: an invented investor is not backed up.
    assert.equal(only(e2, 'Coast Credit backs Harbor Lines.').verdict, 'supported');
    assert.notEqual(only(e2, 'Sequoia Capital backs Harbor Lines.').verdict, 'supported');
  });

  it('reads "a million" as a figure, "about" as agreeing with a bound near it, and no name in a sentence-opening function word', () => {
    const e2 = amongUnrelated('The ferry timetable app has been downloaded hundreds of millions of times.',
      'Ferry revenue exceeds $2.5 million a year, the harbour office said.', 'Under Ferrante\u2019s leadership, Harbor Lines doubled its fleet.',
      'Lucia Ferrante, the founder of Harbor Lines, resigned on Friday.');
    assert.equal(only(e2, 'The ferry timetable app has been downloaded fewer than a million times.').verdict, 'contradicted');
    assert.equal(only(e2, 'Ferry revenue is about $2.5 million a year, the harbour office said.').verdict, 'supported');
    // "Under Ferrante" is no rival of "Lucia Ferrante".
    assert.equal(only(e2, 'Lucia Ferrante, the founder of Harbor Lines, resigned on Friday.').verdict, 'supported');
  });

  it('does not support a report credited to an outlet no supporting source names', () => {
    const e2 = amongUnrelated('The ferry service lost money for the third year running.',
      'Just last week the Harbor Herald reported that two of the four ferry captains were leaving.');
    const c = only(e2, 'Reuters reported that the ferry service lost money for the third year running.');
    assert.equal(c.verdict, 'unsupported', c.message);
    assert.equal(c.message, 'the sources say this (a.txt:21), but none credits it to Reuters');
    assert.equal(only(e2, 'The ferry service lost money for the third year running.').verdict, 'supported');
    assert.equal(only(e2, 'Two of the four ferry captains were leaving, according to the Harbor Herald.').verdict, 'supported');
    // "Was the first to report" credits a report too.
    const first = only(e2, 'Reuters was the first to report that the ferry service lost money for the third year running.');
    assert.equal(first.message, 'the sources say this (a.txt:21), but none credits it to Reuters');
  });

  it('compares days of the week, with each other and with the weekday of a full date', () => {
    const e2 = new Engine();
    e2.addSource('union.txt', [...UNRELATED, 'The ferry strike began early Monday morning, the union said.'].join('\n\n'));
    e2.addSource('herald.txt', ['Ferries cross the bay at dawn.', 'The ferry strike began on 15 March 2025, the harbour office said.'].join('\n\n'));
    const friday = only(e2, 'The ferry strike began early Friday morning, the union said.');
    assert.equal(friday.verdict, 'contradicted', friday.message);
    assert.match(friday.message, /^sources say Monday \(union\.txt:21\)/);
    // 15 March 2025 was a Saturday: the two sources disagree about the day.
    const monday = only(e2, 'The ferry strike began on Monday.');
    assert.equal(monday.verdict, 'disputed', monday.message);
    assert.match(monday.message, /15 March 2025 \(a Saturday\)/);
    assert.match(only(e2, 'The ferry strike began on Saturday.').message, /herald\.txt:3 says 15 March 2025 \(a Saturday\), union\.txt:21 says Monday/);
    assert.equal(only(e2, 'The ferry strike began on Saturday.').verdict, 'disputed');
    // A weekday the passage says through its date is no polarity flip, though the passage negates something else.
    const e3 = new Engine();
    e3.addSource('c.txt', [...UNRELATED, 'The ferry strike began on 15 March 2025, and the union could not say how long it would last.'].join('\n\n'));
    assert.equal(only(e3, 'The ferry strike began on Saturday, 15 March 2025.').verdict, 'supported');
    // A weekday does not say which date: "Monday" does not support "Monday, 17 March 2025".
    assert.notEqual(only(e2, 'The ferry strike began early on Monday, 17 March 2025, the union said.').verdict, 'supported');
  });

  it('reads a quotation credited to someone the source does not give it to as a misquote', () => {
    const e2 = amongUnrelated(['Back in July the mayor, Lucia Ferrante, spoke with reporters about the harbour.',
      'The weather was poor that week.', '\u201cWe will finish the new docks by the spring,\u201d she said.'].join(' '));
    e2.addSource('b.txt', 'Councillor Maria Delgado chairs the transit board.\n\nShe opposed the ferry budget.');
    assert.equal(only(e2, 'Lucia Ferrante said, \u201cWe will finish the new docks by the spring.\u201d').verdict, 'supported');
    assert.equal(only(e2, '\u201cWe will finish the new docks by the spring,\u201d said Ferrante.').verdict, 'supported');
    const wrong = only(e2, 'Maria Delgado said, \u201cWe will finish the new docks by the spring.\u201d');
    assert.equal(wrong.verdict, 'misquote', wrong.message);
    assert.equal(wrong.message, 'the source has these words, but not from Maria Delgado (a.txt:21)');
  });

  it('gives quoted words to whom the sentence holding them credits, whoever else is named around it', () => {
    const e2 = amongUnrelated(['Mayor Lucia Ferrante unveiled the ferry plan on Monday.',
      'It is, the Harbor Herald notes, a plan to make the crossing \u201ccheaper and faster for every commuter on the bay.\u201d'].join(' '));
    const wrong = only(e2, 'Ferrante said the plan would make the crossing \u201ccheaper and faster for every commuter on the bay.\u201d');
    assert.equal(wrong.verdict, 'misquote', wrong.message);
    assert.equal(wrong.message, 'the source has these words, but from Harbor Herald, not Ferrante (a.txt:21)');
    const right = only(e2, 'The Harbor Herald called it a plan to make the crossing \u201ccheaper and faster for every commuter on the bay.\u201d');
    assert.equal(right.verdict, 'supported', right.message);
  });

  it('reads "more than", "fewer than", "at least" and "about" before a figure as the range they allow', () => {
    const e2 = amongUnrelated('The new ferry terminal employs 600 people and cost $45 million to build; tickets sold out within three days.');
    const verdict = (s: string) => only(e2, s).verdict;
    assert.equal(verdict('The new ferry terminal employs more than 500 people.'), 'supported');
    assert.equal(verdict('The new ferry terminal cost over $40 million to build.'), 'supported');
    assert.equal(verdict('The new ferry terminal employs roughly 640 people.'), 'supported');
    assert.equal(verdict('The new ferry terminal employs at least 600 people.'), 'supported');
    const fewer = only(e2, 'The new ferry terminal employs fewer than 500 people.');
    assert.equal(fewer.verdict, 'contradicted');
    assert.match(fewer.message, /sources say 600 people \(a\.txt:21\); the draft says fewer than 500 people/);
    assert.equal(verdict('The new ferry terminal employs more than 700 people.'), 'contradicted');
    assert.equal(verdict('The new ferry terminal employs more than 600 people.'), 'contradicted', '"more than 600" leaves out 600');
    assert.equal(verdict('The new ferry terminal employs nearly 700 people.'), 'contradicted');
    // "About" rounds a round figure only: "about 611" is precise, and wrong.
    assert.equal(verdict('The new ferry terminal employs about 611 people.'), 'contradicted');
    // A bound is met only by a figure of its magnitude: "less than $1 billion" is not said by "three days".
    assert.notEqual(verdict('The new ferry terminal cost less than $1 billion to build.'), 'supported');
  });

  it('keeps names in a sentence that lists many, reads "one of" as no count, and spells acronyms from adjacent words only', () => {
    const e2 = amongUnrelated('The ferry line is backed by Harbor Capital Partners and Bay Trust Management.',
      'The interim co-chairs, Maria Delgado and Tomas Okafor, face a hard winter.',
      'Lucia Ferrante, the CEO of the ferry line, resigned from the transit board in May.');
    const verdict = (s: string) => only(e2, s).verdict;
    // Most of its words are names, but "backed" is prose: an unknown name still counts.
    assert.equal(verdict('The ferry line is backed by Harbor Capital Partners, Bay Trust Management and Sequoia Capital.'), 'unsupported');
    assert.equal(verdict('Tomas Okafor is one of the interim co-chairs.'), 'supported');
    // "companies in Europe" does not spell "CEO".
    assert.equal(verdict('The ferry line is one of the most profitable companies in Europe.'), 'unsupported');
  });

  it('lets a passage saying the whole claim the other way outweigh a pair of passages that share its rarer words', () => {
    const e2 = amongUnrelated(['Back in July the mayor was speaking with analysts on a financial call about the harbour.',
      'In a clip, she said the ferries would one day sail in stormy waters.',
      'The mayor even said the ferries weren\u2019t ready for year-round service in stormy waters.'].join(' '));
    const c = only(e2, 'The mayor said in July that the ferries were ready for year-round service in stormy waters.');
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.match(c.message, /the source says the opposite/);
  });

  it('does not read a word after a shared negation as flipped ("cannot yet match the performance")', () => {
    const e2 = new Engine();
    e2.addSource('a.txt', [...UNRELATED.slice(0, 6), 'Decentralized computation currently cannot match the performance of centralized data centers for large-scale model training.'].join('\n\n'));
    const c = only(e2, 'Decentralized computation cannot yet match the performance of centralized data centers for large-scale model training.');
    assert.equal(c.verdict, 'supported', c.message);
  });

  it('supports a sentence that says a word both negated and not, copied from the source', () => {
    const e2 = new Engine();
    e2.addSource('a.txt', 'The world hath not known thee: but I have known thee, and these have known that thou hast sent me.\n\nThe harbour froze in January.');
    const c = only(e2, 'The world hath not known thee: but I have known thee, and these have known that thou hast sent me.');
    assert.equal(c.verdict, 'supported', c.message);
  });

  it('reads an opposite word as the source saying the opposite, irregular verbs and negation included', () => {
    const e2 = new Engine();
    e2.addSource('a.txt', ['Ferries cross the bay at dawn.', 'The museum holds Flemish paintings.',
      'Wheat prices fell sharply in the spring of 2023 after a record harvest.', 'The home team won the regional final against Dover.',
      'The committee accepted the proposal for a new harbour wall.', 'Ticket sales did not fall during the strike.'].join('\n\n'));
    const verdict = (s: string) => only(e2, s).verdict;
    const rose = 'Wheat prices rose sharply in the spring of 2023 after a record harvest.';
    const c = only(e2, rose);
    assert.equal(c.verdict, 'contradicted');
    // The quick fix puts the source's word in place of the claim's.
    assert.equal(c.fixes.length, 1);
    assert.equal(c.fixes[0]!.title, 'Change rose to fell (as the source says)');
    assert.equal(rose.slice(0, c.fixes[0]!.start) + c.fixes[0]!.replacement + rose.slice(c.fixes[0]!.end), 'Wheat prices fell sharply in the spring of 2023 after a record harvest.');
    assert.match(only(e2, 'The home team lost the regional final against Dover.').message, /the source says the opposite \(a\.txt:7\)/);
    assert.equal(verdict('The committee rejected the proposal for a new harbour wall.'), 'contradicted');
    // "fell" is "fall" (irregular), and "did not fall" is its opposite; "did not rise" agrees with "fell".
    const fell = only(e2, 'Ticket sales fell during the strike.');
    assert.equal(fell.verdict, 'contradicted');
    assert.deepEqual(fell.fixes, [], 'a negation is not fixed by swapping a word');
    assert.equal(verdict('Wheat prices did not rise in the spring of 2023 after a record harvest.'), 'supported');
    assert.equal(verdict('Wheat prices fell sharply in the spring of 2023 after a record harvest.'), 'supported');
    // Everyday opposites WordNet lacks under the frequent senses.
    assert.equal(verdict('The home team won the regional final against Dover.'), 'supported');
    const e3 = new Engine();
    e3.addSource('b.txt', 'Ferries cross the bay at dawn.\n\nThe harbour authority will hire forty dock workers this spring.');
    assert.equal(only(e3, 'The harbour authority will fire forty dock workers this spring.').verdict, 'contradicted');
  });

  it('does not support a short claim with a passage that lacks its weightiest word', () => {
    const e2 = new Engine();
    const filler = ['Ferries cross the bay at dawn.', 'The board reviews violence and nudity in films.', 'Wheat prices fell in spring.',
      'A storm closed the mountain pass.', 'The orchestra toured six cities.', 'Bees pollinate the orchards.',
      'The library extended its hours.', 'Rail workers voted on the offer.', 'A new bridge spans the river.',
      'The mayor opened a clinic.', 'That movie was rated PG by the board.', 'The harbour froze in January.',
      'The museum holds Flemish paintings.', 'Gulls nest on the terminal roof.', 'Another movie was rated PG in May.',
      'Snow fell on the ridge.', 'The bakery sells rye bread.', 'A comet passed in March.'];
    e2.addSource('a.txt', [...filler, "It's a shame this movie is rated PG 13, it is really quite suitable for anyone."].join('\n\n'));
    // "movie", "rated" and "PG" are each in three passages; "nudity" in one: it is what the claim says.
    const c = only(e2, "If it weren't for nudity, this movie could have been rated PG.");
    assert.equal(c.verdict, 'unsupported', c.message);
    assert.equal(only(e2, 'This movie is rated PG 13.').verdict, 'supported');
  });

  it('reads one word changed between the same neighbours as a different fact, with a fix', () => {
    const e2 = new Engine();
    e2.addSource('a.txt', 'Ferries cross the bay at dawn.\n\nThe museum holds Flemish paintings.\n\n' +
      'In the wake of the vote, interim duties will be shared by Chief Operating Officer Maria Delgado and the harbour master.');
    const text = 'Maria Delgado, chief financial officer, will share interim duties after the vote.';
    const c = only(e2, text);
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.match(c.message, /sources say “Chief Operating Officer” \(a\.txt:5\); the draft says “chief financial officer”/);
    assert.equal(c.fixes[0]!.title, 'Change financial to Operating (as the source says)');
    assert.equal(text.slice(c.fixes[0]!.start, c.fixes[0]!.end), 'financial');
    // The same words around a synonym are a paraphrase.
    assert.equal(only(e2, 'Maria Delgado, the chief operating officer, will share interim duties.').verdict, 'supported');
  });

  it('accepts a quotation shortened with an ellipsis, each part in the source in order', () => {
    assert.equal(only(e, 'Tomas Okafor said the ferries would “cut emissions … within five years.”').verdict, 'supported');
    assert.equal(only(e, 'Tomas Okafor said the ferries would "cut emissions on the bay ... within five years."').verdict, 'supported');
    assert.equal(only(e, 'Tomas Okafor said the ferries would “cut emissions … within ten years.”').verdict, 'misquote');
    assert.equal(only(e, 'Tomas Okafor said the ferries would “within five years … cut emissions.”').verdict, 'misquote');
  });

  it('reads a quoted title as a name, not as a misquotation', () => {
    const c = only(e, 'In 1947 the council published "The Changing Harbor Times", now called "Bay Notes Weekly".');
    assert.notEqual(c.verdict, 'misquote', c.message);
    // Words someone said are still checked.
    assert.equal(only(e, 'Tomas Okafor said the ferries would "cut emissions on the bay by a third."').verdict, 'misquote');
  });

  it('finds the differing date at the end of a long clause', () => {
    const e2 = new Engine();
    e2.addSource('a.txt', 'Lucia Ferrante, the chief executive of Harbor City, resigned from her position and the transit board on March 23, 2024, after a vote.\n\nThe museum holds Flemish paintings.');
    const c = only(e2, 'Lucia Ferrante resigned on March 25, 2024.');
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.match(c.message, /sources say March 23, 2024/);
  });

  it('reads the period of a rate as part of the figure ("$2.5 million a year" is not "a month")', () => {
    const e2 = new Engine();
    e2.addSource('a.txt', 'The ferry service costs the council $2.5 million a year to run.\n\nThe museum holds Flemish paintings.\n\nA year ago the docks were closed.');
    const c = only(e2, 'The ferry service costs the council $2.5 million a month to run.');
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.match(c.message, /sources say a year/);
    assert.equal(only(e2, 'The ferry service costs the council $2.5 million per year to run.').verdict, 'supported');
    // "A year ago" is no rate.
    assert.equal(only(e2, 'A year ago the docks were closed.').verdict, 'supported');
    // A vague amount of the same magnitude agrees with the figure.
    assert.equal(only(e2, 'The ferry service costs the council millions of dollars a year to run.').verdict, 'supported');
  });

  it('compares vague quantities by order of magnitude', () => {
    const e2 = new Engine();
    e2.addSource('a.txt', 'The ferry app has been downloaded hundreds of millions of times since its launch.\n\nThe museum holds Flemish paintings.');
    const few = only(e2, 'The ferry app has been downloaded a few thousand times since its launch.');
    assert.equal(few.verdict, 'contradicted', few.message);
    assert.match(few.message, /sources say hundreds of millions/);
    assert.equal(only(e2, 'The ferry app has been downloaded 300 million times since its launch.').verdict, 'supported');
    // A vague quantity counts something too: "millions of dollars" are not "200 employees".
    const e3 = new Engine();
    e3.addSource('b.txt', [...UNRELATED, 'The ferry company was thought to be losing millions of dollars every month.'].join('\n\n'));
    assert.equal(only(e3, 'The ferry company has 200 employees.').verdict, 'unsupported');
  });

  it('reads a name with a straight or a curly apostrophe as one name, not as two sources disagreeing', () => {
    const e2 = new Engine();
    e2.addSource('a.txt', 'Stable Diffusion is a well-known rival to software like OpenAI’s DALL-E model.');
    const c = only(e2, "Stable Diffusion is a rival to OpenAI's DALL-E model.");
    assert.equal(c.verdict, 'supported', c.message);
  });

  it('does not support a claim that gives a name no source uses', () => {
    const c = only(e, 'The council approved $2.5 million for two new Norwegian electric ferries.');
    assert.equal(c.verdict, 'unsupported', c.message);
    assert.match(c.message, /does not mention Norwegian/);
    // A name the sources do use, and a capitalised first word, are no obstacle.
    assert.equal(only(e, 'Harbor City approved $2.5 million for two new electric ferries.').verdict, 'supported');
  });

  it('does not lend a claim\'s subject to a sentence about someone else, even one glued to it by a lost space', () => {
    const e2 = amongUnrelated('While Harbor City has moved slowly, other ports have taken different approaches.Port Elbe, the largest of them, has signed a contract with Nordwerft for six ferries.',
      'Harbor City remains the busiest port on the bay.',
      'Mayor Lucia Ferrante, the chief executive of Harbor City, announced the ferry vote on 14 May 2024.');
    const other = only(e2, 'Harbor City has signed a contract with Nordwerft.');
    assert.equal(other.verdict, 'unsupported', other.message);
    assert.match(other.message, /does not mention Harbor/);
    assert.equal(only(e2, 'Port Elbe has signed a contract with Nordwerft.').verdict, 'supported');
    // The source's opening name shares a word with the claim's: the same person.
    assert.equal(only(e2, 'Ferrante announced the ferry vote on 14 May 2024.').verdict, 'supported');
  });

  it('reads a report credited to no one as a hedge, wherever it stands ("one commentator suggested that", "…, one report observed")', () => {
    for (const sentence of ['One commentator suggested that the council approved $2.5 million for two new electric ferries.',
      'The council approved $2.5 million for two new electric ferries, one report observed.',
      'The council, it was said, approved $2.5 million for two new electric ferries.',
      'According to one account, the council approved $2.5 million for two new electric ferries.']) {
      const c = only(e, sentence);
      assert.equal(c.verdict, 'supported', `${sentence}: ${c.message}`);
    }
    // The hedge is not a reporter the sources must name, and what it reports is still checked.
    const wrong = only(e, 'One report says the council approved $4 million for two new electric ferries.');
    assert.equal(wrong.verdict, 'contradicted', wrong.message);
    assert.match(wrong.message, /2\.5 million/);
  });

  it('reads "one" in words as an article unless a source counts the same thing otherwise', () => {
    const e2 = amongUnrelated('The council approved $2.5 million for two new electric ferries at its spring meeting.');
    const meeting = only(e2, 'At one meeting, the council approved $2.5 million for two new electric ferries.');
    assert.equal(meeting.verdict, 'supported', meeting.message);
    const ferries = only(e2, 'The council approved $2.5 million for one new electric ferry.');
    assert.equal(ferries.verdict, 'contradicted', ferries.message);
  });

  it('carries a negation on through "ever" ("without the data ever leaving" says "never leaves")', () => {
    const e2 = amongUnrelated('Harbor Lines trains its routing models on distributed data without the data ever leaving the ferry terminals.');
    const never = only(e2, 'Harbor Lines trains its routing models on distributed data that never leaves the ferry terminals.');
    assert.equal(never.verdict, 'supported', never.message);
    assert.notEqual(only(e2, 'Harbor Lines trains its routing models on distributed data that leaves the ferry terminals.').verdict, 'supported');
  });

  it('reads "rather than" and "instead of" as denying what follows', () => {
    const e2 = amongUnrelated('The harbour authority spent most of the grant on two new electric ferries for the bay.');
    assert.equal(only(e2, 'The harbour authority spent most of the grant on two new electric ferries for the bay.').verdict, 'supported');
    for (const sentence of ['The harbour authority spent most of the grant on wages rather than on two new electric ferries for the bay.',
      'The harbour authority spent most of the grant on wages instead of two new electric ferries for the bay.']) {
      assert.notEqual(only(e2, sentence).verdict, 'supported', sentence);
    }
  });

  it('finds a date a day off for the same event, with little else in common ("her exit came on Monday, 13 May 2024")', () => {
    const e2 = amongUnrelated('Mayor Lucia Ferrante resigned from her post and the transit board on 14 May 2024, saying the city needed new leadership.',
      'The ferry budget passed in April.');
    for (const sentence of ['Her resignation came on Monday, 13 May 2024.', 'Her exit came on Monday, 13 May 2024.', 'Ferrante left both posts on Monday, 13 May 2024.']) {
      const c = only(e2, sentence);
      assert.equal(c.verdict, 'contradicted', `${sentence}: ${c.message}`);
      assert.match(c.message, /sources say 14 May 2024/);
    }
  });

  it('names the outlet that the sentence saying the claim credits, not its neighbour\'s', () => {
    const e2 = amongUnrelated('Harbor Lines has been going through a series of serious management upsets. Just last week the Harbor Herald ' +
      'reported that two of the four Harbor Lines captains were leaving. And, as the Bay Times points out, the company was thought to be ' +
      'losing thousands of dollars every week and was unsuccessful in trying to raise new cash.');
    const c = only(e2, 'The Post reported that Harbor Lines was believed to be losing thousands of dollars a week.');
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.match(c.message, /^sources credit this to Bay Times/);
  });

  it('reads the sources as disagreeing when one states the claim\'s date without saying all the rest, and another gives another day', () => {
    const e2 = amongUnrelated('Mayor Lucia Ferrante resigned from her post and the transit board on 14 May 2024, saying the city needed new leadership.');
    e2.addSource('b.txt', [...UNRELATED, 'You might think that after news that Mayor Ferrante abruptly left the transit board Friday, the council would pause.'].join('\n\n'));
    const c = only(e2, 'Ferrante left both of her jobs on 14 May 2024.');
    assert.equal(c.verdict, 'disputed', c.message);
    assert.equal(c.message, 'sources disagree: a.txt:21 says 14 May 2024, b.txt:21 says Friday');
  });

  it('still matches a source whose find-and-replace corrupted a word', () => {
    const e2 = new Engine();
    e2.addSource('a.txt', 'Analysts said the startup had raised money to build decentralized It tools for hospitals and clinics.');
    const c = only(e2, 'The startup had raised money to build decentralized AI tools for hospitals and clinics.');
    assert.equal(c.verdict, 'supported', c.message);
  });

  it('ignores evidence in page chrome (reader comments)', () => {
    const e2 = new Engine();
    e2.addSource('page.txt', 'Officials opened the bridge on Tuesday.\n\n3 thoughts on "Bridge"\n\nthe mayor secretly sold the bridge to a developer for one dollar');
    const c = only(e2, 'The mayor secretly sold the bridge to a developer for one dollar.');
    assert.equal(c.verdict, 'unsupported');
    // Unless the claim is about the comments.
    const about = only(e2, 'One reader claimed that the mayor secretly sold the bridge to a developer for one dollar.');
    assert.equal(about.verdict, 'supported', about.message);
  });
});
