// Bundles the extension host entry, the CLI and the webview script (esbuild-sample style).
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  legalComments: 'none',
  define: { GROUNDWORK_VERSION: JSON.stringify(pkg.version) },
};

const targets = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20',
    banner: { js: '#!/usr/bin/env node' } },
  // The engine as a library, for benchmarks and scripts that want no TypeScript loader.
  { entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js', platform: 'node', format: 'cjs', target: 'node20' },
  // PDF.js on its own, loaded by the bundles above on the first PDF only (src/core/formats/pdf.ts).
  { entryPoints: ['src/core/formats/pdfjs-bundle.ts'], outfile: 'dist/pdfjs.js', platform: 'node', format: 'cjs',
    target: 'node20', sourcemap: false, logOverride: { 'empty-import-meta': 'silent' } },
  // linkedom, Readability, mammoth and JSZip, likewise loaded on the first HTML or DOCX source only.
  { entryPoints: ['src/core/formats/libs-bundle.ts'], outfile: 'dist/format-libs.js', platform: 'node', format: 'cjs',
    target: 'node20', sourcemap: false },
  // citation-js (citeproc-js with the APA and Vancouver styles and the en-US locale), loaded on the first
  // reference list only (src/core/bibliography/cslReferences.ts). Its fetch dependencies are replaced by
  // a stub that refuses, so the bundle holds no code that can reach the network.
  { entryPoints: ['src/core/bibliography/citation-js-bundle.ts'], outfile: 'dist/citation-js.js', platform: 'node',
    format: 'cjs', target: 'node20', sourcemap: false,
    alias: { 'sync-fetch': './src/core/bibliography/offline-fetch.ts', 'fetch-ponyfill': './src/core/bibliography/offline-fetch.ts' } },
];
if (existsSync('src/extension/extension.ts')) {
  targets.push({ entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node',
    format: 'cjs', target: 'node20', external: ['vscode'] });
}
if (existsSync('media/main.ts')) {
  targets.push({ entryPoints: ['media/main.ts'], outfile: 'dist/webview/main.js', platform: 'browser',
    format: 'iife', target: 'es2022' });
}

if (watch) {
  for (const t of targets) await (await esbuild.context({ ...common, ...t })).watch();
} else {
  await Promise.all(targets.map((t) => esbuild.build({ ...common, ...t })));
}
