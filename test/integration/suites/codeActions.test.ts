import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnosticsWhere, groundwork, openDraft, rangeOf, verdict, revertAll } from '../helpers';

async function actionsAt(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range,
    vscode.CodeActionKind.QuickFix.value);
}

async function run(action: vscode.CodeAction): Promise<unknown> {
  assert.ok(action.command, `${action.title} has a command`);
  return vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

suite('quick fixes', () => {
  suiteSetup(() => groundwork());
  teardown(() => revertAll());

  test('"Change 200 metres to 140 metres" fixes a contradiction in one undoable edit', async () => {
    const editor = await openDraft('drafts/article.md');
    const doc = editor.document;
    const diags = await diagnosticsWhere(doc.uri, (d) => d.length === 3, 'article checked');
    const before = doc.getText();
    const actions = await actionsAt(doc, diags[0].range);
    const fix = actions.find((a) => a.title === 'Change 200 metres to 140 metres (as the source says)');
    assert.ok(fix, `actions: ${actions.map((a) => a.title)}`);
    assert.strictEqual(fix.kind?.value, 'quickfix');
    assert.strictEqual(fix.isPreferred, true);
    assert.strictEqual(await run(fix), true);
    assert.strictEqual(doc.lineAt(3).text, 'The footbridge will be 140 metres long and built of weathering steel.');
    await diagnosticsWhere(doc.uri, (d) => d.length === 2 && verdict(d[0]) === 'misquote', 'contradiction gone');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), before, 'one undo restores the draft');
  });

  test('"Use the source\'s wording" fixes a misquote', async () => {
    const doc = (await openDraft('drafts/article.md')).document;
    const before = doc.getText();
    const actions = await actionsAt(doc, rangeOf(doc, 'fifty years'));
    const fix = actions.find((a) => a.title === 'Use the source\'s wording');
    assert.ok(fix, `actions: ${actions.map((a) => a.title)}`);
    assert.strictEqual(await run(fix), true);
    assert.match(doc.lineAt(4).text, /"This bridge will join the old town to the harbor for the first time in a century\."/);
    await diagnosticsWhere(doc.uri, (d) => !d.some((x) => verdict(x) === 'misquote'), 'misquote gone');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), before);
  });

  test('"Cite" adds a numbered footnote and its definition; undo removes both', async () => {
    const doc = (await openDraft('drafts/article.md')).document;
    const before = doc.getText();
    const actions = await actionsAt(doc, rangeOf(doc, 'The council approved'));
    const cite = actions.find((a) => a.title.startsWith('Cite harbor-council-minutes.md'));
    assert.ok(cite, `actions: ${actions.map((a) => a.title)}`);
    assert.strictEqual(cite.title, 'Cite harbor-council-minutes.md, line 7');
    assert.strictEqual(await run(cite), true);
    assert.strictEqual(doc.lineAt(2).text, 'The council approved a budget of $8 million for the new footbridge across the Kell estuary.[^2]');
    const lines = doc.getText().trimEnd().split('\n');
    assert.strictEqual(lines[lines.length - 1], '[^2]: sources/harbor-council-minutes.md, line 7: ' +
      '"The council approved a budget of $8 million for the new footbridge across the Kell estuary."');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), before, 'one undo removes the marker and the definition');
  });

  test('a fix refuses to apply to a document version it was not computed for', async () => {
    const editor = await openDraft('drafts/article.md');
    const doc = editor.document;
    const before = doc.getText();
    const [fix] = (await actionsAt(doc, rangeOf(doc, '200 metres'))).filter((a) => a.title.startsWith('Change 200'));
    assert.ok(fix);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'X'));
    assert.strictEqual(await run(fix), false);
    assert.match(doc.getText(), /200 metres/, 'the stale fix changed nothing');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), before);
  });

  test('the pandoc citation style is honoured', async () => {
    const doc = (await openDraft('drafts/article.md')).document;
    const before = doc.getText();
    await vscode.workspace.getConfiguration('groundwork').update('citationStyle', 'pandoc', vscode.ConfigurationTarget.Workspace);
    try {
      const cite = (await actionsAt(doc, rangeOf(doc, 'The council approved'))).find((a) => a.title.startsWith('Cite'));
      assert.ok(cite);
      assert.strictEqual(await run(cite), true);
      assert.match(doc.lineAt(2).text, /Kell estuary \[@harbor-council-minutes, line 7\]\.$/);
      await vscode.commands.executeCommand('undo');
      assert.strictEqual(doc.getText(), before);
    } finally {
      await vscode.workspace.getConfiguration('groundwork').update('citationStyle', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
