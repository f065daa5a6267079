// The status bar item: index state (sources, passages) and flagged claims in the current draft.
import * as vscode from 'vscode';
import type { SourceIndex } from './sourceIndex';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('groundwork.status', vscode.StatusBarAlignment.Left, 50);

  constructor(private readonly index: SourceIndex) {
    this.item.name = 'Groundwork';
    this.item.command = 'groundwork.openPanel';
    this.update();
    this.item.show();
  }

  update(): void {
    const { state, progress } = this.index;
    if (state !== 'ready') {
      this.item.text = `$(sync~spin) Groundwork ${progress ? `${progress.done}/${progress.total}` : ''}`.trimEnd();
      this.item.tooltip = 'Groundwork is indexing your sources';
      return;
    }
    const s = this.index.stats();
    const uri = vscode.window.activeTextEditor?.document.uri;
    const flagged = uri ? vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'groundwork').length : 0;
    this.item.text = `$(book) ${s.sources} source${s.sources === 1 ? '' : 's'}${flagged ? ` $(warning) ${flagged}` : ''}`;
    const origin = { built: 'built from the files', reloaded: 'reloaded from the saved index', cancelled: 'partly built (cancelled)' }[this.index.origin];
    const tooltip = `Groundwork: ${s.sources} sources, ${s.passages} passages, ${origin}` +
      `${s.problems ? `; ${s.problems} unreadable` : ''}${uri ? `; ${flagged} flagged claims in this file` : ''}. Click to open the quote panel.`;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: tooltip };
  }

  dispose(): void {
    this.item.dispose();
  }
}
