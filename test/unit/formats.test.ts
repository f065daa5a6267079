// Source formats (issue 4): PDF pages, saved web pages through Readability, DOCX paragraphs, Markdown
// front matter. Every fixture is made here: a hand-written PDF (with correct xref offsets), a DOCX
// zipped by a tiny zip writer, and an HTML page full of chrome.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  Engine, ENGINE_VERSION, LineIndex, NO_TEXT_LAYER, extractDocument, extractSync, locationLabel,
  type Extracted, type SourceProblem,
} from '../../src/core';
import { loadSources } from '../../src/core/node';

// ---------------------------------------------------------------- fixtures

function pdfString(s: string): string {
  return '(' + s.replace(/[\\()]/g, (c) => '\\' + c) + ')';
}

/** A valid PDF: one page per entry, one text line per string ('' = an empty line: a paragraph gap). */
function makePdf(pages: string[][], options: { info?: Record<string, string>; javascript?: string; imageOnly?: boolean } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const lines of pages) {
    let content: string;
    let resources: string;
    if (options.imageOnly) {
      // A "scan": an 8x8 grey image filling the page, and no text at all.
      const hex = Array.from({ length: 64 }, (_, i) => ((i * 37) % 256).toString(16).padStart(2, '0')).join('') + '>';
      const img = add(`<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length ${hex.length} >>\nstream\n${hex}\nendstream`);
      content = 'q 500 0 0 700 50 50 cm /Im1 Do Q';
      resources = `<< /XObject << /Im1 ${img} 0 R >> >>`;
    } else {
      content = 'BT /F1 11 Tf 14 TL 72 760 Td\n' + lines.map((l) => (l === '' ? 'T*' : `${pdfString(l)} Tj T*`)).join('\n') + '\nET';
      resources = `<< /Font << /F1 ${font} 0 R >> >>`;
    }
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources ${resources} /Contents ${stream} 0 R >>`));
  }
  let extra = '';
  if (options.javascript !== undefined) {
    const js = add(`<< /Type /Action /S /JavaScript /JS ${pdfString(options.javascript)} >>`);
    const names = add(`<< /Names [(init) ${js} 0 R] >>`);
    extra = ` /OpenAction ${js} 0 R /Names << /JavaScript ${names} 0 R >> /AA << /O ${js} 0 R >>`;
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R${extra} >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const info = options.info ? add('<< ' + Object.entries(options.info).map(([k, v]) => `/${k} ${pdfString(v)}`).join(' ') + ' >>') : 0;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0) & 0xff);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive with stored (uncompressed) entries. */
function makeZip(files: Record<string, string>): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(fileName.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, fileName, data);
    central.push(dir, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A Word document: [style, text] paragraphs (style '' = normal, 'Heading1', 'ListParagraph'). */
function makeDocx(paragraphs: [string, string][], core?: { title: string; creator: string; created: string }): Uint8Array {
  const body = paragraphs.map(([style, text]) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r></w:p>`).join('');
  const files: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    'word/_rels/document.xml.rels': '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'word/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`,
  };
  if (core) {
    files['docProps/core.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlEscape(core.title)}</dc:title><dc:creator>${xmlEscape(core.creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${core.created}</dcterms:created></cp:coreProperties>`;
  }
  return makeZip(files);
}

const ARTICLE = [
  'The Harbour Board approved a budget of $2.5 million on Tuesday for two electric ferries that will replace the diesel boats on the Port Alder crossing, ending a debate that had lasted for most of the year.',
  'Board chair Imogen Castellanos said the new ferries would each carry 400 passengers and cut fuel costs by about a third, although the first of them is not expected to enter service before the spring of 2026.',
  'Critics on the council argued that the money would have been better spent on repairing the ageing north pier, which was closed twice last winter after storm damage, and asked for an independent review of the plan.',
  'The board rejected the request for a review by five votes to two, and instructed its officers to begin the tender for the two vessels within the month, with a report on the bids due back in September.',
];

