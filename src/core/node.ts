/**
 * Node-only helpers: finding source files from folders and globs and feeding them to an engine.
 * Kept apart from the engine so that the core itself needs no file system.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Engine } from './engine';
import type { SourceProblem } from './types';
import { MAX_SOURCE_BYTES } from './sources/decode';
import { extractDocument, needsAsyncExtraction } from './formats';

export const SOURCE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.text', '.pdf', '.docx'];

export interface LoadOptions {
  signal?: AbortSignal;
  onProgress?: (file: string, done: number, total: number) => void;
  /** Extensions to pick up when walking folders. */
  extensions?: string[];
}

/** Whether a pattern uses glob syntax. */
export function isGlob(pattern: string): boolean {
  return /[*?[\]{}]/.test(pattern);
}

/** Converts a glob (`**`, `*`, `?`, `{a,b}`) to an anchored regular expression over '/'-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += glob[i + 2] === '/' ? '(?:[^/]*/)*' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, close).split(',').map(escapeRe).join('|') + ')';
        i = close;
      }
    } else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

async function walk(dir: string, out: string[], signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return;
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await walk(full, out, signal);
    else if (e.isFile()) out.push(full);
    // A symlinked file is a source like any other (a broken link is reported when read); symlinked
    // folders are not followed, so a link cycle cannot trap the walk.
    else if (e.isSymbolicLink()) {
      const st = await fs.stat(full).catch(() => undefined);
      if (!st || st.isFile()) out.push(full);
    }
  }
}

/**
 * Expands folders, files and globs to source files. A folder yields the files with a source
 * extension under it; a glob is matched against paths relative to `cwd`. Missing folders or files
 * are returned in `missing`.
 */
export async function findSourceFiles(patterns: string[], cwd = process.cwd(), extensions = SOURCE_EXTENSIONS): Promise<{ files: string[]; missing: string[] }> {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const pattern of patterns) {
    if (isGlob(pattern)) {
      const normalized = pattern.replace(/\\/g, '/');
      const base = normalized.slice(0, normalized.search(/[*?[{]/)).replace(/[^/]*$/, '') || '.';
      const baseAbs = path.resolve(cwd, base);
      const re = globToRegExp(path.isAbsolute(normalized) ? normalized : path.posix.join(cwd.replace(/\\/g, '/'), normalized));
      const found: string[] = [];
      try {
        await walk(baseAbs, found);
      } catch {
        missing.push(pattern);
        continue;
      }
      for (const f of found) if (re.test(f.replace(/\\/g, '/'))) files.add(f);
      continue;
    }
    const abs = path.resolve(cwd, pattern);
    try {
      const st = await fs.stat(abs);
      if (st.isDirectory()) {
        const found: string[] = [];
        await walk(abs, found);
        for (const f of found) if (extensions.includes(path.extname(f).toLowerCase())) files.add(f);
      } else files.add(abs);
    } catch {
      missing.push(pattern);
    }
  }
  return { files: [...files].sort(), missing };
}

/** Reads the files and adds them to the engine one by one; unreadable files are reported, not fatal. */
export async function loadFiles(engine: Engine, files: string[], options: LoadOptions = {}, displayPath: (f: string) => string = (f) => f): Promise<{ loaded: number; problems: SourceProblem[] }> {
  const problems: SourceProblem[] = [];
  let loaded = 0;
  for (let i = 0; i < files.length; i++) {
    if (options.signal?.aborted) break;
    const file = files[i]!;
    const shown = displayPath(file);
    let bytes: Uint8Array;
    try {
      // Devices, pipes and huge files are not sources: never read them (`--sources /dev/zero`).
      const st = await fs.stat(file);
      if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
      if (st.size > MAX_SOURCE_BYTES) throw Object.assign(new Error('too large'), { code: `larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB` });
      bytes = await fs.readFile(file);
    } catch (e) {
      const problem = { source: shown, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
      engine.reportProblem(problem);
      problems.push(problem);
      continue;
    }
    // PDF and DOCX are extracted asynchronously; text, Markdown and HTML go straight in.
    const problem = needsAsyncExtraction(file) ? engine.addExtracted(shown, await extractDocument(shown, bytes)) : engine.addSource(shown, bytes);
    if (problem) problems.push(problem);
    else loaded++;
    options.onProgress?.(shown, i + 1, files.length);
    // Yield now and then so an editor host stays responsive while a large folder indexes.
    if (i % 20 === 19) await new Promise((r) => setImmediate(r));
  }
  return { loaded, problems };
}

/** Finds and loads sources from folders/globs in one call. */
export async function loadSources(engine: Engine, patterns: string[], options: LoadOptions & { cwd?: string } = {}): Promise<{ loaded: number; problems: SourceProblem[]; missing: string[] }> {
  const { files, missing } = await findSourceFiles(patterns, options.cwd, options.extensions);
  const cwd = options.cwd ?? process.cwd();
  const result = await loadFiles(engine, files, options, (f) => relativeOrAbsolute(cwd, f));
  return { ...result, missing };
}

export function relativeOrAbsolute(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
