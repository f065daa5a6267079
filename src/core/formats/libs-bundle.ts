// The libraries for HTML and DOCX sources, bundled on their own as dist/format-libs.js by esbuild.mjs
// and required by libs.ts on the first such source, so the main bundles neither carry nor parse them.
// Each is loaded on first access.
/* eslint-disable @typescript-eslint/no-require-imports */
export const libs = {
  get linkedom(): unknown { return require('linkedom'); },
  get readability(): unknown { return require('@mozilla/readability'); },
  get htmlparser2(): unknown { return require('htmlparser2'); },
  get mammoth(): unknown { return require('mammoth'); },
  get jszip(): unknown { return require('jszip'); },
};
