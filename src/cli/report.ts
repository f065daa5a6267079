/** The three report formats of `groundwork check`. */
import { LineIndex, VERDICTS, basename, locationLabel, type CheckResult, type ClaimResult, type Passage, type Verdict } from '../core';
import type { CitationFinding, CitationRule } from '../core/bibliography';

export interface FileReport {
  path: string;
  text: string;
  result: CheckResult;
  /** Problems with the draft's existing citations (unresolved, wrong source). */
  findings?: CitationFinding[];
}

function findingJson(lines: LineIndex, f: CitationFinding) {
  return {
    ...range(lines, f.start, f.end), rule: f.rule, kind: f.kind, key: f.key, message: f.message,
    ...(f.evidence?.length ? { evidence: f.evidence.slice(0, 3).map((v) => ({ source: v.source, line: v.line, column: v.column, endLine: v.endLine, endColumn: v.endColumn, text: v.text, score: v.score })) } : {}),
    ...(f.fixes.length ? { fixes: f.fixes.map((x) => ({ title: x.title, edits: x.edits.map((e) => ({ ...range(lines, e.start, e.end), replacement: e.text })) })) } : {}),
  };
}

export interface SourceSummary {
  path: string;
  passages: number;
}

export const FLAGGED: Verdict[] = ['unsupported', 'contradicted', 'misquote', 'disputed'];

export function isFlagged(c: ClaimResult): boolean {
  return c.verdict !== 'supported';
}

function claimJson(lines: LineIndex, c: ClaimResult) {
  const s = lines.at(c.start);
  const e = lines.at(c.end);
  return {
    line: s.line, column: s.column, endLine: e.line, endColumn: e.column,
    text: c.text, verdict: c.verdict, message: c.message,
    evidence: c.evidence.map((v) => ({ source: v.source, line: v.line, column: v.column, endLine: v.endLine, endColumn: v.endColumn, ...(v.page !== undefined ? { page: v.page } : {}), text: v.text, score: v.score })),
    ...(c.fixes.length ? { fixes: c.fixes.map((f) => ({ title: f.title, ...range(lines, f.start, f.end), replacement: f.replacement })) } : {}),
    ...(c.citations.length ? { citations: c.citations.map((k) => ({ kind: k.kind, key: k.key })) } : {}),
  };
}

