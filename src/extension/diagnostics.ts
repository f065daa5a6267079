// Publishes one diagnostic per flagged claim of each open draft. Checks are debounced while typing;
// the engine re-checks only the sentences that changed (docKey = the document URI). Results computed
// for an older document version are dropped, so stale results never overwrite newer ones.
import * as vscode from 'vscode';
import type { CheckResult, ClaimResult, DraftLanguage } from '../core';
import { checkCitations, type CitationFinding } from '../core/bibliography';
import { BibliographyStore } from './bibliography';
import { checkDelay, citationSeverity, draftLanguage, maxEvidence, severityFor } from './config';
import { clip, passageLocation, sourceName, usableEvidence } from './evidence';
import { log } from './log';
import type { SourceIndex } from './sourceIndex';

/** A stepped check yields to the extension host after this long (ms): hovers and typing go on. */
const SLICE_MS = 50;
/** Below this an unsupported claim's nearest passage is noise, not evidence. */
const RELATED_MIN_SCORE = 0.35;

/** How a check went, in ms: how late it started, time in the engine, publishing, wall clock. */
export interface CheckTiming {
  claims: number;
  queuedMs: number;
  engineMs: number;
  publishMs: number;
  wallMs: number;
  /** Range checks (hovers, quick fixes) while the draft was not yet checked. */
  rangeChecks: { n: number; ms: number };
}

export interface DocResult {
  version: number;
  /** The controller's epoch when it was checked (a new index or bibliography starts a new one). */
  epoch: number;
  result: CheckResult;
  /** Problems with the draft's existing citations. */
  findings: CitationFinding[];
}

