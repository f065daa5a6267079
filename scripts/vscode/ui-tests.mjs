#!/usr/bin/env node
// End-to-end UI tests: drives the real VS Code workbench (code-server in headless Chromium) as a
// writer would, with the extension loaded from this folder, and saves screenshots.
// Usage: node scripts/vscode/ui-tests.mjs [--shots DIR] [--keep]   Exit code: 0 all passed, 1 failures.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, ensureInstalled, startCodeServer, launchBrowser, makeRunDir, copyWorkspace } from './codeServer.mjs';
import { uiTests } from '../../test/integration/ui/workbench.ui.mjs';

const i = process.argv.indexOf('--shots');
const SHOTS = path.resolve(i >= 0 ? process.argv[i + 1] : path.join(ROOT, '.cache/vscode/screenshots'));
const KEEP = process.argv.includes('--keep') || !!process.env.GW_KEEP_RUN;

async function main() {
  const t0 = Date.now();
  ensureInstalled();
  fs.mkdirSync(SHOTS, { recursive: true });
  const runDir = makeRunDir('ui');
  const folder = copyWorkspace(path.join(ROOT, 'test/fixtures/workspace'), runDir);
  const server = await startCodeServer({ runDir, settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.hover.delay': 200 } });
  const browser = await launchBrowser(runDir, { width: 1400, height: 860 });
  const page = browser.pages()[0] ?? await browser.newPage();
  let passed = 0;
  let failed = 0;
  const test = async (name, fn) => {
    const t = Date.now();
    try {
      await fn();
      passed++;
      console.log(`  ✔ ${name} (${Date.now() - t} ms)`);
    } catch (e) {
      failed++;
      console.log(`  ✖ ${name}\n    ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n    ')}`);
      await page.screenshot({ path: path.join(SHOTS, `failed-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
    }
  };
  const shot = (name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  try {
    console.log(`[vscode-ui] code-server on ${server.host}; screenshots in ${SHOTS}`);
    await page.goto(server.url({ folder, extensionPath: ROOT }));
    await uiTests({ page, test, shot, folder });
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  console.log(`[vscode-ui] ${((Date.now() - t0) / 1000).toFixed(1)} s${failed || KEEP ? `; logs in ${runDir}` : ''}`);
  if (!failed && !KEEP) fs.rmSync(runDir, { recursive: true, force: true });
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => { console.error('[vscode-ui] runner error:', e); process.exit(2); });
