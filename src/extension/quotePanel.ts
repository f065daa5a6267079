// The quote panel (a webview view): live search over the sources, or the evidence for the sentence
// under the cursor when the search box is empty. The webview gets plain data and renders it as text;
// it can only ask for the few actions below, and every message it sends is validated.
import * as vscode from 'vscode';
import type { Evidence } from '../core';
import { isFromWebview, type FromWebview, type PanelItem, type ToWebview } from '../shared/messages';
import type { Commands } from './commands';
import { draftEditor } from './commands';
import type { DiagnosticsController } from './diagnostics';
import { clip, sourceName, usableEvidence } from './evidence';
import { log } from './log';
import type { SourceIndex } from './sourceIndex';

const RESULT_LIMIT = 30;
const CURSOR_DELAY_MS = 150;

export class QuotePanel implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewType = 'groundwork.quotePanel';
  private view: vscode.WebviewView | undefined;
  private query = '';
  private seq = 0;
  /** Passages the webview currently shows: it may only act on these ids. */
  private shown = new Map<number, Evidence>();
  private cursorTimer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly index: SourceIndex,
    private readonly diagnostics: DiagnosticsController, private readonly commands: Commands) {
    this.disposables.push(
      vscode.window.onDidChangeTextEditorSelection((e) => this.cursorMoved(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.cursorMoved(e)),
      index.onDidChange(() => this.refresh()),
      // The evidence under the cursor comes from the latest check: show it when a check lands.
      diagnostics.onDidCheck((uri) => { if (!this.query.trim() && vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.refresh(); }),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    view.webview.options = { enableScripts: true, localResourceRoots: [dist, media] };
    view.webview.html = this.html(view.webview, dist, media);
    this.disposables.push(
      view.webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      view.onDidDispose(() => { this.view = undefined; }),
      view.onDidChangeVisibility(() => view.visible && this.refresh()),
    );
  }

  dispose(): void {
    clearTimeout(this.cursorTimer);
    for (const d of this.disposables) d.dispose();
  }

  private receive(m: unknown): void {
    if (!isFromWebview(m)) { log().warn('quote panel: ignored an invalid message'); return; }
    void this.handle(m);
  }

  private async handle(m: FromWebview): Promise<void> {
    switch (m.type) {
      case 'ready': this.refresh(); return;
      case 'search': this.query = m.query; this.seq = m.seq; this.refresh(); return;
    }
    const p = this.shown.get(m.id);
    if (!p) return;
    if (m.type === 'open') await this.commands.openSource(p);
    else if (m.type === 'insert') await this.commands.insertQuote(p);
    else {
      await vscode.env.clipboard.writeText(`“${p.text}” (${p.source}, line ${p.line})`);
      this.post({ type: 'status', text: `Copied the passage from ${sourceName(p.source)}.` });
    }
  }

  private cursorMoved(editor: vscode.TextEditor): void {
    if (!this.view?.visible || this.query.trim() || editor.document.uri.scheme === 'output') return;
    clearTimeout(this.cursorTimer);
    this.cursorTimer = setTimeout(() => this.refresh(), CURSOR_DELAY_MS);
  }

  /** Sends the results for the current query, or the evidence for the sentence under the cursor. */
  private refresh(): void {
    if (!this.view) return;
    if (this.index.state !== 'ready') {
      this.send([], 'search', `Indexing sources… ${this.index.progress ? `${this.index.progress.done}/${this.index.progress.total}` : ''}`);
      return;
    }
    if (this.query.trim()) {
      this.commands.searchTimes.time(() => {
        const hits = this.index.engine.search(this.query, { limit: RESULT_LIMIT });
        this.send(hits, 'search', hits.length ? undefined : 'No passage matches.');
      });
      return;
    }
    const editor = draftEditor(this.index);
    const result = editor && this.diagnostics.resultAt(editor.document, new vscode.Range(editor.selection.active, editor.selection.active));
    const offset = editor?.document.offsetAt(editor.selection.active);
    const claim = result && offset !== undefined ? result.claims.find((c) => c.start <= offset && offset <= c.end) : undefined;
    if (!claim) { this.send([], 'evidence', 'Type to search your sources, or put the cursor in a sentence of a draft.'); return; }
    const evidence = usableEvidence(claim.evidence.length ? claim.evidence : this.index.engine.evidenceFor(claim.text, 5), 10);
    const what = claim.verdict === 'unsupported' ? 'Closest passages to' : 'Evidence for';
    this.send(evidence, 'evidence', `${what} “${clip(claim.text, 80)}”${evidence.length ? '' : ': none found.'}`);
  }

  private send(passages: Evidence[], mode: 'search' | 'evidence', note?: string): void {
    this.shown = new Map(passages.map((p) => [p.id, p]));
    const items: PanelItem[] = passages.map((p) => ({ id: p.id, text: clip(p.text, 600), source: p.source, line: p.line, score: p.score }));
    this.post({ type: 'results', seq: this.seq, query: mode === 'search' ? this.query : '', mode, items, note });
  }

  private post(m: ToWebview): void {
    void this.view?.webview.postMessage(m);
  }

  private html(webview: vscode.Webview, dist: vscode.Uri, media: vscode.Uri): string {
    const nonce = makeNonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'main.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.css'));
    const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`,
      `img-src ${webview.cspSource}`, `font-src ${webview.cspSource}`].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Quotes</title>
</head>
<body>
<input id="query" type="search" placeholder="Search your sources" aria-label="Search your sources" spellcheck="false">
<div id="note" role="status" aria-live="polite"></div>
<ul id="results" role="listbox" aria-label="Passages"></ul>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }
}

function makeNonce(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}
