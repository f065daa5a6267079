import * as assert from 'assert';
import * as vscode from 'vscode';
import { groundwork } from '../helpers';

suite('activation and index', () => {
  test('runs in a real VS Code extension host and indexes the fixture sources', async () => {
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    const api = await groundwork();
    const stats = api.stats();
    // three readable sources; the binary scan is reported as a problem, not indexed
    assert.strictEqual(stats.sources, 3);
    assert.ok(stats.passages >= 15, `passages: ${stats.passages}`);
    assert.strictEqual(stats.problems, 1);
  });

  test('saves the index under the extension storage with the engine version', async () => {
    const api = await groundwork();
    assert.ok(api.indexFile, 'an index file location');
    const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(api.indexFile)));
    assert.strictEqual(saved.format, 1);
    assert.strictEqual(typeof saved.engineVersion, 'string');
    // every file is fingerprinted, the unreadable one too, so an unchanged file is not read again on reload
    assert.deepStrictEqual(Object.keys(saved.fingerprints).sort(),
      ['sources/engineering-report.txt', 'sources/harbor-council-minutes.md', 'sources/reader-letters.txt', 'sources/scan.bin']);
  });

  test('declares its commands', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const c of ['searchSources', 'insertCitation', 'checkWorkspace', 'rebuildIndex', 'showLog']) {
      assert.ok(all.includes(`groundwork.${c}`), c);
    }
  });
});
