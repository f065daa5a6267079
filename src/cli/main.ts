/**
 * `groundwork`: the engine headless, for the terminal and CI. A thin adapter: it reads files, calls
 * the engine and prints one of the report formats.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { Engine, type DraftLanguage } from '../core';
import { findSourceFiles, loadFiles, relativeOrAbsolute } from '../core/node';
import { Bibliography, checkCitations, citedEntries, linkBibliography, referencesEdits, referencesSection } from '../core/bibliography';
import { applyEdits } from '../core/citeFormat';
import { parseArgs, UsageError, USAGE, type CheckArgs, type ReferencesArgs, type SearchArgs } from './args';
import { readConfig } from './config';
import { isFlagged, toJson, toSarif, toText, type FileReport, printable } from './report';

declare const GROUNDWORK_VERSION: string | undefined;
const VERSION = typeof GROUNDWORK_VERSION === 'string' ? GROUNDWORK_VERSION : '0.0.0-dev';

export function languageOf(file: string): DraftLanguage {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.tex' || ext === '.latex') return 'latex';
  if (ext === '.md' || ext === '.markdown' || ext === '.mdx') return 'markdown';
  return 'plaintext';
}

async function buildEngine(sourceArgs: string[], cwd: string, stderr: (s: string) => void, drafts: string[] = []): Promise<Engine> {
  const patterns = sourceArgs.length ? sourceArgs : readConfig(cwd).sources;
  const found = await findSourceFiles(patterns, cwd);
  // A draft is never its own evidence (e.g. --sources . with the draft in that folder).
  const own = new Set(drafts.map((d) => path.resolve(cwd, d)));
  const files = found.files.filter((f) => !own.has(path.resolve(f)));
  if (found.missing.length) throw new UsageError(`sources not found: ${found.missing.join(', ')}`);
  if (!files.length) throw new UsageError(`no source files in ${patterns.join(', ')}`);
  const engine = new Engine();
  const { problems } = await loadFiles(engine, files, {}, (f) => relativeOrAbsolute(cwd, f));
  for (const p of problems) stderr(`groundwork: skipped source ${p.source}: ${p.message}`);
  return engine;
}

/** Bibliography files larger than this are refused (a library of 10,000 entries is about 10 MB). */
const MAX_BIBLIOGRAPHY_BYTES = 64 * 1024 * 1024;

/** Reads the bibliography files (--bibliography, else groundwork.json's); problems go to stderr. */
function loadBibliography(paths: string[], cwd: string, err: (s: string) => void): Bibliography | undefined {
  const files = paths.length ? paths.map((p) => path.resolve(cwd, p)) : readConfig(cwd).bibliography;
  if (!files.length) return undefined;
  const bib = new Bibliography();
  for (const file of files) {
    const shown = relativeOrAbsolute(cwd, file);
    let text: string;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new UsageError(`bibliography ${shown} is not a file`);
      if (st.size > MAX_BIBLIOGRAPHY_BYTES) throw new UsageError(`bibliography ${shown} is larger than 64 MB`);
      text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file));
    } catch (e) {
      if (e instanceof UsageError) throw e;
      if (e instanceof TypeError) throw new UsageError(`bibliography ${shown} is not valid UTF-8 text`);
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' ? `bibliography not found: ${shown}` : `cannot read bibliography ${shown}: ${code ?? String(e)}`);
    }
    bib.add({ path: shown, text });
  }
  for (const p of bib.problems) err(`groundwork: ${p.file}:${p.line}: ${printable(p.message)}`);
  return bib;
}

