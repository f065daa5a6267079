import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './args';

export interface ProjectConfig {
  /** Folder the config was found in (sources are relative to it). */
  root: string;
  sources: string[];
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
      return { root: dir, sources: list.map((s) => (path.isAbsolute(s) ? s : path.join(dir, s))) };
    }
    if (path.dirname(dir) === dir) break;
  }
  return { root: cwd, sources: [path.join(cwd, 'sources')] };
}
