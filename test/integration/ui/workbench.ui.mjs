// UI tests over the real workbench (see scripts/vscode/ui-tests.mjs). Selectors are scoped to
// .part.editor because the chat input is a Monaco editor too; Monaco renders spaces as U+00A0.
import assert from 'node:assert/strict';

const T = 30_000;
const norm = (s) => (s ?? '').replace(/\u00a0/g, ' ');

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: T });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: T });
  await page.keyboard.press('Enter');
}

async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: T });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: T });
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelector('.part.editor .tab.active')?.textContent?.includes(n), name, { timeout: T });
}

/** The editor's view line that contains `text`. */
function line(page, text) {
  return page.locator('.part.editor .monaco-editor .view-line', { hasText: text }).first();
}

/** Puts the mouse (and optionally the cursor) on a word of a line, found by its text. */
async function pointAt(page, lineText, word, { click = false } = {}) {
  const l = line(page, lineText);
  await l.waitFor({ timeout: T });
  const box = await l.evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent.replace(/\u00a0/g, ' ').indexOf(w);
      if (at >= 0) {
        const r = document.createRange();
        r.setStart(n, at); r.setEnd(n, at + w.length);
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
    }
    return null;
  }, word);
  assert.ok(box, `"${word}" is on the line "${lineText}"`);
  await page.mouse.move(box.x, box.y);
  if (click) await page.mouse.click(box.x, box.y);
  return box;
}

function panelFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

export async function uiTests({ page, test, shot }) {
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  // the extension's status bar item says the index is ready
  await page.locator('.statusbar-item', { hasText: '3 sources' }).first().waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('.statusbar-item [aria-label*="built from the files"]').count(), 1, 'first start builds the index');

  await test('a draft shows squiggles, and hovering a claim shows its verdict and evidence', async () => {
    await openFile(page, 'article.md');
    await page.locator('.part.editor .squiggly-error').first().waitFor({ timeout: T });
    let text = '';
    // wait for our hover part, not only the diagnostic's (which also says "contradicted")
    for (let i = 0; i < 10 && !text.includes('contradicted by the sources'); i++) {
      await page.mouse.move(5, 5);
      await pointAt(page, 'The footbridge will be 200', '200');
      await page.locator('.monaco-hover', { hasText: 'contradicted by the sources' }).first().waitFor({ timeout: 5000 }).catch(() => {});
      text = norm(await page.locator('.monaco-hover').first().innerText().catch(() => ''));
    }
    assert.match(text, /contradicted by the sources/);
    assert.match(text, /Change 200 metres to 140 metres/);
    assert.match(text, /The footbridge will be 140 metres long and built of weathering steel\./);
    assert.match(text, /engineering-report\.txt, line 3/);
    // the hover's status row looks the quick fixes up asynchronously: let it settle for the picture
    await page.locator('.monaco-hover', { hasText: 'Quick Fix' }).first().waitFor({ timeout: 5000 })
      .catch(() => console.log('    (the hover did not list the quick fix in 5 s)'));
    await shot('hover');
  });

  await test('the Problems panel lists the flagged claims with their verdicts', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'sources say 140' }).first();
    await row.waitFor({ timeout: T });
    const rows = norm(await page.locator('.markers-panel').innerText());
    assert.match(rows, /groundwork/);
    assert.match(rows, /contradicted/);
    assert.match(rows, /misquote/);
    assert.match(rows, /unsupported/);
    await shot('problems');
  });

  await test('the light bulb offers the fix and applying it corrects the number', async () => {
    await pointAt(page, 'The footbridge will be 200', '200', { click: true });
    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Change 200 metres to 140 metres' }).first();
    await item.waitFor({ timeout: T });
    await shot('quick-fix');
    await item.click();
    await line(page, 'The footbridge will be 140').waitFor({ timeout: T });
    await page.keyboard.press('Control+Z');
    await line(page, 'The footbridge will be 200').waitFor({ timeout: T });
  });

  await test('the quote panel searches as you type and shows <script> in a source as text', async () => {
    await page.keyboard.press('Escape');
    await runCommand(page, 'Groundwork: Open Quote Panel');
    const frame = panelFrame(page);
    const input = frame.locator('#query');
    await input.waitFor({ timeout: T });
    await input.click();
    await input.pressSequentially('weathering steel', { delay: 40 });
    const first = frame.locator('li.result').first();
    await first.locator('mark', { hasText: 'weathering' }).waitFor({ timeout: T });
    assert.match(await first.innerText(), /140 metres long/);
    assert.match(await first.locator('.source').innerText(), /^engineering-report\.txt:3$/);
    await shot('quote-panel');

    await input.fill('');
    await input.pressSequentially('pasted script', { delay: 20 });
    const hostile = frame.locator('li.result', { hasText: 'One reader pasted' }).first();
    await hostile.waitFor({ timeout: T });
    assert.match(await hostile.innerText(), /<script>document\.title="pwned"<\/script>/);
    assert.equal(await frame.locator('#results script, #results img').count(), 0, 'no element was created from source text');
    await input.fill('');
    await input.pressSequentially('signed ferry stops', { delay: 20 });
    const img = frame.locator('li.result', { hasText: 'Another reader signed' }).first();
    await img.waitFor({ timeout: T });
    assert.match(await img.innerText(), /<img src=x onerror=/);
    assert.equal(await frame.locator('#results img').count(), 0);
    assert.notEqual(await page.title(), 'pwned');
    await shot('quote-panel-hostile');
  });

  await test('"Groundwork: Search Sources" searches all passages from the palette', async () => {
    await page.keyboard.press('Escape');
    await pointAt(page, 'Tourism in the town', 'summer', { click: true });
    await runCommand(page, 'Groundwork: Search Sources');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Search Sources' }).waitFor({ timeout: T });
    await input.pressSequentially('evening ferry', { delay: 40 });
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'The evening ferry will stop running' }).first();
    await row.waitFor({ timeout: T });
    assert.match(norm(await row.innerText()), /sources\/harbor-council-minutes\.md, line 16/);
    await shot('palette-search');
    await page.keyboard.press('Enter');
    await line(page, '“The evening ferry will stop running on 1 September 2023').waitFor({ timeout: T });
  });

  await test('after a window reload the saved index is reloaded, not rebuilt', async () => {
    await page.keyboard.press('Escape');
    await runCommand(page, 'Developer: Reload Window');
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.locator('.statusbar-item', { hasText: '3 sources' }).first().waitFor({ timeout: 60_000 });
    // the status bar item's accessible label says where the index came from
    await page.locator('.statusbar-item [aria-label*="reloaded from the saved index"]').first().waitFor({ timeout: T });
    assert.equal(await page.locator('[aria-label*="built from the files"]').count(), 0);
  });
}
