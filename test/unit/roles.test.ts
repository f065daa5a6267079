import { strict as assert } from 'node:assert';
import { Engine, type ClaimResult } from '../../src/core';
import { roleConflict, roleHoldings } from '../../src/core/verify/roles';

const held = (text: string) => roleHoldings(text).map((h) => `${h.name}: ${h.role}`);

/** An engine over one source of these passages after two unrelated ones (a.txt: passages from line 5). */
function sourceOf(...passages: string[]): (sentence: string) => ClaimResult {
  const e = new Engine();
  e.addSource('a.txt', ['Ferries cross the bay at dawn.', 'The museum holds Flemish paintings.', ...passages].join('\n\n'));
  return (sentence) => e.check(sentence, 'plaintext').claims[0]!;
}

describe('roles', () => {
  it('reads who holds which role: a role before the name, or after it past a comma or a verb of being', () => {
    assert.deepEqual(held('The board named Chief Operating Officer Maria Delgado and Chief Technology Officer Tomas Okafor as interim leads.'),
      ['Maria Delgado: chief operating officer', 'Tomas Okafor: chief technology officer']);
    assert.deepEqual(held('Lucia Ferrante, the founder and CEO of Harbor Lines, resigned.'), ['Lucia Ferrante: founder', 'Lucia Ferrante: chief executive']);
    assert.deepEqual(held('Harbor Lines’ founder and chief executive, Lucia Ferrante, resigned.'), ['Lucia Ferrante: founder', 'Lucia Ferrante: chief executive']);
    assert.deepEqual(held('Delgado is Harbor Lines’s chief financial officer.'), ['Delgado: chief financial officer']);
    assert.deepEqual(held('Tomas Okafor, the company’s CTO, spoke first.'), ['Tomas Okafor: chief technology officer']);
    // Not holdings: a possessive owner, a role of no one named, a weekday after the role.
    assert.deepEqual(held('Ferrante’s chief of staff left. The CEO resigned as chair on Friday. She quit as CEO Monday.'), []);
  });

  it('reads a past or former role ("had served as", "previously the"), and a role after "as" in the name\'s clause', () => {
    assert.deepEqual(held('Before leaving, Okafor had served as Harbor Lines’ chief technology officer.'), ['Okafor: chief technology officer']);
    assert.deepEqual(held('Berg, previously the chief technology officer, now shares the top job.'), ['Berg: chief technology officer']);
    assert.deepEqual(held('Reyes previously ran the company’s finances as chief financial officer.'), ['Reyes: chief financial officer']);
    assert.deepEqual(held('Reyes previously ran Harbor Lines’ finances as chief financial officer.'), ['Reyes: chief financial officer']);
    assert.deepEqual(held('Harbor Lines named Berg as interim CEO.'), ['Berg: chief executive']);
    // Not across a clause: "who built the company," stands between.
    assert.deepEqual(held('Okafor, who built the company, stepped down as CEO on Friday.'), []);
  });

  it('contradicts a chief role given to someone no source knows, where a passage gives it to another', () => {
    const check = sourceOf('Harbor Lines, on the other hand, has been more cautious, with CEO Tomas Okafor emphasizing the need for safe crossings.',
      'Councillor Maria Delgado chairs the transit board.');
    const c = check('Harbor Lines chief executive Pieter Vos has stressed the need for safe crossings.');
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.equal(c.message, 'sources say Tomas Okafor is CEO (a.txt:5); the draft says Pieter Vos is chief executive');
    // A known person may share the role (co-chief executives): no contradiction from the role alone.
    assert.notEqual(check('Harbor Lines chief executive Maria Delgado has stressed the need for safe crossings.').verdict, 'contradicted');
  });

  it('contradicts a role the sources give the person otherwise, with little else of the claim in the passage', () => {
    const check = sourceOf('After Okafor’s departure, Harbor Lines said Chief Operating Officer Lena Berg and Chief Technology Officer Omar Reyes would share the interim leadership.');
    const c = check('Reyes previously ran Harbor Lines’ finances as chief financial officer.');
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.match(c.message, /Omar Reyes is Chief Technology Officer/);
  });

  it('contradicts a role of one holder given to someone else, with the person\'s own role as the fix', () => {
    const check = sourceOf('Tomas Okafor, the founder and chief executive of Harbor Lines, stepped down on Monday.',
      'After Okafor’s departure, Harbor Lines said Chief Operating Officer Lena Berg and Chief Technology Officer Omar Reyes would share the interim leadership.');
    const c = check('Before leaving, Okafor had served as Harbor Lines’ chief technology officer.');
    assert.equal(c.verdict, 'contradicted', c.message);
    assert.match(c.message, /Omar Reyes is Chief Technology Officer/);
    assert.match(c.message, /Tomas Okafor is chief executive/);
    assert.deepEqual(c.fixes.map((f) => f.replacement), ['chief executive']);
    const berg = check('Berg, previously the chief technology officer, now shares the interim leadership.');
    assert.equal(berg.verdict, 'contradicted', berg.message);
    assert.match(berg.message, /Lena Berg is Chief Operating Officer/);
  });

  it('finds roles swapped between people, not roles a source merely leaves out', () => {
    const source = 'Interim leadership passes to Chief Operating Officer Maria Delgado and Chief Technology Officer Tomas Okafor.';
    const swapped = roleConflict(roleHoldings('Maria Delgado is the chief technology officer.'), source);
    assert.equal(swapped?.source.text, 'Chief Operating Officer');
    assert.equal(swapped?.claim.text, 'chief technology officer');
    assert.equal(roleConflict(roleHoldings('Maria Delgado is the chief operating officer.'), source), undefined);
    // Founder and chief operating officer can be one person: no one else is named founder.
    assert.equal(roleConflict(roleHoldings('Maria Delgado is the founder.'), source), undefined);
    // One person rarely holds two chief-officer roles.
    assert.equal(roleConflict(roleHoldings('Okafor is the chief financial officer.'), source)?.source.role, 'chief technology officer');
  });
});
