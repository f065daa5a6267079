/**
 * Negation: whether a word of a claim or passage is negated ("did not approve", "isn't"), and whether
 * the same word differs in polarity between the two. A cue negates the words just after it; the
 * window is three tokens, narrowed when both texts negate something.
 */
import type { TextView } from './analyze';

export const NEGATION_TEXT_RE = /\b(?:not|no|never|none|nothing|neither|nor|cannot|without|nobody|nowhere)\b|n['\u2019]t\b/i;
const NEGATION = new Set(['not', 'no', 'never', 'none', 'nothing', 'neither', 'nor', 'cannot', 'without', 'nobody', 'nowhere']);

/**
 * Whether a negation cue stands within the three tokens before token i (or is attached: "isn't").
 * `strictly`: with only function words between, so that the cue surely negates this word ("cannot
 * yet match"), not merely stands near it ("cannot match the performance").
 */
export function negatedAt(view: TextView, i: number, strictly = false): boolean {
  for (let k = i; k >= Math.max(0, i - 3); k--) {
    const t = view.tokens[k]!;
    if ((k < i && NEGATION.has(t.norm)) || t.norm.endsWith("n't")) return true;
    if (strictly && k < i && !t.stop) return false;
  }
  return false;
}

/**
 * Whether word i of `a` and word j of `b` differ in polarity. When both texts negate something, the
 * three-word window would flip words that merely fall inside one side's ("cannot yet match the
 * performance" / "currently cannot match the performance"): then one must be surely negated and the
 * other not even near a cue.
 */
export function oppositePolarity(a: TextView, i: number, b: TextView, j: number, bothNegate: boolean): boolean {
  if (!bothNegate) return negatedAt(a, i) !== negatedAt(b, j);
  return (negatedAt(a, i, true) && !negatedAt(b, j)) || (negatedAt(b, j, true) && !negatedAt(a, i));
}
