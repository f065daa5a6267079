// Hover: a claim's verdict with its best passages, or the passage an existing citation cites.
// Source text is untrusted: it goes through appendText / escapeMarkdown, and only our own
// groundwork.openSource command is trusted in the Markdown.
import * as vscode from 'vscode';
import type { ClaimResult, DraftCitation, Evidence, Passage } from '../core';
import { footnoteTargets, resolveCitationKey } from '../core/citeFormat';
import { maxEvidence, severityFor } from './config';
import { claimAt, type DiagnosticsController } from './diagnostics';
import { clip, escapeMarkdown, openSourceLink, sourceName, usableEvidence } from './evidence';
import type { SourceIndex } from './sourceIndex';

const VERDICT_LABEL: Record<ClaimResult['verdict'], string> = {
  supported: '✓ supported by the sources',
  unsupported: '? not found in the sources',
  contradicted: '✗ contradicted by the sources',
  misquote: '✗ misquoted',
  disputed: '⚠ disputed: the sources disagree',
};

export class GroundworkHover implements vscode.HoverProvider {
  constructor(private readonly index: SourceIndex, private readonly diagnostics: DiagnosticsController) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    const result = this.diagnostics.resultFor(doc);
    if (!result || token.isCancellationRequested) return undefined;
    const offset = doc.offsetAt(pos);
    const citation = result.citations.find((c) => c.start <= offset && offset < c.end);
    if (citation) return this.citationHover(doc, citation, result.claims.find((c) => c.start <= citation.start && citation.end <= c.end));
    const claim = claimAt(result, offset);
    if (!claim) return undefined;
    const md = markdown();
    md.appendMarkdown(`**Groundwork** · ${VERDICT_LABEL[claim.verdict]}\n\n`);
    // The diagnostic's own hover already shows the message; repeat it only when that is turned off.
    if (claim.verdict !== 'supported' && severityFor(claim.verdict, doc.uri) === undefined) md.appendText(claim.message).appendMarkdown('\n\n');
    for (const fix of claim.fixes) md.appendMarkdown('→ ').appendText(fix.title).appendMarkdown('\n\n');
    const evidence = usableEvidence(claim.evidence, maxEvidence());
    if (!evidence.length) md.appendMarkdown('_No matching passage in the sources._');
    else if (claim.verdict === 'unsupported') md.appendMarkdown('Closest passages:\n\n');
    for (const e of evidence) appendPassage(md, e);
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(claim.start), doc.positionAt(claim.end)));
  }

  /** The passage a citation points at: footnotes by their definition's source and line, keys by file name. */
  private citationHover(doc: vscode.TextDocument, c: DraftCitation, claim: ClaimResult | undefined): vscode.Hover | undefined {
    const passage = this.citedPassage(doc, c, claim);
    const md = markdown();
    const label = c.kind === 'footnote' ? `[^${c.key}]` : c.kind === 'pandoc' ? `[@${c.key}]` : `\\cite{${c.key}}`;
    md.appendMarkdown('**Groundwork** · citation ').appendText(label).appendMarkdown('\n\n');
    if (passage) appendPassage(md, passage);
    else md.appendMarkdown('_This citation does not point at an indexed source._');
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(c.start), doc.positionAt(c.end)));
  }

  private citedPassage(doc: vscode.TextDocument, c: DraftCitation, claim: ClaimResult | undefined): Passage | undefined {
    let source: string | undefined;
    let line: number | undefined;
    if (c.kind === 'footnote') {
      const target = footnoteTargets(doc.getText()).get(c.key);
      source = target && (this.index.uriOf(target.source) ? target.source : resolveCitationKey(sourceName(target.source).replace(/\.[^.]*$/, ''), this.index.sourcePaths()));
      line = target?.line;
    } else {
      source = resolveCitationKey(c.key, this.index.sourcePaths());
      const m = /line\s+(\d+)/.exec(doc.getText(new vscode.Range(doc.positionAt(c.start), doc.positionAt(c.end))));
      line = m ? Number(m[1]) : undefined;
    }
    if (!source) return undefined;
    // The passages of that source that best match the citing sentence; the one at the cited line wins.
    const candidates: Evidence[] = [
      ...(claim?.evidence ?? []),
      ...(claim ? this.index.engine.evidenceFor(claim.text, 20) : []),
    ].filter((e) => e.source === source);
    const atLine = line === undefined ? undefined : candidates.find((e) => e.line <= line && line <= e.endLine);
    return atLine ?? candidates[0];
  }
}

function markdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('');
  md.isTrusted = { enabledCommands: ['groundwork.openSource'] };
  md.supportHtml = false;
  return md;
}

function appendPassage(md: vscode.MarkdownString, p: Passage): void {
  md.appendMarkdown('> ').appendText(clip(p.text, 400)).appendMarkdown('\n>\n> — ');
  md.appendMarkdown(`[${escapeMarkdown(`${sourceName(p.source)}, line ${p.line}`)}](${openSourceLink(p)} "Open the source at this passage")\n\n`);
}
