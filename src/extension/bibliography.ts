// The bibliography of each workspace folder (groundwork.bibliography or groundwork.json's
// "bibliography"): loaded in the background, reloaded when a file or the setting changes, linked to
// the indexed sources. Malformed entries show as diagnostics on the library file at their line.
// Library files are only read as text: nothing in them is run, opened or fetched.
import * as vscode from 'vscode';
import { Bibliography, linkBibliography, type BibEntry, type LinkedBibliography } from '../core/bibliography';
import type { CiteOptions } from '../core/citeFormat';
import { bibliographyPaths } from './config';
import { log } from './log';
import type { SourceIndex } from './sourceIndex';

const MAX_BYTES = 64 * 1024 * 1024;

interface FolderState {
  bibliography?: Bibliography;
  loading?: Promise<void>;
  linked?: LinkedBibliography;
  watchers: vscode.Disposable[];
}

export class BibliographyStore implements vscode.Disposable {
  private readonly folders = new Map<string, FolderState>();
  private readonly problems = vscode.languages.createDiagnosticCollection('groundwork-bibliography');
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly emptyLinks = new Map<string, LinkedBibliography>();

  constructor(private readonly index: SourceIndex, private readonly onDidLoad: () => void) {
    this.subscriptions.push(
      index.onDidChange(() => { for (const s of this.folders.values()) s.linked = undefined; this.emptyLinks.clear(); }),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('groundwork.bibliography')) this.reloadAll(); }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reloadAll()),
    );
    const json = vscode.workspace.createFileSystemWatcher('**/groundwork.json');
    this.subscriptions.push(json, json.onDidChange(() => this.reloadAll()), json.onDidCreate(() => this.reloadAll()), json.onDidDelete(() => this.reloadAll()));
  }

  /** The bibliography linked to the sources for a draft (no entries until its folder's files are loaded). */
  linkedFor(uri: vscode.Uri): LinkedBibliography {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const sources = () => this.index.engine.sourceList();
    if (!folder) return this.emptyLink('', sources);
    const key = folder.uri.toString();
    let state = this.folders.get(key);
    if (!state) {
      state = { watchers: [] };
      this.folders.set(key, state);
      state.loading = this.load(folder, state);
    }
    if (!state.bibliography) return this.emptyLink(key, sources);
    state.linked ??= linkBibliography(state.bibliography, sources());
    return state.linked;
  }

  /** Resolves once every folder's bibliography that is being loaded has loaded. */
  async whenLoaded(): Promise<void> {
    await Promise.all([...this.folders.values()].map((s) => s.loading));
  }

  /** Citation options for citing `source` from the draft `doc`: the entry's key and metadata, relative links. */
  citeOptions(doc: vscode.TextDocument, source: string): CiteOptions {
    const entry: BibEntry | undefined = this.linkedFor(doc.uri).entryOf(source);
    const draftPath = this.index.pathOf(doc.uri);
    const from = draftPath.includes('/') ? draftPath.slice(0, draftPath.lastIndexOf('/')) : '';
    return { ...(entry ? { entry } : {}), ...(doc.uri.scheme === 'file' ? { from } : {}) };
  }

  dispose(): void {
    for (const s of this.folders.values()) for (const w of s.watchers) w.dispose();
    for (const d of this.subscriptions) d.dispose();
    this.problems.dispose();
  }

  private emptyLink(key: string, sources: () => { path: string; title?: string }[]): LinkedBibliography {
    let l = this.emptyLinks.get(key);
    if (!l) { l = linkBibliography(undefined, sources()); this.emptyLinks.set(key, l); }
    return l;
  }

  private reloadAll(): void {
    for (const s of this.folders.values()) for (const w of s.watchers) w.dispose();
    this.folders.clear();
    this.problems.clear();
    this.onDidLoad();
  }

  private async load(folder: vscode.WorkspaceFolder, state: FolderState): Promise<void> {
    const paths = await bibliographyPaths(folder);
    if (!paths.length) return;
    const bib = new Bibliography();
    for (const p of paths) {
      const uri = /^(?:\/|[a-zA-Z]:[\\/])/.test(p) ? vscode.Uri.file(p) : vscode.Uri.joinPath(folder.uri, p);
      const shown = vscode.workspace.asRelativePath(uri, false);
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.split('/').pop()!));
      const reload = () => { if (this.folders.get(folder.uri.toString()) === state) this.reloadAll(); };
      state.watchers.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size > MAX_BYTES) throw new Error('larger than 64 MB');
        const text = new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
        const before = bib.problems.length;
        bib.add({ path: shown, text });
        const diags = bib.problems.slice(before).map((pr) => {
          const d = new vscode.Diagnostic(new vscode.Range(pr.line - 1, 0, pr.line - 1, 1000), pr.message, vscode.DiagnosticSeverity.Warning);
          d.source = 'groundwork';
          return d;
        });
        this.problems.set(uri, diags);
        for (const pr of bib.problems.slice(before)) log().warn(`${pr.file}:${pr.line}: ${pr.message}`);
      } catch (e) {
        const msg = e instanceof vscode.FileSystemError ? e.code : e instanceof TypeError ? 'not valid UTF-8 text' : (e as Error).message;
        log().warn(`bibliography ${shown} cannot be read: ${msg}`);
        void vscode.window.showWarningMessage(`Groundwork: the bibliography ${shown} cannot be read (${msg}).`);
      }
    }
    if (this.folders.get(folder.uri.toString()) !== state) return;
    state.bibliography = bib;
    state.linked = undefined;
    log().info(`bibliography: ${bib.size} entries from ${paths.join(', ')}${bib.problems.length ? `, ${bib.problems.length} problems` : ''}`);
    this.onDidLoad();
  }
}
