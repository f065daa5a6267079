// Applies text edits computed for one version of a document, as one WorkspaceEdit (one undo step),
// and refuses when the document changed since: offsets would point at the wrong text.
import * as vscode from 'vscode';
import type { TextEdit } from '../core/citeFormat';

export interface EditRequest {
  uri: string;
  version: number;
  edits: TextEdit[];
}

export function isEditRequest(v: unknown): v is EditRequest {
  const r = v as EditRequest;
  return typeof r === 'object' && r !== null && typeof r.uri === 'string' && Number.isInteger(r.version) &&
    Array.isArray(r.edits) && r.edits.every((e) => Number.isInteger(e?.start) && Number.isInteger(e?.end) && typeof e?.text === 'string');
}

export async function applyEditRequest(req: unknown): Promise<boolean> {
  if (!isEditRequest(req)) return false;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === req.uri);
  if (!doc || doc.version !== req.version) {
    void vscode.window.showWarningMessage('Groundwork: the document changed since this fix was computed; try the fix again.');
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of req.edits) {
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.text);
  }
  return vscode.workspace.applyEdit(edit);
}
