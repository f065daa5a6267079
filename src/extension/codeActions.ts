// Quick fixes for claims: the engine's data fixes (the source's number or wording) and "Cite ⟨source⟩"
// for the best passages. Each runs groundwork.applyEdits with the document version it was computed for.
import * as vscode from 'vscode';
import type { ClaimResult } from '../core';
import { citeSentenceEdits, type TextEdit } from '../core/citeFormat';
import { citationStyle, maxEvidence } from './config';
import type { DiagnosticsController } from './diagnostics';
import type { EditRequest } from './edits';
import { sourceName, usableEvidence } from './evidence';

export const APPLY_EDITS = 'groundwork.applyEdits';
/** A "Cite" fix is preferred only when the best passage is a clear match. */
const OBVIOUS_SCORE = 0.75;
/** Below this a passage is only loosely related: offering to cite it would mislead. */
const MIN_CITE_SCORE = 0.35;

export class GroundworkCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: DiagnosticsController) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext,
    token: vscode.CancellationToken): vscode.CodeAction[] | undefined {
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return undefined;
    // Asked on every cursor move: the latest check's result, else only the sentences in range.
    const result = this.diagnostics.resultAt(doc, range);
    if (!result || token.isCancellationRequested) return undefined;
    const start = doc.offsetAt(range.start);
    const end = doc.offsetAt(range.end);
    const claims = result.claims.filter((c) => c.start <= end && start <= c.end);
    const actions: vscode.CodeAction[] = [];
    for (const claim of claims) {
      const diags = context.diagnostics.filter((d) => d.source === 'groundwork' &&
        doc.offsetAt(d.range.start) === claim.start && doc.offsetAt(d.range.end) === claim.end);
      actions.push(...this.fixesFor(doc, claim, diags));
    }
    // Citation findings: "Cite ⟨the right source⟩ instead".
    for (const f of this.diagnostics.findingsAt(doc, result)) {
      if (f.end < start || end < f.start) continue;
      const diags = context.diagnostics.filter((d) => d.source === 'groundwork' && doc.offsetAt(d.range.start) === f.start && doc.offsetAt(d.range.end) === f.end);
      for (const fix of f.fixes) {
        const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        const req: EditRequest = { uri: doc.uri.toString(), version: doc.version, edits: fix.edits };
        a.command = { command: APPLY_EDITS, title: fix.title, arguments: [req] };
        a.diagnostics = diags;
        a.isPreferred = f.fixes.length === 1;
        actions.push(a);
      }
    }
    return actions;
  }

  private fixesFor(doc: vscode.TextDocument, claim: ClaimResult, diags: vscode.Diagnostic[]): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    const action = (title: string, edits: TextEdit[], preferred: boolean) => {
      const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      const req: EditRequest = { uri: doc.uri.toString(), version: doc.version, edits };
      a.command = { command: APPLY_EDITS, title, arguments: [req] };
      a.diagnostics = diags;
      a.isPreferred = preferred;
      out.push(a);
    };
    for (const fix of claim.fixes) {
      action(fix.title, [{ start: fix.start, end: fix.end, text: fix.replacement }], claim.fixes.length === 1);
    }
    // Citing is the fix for a true claim without a citation, or the way to back up an unsupported one.
    if (claim.citations.length === 0 && claim.verdict !== 'contradicted' && claim.verdict !== 'misquote') {
      const text = doc.getText();
      const style = citationStyle(doc);
      const evidence = usableEvidence(claim.evidence, maxEvidence()).filter((e) => e.score >= MIN_CITE_SCORE);
      evidence.forEach((e, i) => {
        const preferred = i === 0 && claim.fixes.length === 0 && e.score >= OBVIOUS_SCORE &&
          (evidence.length === 1 || evidence[1].score < e.score - 0.1);
        const opts = this.diagnostics.bibliography.citeOptions(doc, e.source);
        action(`Cite ${opts.entry ? `${opts.entry.key} (${sourceName(e.source)})` : sourceName(e.source)}, line ${e.line}`, citeSentenceEdits(text, claim.start, claim.end, e, style, opts), preferred);
      });
    }
    return out;
  }
}