async function runCheck(args: CheckArgs, cwd: string, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const drafts = readDrafts(args.files, cwd);
  const bibliography = loadBibliography(args.bibliography, cwd, err);
  const engine = await buildEngine(args.sources, cwd, err, args.files);
  const linked = linkBibliography(bibliography, engine.sourceList());
  const evidenceFor = (s: string, n: number) => engine.evidenceFor(s, n);
  const reports: FileReport[] = drafts.map((d) => {
    const result = engine.check(d.text, args.language ?? languageOf(d.path));
    return { path: d.path, text: d.text, result, findings: checkCitations(d.text, result, linked, { evidenceFor }) };
  });
  const sources = engine.sourceList().map((s) => ({ path: s.path, passages: s.passages }));
  if (args.format === 'json') out(toJson(reports, sources, engine.problems()));
  else if (args.format === 'sarif') out(toSarif(reports, VERSION));
  else out(toText(reports, sources, args.all, Boolean(process.stdout.isTTY) && !process.env['NO_COLOR']));
  return reports.some((r) => r.result.claims.some(isFlagged) || r.findings?.length) ? 1 : 0;
}

async function runReferences(args: ReferencesArgs, cwd: string, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const style = args.style ?? readConfig(cwd).references;
  if (!style) {
    throw new UsageError('the references list is off: pass --style author-date|numeric, or set "references": "author-date" (or "numeric") in groundwork.json');
  }
  const [draft] = readDrafts(args.files, cwd);
  const bibliography = loadBibliography(args.bibliography, cwd, err);
  if (!bibliography) throw new UsageError('references need a bibliography: pass --bibliography FILE or set "bibliography" in groundwork.json');
  const engine = await buildEngine(args.sources, cwd, err, args.files);
  const linked = linkBibliography(bibliography, engine.sourceList());
  const result = engine.check(draft!.text, args.language ?? languageOf(draft!.path));
  const section = referencesSection(citedEntries(draft!.text, result, linked), style);
  if (!args.write) return out(section.trimEnd()), 0;
  writeFileSync(path.resolve(cwd, draft!.path), applyEdits(draft!.text, referencesEdits(draft!.text, section)));
  err(`groundwork: wrote the references into ${draft!.path}`);
  return 0;
}

function readDrafts(files: string[], cwd: string): { path: string; text: string }[] {
  const drafts: { path: string; text: string }[] = [];
  for (const file of files) {
    const abs = path.resolve(cwd, file);
    let text: string;
    try {
      if (!statSync(abs).isFile()) throw new UsageError(`${file} is not a file`);
      const bytes = readFileSync(abs);
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      if (e instanceof TypeError) throw new UsageError(`draft ${file} is not valid UTF-8 text`); // TextDecoder, fatal
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' ? `draft not found: ${file}` : `cannot read draft ${file}: ${code ?? String(e)}`);
    }
    drafts.push({ path: file, text });
  }
  return drafts;
}

async function runSearch(args: SearchArgs, cwd: string, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const engine = await buildEngine(args.sources, cwd, err);
  const hits = engine.search(args.query, { limit: args.limit });
  if (args.format === 'json') out(JSON.stringify({ version: 1, query: args.query, results: hits.map(({ id: _id, chrome: _c, ...h }) => h) }, null, 2));
  else for (const h of hits) out(`${h.source}:${h.line}:${h.column}  ${h.score.toFixed(3)}  ${printable(h.text)}`);
  return 0;
}

/** Runs the CLI; returns the exit code (never throws). */
export async function main(argv: string[], cwd = process.cwd(), out = (s: string) => console.log(s), err = (s: string) => console.error(s)): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') return out(USAGE), 0;
    if (args.command === 'version') return out(VERSION), 0;
    if (args.command === 'references') return await runReferences(args, cwd, out, err);
    return args.command === 'check' ? await runCheck(args, cwd, out, err) : await runSearch(args, cwd, out, err);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`groundwork: ${e.message}`);
      if (/needs (?:a|at least|exactly)|unknown (?:command|option)|no command|--format|--style must/.test(e.message)) err(USAGE);
      return 2;
    }
    err(`groundwork: internal error: ${(e as Error).stack ?? String(e)}`);
    return 3;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
