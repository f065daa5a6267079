// PDF.js (legacy build: runs on Node 20) and its worker, bundled on their own as dist/pdfjs.js by
// esbuild.mjs. pdf.ts requires that file on the first PDF only, so the main bundles neither carry nor
// parse PDF.js (it is 1.7 MB minified, and parsing it costs ~100 ms at every start).
export * as lib from 'pdfjs-dist/legacy/build/pdf.min.mjs';
export * as worker from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs';
