// Groundwork's VS Code adapter: wires the engine (src/core) into editor features. Activation only
// registers things; the index is built or reloaded in the background.
import * as vscode from 'vscode';
import { GroundworkCodeActions } from './codeActions';
import { Commands } from './commands';
import { DiagnosticsController, type CheckTiming } from './diagnostics';
import { GroundworkHover } from './hover';
import { disposeLog, log } from './log';
import { QuotePanel } from './quotePanel';
import { SourceIndex, type WarmUp } from './sourceIndex';
import { StatusBar } from './statusBar';

/** What activate() returns: lets tests wait for the index instead of sleeping. */
export interface GroundworkApi {
  whenIndexed(): Promise<void>;
  /** Resolves when the background warm-up after (re)indexing has ended, with how it went (for benchmarks). */
  whenWarmedUp(): Promise<WarmUp | undefined>;
  readonly onDidIndex: vscode.Event<void>;
  /** Fires with a draft's URI each time its diagnostics are published (for tools and benchmarks). */
  readonly onDidCheck: vscode.Event<vscode.Uri>;
  /** How the latest check went: claims; how late it started, time in the engine, publishing, wall clock (ms). */
  lastCheck(): CheckTiming | undefined;
  /** Time Groundwork's own hover provider took in the latest hovers (ms). */
  hoverTimes(): number[];
  /** Time the latest searches of the palette and the quote panel took, one per keystroke (ms). */
  searchTimes(): number[];
  stats(): { sources: number; passages: number; problems: number };
  /** Where the index is saved between sessions. */
  readonly indexFile: vscode.Uri | undefined;
}

export function activate(context: vscode.ExtensionContext): GroundworkApi {
  const index = new SourceIndex(context.storageUri ?? context.globalStorageUri);
  const diagnostics = new DiagnosticsController(index, vscode.Uri.joinPath(context.extensionUri, 'media', 'verdicts.md'));
  const commands = new Commands(index, diagnostics);
  const status = new StatusBar(index);
  const panel = new QuotePanel(context.extensionUri, index, diagnostics, commands);
  const drafts: vscode.DocumentSelector = [
    { language: 'markdown' }, { language: 'plaintext' }, { language: 'latex' }, { language: 'tex' },
  ];
  const indexed = new vscode.EventEmitter<void>();
  const hover = new GroundworkHover(index, diagnostics);

  context.subscriptions.push(
    index, diagnostics, status, panel, indexed, { dispose: disposeLog },
    ...commands.register(),
    vscode.languages.registerHoverProvider(drafts, hover),
    vscode.languages.registerCodeActionsProvider(drafts, new GroundworkCodeActions(diagnostics),
      { providedCodeActionKinds: GroundworkCodeActions.kinds }),
    vscode.window.registerWebviewViewProvider(QuotePanel.viewType, panel, { webviewOptions: { retainContextWhenHidden: false } }),
    vscode.workspace.onDidOpenTextDocument((doc) => diagnostics.schedule(doc, 0)),
    vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && diagnostics.schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => diagnostics.forget(doc.uri)),
    // VS Code may keep a document loaded long after its last tab closed: clear when the tab goes.
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const tab of e.closed) {
        if (tab.input instanceof vscode.TabInputText && !isInATab(tab.input.uri)) diagnostics.forget(tab.input.uri);
      }
    }),
    vscode.window.onDidChangeActiveTextEditor(() => status.update()),
    // A draft shown again after its tab closed is still loaded (no open event): check it (cached if unchanged).
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => diagnostics.schedule(e.document, 0))),
    diagnostics.onDidCheck(() => status.update()),
    index.onDidChange(() => {
      status.update();
      if (index.state === 'ready') { diagnostics.recheckAll(); indexed.fire(); }
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('groundwork.sources')) void index.refresh();
      else if (e.affectsConfiguration('groundwork')) diagnostics.recheckAll();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void index.refresh()),
  );
  const config = vscode.workspace.createFileSystemWatcher('**/groundwork.json');
  context.subscriptions.push(config, config.onDidChange(() => void index.refresh()),
    config.onDidCreate(() => void index.refresh()), config.onDidDelete(() => void index.refresh()));

  log().info(`Groundwork activated in ${vscode.env.appName} ${vscode.version}`);
  // After activation returns: reading sources must not delay the editor.
  const started = new Promise<void>((resolve) => setImmediate(resolve)).then(() => index.start());
  return {
    whenIndexed: () => started.then(() => index.whenIdle()),
    whenWarmedUp: () => started.then(() => index.whenIdle()).then(() => index.warmedUp),
    onDidIndex: indexed.event,
    onDidCheck: diagnostics.onDidCheck,
    lastCheck: () => diagnostics.lastTiming,
    hoverTimes: () => hover.times.all(),
    searchTimes: () => commands.searchTimes.all(),
    stats: () => index.stats(),
    indexFile: index.file,
  };
}

function isInATab(uri: vscode.Uri): boolean {
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()));
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
