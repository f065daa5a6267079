// `node bench/formats.mjs` (`npm run bench:formats`): the issue-4 floor "a 300-page PDF indexes in
// under 10 s". Writes a 300-page text PDF (seeded prose, hand-written PDF with exact xref offsets),
// then times extraction (pdfjs-dist, through dist/core.js) and indexing, cold (first PDF: the PDF
// library loads) and warm. Also checks that a sentence from page 150 is found on page 150.
//
//   node bench/formats.mjs [--pages N] [--write FILE.pdf]
//
// --pages N     pages in the generated PDF                  default 300
// --write FILE  also write the generated PDF to FILE (for trying the CLI or the extension on it)
// Needs `npm run build` first (it loads dist/core.js). Exits 1 when the floor is missed.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const PAGES = Number(arg('--pages', 300));
const FLOOR_MS = 10_000;

// Seeded prose: sentences of plausible shape with names, numbers and dates, about 45 lines a page.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rand() * a.length)];
const SUBJECTS = ['The harbour board', 'The county council', 'The ferry operator', 'A spokesperson for the port', 'The transport committee', 'Local residents', 'The auditor', 'The shipyard'];
const VERBS = ['approved', 'reviewed', 'rejected', 'postponed', 'announced', 'questioned', 'funded', 'published'];
const OBJECTS = ['a budget for two electric ferries', 'the plan to repair the north pier', 'a new timetable for the winter', 'the tender for the vessels', 'an independent review of the fares', 'the report on passenger numbers', 'the proposal to extend the quay', 'a grant for the lifeboat station'];
const TAILS = () => [`in ${pick(['March', 'June', 'September', 'November'])} ${2015 + Math.floor(rand() * 10)}`, `at a cost of $${(1 + rand() * 20).toFixed(1)} million`, `after ${2 + Math.floor(rand() * 30)} months of debate`, `with ${100 + Math.floor(rand() * 900)} passengers a day`];
const sentence = () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS())}.`;

function wrap(text, width = 90) {
  const lines = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) { lines.push(line); line = w; } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

function pageLines(n) {
  const lines = [`Chapter ${n}`, ''];
  while (lines.length < 45) {
    lines.push(...wrap(Array.from({ length: 4 }, sentence).join(' ')), '');
  }
  return lines;
}

const pdfString = (s) => '(' + s.replace(/[\\()]/g, (c) => '\\' + c) + ')';

/** A text PDF: one page per entry, Helvetica 10 pt, lines 12 pt apart ('' = an empty line). */
export function makePdf(pages, info = {}) {
  const objects = [];
  const add = (body) => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids = [];
  for (const lines of pages) {
    const content = 'BT /F1 10 Tf 12 TL 50 760 Td\n' + lines.map((l) => (l === '' ? 'T*' : `${pdfString(l)} Tj T*`)).join('\n') + '\nET';
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const infoObj = add('<< ' + Object.entries(info).map(([k, v]) => `/${k} ${pdfString(v)}`).join(' ') + ' >>');
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${body}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` + offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoObj} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

async function main() {
  const pages = Array.from({ length: PAGES }, (_, i) => pageLines(i + 1));
  const marker = 'The lighthouse keeper counted 4,321 gulls on the breakwater during the storm of 1987.';
  const target = Math.min(150, PAGES);
  pages[target - 1].splice(2, 0, marker, '');
  const pdf = makePdf(pages, { Title: 'Harbour chronicle', Author: 'Bench', CreationDate: 'D:20240101' });
  if (arg('--write')) writeFileSync(arg('--write'), pdf);
  const { Engine, extractDocument } = require(join(ROOT, 'dist/core.js'));
  const cpu0 = process.cpuUsage();
  const runs = [];
  let engine;
  for (const label of ['cold', 'warm']) {
    const t0 = performance.now();
    const extracted = await extractDocument('chronicle.pdf', pdf);
    const t1 = performance.now();
    if ('message' in extracted) throw new Error(extracted.message);
    engine = new Engine();
    engine.addExtracted('chronicle.pdf', extracted);
    const t2 = performance.now();
    runs.push({ label, extractMs: t1 - t0, indexMs: t2 - t1, totalMs: t2 - t0, passages: extracted.passages.length });
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / runs.length;
  const hit = engine.check(marker).claims[0];
  const found = hit?.verdict === 'supported' && hit.evidence[0]?.page === target;
  console.log(`${PAGES}-page PDF, ${(pdf.length / 1024 / 1024).toFixed(1)} MB, ${runs[0].passages} passages`);
  for (const r of runs) console.log(`  ${r.label.padEnd(5)} extract ${(r.extractMs / 1000).toFixed(2)} s + index ${(r.indexMs / 1000).toFixed(2)} s = ${(r.totalMs / 1000).toFixed(2)} s`);
  console.log(`  (CPU per run about ${(cpuMs / 1000).toFixed(2)} s)`);
  console.log(`  a sentence of page ${target}: ${found ? `found, p. ${hit.evidence[0].page}` : `NOT found (${hit?.verdict}, p. ${hit?.evidence[0]?.page})`}`);
  const pass = runs[0].totalMs < FLOOR_MS && found;
  console.log(`floor (issue #4): a ${PAGES}-page PDF indexes in < 10 s: ${(runs[0].totalMs / 1000).toFixed(2)} s cold  ${pass ? 'PASS' : 'FAIL'}`);
  process.exitCode = pass ? 0 : 1;
}

await main();
