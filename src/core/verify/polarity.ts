/**
 * Negation: whether a word of a claim or passage is negated ("did not approve", "isn't"), and whether
 * the same word differs in polarity between the two. A cue negates the words just after it; the
 * window is three tokens, narrowed when both texts negate something.
 */
import type { TextView } from './analyze';

export const NEGATION_TEXT_RE = /\b(?:not|no|never|none|nothing|neither|nor|cannot|without|nobody|nowhere|rather than|instead of)\b|n['\u2019]t\b|\b(?:fail|unable|struggl|tr[iy]|attempt|s(?:eek|ought))[a-z]*\s+to\b|\bunsuccessful\s+(?:in|at)\b|\b(?:trouble|difficult|struggle)[a-z]*\s+[a-z]+ing\b/i;
const NEGATION = new Set(['not', 'no', 'never', 'none', 'nothing', 'neither', 'nor', 'cannot', 'without', 'nobody', 'nowhere']);
/**
 * Words that leave the next verb undone when "to" follows: "failed to raise", "struggling to raise",
 * "tried to raise" do not say that it was raised, and a claim that it was is not supported by them.
 */
const UNDONE = new Set(['fail', 'fails', 'failed', 'failing', 'unable', 'struggle', 'struggles', 'struggled', 'struggling', 'try', 'tries',
  'tried', 'trying', 'attempt', 'attempts', 'attempted', 'attempting', 'seek', 'seeks', 'seeking', 'sought']);

/** How a word stands: said, negated ("did not raise"), attempted ("tried to raise"), not even attempted ("never tried to raise"). */
export const enum Polarity { Said, Negated, Attempted, NotAttempted }

/** Words after a cue that make it no negation: "not only", "not just", "no doubt", "no matter". */
const NOT_NEGATING = new Set(['only', 'just', 'merely', 'simply', 'doubt', 'matter']);

/** Nouns of effort before a gerund: "had trouble raising", "difficulty hiring". */
const EFFORT = new Set(['trouble', 'difficulty', 'difficulties', 'struggle', 'struggles']);

function undoneCue(view: TextView, k: number): boolean {
  const t = view.tokens[k]!;
  const next = view.tokens[k + 1]?.norm;
  return (UNDONE.has(t.norm) && next === 'to') || (t.norm === 'unsuccessful' && (next === 'in' || next === 'at')) ||
    (EFFORT.has(t.norm) && next !== undefined && next.length > 4 && next.endsWith('ing'));
}

/**
 * The polarity of token i: the nearest cue within the three tokens before it decides (or an attached
 * "n't"). An attempt cue takes its own polarity: "never tried to raise" denies even the attempt.
 * `strictly`: with only function words between, so that the cue surely governs this word ("cannot
 * yet match"), not merely stands near it ("cannot match the performance").
 */
export function polarityAt(view: TextView, i: number, strictly = false): Polarity {
  if (deniedAlternative(view, i)) return Polarity.Negated;
  for (let k = i; k >= Math.max(0, i - 3); k--) {
    const t = view.tokens[k]!;
    if ((k < i && NEGATION.has(t.norm) && !NOT_NEGATING.has(view.tokens[k + 1]!.norm)) || t.norm.endsWith("n't")) return Polarity.Negated;
    // "Ever" stands in a negation's scope and carries it on: "without the data ever leaving".
    if (k < i && t.norm === 'ever' && polarityAt(view, k) === Polarity.Negated) return Polarity.Negated;
    // (An attempt is itself done: "unsuccessful in trying to raise" tried.)
    if (k < i && undoneCue(view, k) && !UNDONE.has(view.tokens[i]!.norm)) {
      const own = polarityAt(view, k);
      return own === Polarity.Negated || own === Polarity.NotAttempted ? Polarity.NotAttempted : Polarity.Attempted;
    }
    if (strictly && k < i && !t.stop) return Polarity.Said;
  }
  return Polarity.Said;
}

/**
 * "On salaries rather than on computational resources", "instead of two new ferries": the phrase
 * after the cue (up to five words) is denied.
 */
function deniedAlternative(view: TextView, i: number): boolean {
  for (let k = i - 1; k >= Math.max(1, i - 5); k--) {
    const t = view.tokens[k]!.norm;
    const before = view.tokens[k - 1]!.norm;
    if ((t === 'than' && before === 'rather') || (t === 'of' && before === 'instead')) return true;
  }
  return false;
}

/** Whether a negation or attempt cue governs token i (see polarityAt). */
export function negatedAt(view: TextView, i: number, strictly = false): boolean {
  return polarityAt(view, i, strictly) !== Polarity.Said;
}

/**
 * Whether two polarities disagree: said against anything else, and an attempt against no attempt.
 * "Did not raise" and "failed to raise" agree.
 */
function differ(a: Polarity, b: Polarity): boolean {
  if ((a === Polarity.Said) !== (b === Polarity.Said)) return true;
  return (a === Polarity.Attempted && b === Polarity.NotAttempted) || (a === Polarity.NotAttempted && b === Polarity.Attempted);
}

/**
 * Whether word i of `a` and word j of `b` differ in polarity. When both texts negate something, the
 * three-word window would flip words that merely fall inside one side's ("cannot yet match the
 * performance" / "currently cannot match the performance"): then one must be surely negated and the
 * other not even near a cue.
 */
export function oppositePolarity(a: TextView, i: number, b: TextView, j: number, bothNegate: boolean): boolean {
  const pa = polarityAt(a, i);
  const pb = polarityAt(b, j);
  if (!bothNegate) return differ(pa, pb);
  if (pa !== Polarity.Said && pb !== Polarity.Said) return differ(pa, pb);
  return (negatedAt(a, i, true) && pb === Polarity.Said) || (negatedAt(b, j, true) && pa === Polarity.Said);
}