function range(lines: LineIndex, start: number, end: number) {
  const s = lines.at(start);
  const e = lines.at(end);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

export function toJson(files: FileReport[], sources: SourceSummary[], problems: { source: string; message: string }[]): string {
  return JSON.stringify({
    version: 1,
    sources,
    ...(problems.length ? { problems } : {}),
    files: files.map((f) => {
      const lines = new LineIndex(f.text);
      return { path: f.path, claims: f.result.claims.map((c) => claimJson(lines, c)), ...(f.findings?.length ? { findings: f.findings.map((x) => findingJson(lines, x)) } : {}) };
    }),
  }, null, 2);
}

/** Source text is data: control characters (terminal escapes) never reach the terminal. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd');
}

export function toText(files: FileReport[], sources: SourceSummary[], all: boolean, color: boolean): string {
  const out: string[] = [];
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const colorOf: Record<Verdict, number> = { supported: 32, unsupported: 33, contradicted: 31, misquote: 31, disputed: 35 };
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  let citationProblems = 0;
  for (const f of files) {
    const lines = new LineIndex(f.text);
    const rows: { at: number; text: string[] }[] = [];
    for (const c of f.result.claims) {
      counts[c.verdict]++;
      if (!all && !isFlagged(c)) continue;
      const p = lines.at(c.start);
      const text = [`${f.path}:${p.line}:${p.column}  ${paint(colorOf[c.verdict], c.verdict)}  ${printable(c.message)}`];
      if (all && c.evidence[0]) text.push(`    ${basename(c.evidence[0].source)}:${c.evidence[0].line}${c.evidence[0].page !== undefined ? ` (${locationLabel(c.evidence[0])})` : ''}  ${printable(c.evidence[0].text.slice(0, 140))}`);
      rows.push({ at: c.start, text });
    }
    for (const x of f.findings ?? []) {
      citationProblems++;
      const p = lines.at(x.start);
      rows.push({ at: x.start, text: [`${f.path}:${p.line}:${p.column}  ${paint(x.rule === 'wrong-source' ? 33 : 31, x.rule)}  ${printable(x.message)}`] });
    }
    // Stable: a citation finding follows the claim it sits in.
    rows.sort((a, b) => a.at - b.at);
    for (const r of rows) out.push(...r.text);
  }
  const total = VERDICTS.reduce((n, v) => n + counts[v], 0);
  const flagged = total - counts.supported + citationProblems;
  const passages = sources.reduce((n, s) => n + s.passages, 0);
  out.push('');
  out.push(`${total} claim${total === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}: ` +
    VERDICTS.map((v) => `${counts[v]} ${v}`).join(', ') + ` (${sources.length} sources, ${passages} passages)`);
  if (citationProblems) out.push(`${citationProblems} citation problem${citationProblems === 1 ? '' : 's'}`);
  out.push(flagged ? `${flagged} problem${flagged === 1 ? '' : 's'} found` : 'no problems found');
  return out.join('\n');
}

const RULES: Record<Exclude<Verdict, 'supported'> | CitationRule, { name: string; short: string; full: string; level: 'error' | 'warning' | 'note' }> = {
  unsupported: { name: 'UnsupportedClaim', short: 'No source supports this claim', full: 'No passage of the sources says what this sentence claims.', level: 'warning' },
  contradicted: { name: 'ContradictedClaim', short: 'The sources say otherwise', full: 'A source says nearly the same thing with a different number, amount, date or name.', level: 'error' },
  misquote: { name: 'Misquote', short: 'The quotation is not what the source says', full: 'Text in quotation marks does not match any source word for word.', level: 'error' },
  disputed: { name: 'DisputedFact', short: 'The sources disagree', full: 'Sources disagree with each other on the fact this sentence states.', level: 'warning' },
  'unresolved-citation': { name: 'UnresolvedCitation', short: 'The citation leads nowhere', full: 'A citation key, footnote or cited file matches no bibliography entry and no source.', level: 'warning' },
  'wrong-source': { name: 'WrongSource', short: 'The cited source does not support the sentence', full: 'The sentence cites a source that does not say this, while another source does.', level: 'warning' },
};

export function toSarif(files: FileReport[], version: string): string {
  // The citation rules are listed when the run has citation findings.
  const ruleIds = (Object.keys(RULES) as (keyof typeof RULES)[])
    .filter((id) => (id !== 'unresolved-citation' && id !== 'wrong-source') || files.some((f) => f.findings?.some((x) => x.rule === id)));
  const results = [];
  for (const f of files) {
    const lines = new LineIndex(f.text);
    const result = (rule: keyof typeof RULES, start: number, end: number, message: string, snippet: string, evidence: readonly Passage[], key: string) => {
      const r = range(lines, start, end);
      return {
        ruleId: rule,
        ruleIndex: ruleIds.indexOf(rule),
        level: RULES[rule].level,
        message: { text: message },
        locations: [{ physicalLocation: { artifactLocation: { uri: toUri(f.path) }, region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn, snippet: { text: snippet } } } }],
        relatedLocations: evidence.slice(0, 3).map((e, i) => ({
          id: i + 1,
          message: { text: e.text.slice(0, 300) },
          physicalLocation: { artifactLocation: { uri: toUri(e.source) }, region: { startLine: e.line, startColumn: e.column, endLine: e.endLine, endColumn: e.endColumn } },
        })),
        partialFingerprints: { claimText: fingerprint(key) },
      };
    };
    for (const c of f.result.claims) {
      if (c.verdict !== 'supported') results.push(result(c.verdict, c.start, c.end, c.message, c.text, c.evidence, c.text));
    }
    for (const x of f.findings ?? []) {
      const snippet = f.text.slice(x.start, x.end);
      results.push(result(x.rule, x.start, x.end, x.message, snippet, x.evidence ?? [], `${x.rule}:${x.key}:${snippet}`));
    }
  }
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Groundwork', version, semanticVersion: version, informationUri: 'https://github.com/groundwork/groundwork',
        rules: ruleIds.map((id) => ({ id, name: RULES[id].name, shortDescription: { text: RULES[id].short }, fullDescription: { text: RULES[id].full },
          helpUri: `https://github.com/groundwork/groundwork/blob/main/docs/verdicts.md#${id}`, defaultConfiguration: { level: RULES[id].level } })) } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  }, null, 2);
}

function toUri(p: string): string {
  return p.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
}

/** A stable fingerprint of the claim text (FNV-1a), so code scanning tracks a finding across edits elsewhere. */
function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}
