// Turns engine evidence into editor things: source locations, short labels, safe Markdown.
import * as vscode from 'vscode';
import { basename, type Evidence, type Passage } from '../core';
import type { SourceIndex } from './sourceIndex';

/** The passage's range in its source file (engine lines and columns are 1-based). */
export function passageRange(p: Passage): vscode.Range {
  return new vscode.Range(p.line - 1, p.column - 1, p.endLine - 1, p.endColumn - 1);
}

export function passageLocation(index: SourceIndex, p: Passage): vscode.Location | undefined {
  const uri = index.uriOf(p.source);
  return uri && new vscode.Location(uri, passageRange(p));
}

/** Evidence worth showing: real passages (no page chrome), best first. */
export function usableEvidence(evidence: readonly Evidence[], max: number): Evidence[] {
  return evidence.filter((e) => !e.chrome).slice(0, max);
}

/** The file name of a source, as messages and citations show it. */
export const sourceName = basename;

export function clip(text: string, max = 300): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Escapes text for a Markdown link label (appendText does the rest of the escaping). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);
}

/** A `command:` link to open a source at a passage; the command is one the hover trusts. */
export function openSourceLink(p: Passage): string {
  const args = encodeURIComponent(JSON.stringify([{ source: p.source, line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn, page: p.page }]));
  return `command:groundwork.openSource?${args}`;
}
