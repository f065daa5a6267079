// Helpers for the integration suites: they wait on VS Code events (never on timers), with a
// deadline only so that a broken build fails instead of hanging.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { GroundworkApi } from '../../src/extension/extension';

const DEADLINE_MS = 20_000;

export function ws(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, rel);
}

let api: GroundworkApi | undefined;

/** Activates the extension and waits until its index is built. */
export async function groundwork(): Promise<GroundworkApi> {
  if (!api) {
    const ext = vscode.extensions.getExtension<GroundworkApi>('groundwork.groundwork');
    assert.ok(ext, 'the extension under test is loaded');
    api = await ext.activate();
  }
  await api.whenIndexed();
  return api;
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'groundwork')
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

/** Resolves with the document's Groundwork diagnostics once `ok` accepts them (checked on every change). */
export function diagnosticsWhere(uri: vscode.Uri, ok: (d: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const done = (f: () => void) => { clearTimeout(timer); sub.dispose(); f(); };
    const test = () => { const d = ours(uri); if (ok(d)) done(() => resolve(d)); };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => { if (e.uris.some((u) => u.toString() === uri.toString())) test(); });
    const timer = setTimeout(() => done(() => reject(new Error(`timed out waiting for diagnostics: ${what}; have ${
      JSON.stringify(ours(uri).map((d) => `${d.range.start.line}: ${d.code && typeof d.code === 'object' ? d.code.value : d.code} ${d.message}`))}`))), DEADLINE_MS);
    test();
  });
}

/** Resolves when `event` fires with a value `ok` accepts. */
export function when<T>(event: vscode.Event<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const sub = event((v) => { if (ok(v)) { clearTimeout(timer); sub.dispose(); resolve(v); } });
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out waiting for ${what}`)); }, DEADLINE_MS);
  });
}

export async function openDraft(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(ws(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function verdict(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Hover contents as plain text: MarkdownString.appendText writes spaces as &nbsp; and escapes punctuation. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n')
    .replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>~&$])/g, '$1');
}

/** Reverts drafts a failed test left edited, so one failure does not cascade into the next tests. */
export async function revertAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}

/** The offset range of the first occurrence of `needle` in the document. */
export function rangeOf(doc: vscode.TextDocument, needle: string): vscode.Range {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in ${doc.uri.path}`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('groundwork').update(key, value, vscode.ConfigurationTarget.Workspace);
}
