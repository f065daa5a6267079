// `node bench/bibliography.mjs [--entries N] [--runs N]`: how long a bibliography takes to load.
// Generates N (default 500) realistic Better BibTeX entries (articles, books, reports, web pages,
// chapters; accents, @string macros, months, abstracts, Zotero file fields) and the same library as
// CSL-JSON, then times parsing, and linking the entries to N source files (a third by file field, a
// third by key, a third by title). Floor (issue #4): 500 BibTeX entries load in under 1 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, d) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : d; };
const N = arg('--entries', 500);
const RUNS = arg('--runs', 7);

// The bibliography module bundled on the fly (no TypeScript loader needed).
const dir = mkdtempSync(join(tmpdir(), 'gw-bib-bench-'));
const out = join(dir, 'bibliography.cjs');
await esbuild.build({ entryPoints: [join(ROOT, 'src/core/bibliography/index.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
const bib = createRequire(import.meta.url)(out);
rmSync(dir, { recursive: true, force: true });

let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const FAMILY = ['Smith', 'M{\\"u}ller', 'Garc{\\\'i}a', 'Nguyen', 'O\'Brien', 'van der Berg', 'Okafor', 'Kowalski', 'Dubois', '{\\v{S}}imek', 'Tanaka', 'Andersson', 'Rossi', 'Lee', 'Patel'];
const GIVEN = ['Jane', 'Jörg', 'Ana Mar{\\\'i}a', 'Li', 'Sean', 'Anna', 'Chidi', 'Piotr', 'Claire', 'Tom{\\\'a}{\\v s}', 'Yuki', 'Erik', 'Giulia', 'Min-jun', 'Priya'];
const WORDS = ['harbour', 'bridge', 'budget', 'council', 'dredging', 'tides', 'flooding', 'infrastructure', 'finance', 'policy', 'coastal', 'erosion', 'transport', 'housing', 'climate', 'resilience', 'governance', 'municipal', 'bonds', 'audit'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const title = (i) => { const w = Array.from({ length: 4 + Math.floor(rnd() * 6) }, () => pick(WORDS)); w[0] = w[0][0].toUpperCase() + w[0].slice(1); return `${w.join(' ')} {{Part ${i}}}`; };
const authors = () => Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => `${pick(FAMILY)}, ${pick(GIVEN)}`).join(' and ');
const abstract = () => Array.from({ length: 60 + Math.floor(rnd() * 60) }, () => pick(WORDS)).join(' ') + ' (50\\% of cases; see \\emph{Table 2}).';

const entries = [];
let bibtex = '@comment{jabref-meta: databaseType:biblatex;}\n\n@string{jcf = {Journal of Civic Finance}}\n@string{cp = {Coastal Press}}\n\n';
const csl = [];
for (let i = 0; i < N; i++) {
  const type = pick(['article', 'article', 'book', 'report', 'online', 'incollection']);
  const key = `${pick(FAMILY).replace(/[^A-Za-z]/g, '').toLowerCase()}${pick(WORDS)}${1990 + (i % 35)}${i}`;
  const t = title(i);
  const year = 1990 + (i % 35);
  const file = `/home/writer/Zotero/storage/K${String(i).padStart(7, '0')}/source-${i}.pdf`;
  entries.push({ key, t, i });
  bibtex += `@${type}{${key},\n  title = {${t}},\n  author = {${authors()}},\n  date = {${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}},\n` +
    (type === 'article' ? `  journaltitle = jcf,\n  volume = {${i % 40}},\n  number = {${i % 6}},\n  pages = {${i}--${i + 20}},\n  doi = {10.1234/jcf.${i}},\n` : '') +
    (type === 'book' ? `  publisher = cp,\n  location = {Port Alder},\n  month = ${pick(MONTHS)},\n` : '') +
    (type === 'incollection' ? `  booktitle = {Essays on {{Coastal}} Towns},\n  editor = {${authors()}},\n  pages = {${i}--${i + 9}},\n` : '') +
    (type === 'online' || type === 'report' ? `  url = {https://example.org/${key}?a=1\\&b=2},\n  urldate = {2024-01-02},\n` : '') +
    `  abstract = {${abstract()}},\n  langid = {english},\n  keywords = {${pick(WORDS)},${pick(WORDS)}},\n` +
    `  file = {Full Text PDF:${file}:application/pdf;Snapshot:/home/writer/Zotero/storage/K${i}/snapshot.html:text/html}\n}\n\n`;
  csl.push({ id: key, type: 'article-journal', title: t.replace(/[{}]/g, ''), author: [{ family: 'Smith', given: 'Jane' }], issued: { 'date-parts': [[year, 1 + (i % 12)]] }, 'container-title': 'Journal of Civic Finance', DOI: `10.1234/jcf.${i}` });
}
const cslText = JSON.stringify(csl, null, 2);
// Sources: a third matched by file field, a third named after the key, a third by title (heading).
const sources = entries.map(({ key, t, i }) => (i % 3 === 0 ? { path: `sources/source-${i}.pdf` } : i % 3 === 1 ? { path: `sources/${key}.md` } : { path: `sources/doc-${i}.md`, title: t.replace(/[{}]/g, '') }));

function time(fn) {
  const ms = [];
  let r;
  for (let k = 0; k < RUNS; k++) { const t0 = performance.now(); r = fn(); ms.push(performance.now() - t0); }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)], max: ms[ms.length - 1], r };
}

const fmt = (x) => `${x.toFixed(1)} ms`;
const parse = time(() => new bib.Bibliography([{ path: 'library.bib', text: bibtex }]));
const parseCsl = time(() => new bib.Bibliography([{ path: 'library.json', text: cslText }]));
const link = time(() => bib.linkBibliography(parse.r, sources));
const cold = parse.max;
const linked = link.r;
const matched = sources.filter((s) => linked.entryOf(s.path)).length;
const byReason = { file: 0, key: 0, title: 0 };
for (const s of sources) { const m = linked.matchOf(s.path); if (m) byReason[m]++; }

console.log(`bibliography: ${N} BibTeX entries, ${(bibtex.length / 1024).toFixed(0)} KB; CSL-JSON ${(cslText.length / 1024).toFixed(0)} KB; ${RUNS} runs`);
console.log(`  parse .bib        median ${fmt(parse.median)}  max ${fmt(parse.max)}  (${parse.r.size} entries, ${parse.r.problems.length} problems)`);
console.log(`  parse CSL-JSON    median ${fmt(parseCsl.median)}  max ${fmt(parseCsl.max)}  (${parseCsl.r.size} entries)`);
console.log(`  link to ${sources.length} sources  median ${fmt(link.median)}  max ${fmt(link.max)}  (${matched} matched: ${byReason.file} by file, ${byReason.key} by key, ${byReason.title} by title)`);
const total = parse.max + link.max;
console.log(`floor: 500 BibTeX entries load in under 1 s: ${total < 1000 && N >= 500 ? 'PASS' : 'FAIL'} (worst parse + link: ${fmt(total)}; slowest parse ${fmt(cold)})`);
