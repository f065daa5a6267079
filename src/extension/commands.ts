// Palette commands: Search Sources, Insert Citation, Check Workspace, Rebuild Index, Show Log, and the
// internal ones that links and fixes run (open a source at a passage, apply edits).
import * as vscode from 'vscode';
import type { Evidence, Passage } from '../core';
import { insertQuoteEdits, citeSentenceEdits } from '../core/citeFormat';
import { lineColumnAt } from '../core';
import { citedEntries, referencesEdits, referencesSection } from '../core/bibliography';
import { citationStyle, draftLanguage, referencesStyle } from './config';
import type { DiagnosticsController } from './diagnostics';
import { applyEditRequest } from './edits';
import { clip, sourceName, usableEvidence } from './evidence';
import { log } from './log';
import type { SourceIndex } from './sourceIndex';
import { RecentTimes } from './timings';

const SEARCH_LIMIT = 50;
const OPEN_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: 'Open the source at this passage' };

interface PassageItem extends vscode.QuickPickItem { passage: Evidence }

/** A location of a passage as links and messages pass it around (`page` for PDF sources). */
export interface PassageRef { source: string; line: number; column?: number; endLine?: number; endColumn?: number; page?: number }

/**
 * Where a binary source (PDF, DOCX) opens: the file itself, at `#page=N` where the passage has a page
 * (PDF viewers honour it). Undefined for text sources, which open as text at the passage.
 */
export function binarySourceTarget(uri: vscode.Uri, page?: number): vscode.Uri | undefined {
  if (!/\.(?:pdf|docx)$/i.test(uri.path)) return undefined;
  return typeof page === 'number' && Number.isInteger(page) && page > 0 ? uri.with({ fragment: `page=${page}` }) : uri;
}

export function isPassageRef(v: unknown): v is PassageRef {
  const r = v as PassageRef;
  return typeof r === 'object' && r !== null && typeof r.source === 'string' && Number.isInteger(r.line);
}

export class Commands {
  /** Time the palette's and the quote panel's searches take per keystroke, for benchmarks. */
  readonly searchTimes = new RecentTimes();

  constructor(private readonly index: SourceIndex, private readonly diagnostics: DiagnosticsController) {}

  register(): vscode.Disposable[] {
    const reg = vscode.commands.registerCommand;
    return [
      reg('groundwork.searchSources', (opts?: { query?: string }) => this.searchSources(opts?.query)),
      reg('groundwork.insertCitation', () => this.insertCitation()),
      reg('groundwork.checkWorkspace', () => this.checkWorkspace()),
      reg('groundwork.insertReferences', () => this.insertReferences()),
      reg('groundwork.rebuildIndex', () => this.rebuildIndex()),
      reg('groundwork.showLog', () => log().show(true)),
      reg('groundwork.openPanel', () => vscode.commands.executeCommand('groundwork.quotePanel.focus')),
      reg('groundwork.openSource', (ref: unknown) => (isPassageRef(ref) ? this.openSource(ref) : undefined)),
      reg('groundwork.applyEdits', (req: unknown) => applyEditRequest(req)),
    ];
  }

  /**
   * Opens a source file with the passage selected, beside the draft. A PDF or DOCX source opens in its
   * own editor (a PDF viewer, where one is installed) at the passage's page instead, and gives no text editor.
   */
  async openSource(ref: PassageRef): Promise<vscode.TextEditor | undefined> {
    const uri = this.index.uriOf(ref.source);
    if (!uri) { void vscode.window.showWarningMessage(`Groundwork: ${ref.source} is not an indexed source.`); return undefined; }
    const binary = binarySourceTarget(uri, ref.page);
    if (binary) {
      await vscode.commands.executeCommand('vscode.open', binary, { preview: true, viewColumn: vscode.ViewColumn.Beside });
      return undefined;
    }
    const range = new vscode.Range(ref.line - 1, (ref.column ?? 1) - 1, (ref.endLine ?? ref.line) - 1, (ref.endColumn ?? 1) - 1);
    return vscode.window.showTextDocument(uri, { selection: range, preview: true, viewColumn: vscode.ViewColumn.Beside });
  }

