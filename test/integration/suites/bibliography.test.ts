import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnosticsWhere, groundwork, hoverText, openDraft, revertAll, verdict, ws } from '../helpers';

const BIB = `@report{minutes2023,
  title = {Harbor Council Minutes},
  author = {{Harbor Town Council}},
  date = {2023-03-14},
  file = {Minutes:/home/writer/Zotero/storage/X1/harbor-council-minutes.md:text/markdown}
}
@report{engineering2022,
  title = {Engineering Report on the Kell Footbridge},
  author = {Okafor, Chidi},
  year = 2022,
  file = {:x/engineering-report.txt:text/plain}
}
@misc{broken, title = {never closed
`;
const DRAFT = 'The footbridge will be 140 metres long and built of weathering steel [@minutes2023].\n\n' +
  'The council approved a budget of $8 million for the new footbridge [@nosuch].\n';

/** The draft with its original text (a previous test may have applied a fix to it). */
async function fresh(): Promise<vscode.TextEditor> {
  const editor = await openDraft('drafts/cited.md');
  const doc = editor.document;
  if (doc.getText() !== DRAFT) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), DRAFT);
    await vscode.workspace.applyEdit(edit);
  }
  return editor;
}

suite('bibliography', () => {
  const config = () => vscode.workspace.getConfiguration('groundwork');
  suiteSetup(async () => {
    await groundwork();
    await vscode.workspace.fs.writeFile(ws('refs.bib'), new TextEncoder().encode(BIB));
    await vscode.workspace.fs.writeFile(ws('drafts/cited.md'), new TextEncoder().encode(DRAFT));
    await config().update('bibliography', ['refs.bib'], vscode.ConfigurationTarget.Workspace);
  });
  teardown(() => revertAll());
  suiteTeardown(async () => {
    await config().update('bibliography', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('references', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(ws('drafts/cited.md'));
    await vscode.workspace.fs.delete(ws('refs.bib'));
  });

  test('unresolved and wrong-source citations are diagnostics; the fix cites the right entry', async () => {
    const doc = (await fresh()).document;
    const diags = await diagnosticsWhere(doc.uri, (d) => d.some((x) => verdict(x) === 'wrong-source') && d.some((x) => verdict(x) === 'unresolved-citation'), 'citation findings');
    const wrong = diags.find((d) => verdict(d) === 'wrong-source')!;
    assert.strictEqual(doc.getText(wrong.range), 'minutes2023');
    assert.match(wrong.message, /cites minutes2023, which does not support this sentence; engineering2022 \(engineering-report\.txt\), line 3 does/);
    const unresolved = diags.find((d) => verdict(d) === 'unresolved-citation')!;
    assert.strictEqual(doc.getText(unresolved.range), 'nosuch');
    // The malformed entry is a diagnostic on the library at its line.
    const bibDiags = vscode.languages.getDiagnostics(ws('refs.bib'));
    assert.deepStrictEqual(bibDiags.map((d) => d.range.start.line), [12]); // line 13, 0-based
    // A re-check (the bibliography loading, the settings change) can cancel a request in flight, which
    // then fails or answers without Groundwork's actions: ask again.
    let actions: vscode.CodeAction[] = [];
    let fix: vscode.CodeAction | undefined;
    for (let attempt = 0; !fix; attempt++) {
      try {
        actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, wrong.range);
        fix = actions.find((a) => a.title === 'Cite engineering2022 instead');
      } catch (e) {
        if (!/Canceled/.test(String(e))) throw e;
      }
      if (fix || attempt >= 10) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(fix?.command, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? [])));
    assert.match(doc.getText(), /weathering steel \[@engineering2022, line 3\]\./);
  });

  test('hovering a keyed citation shows the entry and the cited passage', async () => {
    const doc = (await fresh()).document;
    await diagnosticsWhere(doc.uri, (d) => d.some((x) => verdict(x) === 'wrong-source'), 'checked');
    const pos = doc.positionAt(doc.getText().indexOf('@minutes2023') + 2);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos));
    assert.match(text, /citation/);
    assert.match(text, /Harbor Town Council/);
    assert.match(text, /Harbor Council Minutes/);
    assert.match(text, /14 March 2023/);
    assert.match(text, /harbor-council-minutes\.md, line \d+/);
  });

  test('Insert References: off by default with a message; numeric list when turned on', async () => {
    const editor = await fresh();
    assert.strictEqual(await vscode.commands.executeCommand('groundwork.insertReferences'), false);
    await config().update('references', 'numeric', vscode.ConfigurationTarget.Workspace);
    await diagnosticsWhere(editor.document.uri, (d) => d.some((x) => verdict(x) === 'wrong-source'), 'checked');
    assert.ok(await vscode.commands.executeCommand('groundwork.insertReferences'));
    assert.match(editor.document.getText(), /\n## References\n\n1\. Harbor Town Council\. Harbor Council Minutes\. 2023 Mar\.\n$/);
  });
});
