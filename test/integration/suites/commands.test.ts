import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Evidence } from '../../../src/core';
import { diagnosticsWhere, groundwork, ours, openDraft, verdict, ws, revertAll } from '../helpers';

suite('palette commands', () => {
  suiteSetup(() => groundwork());
  teardown(() => revertAll());

  test('Search Sources: a live QuickPick; Enter inserts the quote with its citation at the cursor', async () => {
    const editor = await openDraft('drafts/article.md');
    const doc = editor.document;
    const before = doc.getText();
    const end = doc.lineAt(5).range.end;
    editor.selection = new vscode.Selection(end, end);
    const picked = vscode.commands.executeCommand<Evidence | undefined>('groundwork.searchSources', { query: 'weathering steel' });
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const evidence = await picked;
    assert.ok(evidence, 'an item was accepted');
    assert.strictEqual(evidence.source, 'sources/engineering-report.txt');
    assert.ok(doc.lineAt(5).text.endsWith(' “The footbridge will be 140 metres long and built of weathering steel.”[^2]'), doc.lineAt(5).text);
    assert.match(doc.getText(), /\n\[\^2\]: sources\/engineering-report\.txt, line 3: "The footbridge will be 140 metres/);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), before);
  });

  test('Check Workspace publishes problems for drafts that are not open', async () => {
    const letter = ws('drafts/letter.txt');
    // close the letter if an earlier suite opened it, so it is checked from disk
    const result = await vscode.commands.executeCommand<{ files: number; flagged: number }>('groundwork.checkWorkspace');
    assert.strictEqual(result.files, 3);
    assert.ok(result.flagged >= 4, `flagged ${result.flagged}`);
    const d = ours(letter);
    assert.strictEqual(d.length, 1);
    assert.strictEqual(verdict(d[0]), 'contradicted');
    assert.strictEqual(d[0].range.start.line, 0);
  });

  test('Rebuild Index rebuilds from the files and drafts are re-checked', async () => {
    const doc = (await openDraft('drafts/article.md')).document;
    const stats = await vscode.commands.executeCommand<{ sources: number; passages: number; problems: number }>('groundwork.rebuildIndex');
    assert.strictEqual(stats.sources, 3);
    assert.strictEqual(stats.problems, 1);
    await diagnosticsWhere(doc.uri, (d) => d.length === 3, 'article re-checked after the rebuild');
  });

  test('Show Log and Open Quote Panel run', async () => {
    await vscode.commands.executeCommand('groundwork.showLog');
    await vscode.commands.executeCommand('groundwork.openPanel');
  });
});
