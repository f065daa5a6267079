import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './args';

export interface ProjectConfig {
  /** Folder the config was found in (sources are relative to it). */
  root: string;
  sources: string[];
  /** Bibliography files (.bib, CSL-JSON), absolute. */
  bibliography: string[];
  /** Reference-list style for `groundwork references`, or undefined (off). */
  references?: 'author-date' | 'numeric';
}

function stringList(v: unknown): string[] | undefined {
  return typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : undefined;
}

/** Reads the nearest groundwork.json from `cwd` upwards; without one, sources default to ./sources. */
export function readConfig(cwd: string): ProjectConfig {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'groundwork.json');
    if (existsSync(file)) {
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new UsageError(`${file} is not valid JSON: ${(e as Error).message}`);
      }
      const sources = (data as { sources?: unknown }).sources;
      const list = typeof sources === 'string' ? [sources] : Array.isArray(sources) ? sources.filter((s): s is string => typeof s === 'string') : ['sources'];
      const abs = (s: string) => (path.isAbsolute(s) ? s : path.join(dir, s));
      const bib = stringList((data as { bibliography?: unknown }).bibliography) ?? [];
      const refs = (data as { references?: unknown }).references;
      if (refs !== undefined && refs !== 'author-date' && refs !== 'numeric' && refs !== 'off' && refs !== false) {
        throw new UsageError(`${file}: "references" must be "author-date", "numeric" or "off"`);
      }
      return { root: dir, sources: list.map(abs), bibliography: bib.map(abs), ...(refs === 'author-date' || refs === 'numeric' ? { references: refs } : {}) };
    }
    if (path.dirname(dir) === dir) break;
  }
  return { root: cwd, sources: [path.join(cwd, 'sources')], bibliography: [] };
}
