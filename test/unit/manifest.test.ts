// The extension manifest (package.json "contributes") must match what src/extension registers and
// reads: a command or setting declared but not implemented (or the reverse) fails here, not in use.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const extDir = path.join(root, 'src/extension');
const code = fs.readdirSync(extDir).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(extDir, f), 'utf8')).join('\n');

describe('extension manifest', () => {
  it('declares exactly the commands the extension registers', () => {
    const registered = [...code.matchAll(/reg\('(groundwork\.[\w.]+)'/g)].map((m) => m[1]).sort();
    const declared = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.ok(registered.length >= 8);
    assert.deepEqual(declared, registered);
  });

  it('hides the internal commands from the palette and titles the rest under "Groundwork"', () => {
    const hidden = pkg.contributes.menus.commandPalette.filter((m: { when: string }) => m.when === 'false').map((m: { command: string }) => m.command);
    assert.deepEqual(hidden.sort(), ['groundwork.applyEdits', 'groundwork.openSource']);
    for (const c of pkg.contributes.commands) assert.equal(c.category, 'Groundwork', c.command);
  });

  it('declares every setting the extension reads, each with a description and a scope', () => {
    const props = pkg.contributes.configuration.properties;
    for (const [key, p] of Object.entries<Record<string, unknown>>(props)) {
      assert.ok(p.description || p.markdownDescription, `${key} has a description`);
      assert.ok(p.scope, `${key} has a scope`);
    }
    const read = [...code.matchAll(/get<[^>]+>\('(\w+)'\)/g)].map((m) => m[1]);
    for (const k of read) {
      assert.ok(props[`groundwork.${k}`] || Object.keys(props).some((p) => p.startsWith(`groundwork.${k}.`)),
        `groundwork.${k} is declared`);
    }
    for (const v of ['contradicted', 'misquote', 'disputed', 'unsupported']) assert.ok(props[`groundwork.severity.${v}`], v);
    assert.deepEqual(props['groundwork.sources'].default, ['sources/**']);
  });

  it('registers the quote panel view it declares, in its own activity bar container', () => {
    const view = pkg.contributes.views.groundwork[0];
    assert.equal(view.type, 'webview');
    assert.match(code, new RegExp(`viewType = '${view.id.replace('.', '\\.')}'`));
    assert.equal(pkg.contributes.viewsContainers.activitybar[0].id, 'groundwork');
    assert.ok(fs.existsSync(path.join(root, pkg.contributes.viewsContainers.activitybar[0].icon)));
  });

  it('states its workspace-trust and virtual-workspace support, and ships its runtime files', () => {
    assert.equal(pkg.main, './dist/extension.js');
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
    for (const f of ['dist/extension.js', 'dist/webview/main.js', 'media/panel.css', 'media/icon.svg', 'media/verdicts.md']) {
      assert.ok(ignore.includes(`!${f}`), `${f} is packaged`);
      if (f.startsWith('media/')) assert.ok(fs.existsSync(path.join(root, f)), `${f} exists`);
    }
  });
});