  /** Inserts a passage as a quote with its citation at the cursor of a draft editor. */
  async insertQuote(p: Passage, editor = draftEditor(this.index)): Promise<boolean> {
    if (!editor) { void vscode.window.showInformationMessage('Groundwork: open a draft to insert the quote into.'); return false; }
    const doc = editor.document;
    const edits = insertQuoteEdits(doc.getText(), doc.offsetAt(editor.selection.active), p, citationStyle(doc), this.diagnostics.bibliography.citeOptions(doc, p.source));
    return vscode.commands.executeCommand<boolean>('groundwork.applyEdits', { uri: doc.uri.toString(), version: doc.version, edits });
  }

  /**
   * A QuickPick over all passages, searched live; Enter inserts the quote with its citation, the item
   * button opens the source. `query` pre-fills the box (for automation). Resolves with the chosen passage.
   */
  searchSources(query?: string): Promise<Evidence | undefined> {
    const editor = draftEditor(this.index);
    const qp = vscode.window.createQuickPick<PassageItem>();
    qp.title = 'Groundwork: Search Sources';
    qp.placeholder = 'Type words or a phrase from your sources';
    qp.matchOnDescription = false;
    let searched: string | undefined;
    const update = (value: string) => {
      // A pre-filled query comes back as a change of value: search it once.
      if (value === searched) return;
      searched = value;
      this.searchTimes.time(() => this.showHits(qp, value));
    };
    qp.onDidChangeValue(update);
    if (query) { qp.value = query; update(query); }
    return new Promise((resolve) => {
      let chosen: Evidence | undefined;
      qp.onDidTriggerItemButton((e) => { void this.openSource(e.item.passage); });
      qp.onDidAccept(async () => {
        chosen = qp.selectedItems[0]?.passage;
        qp.hide();
        if (chosen) await this.insertQuote(chosen, editor);
        resolve(chosen);
      });
      qp.onDidHide(() => { qp.dispose(); if (!chosen) resolve(undefined); });
      qp.show();
    });
  }

  /** The palette's items for a query: the engine ranks, so the QuickPick must not filter again. */
  private showHits(qp: vscode.QuickPick<PassageItem>, value: string): void {
    qp.items = value.trim() ? this.index.engine.search(value, { limit: SEARCH_LIMIT }).map((e) => ({
      label: clip(e.text, 160), detail: `${e.source}, line ${e.line}`,
      alwaysShow: true, buttons: [OPEN_BUTTON], passage: e,
    })) : [];
  }

  /** Cites one of the best passages for the sentence at the cursor. */
  async insertCitation(): Promise<boolean> {
    const editor = draftEditor(this.index);
    const result = editor && this.diagnostics.resultFor(editor.document);
    if (!editor || !result) { void vscode.window.showInformationMessage('Groundwork: put the cursor in a sentence of a draft.'); return false; }
    const doc = editor.document;
    const offset = doc.offsetAt(editor.selection.active);
    const claim = result.claims.find((c) => c.start <= offset && offset <= c.end);
    if (!claim) { void vscode.window.showInformationMessage('Groundwork: no sentence at the cursor.'); return false; }
    const evidence = usableEvidence(claim.evidence.length ? claim.evidence : this.index.engine.evidenceFor(claim.text, 5), 5);
    if (!evidence.length) { void vscode.window.showInformationMessage('Groundwork: no passage in the sources matches this sentence.'); return false; }
    const pick = await vscode.window.showQuickPick(evidence.map((e) => ({
      label: clip(e.text, 160), description: `${sourceName(e.source)}:${e.line}`, passage: e,
    })), { title: 'Groundwork: Insert Citation', placeHolder: 'Cite which passage?' });
    if (!pick) return false;
    const edits = citeSentenceEdits(doc.getText(), claim.start, claim.end, pick.passage, citationStyle(doc), this.diagnostics.bibliography.citeOptions(doc, pick.passage.source));
    return vscode.commands.executeCommand<boolean>('groundwork.applyEdits', { uri: doc.uri.toString(), version: doc.version, edits });
  }

