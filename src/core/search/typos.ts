/**
 * Spelling tolerance for query words the sources never use: vocabulary terms that share most
 * letter trigrams and are within one or two edits. The trigram map is kept per term length, so a
 * lookup only visits terms of a possible length (common trigrams like "the" would otherwise cost
 * milliseconds). It grows with the vocabulary.
 */
import { editDistance } from '../verify/analyze';

const MAX_LENGTH = 40;

export class TypoIndex {
  /** trigram -> term length -> term ids */
  private readonly grams = new Map<string, number[][]>();
  private covered = 0;

  constructor(private readonly vocabulary: string[], private readonly frequency: (key: string) => number) {}

  private catchUp(): void {
    for (; this.covered < this.vocabulary.length; this.covered++) {
      const key = this.vocabulary[this.covered]!;
      if (key.length < 4 || key.length > MAX_LENGTH || /\d/.test(key)) continue;
      for (const g of trigrams(key)) {
        let byLength = this.grams.get(g);
        if (!byLength) this.grams.set(g, (byLength = []));
        (byLength[key.length] ??= []).push(this.covered);
      }
    }
  }

  /** Builds the trigram table now (after indexing) rather than on the first search. */
  warmUp(): void {
    this.catchUp();
  }

  /** Up to three known terms close to `key`: nearest first, then most frequent. */
  corrections(key: string): string[] {
    if (key.length < 4 || key.length > MAX_LENGTH) return [];
    this.catchUp();
    const grams = trigrams(key);
    const max = key.length >= 6 ? 2 : 1;
    const shortlist: { id: number; n: number }[] = [];
    for (let len = Math.max(4, key.length - max); len <= Math.min(MAX_LENGTH, key.length + max); len++) {
      // Each edit spoils at most three trigrams.
      const need = Math.max(1, Math.max(grams.length, len + 2) - 3 * max);
      const counts = new Map<number, number>();
      for (const g of grams) for (const id of this.grams.get(g)?.[len] ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
      for (const [id, n] of counts) if (n >= need) shortlist.push({ id, n });
    }
    // Edit distance only for the terms sharing the most trigrams.
    shortlist.sort((a, b) => b.n - a.n);
    const out: { key: string; d: number; f: number }[] = [];
    for (const { id } of shortlist.slice(0, 60)) {
      const cand = this.vocabulary[id]!;
      const f = this.frequency(cand);
      if (f <= 0) continue;
      const d = editDistance(cand, key, max);
      if (d <= max) out.push({ key: cand, d, f });
    }
    return out.sort((a, b) => a.d - b.d || b.f - a.f).slice(0, 3).map((x) => x.key);
  }
}

function trigrams(s: string): string[] {
  const p = `^${s}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= p.length; i++) out.push(p.slice(i, i + 3));
  return out;
}
