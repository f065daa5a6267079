/**
 * Loads the format libraries (linkedom, Readability, htmlparser2, mammoth, JSZip) on first use: from
 * dist/format-libs.js next to a bundle (see libs-bundle.ts), else (tests, tsx) from the packages.
 * The names are not literals, so esbuild leaves the libraries out of the main bundles.
 */
const PACKAGES = { linkedom: 'linkedom', readability: '@mozilla/readability', htmlparser2: 'htmlparser2', mammoth: 'mammoth', jszip: 'jszip' };
type Libs = Record<keyof typeof PACKAGES, unknown>;

let cache: Libs | undefined;

export function formatLibs(): Libs {
  if (cache) return cache;
  const bundled = `${__dirname}/format-libs.js`;
  try {
    cache = (require(bundled) as { libs: Libs }).libs;
  } catch (e) {
    if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND') throw e;
    const direct = {} as Libs;
    for (const [key, name] of Object.entries(PACKAGES)) Object.defineProperty(direct, key, { get: () => require(name) });
    cache = direct;
  }
  return cache;
}
