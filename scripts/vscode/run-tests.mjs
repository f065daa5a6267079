#!/usr/bin/env node
// Runs the extension's integration suite (mocha) inside the Node extension host of a real VS Code
// (code-server's web workbench in headless Chromium), the way @vscode/test-electron runs it, and
// exits with the suite's result: 0 all passed, 1 failures, 124 timed out, 2 runner error.
//
// Usage: node scripts/vscode/run-tests.mjs [--ext DIR] [--tests MODULE] [--workspace DIR]
//          [--env '{"K":"V"}'] [--timeout SECONDS] [--keep]
// The workspace is copied to a temporary folder first (tests edit it). The workbench calls
// window.codeAutomationExit(code) when the suite's run() settles; the suite tees mocha's output to
// $GW_TEST_REPORT (see test/integration/reportTee.ts) because the extension host's console is not ours.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, ensureInstalled, startCodeServer, launchBrowser, makeRunDir, copyWorkspace } from './codeServer.mjs';

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
}
const EXT = path.resolve(arg('ext', ROOT));
const TESTS = path.resolve(arg('tests', path.join(ROOT, 'dist/test/integration/index.js')));
const WORKSPACE = path.resolve(arg('workspace', path.join(ROOT, 'test/fixtures/workspace')));
const TIMEOUT_S = Number(arg('timeout', process.env.GW_TEST_TIMEOUT || '300'));
const KEEP = process.argv.includes('--keep') || !!process.env.GW_KEEP_RUN;
const VERBOSE = !!process.env.GW_VERBOSE;

async function main() {
  const t0 = Date.now();
  ensureInstalled();
  if (!fs.existsSync(TESTS)) throw new Error(`no test bundle at ${TESTS}: run the build first`);
  const runDir = makeRunDir('test');
  const report = path.join(runDir, 'report.txt');
  const folder = fs.statSync(WORKSPACE).isDirectory() ? copyWorkspace(WORKSPACE, runDir) : WORKSPACE;
  const extEnv = { ...JSON.parse(arg('env', '{}')), GW_TEST_REPORT: report, GW_TEST_WORKSPACE: folder };
  // The extension host inherits code-server's environment, so @vscode/test-electron's extensionTestsEnv
  // (already in process.env when called through the shim) reaches it too.
  const server = await startCodeServer({ runDir });
  let browser;
  let result = { code: 2 };
  const errors = [];
  try {
    browser = await launchBrowser(runDir);
    const page = browser.pages()[0] ?? await browser.newPage();
    const raw = fs.createWriteStream(path.join(runDir, 'workbench-console.jsonl'));
    let finish;
    const done = new Promise((resolve) => (finish = resolve));
    // With the smoke-test driver on, the workbench forwards every console message here.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = (args ?? []).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      if (type === 'error') errors.push(line);
      raw.write(JSON.stringify([type, args]) + '\n');
      if (VERBOSE) console.log(`[workbench:${type}] ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish({ code }));
    page.on('pageerror', (e) => errors.push(`[pageerror] ${e.message}`));
    const url = server.url({ folder, extensionPath: EXT, testsPath: TESTS.replace(/\.js$/, ''), extEnv });
    console.log(`[vscode-test] code-server on ${server.host}; running ${path.relative(ROOT, TESTS)} in ${folder}`);
    await page.goto(url);
    const timer = setTimeout(() => finish({ code: 124 }), TIMEOUT_S * 1000);
    result = await done;
    clearTimeout(timer);
    await page.screenshot({ path: path.join(runDir, 'final.png') }).catch(() => {});
    raw.end();
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
  if (fs.existsSync(report)) process.stdout.write(fs.readFileSync(report, 'utf8'));
  else console.log(result.code === 0 ? '[vscode-test] no report (the tests module writes none)' : '[vscode-test] no report: the test runner did not start');
  if (result.code !== 0) {
    // e.g. the tests module could not be loaded; leave out the closed network's lookup failures
    // (and the native addons an --ignore-scripts install of code-server lacks: they only serve its logs)
    const shown = errors.filter((e) => !/ENOTFOUND|ERR_NAME_NOT_RESOLVED|EAI_AGAIN|open-vsx|marketplace|spdlog|watchdog|authentication provider/.test(e));
    if (shown.length) console.log('[vscode-test] errors logged by the workbench / extension host:');
    for (const e of shown.slice(0, 30)) console.log('  ' + e.split('\n').slice(0, 8).join('\n  '));
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`[vscode-test] ${result.code === 124 ? 'TIMED OUT' : 'finished'}: exit code ${result.code} after ${secs} s` +
    (result.code !== 0 || KEEP ? `; logs in ${runDir}` : ''));
  if (result.code === 0 && !KEEP) fs.rmSync(runDir, { recursive: true, force: true });
  return result.code;
}

main().then((code) => process.exit(code), (e) => { console.error('[vscode-test] runner error:', e); process.exit(2); });
