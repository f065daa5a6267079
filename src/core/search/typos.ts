/**
 * Spelling tolerance for query words the sources never use: vocabulary terms that share most
 * letter trigrams and are within one or two edits. The trigram map grows with the vocabulary.
 */
import { editDistance } from '../verify/analyze';

export class TypoIndex {
  private readonly grams = new Map<string, number[]>();
  private covered = 0;

  constructor(private readonly vocabulary: string[], private readonly frequency: (key: string) => number) {}

  private catchUp(): void {
    for (; this.covered < this.vocabulary.length; this.covered++) {
      const key = this.vocabulary[this.covered]!;
      if (key.length < 4 || /\d/.test(key)) continue;
      for (const g of trigrams(key)) {
        let list = this.grams.get(g);
        if (!list) this.grams.set(g, (list = []));
        list.push(this.covered);
      }
    }
  }

  /** Builds the trigram table now (after indexing) rather than on the first search. */
  warmUp(): void {
    this.catchUp();
  }

  /** Up to three known terms close to `key`, most frequent first. */
  corrections(key: string): string[] {
    this.catchUp();
    const grams = trigrams(key);
    const counts = new Map<number, number>();
    for (const g of grams) for (const id of this.grams.get(g) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    const need = Math.max(1, grams.length - 4);
    const max = key.length >= 6 ? 2 : 1;
    const out: { key: string; f: number }[] = [];
    for (const [id, n] of counts) {
      if (n < need) continue;
      const cand = this.vocabulary[id]!;
      const f = this.frequency(cand);
      if (f > 0 && editDistance(cand, key, max) <= max) out.push({ key: cand, f });
    }
    return out.sort((a, b) => b.f - a.f).slice(0, 3).map((x) => x.key);
  }
}

function trigrams(s: string): string[] {
  const p = `^${s}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= p.length; i++) out.push(p.slice(i, i + 3));
  return out;
}
