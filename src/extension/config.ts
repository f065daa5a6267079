// Reads the `groundwork.*` settings (and groundwork.json) into plain values.
import * as vscode from 'vscode';
import type { DraftLanguage, Verdict } from '../core';
import { CITATION_STYLES, type CitationStyle } from '../core/citeFormat';

export const SECTION = 'groundwork';
export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

const DEFAULT_SEVERITY: Record<Verdict, SeverityName> = {
  contradicted: 'error', misquote: 'error', disputed: 'warning', unsupported: 'information', supported: 'off',
};
const SEVERITIES: Record<Exclude<SeverityName, 'off'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The diagnostic severity for a verdict, or undefined when the user turned it off. */
export function severityFor(verdict: Verdict, scope?: vscode.Uri): vscode.DiagnosticSeverity | undefined {
  const name = vscode.workspace.getConfiguration(`${SECTION}.severity`, scope).get<SeverityName>(verdict) ?? DEFAULT_SEVERITY[verdict];
  return name === 'off' ? undefined : SEVERITIES[name] ?? SEVERITIES[DEFAULT_SEVERITY[verdict] as Exclude<SeverityName, 'off'>];
}

/** VS Code language ids checked as drafts, mapped to the engine's draft languages. */
const LANGUAGE_IDS: Record<string, DraftLanguage> = {
  markdown: 'markdown', plaintext: 'plaintext', latex: 'latex', tex: 'latex',
};

export function draftLanguage(doc: vscode.TextDocument): DraftLanguage | undefined {
  const enabled = vscode.workspace.getConfiguration(SECTION, doc).get<string[]>('languages') ?? ['markdown', 'plaintext', 'latex'];
  if (!enabled.includes(doc.languageId) && !(doc.languageId === 'tex' && enabled.includes('latex'))) return undefined;
  return LANGUAGE_IDS[doc.languageId] ?? 'plaintext';
}

export function citationStyle(scope?: vscode.TextDocument): CitationStyle {
  const s = vscode.workspace.getConfiguration(SECTION, scope).get<string>('citationStyle');
  return (CITATION_STYLES as readonly string[]).includes(s ?? '') ? (s as CitationStyle) : 'footnote';
}

export function checkDelay(): number {
  return Math.max(0, vscode.workspace.getConfiguration(SECTION).get<number>('checkDelay') ?? 300);
}

export function maxEvidence(): number {
  return Math.min(10, Math.max(1, vscode.workspace.getConfiguration(SECTION).get<number>('maxEvidence') ?? 3));
}

/**
 * Source globs of a folder: the setting when the user set it, else groundwork.json's "sources",
 * else the default `sources/**`.
 */
export async function sourcePatterns(folder: vscode.WorkspaceFolder): Promise<string[]> {
  const info = vscode.workspace.getConfiguration(SECTION, folder.uri).inspect<string[]>('sources');
  const explicit = info?.workspaceFolderValue ?? info?.workspaceValue ?? info?.globalValue;
  if (explicit?.length) return explicit;
  try {
    const raw = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, 'groundwork.json'));
    const json: unknown = JSON.parse(new TextDecoder().decode(raw));
    const sources = (json as { sources?: unknown })?.sources;
    if (Array.isArray(sources) && sources.every((s) => typeof s === 'string') && sources.length) return sources;
  } catch { /* no or unreadable groundwork.json: use the default */ }
  return info?.defaultValue ?? ['sources/**'];
}

/**
 * Bibliography files of a folder (relative to it, or absolute): the `groundwork.bibliography` setting
 * when set, else groundwork.json's "bibliography", else none.
 */
export async function bibliographyPaths(folder: vscode.WorkspaceFolder): Promise<string[]> {
  const info = vscode.workspace.getConfiguration(SECTION, folder.uri).inspect<string[] | string>('bibliography');
  const explicit = info?.workspaceFolderValue ?? info?.workspaceValue ?? info?.globalValue;
  const list = (v: unknown) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
  if (list(explicit).length) return list(explicit);
  try {
    const raw = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, 'groundwork.json'));
    return list((JSON.parse(new TextDecoder().decode(raw)) as { bibliography?: unknown })?.bibliography);
  } catch { return []; }
}

export type ReferenceStyleSetting = 'off' | 'author-date' | 'numeric';

/** The reference-list style (`off` unless the user chose one). */
export function referencesStyle(scope?: vscode.Uri): ReferenceStyleSetting {
  const s = vscode.workspace.getConfiguration(SECTION, scope).get<string>('references');
  return s === 'author-date' || s === 'numeric' ? s : 'off';
}

const CITATION_SEVERITY_KEYS = { 'unresolved-citation': 'unresolvedCitation', 'wrong-source': 'wrongSource' } as const;

/** The diagnostic severity for a citation finding, or undefined when turned off. */
export function citationSeverity(rule: 'unresolved-citation' | 'wrong-source', scope?: vscode.Uri): vscode.DiagnosticSeverity | undefined {
  const name = vscode.workspace.getConfiguration(`${SECTION}.severity`, scope).get<SeverityName>(CITATION_SEVERITY_KEYS[rule]) ?? 'warning';
  return name === 'off' ? undefined : SEVERITIES[name] ?? SEVERITIES.warning;
}
