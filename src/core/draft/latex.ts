import type { Blanked } from '../sources/blank';

const SKIP_ENVS = new Set(['equation', 'equation*', 'align', 'align*', 'figure', 'figure*', 'table', 'table*', 'verbatim',
  'lstlisting', 'tabular', 'tikzpicture', 'displaymath', 'math', 'minted', 'comment', 'thebibliography']);
const KEEP_ARG = new Set(['emph', 'textbf', 'textit', 'texttt', 'underline', 'textsc', 'mbox', 'text', 'textrm', 'enquote', 'item', 'footnote']);
/** Characters LaTeX escapes with a backslash that are text in the prose. */
const ESCAPED = new Set(['$', '%', '&', '#', '_']);
const HEADING = new Set(['part', 'chapter', 'section', 'subsection', 'subsubsection', 'paragraph', 'subparagraph', 'title', 'caption']);

function blank(chars: string[], s: number, e: number): void {
  for (let i = s; i < e; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
}

/** Matching close brace of the group opening at `open`, or -1 (looked for within 5,000 characters). */
function closeBrace(src: string, open: number): number {
  let depth = 0;
  for (let i = open, stop = Math.min(src.length, open + 5000); i < stop; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === '{') depth++;
    else if (src[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * LaTeX to prose with offsets kept: comments, math, skipped environments and non-prose commands are
 * blanked; formatting commands keep their argument; \cite commands stay for the citation scanner;
 * ``quotes'' become typographic quotes.
 */
export function blankLatex(src: string): Blanked {
  const chars = src.split('');
  const headings: [number, number][] = [];
  let title: string | undefined;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '%') {
      const e = src.indexOf('\n', i);
      blank(chars, i, e < 0 ? src.length : e);
      i = e < 0 ? src.length : e;
    } else if (c === '$') {
      const dbl = src[i + 1] === '$';
      const e = src.indexOf(dbl ? '$$' : '$', i + (dbl ? 2 : 1));
      const end = e < 0 ? i + 1 : e + (dbl ? 2 : 1);
      blank(chars, i, end);
      i = end - 1;
    } else if (c === '`' && src[i + 1] === '`') {
      chars[i] = '\u201c';
      chars[i + 1] = ' ';
      i++;
    } else if (c === "'" && src[i + 1] === "'") {
      chars[i] = '\u201d';
      chars[i + 1] = ' ';
      i++;
    } else if (c === '~') {
      chars[i] = ' ';
    } else if (c === '{' && src.startsWith('{,}', i) && /\d/.test(src[i - 1] ?? '') && /\d/.test(src[i + 3] ?? '')) {
      i += 2; // "64{,}062": LaTeX's thousands comma stays, so the figure reads as one number
    } else if (c === '{' || c === '}') {
      chars[i] = ' ';
    } else if (c === '\\') {
      const m = /^\\([a-zA-Z]+\*?|.)/.exec(src.slice(i, i + 40));
      if (!m) continue;
      const name = m[1]!;
      let end = i + m[0].length;
      if (ESCAPED.has(name)) {
        // An escaped character is text ("\$12 million", "50\%"): only the backslash goes.
        chars[i] = ' ';
        i = end - 1;
        continue;
      }
      if (/cite/i.test(name)) {
        // Leave citations for the citation scanner; skip past them.
        while (src[end] === '[') {
          const close = src.indexOf(']', end);
          end = close > 0 && close - end < 500 ? close + 1 : end + 1;
        }
        if (src[end] === '{') end = closeBrace(src, end) + 1 || end + 1;
        i = end - 1;
        continue;
      }
      if (name === 'begin' || name === 'end') {
        const close = src[end] === '{' ? closeBrace(src, end) : -1;
        const env = close > 0 ? src.slice(end + 1, close) : '';
        if (name === 'begin' && SKIP_ENVS.has(env)) {
          const stop = src.indexOf(`\\end{${env}}`, close);
          const e = stop < 0 ? src.length : stop + env.length + 6;
          blank(chars, i, e);
          i = e - 1;
          continue;
        }
        blank(chars, i, close > 0 ? close + 1 : end);
        i = (close > 0 ? close + 1 : end) - 1;
        continue;
      }
      if (name === '[') {
        const stop = src.indexOf('\\]', end);
        const e = stop < 0 ? src.length : stop + 2;
        blank(chars, i, e);
        i = e - 1;
        continue;
      }
      blank(chars, i, end);
      while (src[end] === '[') {
        const close = src.indexOf(']', end);
        if (close < 0 || close - end > 500) break;
        blank(chars, end, close + 1);
        end = close + 1;
      }
      const bare = name.replace(/\*$/, '');
      if (src[end] === '{' && !KEEP_ARG.has(bare)) {
        const close = closeBrace(src, end);
        if (close > 0) {
          if (HEADING.has(bare)) {
            headings.push([end + 1, close]);
            if (bare === 'title' || !title) title ??= src.slice(end + 1, close).trim();
            blank(chars, end, end + 1);
            chars[close] = ' ';
          } else blank(chars, end, close + 1);
          end = close + 1;
        }
      }
      i = end - 1;
    }
  }
  return { text: chars.join(''), headings, ...(title ? { title } : {}) };
}
