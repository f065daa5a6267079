import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnosticsWhere, groundwork, ours, openDraft, verdict, when, ws, revertAll } from '../helpers';

const enc = new TextEncoder();
const dec = new TextDecoder();

suite('following source files', () => {
  suiteSetup(() => groundwork());
  teardown(() => revertAll());

  test('editing a source changes the verdict of a claim that cites it', async () => {
    const doc = (await openDraft('drafts/notes.tex')).document;
    const minutes = ws('sources/harbor-council-minutes.md');
    const original = dec.decode(await vscode.workspace.fs.readFile(minutes));
    await diagnosticsWhere(doc.uri, (d) => d.length === 0, 'notes are supported');
    try {
      await vscode.workspace.fs.writeFile(minutes, enc.encode(original.replace('1 September 2023', '1 November 2023')));
      const d = await diagnosticsWhere(doc.uri, (d) => d.length === 1, 'the ferry date is now contradicted');
      assert.strictEqual(verdict(d[0]), 'contradicted');
      assert.match(d[0].message, /1 November 2023/);
    } finally {
      await vscode.workspace.fs.writeFile(minutes, enc.encode(original));
    }
    await diagnosticsWhere(doc.uri, (d) => d.length === 0, 'supported again after restoring the source');
  });

  test('a new source is indexed and a deleted one dropped', async () => {
    const api = await groundwork();
    const added = ws('sources/tourism-office.md');
    const doc = (await openDraft('drafts/article.md')).document;
    await diagnosticsWhere(doc.uri, (d) => d.some((x) => verdict(x) === 'unsupported'), 'tourism claim unsupported');
    await vscode.workspace.fs.writeFile(added, enc.encode('# Tourist office report\n\nTourism in the town doubled last summer after a film was shot on the quay.\n'));
    await when(api.onDidIndex, () => api.stats().sources === 4, 'the new source indexed');
    await diagnosticsWhere(doc.uri, (d) => !d.some((x) => verdict(x) === 'unsupported'), 'the tourism claim is now supported');
    await vscode.workspace.fs.delete(added);
    await when(api.onDidIndex, () => api.stats().sources === 3, 'the deleted source dropped');
    await diagnosticsWhere(doc.uri, (d) => d.some((x) => verdict(x) === 'unsupported'), 'unsupported again');
    assert.deepStrictEqual(ours(doc.uri).map(verdict), ['contradicted', 'misquote', 'unsupported']);
  });
});
