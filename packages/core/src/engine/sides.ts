// Per-side work: each set is done once on the left leg, then once on the
// right. The engine runs every one-sided half as a set of its own (set 1 is
// the first set's left side, set 2 its right side, set 3 the second set's
// left side, ...), so the log, the check-ins and the summary keep one entry
// per run of reps. These helpers turn such a set number back into the set and
// side a person hears. Invariant: without `perSide`, a set is just itself.
import type { Glute } from '../vocabulary.js';
import type { SessionPlan } from './plan.js';

export interface SetLabel {
  /** The set as the person counts it (1-based). */
  set: number;
  /** How many sets the person does (per side, when per side). */
  of: number;
  side: Glute | null;
}

export function setLabel(plan: SessionPlan, set: number): SetLabel {
  const work = plan.work;
  if (!work?.perSide) return { set, of: work?.sets ?? set, side: null };
  return { set: Math.ceil(set / 2), of: Math.ceil(work.sets / 2), side: sideOfSet(plan, set) };
}

/** The leg a work set is done on, or null when the work phase is not per side. */
export function sideOfSet(plan: SessionPlan, set: number): Glute | null {
  if (!plan.work?.perSide) return null;
  return set % 2 === 1 ? 'left' : 'right';
}