/** A saved news page: navigation, cookie banner, ticker, ads, remote images, scripts, comments. */
const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Electric ferries approved | Port Alder Courier</title>
<meta name="author" content="Dana Whitlock">
<meta property="article:published_time" content="2024-03-12T09:30:00Z">
<meta property="og:title" content="Harbour Board approves two electric ferries">
<link rel="canonical" href="https://courier.example/2024/03/electric-ferries">
<link rel="stylesheet" href="https://cdn.example/site.css">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour Board approves two electric ferries","author":[{"@type":"Person","name":"Dana Whitlock"}],"datePublished":"2024-03-12"}</script>
<script>document.cookie = "tracked=1"; fetch("https://tracker.example/beacon");</script>
</head>
<body>
<div class="cookie-banner" id="gdpr-consent"><p>We use cookies to improve your experience on our site. By continuing to browse you accept our use of cookies and our privacy policy.</p><button>Accept all cookies</button></div>
<nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<div class="ticker">BREAKING: Storm warning for the north coast tonight · Markets close higher · Ferry timetable changes from Monday</div>
<div class="ad-slot sponsor"><img src="https://ads.example/banner.gif" alt="Advertisement"><p>Sponsored: Win a luxury cruise for two this summer, enter our competition today and claim your prize now!</p></div>
<article>
<h1>Harbour Board approves two electric ferries</h1>
<p class="byline">By Dana Whitlock</p>
<p>${ARTICLE[0]}</p>
<img src="https://images.example/ferry.jpg" alt="A ferry at the pier">
<p>${ARTICLE[1]}</p>
<p>${ARTICLE[2]}</p>
<p>${ARTICLE[3]}</p>
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Pier closed again after storm damage to the north pier</a></li><li><a href="/b">Council reviews the ferry fares for next year</a></li></ul></aside>
<section id="comments" class="comments"><h3>12 comments</h3><div class="comment"><p>Great news for the island, the old diesel ferries have been smelly and loud for years and nobody will miss them at all.</p></div><div class="comment"><p>What a waste of money, fix the pier first before buying shiny new boats that we cannot even dock properly.</p></div></section>
<footer><p>© 2024 Port Alder Courier · Privacy · Terms · Contact us on 555-0100</p></footer>
<script src="https://cdn.example/analytics.js"></script>
</body>
</html>
`;

function ok(r: Extracted | SourceProblem): Extracted {
  assert.ok(!('message' in r), `expected a document, got: ${'message' in r ? r.message : ''}`);
  return r as Extracted;
}

/** Records and refuses every way Node has to open a connection, while `fn` runs. */
async function withoutNetwork<T>(fn: () => Promise<T> | T): Promise<{ result: T; attempts: string[] }> {
  const attempts: string[] = [];
  const refuse = (what: string) => (..._args: unknown[]): never => {
    attempts.push(what);
    throw new Error(`network access attempted: ${what}`);
  };
  // The modules themselves (an `import * as` namespace is read-only).
  const http = require('node:http') as Record<string, unknown>;
  const https = require('node:https') as Record<string, unknown>;
  const net = require('node:net') as Record<string, unknown>;
  const g = globalThis as { fetch?: unknown };
  const saved = { fetch: g.fetch, httpRequest: http.request, httpGet: http.get, httpsRequest: https.request, httpsGet: https.get, connect: net.connect, createConnection: net.createConnection };
  g.fetch = refuse('fetch');
  const mutable = (m: Record<string, unknown>) => m;
  mutable(http).request = refuse('http.request');
  mutable(http).get = refuse('http.get');
  mutable(https).request = refuse('https.request');
  mutable(https).get = refuse('https.get');
  mutable(net).connect = refuse('net.connect');
  mutable(net).createConnection = refuse('net.createConnection');
  try {
    return { result: await fn(), attempts };
  } finally {
    g.fetch = saved.fetch;
    mutable(http).request = saved.httpRequest;
    mutable(http).get = saved.httpGet;
    mutable(https).request = saved.httpsRequest;
    mutable(https).get = saved.httpsGet;
    mutable(net).connect = saved.connect;
    mutable(net).createConnection = saved.createConnection;
  }
}

// ---------------------------------------------------------------- tests

describe('source formats', () => {
  describe('PDF', () => {
    const report = makePdf([
      ['Port Alder ferry review', '', 'The ferry carries 400 passengers on each crossing.', 'It was built in 1998 for the county council.'],
      ['Funding', '', 'The Harbour Board approved a budget of $2.5 million', 'for two electric ferries in March 2024.'],
      ['The north pier was closed twice after storm damage.'],
    ], { info: { Title: 'Port Alder ferry review', Author: 'Harbour Board', CreationDate: "D:20240315120000+01'00'" } });

    it('extracts text per page, with the page, line and column on every passage', async () => {
      const doc = ok(await extractDocument('sources/review.pdf', report));
      assert.equal(doc.format, 'pdf');
      const byText = (s: string) => doc.passages.find((p) => p.text.startsWith(s))!;
      const passengers = byText('The ferry carries');
      assert.equal(passengers.text, 'The ferry carries 400 passengers on each crossing.');
      assert.deepEqual([passengers.page, passengers.line, passengers.column, passengers.endLine, passengers.endColumn], [1, 2, 1, 2, 51]);
      // A sentence wrapped over two lines of page 2 is one passage, from line 2 to the end of line 3.
      const budget = byText('The Harbour Board approved');
      assert.equal(budget.text, 'The Harbour Board approved a budget of $2.5 million for two electric ferries in March 2024.');
      assert.deepEqual([budget.page, budget.line, budget.column, budget.endLine, budget.endColumn], [2, 2, 1, 3, 40]);
      assert.deepEqual([byText('The north pier').page, byText('The north pier').line], [3, 1]);
      // Offsets point into the extracted text.
      for (const p of doc.passages) assert.equal(doc.text.slice(p.start, p.end).replace(/\s+/g, ' '), p.text);
      assert.ok(doc.passages.every((p) => p.page !== undefined && !p.chrome));
    });

    it('reads the title, author and date from the document information', async () => {
      const doc = ok(await extractDocument('sources/review.pdf', report));
      assert.deepEqual(doc.metadata, { title: 'Port Alder ferry review', author: 'Harbour Board', date: '2024-03-15' });
      assert.equal(doc.title, 'Port Alder ferry review');
    });

    it('reports a scanned PDF (images, no text layer) instead of indexing it as empty', async () => {
      const scan = makePdf([[], []], { imageOnly: true });
      assert.deepEqual(await extractDocument('scan.pdf', scan), { source: 'scan.pdf', message: NO_TEXT_LAYER });
      const engine = new Engine();
      assert.equal(engine.addExtracted('scan.pdf', await extractDocument('scan.pdf', scan))?.message, 'no text layer (scanned?)');
      assert.deepEqual(engine.problems(), [{ source: 'scan.pdf', message: 'no text layer (scanned?)' }]);
      assert.equal(engine.stats.sources, 0);
    });

    it('reports a file that is not a PDF, and never throws', async () => {
      const r = await extractDocument('broken.pdf', new TextEncoder().encode('%PDF-1.4\nthis is not really a PDF'));
      assert.ok('message' in r && /PDF/.test(r.message), JSON.stringify(r));
    });

    it('keeps PDF JavaScript inert (OpenAction, document-level and page actions never run)', async () => {
      const g = globalThis as { gwPdfScriptRan?: unknown };
      delete g.gwPdfScriptRan;
      const js = 'globalThis.gwPdfScriptRan = 1; this.gwPdfScriptRan = 1; app.alert("pwned");';
      const { result, attempts } = await withoutNetwork(() => extractDocument('trap.pdf', makePdf([['A harmless sentence about ferries.']], { javascript: js })));
      const doc = ok(result);
      assert.equal(doc.passages[0]!.text, 'A harmless sentence about ferries.');
      assert.equal(g.gwPdfScriptRan, undefined);
      assert.deepEqual(attempts, []);
    });

    it('end to end: a claim supported by a PDF passage has evidence on page 2, saved and reloaded', async () => {
      const engine = new Engine();
      assert.equal(engine.addExtracted('sources/review.pdf', await extractDocument('sources/review.pdf', report)), undefined);
      const claim = engine.check('The Harbour Board approved a budget of $2.5 million for two electric ferries.').claims[0]!;
      assert.equal(claim.verdict, 'supported');
      assert.equal(claim.evidence[0]!.source, 'sources/review.pdf');
      assert.equal(claim.evidence[0]!.page, 2);
      assert.equal(locationLabel(claim.evidence[0]!), 'p. 2');
      // A contradiction names the page.
      const wrong = engine.check('The Harbour Board approved a budget of $4 million for two electric ferries.').claims[0]!;
      assert.equal(wrong.verdict, 'contradicted');
      assert.match(wrong.message, /review\.pdf, p\. 2/);
      // The saved index keeps pages and metadata.
      const saved = JSON.parse(JSON.stringify(engine.toJSON()));
      assert.equal(saved.version, ENGINE_VERSION);
      const reloaded = Engine.fromJSON(saved);
      assert.equal(reloaded.check('The Harbour Board approved a budget of $2.5 million for two electric ferries.').claims[0]!.evidence[0]!.page, 2);
      assert.deepEqual(reloaded.sourceList()[0]!.metadata, { title: 'Port Alder ferry review', author: 'Harbour Board', date: '2024-03-15' });
      assert.deepEqual(reloaded.passagesOf('sources/review.pdf').map((p) => p.page), engine.passagesOf('sources/review.pdf').map((p) => p.page));
    });
  });

  describe('DOCX', () => {
    const memo = makeDocx([
      ['Heading1', 'Ferry memo'],
      ['', 'The council approved $2.5 million for two ferries.'],
      ['', ''],
      ['Heading2', 'Timetable'],
      ['', 'The first ferry enters service in 2026. The second follows a year later.'],
    ], { title: 'Memo on the ferries', creator: 'Imogen Castellanos', created: '2024-02-01T10:00:00Z' });

    it('extracts paragraphs and headings; a passage\'s line is its paragraph number', async () => {
      const doc = ok(await extractDocument('notes/memo.docx', memo));
      assert.equal(doc.format, 'docx');
      assert.deepEqual(doc.passages.map((p) => [p.text, p.line, p.column, p.endLine, p.endColumn]), [
        ['Ferry memo', 1, 1, 1, 11],
        ['The council approved $2.5 million for two ferries.', 2, 1, 2, 51],
        ['Timetable', 3, 1, 3, 10],
        ['The first ferry enters service in 2026.', 4, 1, 4, 40],
        ['The second follows a year later.', 4, 41, 4, 73],
      ]);
      assert.ok(doc.passages.every((p) => p.page === undefined));
    });

    it('reads title, author and date from the document properties', async () => {
      const doc = ok(await extractDocument('notes/memo.docx', memo));
      assert.deepEqual(doc.metadata, { title: 'Memo on the ferries', author: 'Imogen Castellanos', date: '2024-02-01' });
      const bare = ok(await extractDocument('notes/bare.docx', makeDocx([['Heading1', 'Bare heading'], ['', 'Some text here.']])));
      assert.deepEqual(bare.metadata, {});
      assert.equal(bare.title, 'Bare heading');
    });

    it('is indexed under the .docx path, with the paragraph as the evidence line', async () => {
      const engine = new Engine();
      engine.addExtracted('notes/memo.docx', await extractDocument('notes/memo.docx', memo));
      const claim = engine.check('The first ferry enters service in 2026.').claims[0]!;
      assert.equal(claim.verdict, 'supported');
      assert.deepEqual([claim.evidence[0]!.source, claim.evidence[0]!.line, claim.evidence[0]!.column], ['notes/memo.docx', 4, 1]);
      assert.equal(locationLabel(claim.evidence[0]!), '¶ 4');
      assert.equal(claim.message, 'supported by memo.docx, ¶ 4');
    });

    it('reports a file that is not a Word document', async () => {
      const r = await extractDocument('x.docx', new TextEncoder().encode('plain text, not a zip'));
      assert.ok('message' in r && /DOCX/.test(r.message), JSON.stringify(r));
    });
  });

  describe('HTML', () => {
    it('keeps the article as evidence and turns page chrome into chrome, with exact offsets into the file', async () => {
      const { result, attempts } = await withoutNetwork(() => extractDocument('saved/ferries.html', new TextEncoder().encode(PAGE)));
      assert.deepEqual(attempts, [], 'nothing may be fetched (remote images, scripts, styles)');
      const doc = ok(result);
      const evidence = doc.passages.filter((p) => !p.chrome).map((p) => p.text);
      for (const sentence of ARTICLE.flatMap((a) => a.split(/(?<=\.) /))) assert.ok(evidence.includes(sentence), `article sentence kept: ${sentence}`);
      assert.ok(evidence.includes('Harbour Board approves two electric ferries'), 'the headline stays evidence');
      for (const chrome of ['cookies', 'Sponsored', 'BREAKING', 'smelly', 'waste of money', 'Related stories', 'Pier closed again', 'Privacy']) {
        assert.ok(!evidence.some((t) => t.includes(chrome)), `chrome is not evidence: ${chrome}`);
      }
      assert.ok(!doc.passages.some((p) => /tracker|analytics|document\.cookie/.test(p.text)), 'scripts are not text');
      // Exact offsets: each passage is its own range of the original file, at the line and column of the file.
      const lines = new LineIndex(PAGE);
      const second = doc.passages.find((p) => p.text.startsWith('Board chair'))!;
      assert.equal(PAGE.slice(second.start, second.end), 'Board chair Imogen Castellanos said the new ferries would each carry 400 passengers and cut fuel costs by about a third, although the first of them is not expected to enter service before the spring of 2026.');
      const engine = new Engine();
      engine.addExtracted('saved/ferries.html', doc);
      const p = engine.passagesOf('saved/ferries.html').find((x) => x.text.startsWith('Board chair'))!;
      const at = lines.at(p.start);
      assert.deepEqual([p.line, p.column], [at.line, at.column]);
      assert.equal(PAGE.split('\n')[p.line - 1]!.slice(p.column - 1, p.column - 1 + 11), 'Board chair');
    });

    it('reads title, author, date and URL from the page metadata', () => {
      const doc = ok(extractSync('saved/ferries.html', PAGE));
      assert.deepEqual(doc.metadata, {
        title: 'Harbour Board approves two electric ferries', author: 'Dana Whitlock', date: '2024-03-12',
        url: 'https://courier.example/2024/03/electric-ferries',
      });
      // JSON-LD alone is enough.
      const ld = ok(extractSync('ld.html', '<html><head><script type="application/ld+json">{"@graph":[{"@type":"BlogPosting","headline":"On piers","author":{"name":"R. Quay"},"datePublished":"2023-11-02T08:00:00Z"}]}</script></head><body><p>Piers need repair.</p></body></html>'));
      assert.deepEqual(ld.metadata, { title: 'On piers', author: 'R. Quay', date: '2023-11-02' });
    });

    it('the engine uses the same extraction for addSource, so chrome is never evidence', () => {
      const engine = new Engine();
      assert.equal(engine.addSource('saved/ferries.html', PAGE), undefined);
      const claim = engine.check('Win a luxury cruise for two this summer.').claims[0]!;
      assert.notEqual(claim.verdict, 'supported');
      assert.ok(claim.evidence.every((e) => !e.chrome));
      assert.equal(engine.check('The new ferries would each carry 400 passengers.').claims[0]!.verdict, 'supported');
      assert.equal(engine.sourceList()[0]!.metadata?.author, 'Dana Whitlock');
    });

    it('a short page that Readability would not take keeps the shape-based chrome detection', () => {
      const html = '<html><head><title>Notice</title></head><body><nav><a href="/">Home</a></nav><p>The office received 11 reports of minor burns.</p></body></html>';
      const doc = ok(extractSync('notice.html', html));
      assert.deepEqual(doc.passages.filter((p) => !p.chrome).map((p) => p.text), ['The office received 11 reports of minor burns.']);
    });
  });

  describe('Markdown front matter', () => {
    it('supplies title, author(s), date and URL', () => {
      const md = '---\ntitle: "Ferry notes"\nauthor:\n  - Jane Doe\n  - John Roe\ndate: 2024-03-15\nurl: https://example.org/notes\ntags: [ferries, budget]\n---\n\n# Notes\n\nThe ferry carries 400 passengers.\n';
      const engine = new Engine();
      engine.addSource('notes.md', md);
      assert.deepEqual(engine.sourceList()[0]!.metadata, { title: 'Ferry notes', author: 'Jane Doe; John Roe', date: '2024-03-15', url: 'https://example.org/notes' });
      assert.deepEqual(engine.metadataOf('notes.md'), engine.sourceList()[0]!.metadata);
      // Offsets are unchanged by front matter.
      const p = engine.passagesOf('notes.md').find((x) => x.text.startsWith('The ferry'))!;
      assert.deepEqual([p.line, p.column], [13, 1]);
      const plain = new Engine();
      plain.addSource('plain.md', '# Plain\n\nNo front matter here.\n');
      assert.equal(plain.sourceList()[0]!.metadata, undefined);
    });
  });

  describe('loading folders (CLI path)', () => {
    it('picks up .pdf and .docx next to text sources, and reports scans', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-formats-'));
      try {
        fs.writeFileSync(path.join(dir, 'review.pdf'), makePdf([['Intro'], ['The pier reopened in May 2024 after repairs.']]));
        fs.writeFileSync(path.join(dir, 'memo.docx'), makeDocx([['', 'The ferry fare rises to $4 in June.']]));
        fs.writeFileSync(path.join(dir, 'scan.pdf'), makePdf([[]], { imageOnly: true }));
        fs.writeFileSync(path.join(dir, 'notes.txt'), 'Ferries run every hour.\n');
        const engine = new Engine();
        const r = await loadSources(engine, [dir], { cwd: dir });
        assert.equal(r.loaded, 3);
        assert.deepEqual(r.problems, [{ source: 'scan.pdf', message: NO_TEXT_LAYER }]);
        assert.deepEqual(engine.sourceList().map((s) => s.path).sort(), ['memo.docx', 'notes.txt', 'review.pdf']);
        const claim = engine.check('The pier reopened in May 2024.').claims[0]!;
        assert.deepEqual([claim.verdict, claim.evidence[0]!.source, claim.evidence[0]!.page], ['supported', 'review.pdf', 2]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
