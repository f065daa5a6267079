// `npm run bench:panel`: the quote panel's search per keystroke, end to end in a real VS Code
// (code-server and headless Chromium): the bench corpus as the workspace's sources, phrases of the
// bench draft typed into the panel a letter at a time. For each keystroke, the time from the input
// event in the webview to the first change of its result list: the message to the extension host,
// the search, the answer and the rendering. For reference, the same round trip with no search (an
// empty box, answered at once): the transport alone. Run `npm run bench` first (it assembles the corpus).
// Writes bench/panel-results.json and bench/panel-results.md.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR, copyIndexedSources } from './corpus.mjs';
import { fmt, pct, typedPhrases } from './lib.mjs';
import { ROOT, ensureInstalled, launchBrowser, makeRunDir, startCodeServer } from '../scripts/vscode/codeServer.mjs';

const T = 120_000;
const FLOOR_P95 = 15;
const runDir = makeRunDir('bench-panel');
const ws = join(runDir, 'workspace');
const files = copyIndexedSources(ws);
if (!files) {
  console.error(`bench:panel: no ${join(CORPUS_DIR, 'indexed.json')}: run \`npm run bench\` first (it assembles the corpus)`);
  process.exit(2);
}
const draft = readFileSync(join(CORPUS_DIR, 'draft.md'), 'utf8');
// The same phrases bench:extension types into the palette.
const phrases = typedPhrases(draft);

console.error('bench:panel: building the extension');
execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
ensureInstalled();
const server = await startCodeServer({ runDir });
const browser = await launchBrowser(runDir, { width: 1400, height: 860 });
let code = 1;
try {
  const page = browser.pages()[0] ?? await browser.newPage();
  await page.goto(server.url({ folder: ws, extensionPath: ROOT }));
  await page.waitForSelector('.monaco-workbench', { timeout: T });
  const t0 = Date.now();
  await page.locator('.statusbar-item', { hasText: `${files.length} sources` }).first().waitFor({ timeout: 10 * T });
  const indexS = (Date.now() - t0) / 1000;

  await page.keyboard.press('F1');
  const palette = page.locator('.quick-input-widget input');
  await palette.waitFor({ state: 'visible', timeout: T });
  await palette.fill('>Groundwork: Open Quote Panel');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Quote Panel' }).first().waitFor({ timeout: T });
  await page.keyboard.press('Enter');
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  const input = frame.locator('#query');
  await input.waitFor({ timeout: T });
  await input.click();
  // Timestamps in the webview's own clock: each input event, each change of the result list.
  await input.evaluate((el) => {
    const w = /** @type {any} */ (window);
    w.gwBench = { inputs: [], answers: [], renders: [] };
    el.addEventListener('input', () => w.gwBench.inputs.push(performance.now()));
    window.addEventListener('message', (e) => { if (e.data?.type === 'results') w.gwBench.answers.push(performance.now()); });
    new MutationObserver(() => w.gwBench.renders.push(performance.now())).observe(document.getElementById('results'), { childList: true, subtree: true });
  });

  const latencies = [];
  const roundTrips = [];
  let missed = 0;
  for (const phrase of phrases) {
    await input.fill('');
    await page.waitForTimeout(300);
    await input.evaluate(() => { const w = /** @type {any} */ (window); w.gwBench.inputs = []; w.gwBench.answers = []; w.gwBench.renders = []; });
    // A writer's pace (about 6 keys a second): each answer can arrive before the next key.
    await input.pressSequentially(phrase, { delay: 150 });
    await page.waitForTimeout(500);
    const { inputs, answers, renders } = await input.evaluate(() => /** @type {any} */ (window).gwBench);
    inputs.forEach((at, i) => {
      const next = inputs[i + 1] ?? Infinity;
      const shown = renders.find((r) => r >= at && r < next);
      const answered = answers.find((r) => r >= at && r < next);
      if (shown === undefined || answered === undefined) missed++;
      else {
        latencies.push(shown - at);
        roundTrips.push(answered - at);
      }
    });
  }

  // The transport alone: the same round trip with no search. An empty box (or a space) is answered at
  // once with a hint, since no editor is open: what code-server's webview path costs by itself.
  await input.fill('');
  await page.waitForTimeout(300);
  await input.evaluate(() => { const w = /** @type {any} */ (window); w.gwBench.inputs = []; w.gwBench.answers = []; w.gwBench.renders = []; });
  for (let i = 0; i < 80; i++) {
    await input.fill(i % 2 ? '' : ' ');
    await page.waitForTimeout(100);
  }
  const echo = [];
  {
    const { inputs, answers } = await input.evaluate(() => /** @type {any} */ (window).gwBench);
    inputs.forEach((at, i) => {
      const answered = answers.find((r) => r >= at && r < (inputs[i + 1] ?? Infinity));
      if (answered !== undefined) echo.push(answered - at);
    });
  }

  const stats = { n: latencies.length, missed, p50: pct(latencies, 50), p95: pct(latencies, 95), max: pct(latencies, 100) };
  const answer = { p50: pct(roundTrips, 50), p95: pct(roundTrips, 95) };
  const transport = { n: echo.length, p50: pct(echo, 50), p95: pct(echo, 95), max: pct(echo, 100) };
  const result = { date: new Date().toISOString(), sources: files.length, indexS, phrases, latencies, roundTrips, answer, transport, ...stats };
  writeFileSync(join(ROOT, 'bench/panel-results.json'), JSON.stringify(result, null, 1));
  const md = [
    '# Groundwork quote panel benchmark',
    '',
    `${result.date} · code-server (VS Code) and headless Chromium · ${files.length} sources (the bench corpus), indexed in ${fmt(indexS)} s in the extension`,
    '',
    '| floor | measured | result |',
    '|---|---|---|',
    `| panel search p95 < ${FLOOR_P95} ms per keystroke, keystroke to rendered results | p50 ${fmt(stats.p50)} · p95 ${fmt(stats.p95)} · max ${fmt(stats.max)} ms (${stats.n} keystrokes; ${missed} whose answer came after the next key or not at all). The answer reaches the webview after p50 ${fmt(answer.p50)} · p95 ${fmt(answer.p95)} ms | ${stats.p95 < FLOOR_P95 ? 'PASS' : 'FAIL'} |`,
    `| (reference) the same round trip with no search: an empty box answered at once | p50 ${fmt(transport.p50)} · p95 ${fmt(transport.p95)} · max ${fmt(transport.max)} ms (${transport.n} keystrokes): what the webview's messages cost through code-server here | – |`,
    '',
    `From the input event in the webview to the first change of its result list: the message to the extension host (through code-server here), the search over all passages, the answer and the rendering. The search itself is timed by bench:engine and, in the extension host, bench:extension. Phrases (typed at 150 ms a key): ${phrases.map((p) => `“${p}”`).join(', ')}.`,
  ].join('\n');
  writeFileSync(join(ROOT, 'bench/panel-results.md'), md + '\n');
  console.log(md);
  code = 0;
} catch (e) {
  console.error(`bench:panel: ${e?.stack ?? e}; logs in ${runDir}`);
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
if (code === 0 && !process.env.GW_KEEP_RUN) rmSync(runDir, { recursive: true, force: true });
process.exit(code);
