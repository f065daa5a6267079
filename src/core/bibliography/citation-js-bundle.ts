// citation-js (core and the CSL plugin, which carries citeproc-js with the APA, Vancouver and Harvard
// styles and the en-US locale built in), bundled on its own as dist/citation-js.js by esbuild.mjs.
// cslReferences.ts requires it on the first reference list only, so the main bundles neither carry
// nor parse it. In that bundle, sync-fetch and fetch-ponyfill are replaced by offline-fetch.ts, so it
// holds no code that can reach the network.
/* eslint-disable @typescript-eslint/no-require-imports */
export const core: unknown = require('@citation-js/core');
require('@citation-js/plugin-csl');
export const citeproc: unknown = require('citeproc');
