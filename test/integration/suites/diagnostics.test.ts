import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnosticsWhere, groundwork, openDraft, ours, setSetting, verdict, ws, revertAll } from '../helpers';

suite('diagnostics', () => {
  suiteSetup(() => groundwork());
  teardown(() => revertAll());

  test('one diagnostic per flagged claim, with verdict code, doc link and evidence', async () => {
    const editor = await openDraft('drafts/article.md');
    const doc = editor.document;
    const diags = await diagnosticsWhere(doc.uri, (d) => d.length >= 3, 'three flagged claims in article.md');
    assert.deepStrictEqual(diags.map(verdict), ['contradicted', 'misquote', 'unsupported']);
    const [contradicted, misquote, unsupported] = diags;

    // the whole sentence, on line 4 (0-based 3)
    const line = doc.lineAt(3);
    assert.ok(contradicted.range.isEqual(line.range), `range ${JSON.stringify(contradicted.range)}`);
    assert.strictEqual(contradicted.severity, vscode.DiagnosticSeverity.Error);
    assert.match(contradicted.message, /140/);
    assert.match(contradicted.message, /200/);
    const code = contradicted.code as { value: string; target: vscode.Uri };
    assert.strictEqual(code.target.fragment, 'contradicted');
    assert.match(code.target.path, /media\/verdicts\.md$/);
    const rel = contradicted.relatedInformation?.[0];
    assert.ok(rel, 'related information');
    assert.match(rel.location.uri.path, /sources\/engineering-report\.txt$/);
    assert.strictEqual(rel.location.range.start.line, 2, 'the passage is on line 3 of the report');
    assert.match(rel.message, /140 metres/);

    assert.strictEqual(misquote.severity, vscode.DiagnosticSeverity.Error);
    assert.match(misquote.message, /a century/);
    assert.strictEqual(unsupported.severity, vscode.DiagnosticSeverity.Information);
    assert.ok(unsupported.range.start.line === 5 && doc.lineAt(5).text.startsWith('Tourism'));
  });

  test('severity follows the settings, and "off" hides a verdict', async () => {
    const uri = ws('drafts/article.md');
    await openDraft('drafts/article.md');
    try {
      await setSetting('severity.unsupported', 'off');
      await diagnosticsWhere(uri, (d) => d.length === 2 && !d.some((x) => verdict(x) === 'unsupported'), 'unsupported hidden');
      await setSetting('severity.contradicted', 'warning');
      const d = await diagnosticsWhere(uri, (d) => d.some((x) => verdict(x) === 'contradicted' && x.severity === vscode.DiagnosticSeverity.Warning), 'contradicted as warning');
      assert.strictEqual(d.length, 2);
    } finally {
      await setSetting('severity.unsupported', undefined);
      await setSetting('severity.contradicted', undefined);
    }
    await diagnosticsWhere(uri, (d) => d.length === 3, 'defaults back');
  });

  test('typing re-checks the edited sentence; undo brings the diagnostic back', async () => {
    const editor = await openDraft('drafts/article.md');
    const doc = editor.document;
    await diagnosticsWhere(doc.uri, (d) => d.length === 3, 'three flagged claims');
    const at = doc.getText().indexOf('200 metres');
    const ok = await editor.edit((b) => b.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 3)), '140'));
    assert.ok(ok);
    const after = await diagnosticsWhere(doc.uri, (d) => d.length === 2, 'the corrected sentence is no longer flagged');
    assert.deepStrictEqual(after.map(verdict), ['misquote', 'unsupported']);
    await vscode.commands.executeCommand('undo');
    assert.match(doc.getText(), /200 metres/);
    await diagnosticsWhere(doc.uri, (d) => d.length === 3 && verdict(d[0]) === 'contradicted', 'flagged again after undo');
  });

  test('LaTeX and plain-text drafts are checked too', async () => {
    const tex = (await openDraft('drafts/notes.tex')).document;
    assert.strictEqual(tex.languageId, 'latex');
    const letter = (await openDraft('drafts/letter.txt')).document;
    const d = await diagnosticsWhere(letter.uri, (d) => d.length === 1, 'the letter\'s wrong date');
    assert.strictEqual(verdict(d[0]), 'contradicted');
    assert.match(d[0].message, /1 September 2023/);
    // the LaTeX notes are all supported: checked (no error) and no diagnostics
    assert.deepStrictEqual(ours(tex.uri), []);
  });

  test('closing a draft clears its diagnostics', async () => {
    const editor = await openDraft('drafts/letter.txt');
    const uri = editor.document.uri;
    await diagnosticsWhere(uri, (d) => d.length === 1, 'the letter is flagged');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await diagnosticsWhere(uri, (d) => d.length === 0, 'cleared after closing');
    await openDraft('drafts/letter.txt');
    await diagnosticsWhere(uri, (d) => d.length === 1, 'flagged again when shown again');
  });
});
