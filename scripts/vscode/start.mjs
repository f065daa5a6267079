#!/usr/bin/env node
// `npm start`: opens the example workspace in a real VS Code with Groundwork loaded from this folder.
// Uses a desktop `code` on PATH when there is one, else code-server on 127.0.0.1 (installed on first
// use) and prints the address to open in a browser. Ctrl+C stops it.
// Usage: node scripts/vscode/start.mjs [WORKSPACE]   (default: examples/<first>/ or the test fixture)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, ensureInstalled, startCodeServer, makeRunDir } from './codeServer.mjs';

function defaultWorkspace() {
  const examples = path.join(ROOT, 'examples');
  const first = fs.existsSync(examples) && fs.readdirSync(examples, { withFileTypes: true }).find((d) => d.isDirectory());
  return first ? path.join(examples, first.name) : path.join(ROOT, 'test/fixtures/workspace');
}

const workspace = path.resolve(process.argv[2] ?? defaultWorkspace());
const desktop = !process.env.GW_USE_CODE_SERVER && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (desktop) {
  console.log(`[start] opening ${workspace} in VS Code with the extension from ${ROOT}`);
  spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, workspace], { stdio: 'inherit' });
} else {
  ensureInstalled();
  const runDir = makeRunDir('start');
  const server = await startCodeServer({ runDir });
  const url = server.url({ folder: workspace, extensionPath: ROOT });
  console.log(`[start] VS Code (code-server) is serving ${workspace} with Groundwork loaded.\n\n  Open: ${url}\n\nCtrl+C to stop.`);
  const stop = async () => { await server.stop(); fs.rmSync(runDir, { recursive: true, force: true }); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise(() => {});
}