  /**
   * Puts a References section for the draft's citations into the draft (replacing an existing one),
   * in the style of groundwork.references. Off by default, with a message saying how to turn it on.
   */
  async insertReferences(): Promise<boolean> {
    const editor = draftEditor(this.index);
    const doc = editor?.document;
    const style = referencesStyle(doc?.uri);
    if (style === 'off') {
      const open = 'Open Settings';
      void vscode.window.showInformationMessage('Groundwork: reference lists are off. Set "groundwork.references" to "author-date" or "numeric" to generate one.', open)
        .then((c) => c === open && vscode.commands.executeCommand('workbench.action.openSettings', 'groundwork.references'));
      return false;
    }
    const result = doc && this.diagnostics.resultFor(doc);
    if (!doc || !result) { void vscode.window.showInformationMessage('Groundwork: open a draft to insert its references into.'); return false; }
    if (draftLanguage(doc) === 'latex') { void vscode.window.showInformationMessage('Groundwork: reference lists are generated for Markdown and plain-text drafts; in LaTeX, use \\printbibliography.'); return false; }
    await this.diagnostics.bibliography.whenLoaded();
    const linked = this.diagnostics.bibliography.linkedFor(doc.uri);
    if (!linked.bibliography.size) {
      void vscode.window.showInformationMessage('Groundwork: no bibliography is configured. Set "groundwork.bibliography" (or "bibliography" in groundwork.json) to your .bib or CSL-JSON file.');
      return false;
    }
    const text = doc.getText();
    const edits = referencesEdits(text, referencesSection(citedEntries(text, result, linked), style));
    return vscode.commands.executeCommand<boolean>('groundwork.applyEdits', { uri: doc.uri.toString(), version: doc.version, edits });
  }

  /** Checks every draft in the workspace (open or not) and publishes the results in the Problems panel. */
  async checkWorkspace(): Promise<{ files: number; flagged: number }> {
    await this.index.whenIdle();
    const enabled = vscode.workspace.getConfiguration('groundwork').get<string[]>('languages') ?? [];
    const exts = [...(enabled.includes('markdown') ? ['md', 'markdown'] : []), ...(enabled.includes('plaintext') ? ['txt'] : []),
      ...(enabled.includes('latex') ? ['tex'] : [])];
    if (!exts.length) return { files: 0, flagged: 0 };
    const files = (await vscode.workspace.findFiles(`**/*.{${exts.join(',')}}`, '**/node_modules/**', 2000))
      .filter((u) => !this.index.isSource(u));
    let flagged = 0;
    let checked = 0;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Groundwork: checking drafts', cancellable: true },
      async (progress, token) => {
        for (const uri of files) {
          if (token.isCancellationRequested) break;
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          if (open) {
            if (!this.diagnostics.languageOf(open)) continue;
            const r = this.diagnostics.check(open);
            flagged += vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'groundwork').length;
            checked += r ? 1 : 0;
          } else {
            const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
            const language = /\.tex$/i.test(uri.path) ? 'latex' : /\.txt$/i.test(uri.path) ? 'plaintext' : 'markdown';
            const result = this.index.engine.check(text, language);
            flagged += this.diagnostics.publish(uri, result, (o) => { const lc = lineColumnAt(text, o); return new vscode.Position(lc.line - 1, lc.column - 1); }, text);
            checked++;
          }
          progress.report({ increment: 100 / files.length, message: vscode.workspace.asRelativePath(uri) });
          await new Promise((r) => setImmediate(r));
        }
      });
    log().info(`checked ${checked} drafts: ${flagged} flagged claims`);
    return { files: checked, flagged };
  }

  async rebuildIndex(): Promise<{ sources: number; passages: number; problems: number }> {
    await this.index.rebuild();
    return this.index.stats();
  }
}

/** The active editor if it holds a draft, else the most recent visible draft editor. */
export function draftEditor(index: SourceIndex): vscode.TextEditor | undefined {
  const isDraft = (e: vscode.TextEditor | undefined) =>
    !!e && e.document.uri.scheme !== 'output' && !index.isSource(e.document.uri) && !!draftLanguage(e.document);
  const active = vscode.window.activeTextEditor;
  return isDraft(active) ? active : vscode.window.visibleTextEditors.find(isDraft);
}
