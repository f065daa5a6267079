import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnosticsWhere, groundwork, hoverText, openDraft, rangeOf, revertAll } from '../helpers';

async function hoverAt(doc: vscode.TextDocument, needle: string, delta = 2): Promise<string> {
  const pos = doc.positionAt(doc.getText().indexOf(needle) + delta);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
  return hoverText(hovers);
}

suite('hover', () => {
  suiteSetup(() => groundwork());
  teardown(() => revertAll());

  test('a contradicted claim shows its verdict, what differs and the passage with a link to it', async () => {
    const doc = (await openDraft('drafts/article.md')).document;
    await diagnosticsWhere(doc.uri, (d) => d.length === 3, 'article checked');
    const text = await hoverAt(doc, 'The footbridge will be 200');
    assert.match(text, /contradicted/);
    assert.match(text, /Change 200 metres to 140 metres/);
    assert.match(text, /140 metres long and built of weathering steel/);
    assert.match(text, /engineering-report\.txt, line 3/);
    const link = /\(command:groundwork\.openSource\?([^ )]+)/.exec(text);
    assert.ok(link, 'a command link opens the source');
    const [ref] = JSON.parse(decodeURIComponent(link[1]));
    assert.deepStrictEqual([ref.source, ref.line], ['sources/engineering-report.txt', 3]);
    // the link's command really opens the source at the passage
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('groundwork.openSource', ref);
    assert.match(editor.document.uri.path, /engineering-report\.txt$/);
    assert.strictEqual(editor.selection.start.line, 2);
    assert.strictEqual(editor.document.getText(editor.selection), 'The footbridge will be 140 metres long and built of weathering steel.');
  });

  test('a supported claim shows its passage', async () => {
    const doc = (await openDraft('drafts/article.md')).document;
    const text = await hoverAt(doc, 'The council approved');
    assert.match(text, /supported/);
    assert.match(text, /harbor-council-minutes\.md, line 7/);
  });

  test('a footnote citation shows the passage its definition points at', async () => {
    const doc = (await openDraft('drafts/article.md')).document;
    const text = await hoverAt(doc, '[^1]', 1);
    assert.match(text, /citation/);
    assert.match(text, /Construction is expected to start in June 2023 and to finish in October 2024/);
    assert.match(text, /harbor-council-minutes\.md, line 12/);
  });

  test('a LaTeX \\cite shows the passage of the cited source', async () => {
    const doc = (await openDraft('drafts/notes.tex')).document;
    rangeOf(doc, '\\cite{engineering-report}');
    const text = await hoverAt(doc, '\\cite{engineering-report}', 3);
    assert.match(text, /about 3,000 pedestrians will cross the bridge each day/);
    assert.match(text, /engineering-report\.txt, line 5/);
  });

  test('hovers only trust the extension\'s own command', async () => {
    const doc = (await openDraft('drafts/article.md')).document;
    const pos = doc.positionAt(doc.getText().indexOf('Tourism') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
    const md = hovers.flatMap((h) => h.contents).find((c): c is vscode.MarkdownString => typeof c !== 'string' && /Groundwork/.test(c.value));
    assert.ok(md);
    assert.match(md.value, /not found in the sources/);
    const links = [...md.value.matchAll(/\]\((command:[^?)\s]+)/g)].map((m) => m[1]);
    assert.ok(links.length > 0, 'the closest passages link to their source');
    assert.deepStrictEqual([...new Set(links)], ['command:groundwork.openSource']);
    assert.notStrictEqual(md.isTrusted, true, 'not trusted for every command');
    assert.ok(!md.supportHtml);
  });
});
