/** Turns a source file's bytes into text, or says why it cannot be used. */
export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

/** Lines longer than this are not prose (minified data, a dump): the file is skipped. */
export const MAX_LINE_LENGTH = 200_000;
/** Files larger than this are skipped rather than stall indexing. */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * `longLinesOk`: HTML is often saved minified on one line; its markup scan is linear and its block
 * tags make the paragraphs, so the line limit applies to text formats only.
 */
export function decodeSource(content: string | Uint8Array, longLinesOk = false): Decoded {
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    if (content.length > MAX_SOURCE_BYTES) return { ok: false, reason: `larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB` };
    // A NUL byte in the first 8 KB is the usual sign of a binary file (git uses the same test).
    if (content.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
    try {
      text = decoder.decode(content);
    } catch {
      return { ok: false, reason: 'not valid UTF-8 text' };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1); // keep offsets: BOM becomes a space
  if (text.includes('\u0000')) return { ok: false, reason: 'binary file (contains NUL characters)' };
  if (!/\S/.test(text)) return { ok: false, reason: 'empty file' };
  if (longLinesOk) return { ok: true, text };
  let lineStart = 0;
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', i + 1)) {
    const end = i < 0 ? text.length : i;
    if (end - lineStart > MAX_LINE_LENGTH) {
      return { ok: false, reason: `a line of ${end - lineStart} characters (over ${MAX_LINE_LENGTH}): not prose` };
    }
    if (i < 0) break;
    lineStart = i + 1;
  }
  return { ok: true, text };
}
