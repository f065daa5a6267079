// pdfjs-dist ships its types as .d.mts, which this project's CommonJS resolution does not read; the
// few parts used are typed in pdf.ts.
declare module 'pdfjs-dist/legacy/build/pdf.min.mjs';
declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs';