export class DiagnosticsController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('groundwork');
  private results = new Map<string, DocResult>();
  /** Bumped when every draft must be checked again; results of older epochs stay shown until replaced. */
  private epoch = 0;
  private timers = new Map<string, NodeJS.Timeout>();
  /** The latest stepped check of each document (a newer one abandons the older). */
  private runs = new Map<string, { run: number; version: number; engine: object }>();
  private runCount = 0;
  /** How the latest check went (claims; engine, publishing and wall-clock ms), for the log and benchmarks. */
  lastTiming: CheckTiming | undefined;
  /** Sentences judged for hovers and quick fixes ahead of a check (count, ms), since the last check. */
  private rangeChecks = { n: 0, ms: 0 };
  private readonly checked = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidCheck = this.checked.event;
  /** The bibliography of each workspace folder, linked to the sources. */
  readonly bibliography: BibliographyStore;

  constructor(private readonly index: SourceIndex, private readonly verdictDocs: vscode.Uri) {
    this.bibliography = new BibliographyStore(index, () => this.recheckAll());
  }

  /** The draft language of a document Groundwork checks, or undefined. */
  languageOf(doc: vscode.TextDocument): DraftLanguage | undefined {
    if (doc.uri.scheme === 'output' || doc.uri.scheme === 'vscode-userdata' || this.index.isSource(doc.uri)) return undefined;
    return draftLanguage(doc);
  }

  schedule(doc: vscode.TextDocument, delay = checkDelay()): void {
    if (!this.languageOf(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    const due = performance.now() + delay;
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); void this.checkInSteps(doc, due); }, delay));
  }

  /**
   * A scheduled check: the engine judges sentences for up to SLICE_MS per turn of the event loop, so
   * a long draft opened cold never blocks the extension host (hovers and typing go on in between). A newer run for
   * the document, an edit, closing it or a new index abandons the run.
   */
  private async checkInSteps(doc: vscode.TextDocument, due = performance.now()): Promise<void> {
    const language = this.languageOf(doc);
    if (!language || doc.isClosed || this.index.state !== 'ready') return;
    const key = doc.uri.toString();
    const version = doc.version;
    if (this.current(doc)) return;
    const engine = this.index.engine;
    // Opening a draft schedules it more than once (opened, then shown): one run per version and index.
    const running = this.runs.get(key);
    if (running?.version === version && running.engine === engine) return;
    const run = ++this.runCount;
    this.runs.set(key, { run, version, engine });
    const t0 = performance.now();
    const steps = engine.checkSteps(doc.getText(), language, key);
    let slice = performance.now();
    let busy = 0;
    let step = steps.next();
    while (!step.done) {
      if (performance.now() - slice > SLICE_MS) {
        busy += performance.now() - slice;
        await new Promise<void>((resolve) => setImmediate(resolve));
        const abandon = this.runs.get(key)?.run !== run || doc.isClosed || doc.version !== version || this.index.engine !== engine ||
          this.index.state !== 'ready' || this.current(doc) !== undefined; // (a command may have checked it meanwhile)
        if (abandon) {
          if (this.runs.get(key)?.run === run) this.runs.delete(key);
          return;
        }
        slice = performance.now();
      }
      step = steps.next();
    }
    if (this.runs.get(key)?.run === run) this.runs.delete(key);
    this.publishFor(doc, version, step.value, t0, busy + performance.now() - slice, t0 - due);
  }

  /** Checks now (or returns the result for the current version). Undefined for non-drafts. */
  check(doc: vscode.TextDocument): CheckResult | undefined {
    const language = this.languageOf(doc);
    if (!language || doc.isClosed || this.index.state !== 'ready') return undefined;
    const cached = this.current(doc);
    if (cached) return cached.result;
    const version = doc.version;
    const t0 = performance.now();
    const result = this.index.engine.check(doc.getText(), language, doc.uri.toString());
    this.publishFor(doc, version, result, t0, performance.now() - t0);
    return result;
  }

  /** Stores and publishes the result of checking one version of an open draft. */
  private publishFor(doc: vscode.TextDocument, version: number, result: CheckResult, t0: number, engineMs: number, queuedMs = 0): void {
    if (doc.isClosed || doc.version !== version) return;
    const t1 = performance.now();
    const findings = this.citationFindings(doc.uri, doc.getText(), result);
    this.results.set(doc.uri.toString(), { version, epoch: this.epoch, result, findings });
    this.collection.set(doc.uri, this.toDiagnostics(result, (o) => doc.positionAt(o), doc.uri, findings));
    const t2 = performance.now();
    this.lastTiming = { claims: result.claims.length, queuedMs, engineMs, publishMs: t2 - t1, wallMs: t2 - t0, rangeChecks: { ...this.rangeChecks } };
    this.rangeChecks = { n: 0, ms: 0 };
    log().debug(`checked ${vscode.workspace.asRelativePath(doc.uri)} v${version}: ${result.claims.length} claims in ${(t2 - t0).toFixed(1)} ms ` +
      `(engine ${engineMs.toFixed(1)} ms, diagnostics ${(t2 - t1).toFixed(1)} ms; started ${queuedMs.toFixed(1)} ms late)`);
    this.checked.fire(doc.uri);
  }

  /** The latest result for a document if it is for its current version (else re-checks now). */
  resultFor(doc: vscode.TextDocument): CheckResult | undefined {
    return this.check(doc);
  }

  /** The stored result if it is for the document's current version and up to date. */
  private current(doc: vscode.TextDocument): DocResult | undefined {
    const r = this.shown(doc);
    return r?.epoch === this.epoch ? r : undefined;
  }

  /** The result whose diagnostics the document shows, if it is for its current version (maybe being re-checked). */
  private shown(doc: vscode.TextDocument): DocResult | undefined {
    const r = this.results.get(doc.uri.toString());
    return r?.version === doc.version ? r : undefined;
  }

  /**
   * The claims overlapping a range, with the draft's citations: the current result when there is
   * one, else only those claims judged now (a hover or a quick fix must not wait for, nor force, a
   * check of the whole draft: VS Code asks for code actions on every cursor move).
   */
  resultAt(doc: vscode.TextDocument, range: vscode.Range): CheckResult | undefined {
    const current = this.current(doc);
    if (current) return current.result;
    const language = this.languageOf(doc);
    if (!language || this.index.state !== 'ready') return undefined;
    const t = performance.now();
    const result = this.index.engine.checkRange(doc.getText(), language, doc.offsetAt(range.start), doc.offsetAt(range.end), doc.uri.toString());
    this.rangeChecks.n++;
    this.rangeChecks.ms += performance.now() - t;
    return result;
  }

  /**
   * The citation findings for a range: those the document's diagnostics show (while a re-check runs,
   * the previous check's, so each keeps its quick fix), else, when this version has not been checked
   * yet, those of `atRange` (what resultAt() gave for the range).
   */
  findingsAt(doc: vscode.TextDocument, atRange: CheckResult): CitationFinding[] {
    return this.shown(doc)?.findings ?? this.citationFindings(doc.uri, doc.getText(), atRange);
  }

  /** Unresolved citations and citations of the wrong source. */
  citationFindings(uri: vscode.Uri, text: string, result: CheckResult): CitationFinding[] {
    try {
      return checkCitations(text, result, this.bibliography.linkedFor(uri), { evidenceFor: (s, n) => this.index.engine.evidenceFor(s, n) });
    } catch (e) {
      log().error(`citation check failed: ${e instanceof Error ? e.stack : e}`);
      return [];
    }
  }

  /** Publishes results for a draft that is not open (Check Workspace). */
  publish(uri: vscode.Uri, result: CheckResult, positionAt: (offset: number) => vscode.Position, text?: string): number {
    const diags = this.toDiagnostics(result, positionAt, uri, text === undefined ? [] : this.citationFindings(uri, text, result));
    this.collection.set(uri, diags);
    this.checked.fire(uri);
    return diags.length;
  }

  /** Re-checks every open draft (after the index changed). */
  recheckAll(): void {
    this.epoch++;
    this.runs.clear(); // runs in flight see they are superseded and stop
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.runs.delete(key);
    this.results.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.bibliography.dispose();
    this.collection.dispose();
    this.checked.dispose();
  }

  private toDiagnostics(result: CheckResult, positionAt: (o: number) => vscode.Position, scope: vscode.Uri, findings: CitationFinding[] = []): vscode.Diagnostic[] {
    const out: vscode.Diagnostic[] = [];
    for (const f of findings) {
      const severity = citationSeverity(f.rule, scope);
      if (severity === undefined) continue;
      const d = new vscode.Diagnostic(new vscode.Range(positionAt(f.start), positionAt(f.end)), f.message, severity);
      d.source = 'groundwork';
      d.code = { value: f.rule, target: this.verdictDocs.with({ fragment: f.rule }) };
      d.relatedInformation = (f.evidence ?? []).slice(0, maxEvidence()).flatMap((e) => {
        const loc = passageLocation(this.index, e);
        return loc ? [new vscode.DiagnosticRelatedInformation(loc, `${sourceName(e.source)}:${e.line}: “${clip(e.text, 160)}”`)] : [];
      });
      out.push(d);
    }
    for (const claim of result.claims) {
      if (claim.verdict === 'supported') continue;
      const severity = severityFor(claim.verdict, scope);
      if (severity === undefined) continue;
      const d = new vscode.Diagnostic(new vscode.Range(positionAt(claim.start), positionAt(claim.end)), claim.message, severity);
      d.source = 'groundwork';
      d.code = { value: claim.verdict, target: this.verdictDocs.with({ fragment: claim.verdict }) };
      d.relatedInformation = this.related(claim);
      out.push(d);
    }
    return out;
  }

  private related(claim: ClaimResult): vscode.DiagnosticRelatedInformation[] {
    const out: vscode.DiagnosticRelatedInformation[] = [];
    // For an unsupported claim only passages that come close are worth a jump.
    const min = claim.verdict === 'unsupported' ? RELATED_MIN_SCORE : 0;
    for (const e of usableEvidence(claim.evidence, maxEvidence()).filter((x) => x.score >= min)) {
      const loc = passageLocation(this.index, e);
      if (loc) out.push(new vscode.DiagnosticRelatedInformation(loc, `${sourceName(e.source)}:${e.line}: “${clip(e.text, 160)}”`));
    }
    return out;
  }
}

/** The claim of a result that covers an offset (or the one a range starts in). */
export function claimAt(result: CheckResult, offset: number): ClaimResult | undefined {
  return result.claims.find((c) => c.start <= offset && offset <= c.end);
}
