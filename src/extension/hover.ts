// Hover: a claim's verdict with its best passages, or the passage an existing citation cites.
// Source text is untrusted: it goes through appendText / escapeMarkdown, and only our own
// groundwork.openSource command is trusted in the Markdown.
import * as vscode from 'vscode';
import { locationLabel, type ClaimResult, type DraftCitation, type Evidence, type Passage } from '../core';
import { displayName, pageOf, resolveCitation, type BibEntry } from '../core/bibliography';
import { readableDate } from '../core/citeFormat';
import { maxEvidence, severityFor } from './config';
import { claimAt, type DiagnosticsController } from './diagnostics';
import { clip, escapeMarkdown, openSourceLink, sourceName, usableEvidence } from './evidence';
import type { SourceIndex } from './sourceIndex';
import { RecentTimes } from './timings';

const VERDICT_LABEL: Record<ClaimResult['verdict'], string> = {
  supported: '✓ supported by the sources',
  unsupported: '? not found in the sources',
  contradicted: '✗ contradicted by the sources',
  misquote: '✗ misquoted',
  disputed: '⚠ disputed: the sources disagree',
};

export class GroundworkHover implements vscode.HoverProvider {
  /** Time spent in the latest hovers, for benchmarks. */
  readonly times = new RecentTimes();

  constructor(private readonly index: SourceIndex, private readonly diagnostics: DiagnosticsController) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    return this.times.time(() => this.hover(doc, pos, token));
  }

  private hover(doc: vscode.TextDocument, pos: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    const result = this.diagnostics.resultAt(doc, new vscode.Range(pos, pos));
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

  /**
   * The passage a citation points at and its bibliography entry: keys through the bibliography (else
   * by file name), footnotes by their definition (a key, a title, or a source file and line).
   */
  private citationHover(doc: vscode.TextDocument, c: DraftCitation, claim: ClaimResult | undefined): vscode.Hover | undefined {
    const target = resolveCitation(c, doc.getText(), this.diagnostics.bibliography.linkedFor(doc.uri));
    const passage = target.status === 'source' ? this.citedPassage(target.sources, target.line, target.page, claim) : undefined;
    const md = markdown();
    const label = c.kind === 'footnote' ? `[^${c.key}]` : c.kind === 'pandoc' ? `[@${c.key}]` : `\\cite{${c.key}}`;
    md.appendMarkdown('**Groundwork** · citation ').appendText(label).appendMarkdown('\n\n');
    const entry = target.status === 'source' || target.status === 'entry' ? target.entry : undefined;
    if (entry) appendEntry(md, entry);
    if (passage) appendPassage(md, passage);
    else if (target.status === 'unresolved') md.appendMarkdown('_Unresolved: ').appendText(target.reason).appendMarkdown('_');
    else if (target.status === 'entry') md.appendMarkdown('_No indexed source file matches this entry._');
    else if (target.status !== 'text') md.appendMarkdown('_This citation does not point at an indexed source._');
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(c.start), doc.positionAt(c.end)));
  }

  private citedPassage(sources: string[], line: number | undefined, page: number | undefined, claim: ClaimResult | undefined): Passage | undefined {
    // The passages of the cited sources that best match the citing sentence; the one at the cited page or line wins.
    const candidates: Evidence[] = [
      ...(claim?.evidence ?? []),
      ...(claim ? this.index.engine.evidenceFor(claim.text, 20) : []),
    ].filter((e) => sources.includes(e.source));
    const atPage = page === undefined ? undefined : candidates.find((e) => pageOf(e) === page);
    const atLine = line === undefined ? undefined : candidates.find((e) => e.line <= line && line <= e.endLine);
    if (atPage ?? atLine ?? candidates[0]) return atPage ?? atLine ?? candidates[0];
    // No passage of the cited source matches the sentence: show the cited line itself.
    if (line === undefined) return undefined;
    return sources.flatMap((s) => this.index.engine.passagesOf(s)).find((p) => p.line <= line && line <= p.endLine);
  }
}

function markdown(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('');
  md.isTrusted = { enabledCommands: ['groundwork.openSource'] };
  md.supportHtml = false;
  return md;
}

/** The entry's metadata: authors, title, container, date, and its URL or DOI as text (never a live link). */
function appendEntry(md: vscode.MarkdownString, e: BibEntry): void {
  const authors = e.authors.filter((a) => a.literal !== 'others').map(displayName);
  const who = authors.length > 3 ? `${authors.slice(0, 3).join(', ')} et al.` : authors.join(', ');
  if (who) md.appendText(who).appendMarkdown(' · ');
  md.appendMarkdown('*').appendText(e.title ?? e.key).appendMarkdown('*');
  if (e.container) md.appendMarkdown(' · ').appendText(e.container);
  if (e.date) md.appendMarkdown(' · ').appendText(readableDate(e.date));
  md.appendMarkdown('\n\n').appendText(`@${e.key}`);
  if (e.doi || e.url) md.appendMarkdown(' · ').appendText(e.doi ? `doi:${e.doi}` : e.url!);
  md.appendMarkdown('\n\n');
}

function appendPassage(md: vscode.MarkdownString, p: Passage): void {
  md.appendMarkdown('> ').appendText(clip(p.text, 400)).appendMarkdown('\n>\n> — ');
  md.appendMarkdown(`[${escapeMarkdown(`${sourceName(p.source)}, ${locationLabel(p)}`)}](${openSourceLink(p)} "Open the source at this passage")\n\n`);
}
