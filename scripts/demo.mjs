#!/usr/bin/env node
// The main job on the bundled example workspace: `groundwork check --all` on examples/newsroom,
// printed as a writer would see it in a terminal. Exits 0 when the check ran (the example draft
// has problems on purpose; `groundwork check` itself exits 1 for them).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const ws = join(root, 'examples', 'newsroom');
const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', '--all', 'draft.md'], { cwd: ws, stdio: 'inherit' });
process.exit(r.status === 0 || r.status === 1 ? 0 : r.status ?? 2);
