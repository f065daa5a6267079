/** Command-line parsing for `groundwork`: small and strict, so mistakes get a clear message. */

export type Format = 'text' | 'json' | 'sarif';

export interface CheckArgs {
  command: 'check';
  sources: string[];
  /** .bib / CSL-JSON files (default: the "bibliography" of groundwork.json). */
  bibliography: string[];
  format: Format;
  files: string[];
  language?: 'markdown' | 'plaintext' | 'latex';
  all: boolean;
}

export interface SearchArgs {
  command: 'search';
  sources: string[];
  query: string;
  limit: number;
  format: Format;
}

export type ReferenceStyleArg = 'author-date' | 'numeric';

export interface ReferencesArgs {
  command: 'references';
  sources: string[];
  bibliography: string[];
  files: string[];
  style?: ReferenceStyleArg;
  language?: 'markdown' | 'plaintext' | 'latex';
  /** Write the section into the draft instead of printing it. */
  write: boolean;
}

export type Args = CheckArgs | SearchArgs | ReferencesArgs | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage:
  groundwork check [--sources PATH]... [--format text|json|sarif] [--language markdown|plaintext|latex] [--all] FILE...
  groundwork search [--sources PATH]... [--limit N] [--format text|json] QUERY...
  groundwork references [--sources PATH]... [--bibliography FILE]... [--style author-date|numeric] [--write] FILE
  groundwork --help | --version

check: --bibliography FILE (.bib or CSL-JSON, repeatable; default: "bibliography" of groundwork.json)
links citation keys to sources; citations that resolve to nothing, or that cite a source which does
not support the sentence while another one does, are reported too.
references: prints the "## References" section for the draft's citations (--write puts it into the
draft); the style comes from --style or "references" in groundwork.json.

Checks every claim in the drafts against the sources (folders, files or globs; default: the
"sources" of groundwork.json, else ./sources). Exit code: 0 nothing flagged, 1 a claim is
unsupported, contradicted, misquoted or disputed, or a citation is unresolved or cites the wrong
source, 2 usage error or missing file.`;

export function parseArgs(argv: string[]): Args {
  if (!argv.length) throw new UsageError('no command given');
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version' || argv[0] === '-v') return { command: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'search' && command !== 'references') throw new UsageError(`unknown command "${command}"`);
  const sources: string[] = [];
  const bibliography: string[] = [];
  let style: ReferenceStyleArg | undefined;
  let write = false;
  const positional: string[] = [];
  let format: Format = 'text';
  let language: CheckArgs['language'];
  let limit = 10;
  let all = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = (name: string): string => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
      return v;
    };
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    if (name === '--sources' || name === '-s') sources.push(value(name));
    else if (name === '--bibliography' || name === '-b') bibliography.push(value(name));
    else if (name === '--style' && command === 'references') {
      const v = value(name);
      if (v !== 'author-date' && v !== 'numeric') throw new UsageError(`--style must be author-date or numeric, not "${v}"`);
      style = v;
    } else if (name === '--write' && command === 'references') write = true;
    else if (name === '--format' || name === '-f') {
      const v = value(name);
      if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${v}"`);
      format = v;
    } else if (name === '--language') {
      const v = value(name);
      if (v !== 'markdown' && v !== 'plaintext' && v !== 'latex') throw new UsageError(`--language must be markdown, plaintext or latex, not "${v}"`);
      language = v;
    } else if (name === '--limit') {
      limit = Number(value(name));
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive whole number');
    } else if (name === '--all') all = true;
    else if (name === '--help' || name === '-h') return { command: 'help' };
    else if (a === '--') positional.push(...rest.slice(i + 1)), (i = rest.length);
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option "${a}"`);
    else positional.push(a);
  }
  if (command === 'search') {
    if (!positional.length) throw new UsageError('search needs a QUERY');
    if (format === 'sarif') throw new UsageError('--format for search must be text or json');
    return { command, sources, query: positional.join(' '), limit, format };
  }
  if (command === 'references') {
    if (positional.length !== 1) throw new UsageError('references needs exactly one FILE');
    return { command, sources, bibliography, files: positional, write, ...(style ? { style } : {}), ...(language ? { language } : {}) };
  }
  if (!positional.length) throw new UsageError('check needs at least one FILE');
  return { command, sources, bibliography, format, files: positional, all, ...(language ? { language } : {}) };
}
