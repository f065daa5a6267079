/**
 * Stands in for `sync-fetch` and `fetch-ponyfill` in dist/citation-js.js (see esbuild.mjs): citation-js
 * only fetches to read DOIs, URLs or styles by name, which Groundwork never asks of it. Called without
 * arguments (fetch-ponyfill's factory) it returns a fetch that refuses; called with a URL it refuses.
 */
class Headers {}
function refuse(): never {
  throw new Error('Groundwork formats references offline: citation-js may not fetch');
}
const offlineFetch = Object.assign((url?: unknown) => (url === undefined ? { fetch: refuse, Headers } : refuse()), { Headers });
export = offlineFetch;
