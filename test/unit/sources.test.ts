import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Engine, parseSource, type ParsedSource } from '../../src/core';

const SHARED = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'resignation');

function parsed(path: string, text: string | Uint8Array): ParsedSource {
  const r = parseSource(path, text);
  assert.ok(!('message' in r), `expected ${path} to parse`);
  return r as ParsedSource;
}

describe('sources', () => {
  it('keeps exact offsets and UTF-16 line/column through astral characters and CRLF', () => {
    const text = '📈 Ticker 😀\r\n\r\nThe ferry 🚢 carries 400 passengers.\r\nIt cost $2.5 million.\r\n';
    const e = new Engine();
    e.addSource('s.txt', text);
    const ps = e.passageIds().map((id) => e.passage(id)!);
    const ferry = ps.find((p) => p.text.startsWith('The ferry'))!;
    assert.equal(text.slice(ferry.start, ferry.end), 'The ferry 🚢 carries 400 passengers.');
    assert.deepEqual([ferry.line, ferry.column, ferry.endLine, ferry.endColumn], [3, 1, 3, 37]);
    const cost = ps.find((p) => p.text.startsWith('It cost'))!;
    assert.deepEqual([cost.line, cost.column], [4, 1]);
  });

  it('reduces Markdown to text with offsets into the original file', () => {
    const md = '---\ntitle: Ferries\n---\n# Ferry **budget**\n\nThe [council](https://x.org) approved *$2.5 million* for `two` ferries.\n';
    const p = parsed('a.md', md);
    assert.equal(p.title, 'Ferries');
    const s = p.passages.find((x) => x.text.includes('approved'))!;
    assert.equal(s.text, 'The council approved $2.5 million for ferries.');
    assert.equal(md.slice(s.start, s.end), 'The [council](https://x.org) approved *$2.5 million* for `two` ferries.');
  });

  it('reduces HTML to article text, drops scripts, navigation and footers, decodes entities in place', () => {
    const html = '<html><head><title>Ferry &amp; Bay</title><script>alert("x")</script></head><body><nav>Home | News</nav>' +
      '<p>The council&rsquo;s vote approved <b>$2.5&nbsp;million</b>.</p><footer>© Bay Herald</footer></body></html>';
    const p = parsed('a.html', html);
    assert.equal(p.title, 'Ferry & Bay');
    assert.deepEqual(p.passages.map((x) => x.text), ['The council’s vote approved $2.5 million.']);
    const s = p.passages[0]!;
    assert.ok(html.slice(s.start, s.end).startsWith('The council&rsquo;s vote'));
    assert.ok(!p.passages.some((x) => /alert|Home|Herald/.test(x.text)));
  });

  it('marks page chrome in the real scraped articles: ticker, promos, contact details, comment threads', () => {
    const chrome = new Map<string, string[]>();
    const article = new Map<string, string[]>();
    for (const f of readdirSync(SHARED)) {
      const p = parsed(f, readFileSync(join(SHARED, f)));
      chrome.set(f, p.passages.filter((x) => x.chrome).map((x) => x.text));
      article.set(f, p.passages.filter((x) => !x.chrome).map((x) => x.text));
    }
    const c0 = chrome.get('000_eaed0b5233e6d410.txt')!.join('\n');
    assert.match(c0, /BTC\$63,995/); // price ticker
    assert.match(c0, /Get daily crypto insights/); // promo
    assert.match(c0, /burnout in a suit/); // reader comment
    assert.match(c0, /Leave a Comment/);
    const a0 = article.get('000_eaed0b5233e6d410.txt')!.join('\n');
    assert.match(a0, /\$8 million per month/); // the article text around the chrome stays evidence
    const c4 = chrome.get('004_e7769f2eb33c6325.txt')!.join('\n');
    assert.match(c4, /\+1 -800-456-478-23/);
    assert.match(c4, /411 University St/);
    assert.match(article.get('004_e7769f2eb33c6325.txt')!.join('\n'), /Shan Shan Wong and Christian Laforte/);
    assert.equal(chrome.get('001_a9ba12bdfeebbffb.txt')!.length, 0);
  });

  it('reports unusable files with a reason and keeps going', () => {
    const e = new Engine();
    assert.match(e.addSource('bin.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))!.message, /binary/);
    assert.match(e.addSource('bad.txt', new Uint8Array([0x61, 0xff, 0xfe, 0x62]))!.message, /UTF-8/);
    assert.match(e.addSource('empty.txt', '  \n\n ')!.message, /empty/);
    assert.match(e.addSource('long.txt', 'word '.repeat(500_000))!.message, /line of/);
    assert.equal(e.addSource('ok.txt', 'The ferry carries 400 passengers.'), undefined);
    assert.equal(e.problems().length, 4);
    assert.deepEqual(e.sourceList().map((s) => s.path), ['ok.txt']);
  });

  it('re-indexes only the changed source and keeps the others', () => {
    const e = new Engine();
    e.addSource('a.txt', 'The ferry carries 400 passengers.');
    e.addSource('b.txt', 'The council approved $2.5 million for ferries.');
    const before = e.passageIds().map((id) => e.passage(id)!).filter((p) => p.source === 'b.txt');
    assert.equal(e.check('The ferry carries 400 passengers.').claims[0]!.verdict, 'supported');
    e.addSource('a.txt', 'The ferry carries 600 passengers.');
    const after = e.passageIds().map((id) => e.passage(id)!).filter((p) => p.source === 'b.txt');
    assert.deepEqual(after, before); // same ids, untouched
    assert.equal(e.check('The ferry carries 400 passengers.').claims[0]!.verdict, 'contradicted');
    e.removeSource('a.txt');
    assert.equal(e.check('The ferry carries 400 passengers.').claims[0]!.verdict, 'unsupported');
  });
});

describe('sources: saved pages', () => {
  it('indexes a minified page saved on one long line (the line limit is for text formats)', () => {
    const para = '<p>The harbour ferry carries 400 passengers on each crossing.</p>';
    const html = '<html><head><title>Ferry</title></head><body><nav>Home · News</nav>' + '<p>Filler about the weather and the tides.</p>'.repeat(6000) + para + '</body></html>';
    assert.ok(html.length > 250_000 && !html.includes('\n'));
    const e = new Engine();
    assert.equal(e.addSource('page.html', html), undefined);
    assert.equal(e.check('The harbour ferry carries 400 passengers on each crossing.').claims[0]!.verdict, 'supported');
    assert.match(e.addSource('dump.txt', 'x '.repeat(150_000))!.message, /line of/);
  });

  it('keeps a headline as evidence but drops a navigation menu', () => {
    const p = parsed('a.txt', 'Home | News | Sport | Business | Weather\n\nLarkspur Home Goods recalls 48,000 kettles; CEO resigns\n\nThe company said Tuesday that bases overheated.');
    assert.deepEqual(p.passages.filter((x) => x.chrome).map((x) => x.text), ['Home | News | Sport | Business | Weather']);
  });
});
