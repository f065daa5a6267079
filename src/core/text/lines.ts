import type { LineColumn } from '../types';

/**
 * Line starts of a text, for offset -> 1-based line/column conversion. Line breaks are \n, \r\n and
 * lone \r, as VS Code counts them; columns are UTF-16 code units, as VS Code and the JSON report count.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line and column of a 0-based offset. */
  at(offset: number): LineColumn {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] as number) + 1 };
  }

  /** 0-based offset of a 1-based line and column. */
  offsetOf(line: number, column: number): number {
    return (this.starts[line - 1] ?? 0) + column - 1;
  }
}

/** 1-based line/column of `offset` in `text` (builds a throwaway index; use LineIndex for many lookups). */
export function lineColumnAt(text: string, offset: number): LineColumn {
  return new LineIndex(text).at(offset);
}
