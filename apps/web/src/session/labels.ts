// What the session player shows, in the words of the protocol being run: the
// phase ("Find your glutes", "Set 2 of 3 · Right leg", "Warm-up" for a
// pre-activation block), the step ("Lift",
// "Lower"), the check-in title, and whether the session is still in its
// opening (nothing done yet, so the setup is worth showing). Pure functions of
// the engine's state; the app's own words live in messages.ts.
import {
  setLabel,
  type PhaseKind,
  type SessionPlan,
  type SessionState,
  type StepKind,
} from '@glutewake/core';
import { messages } from '../messages.js';

const t = messages.session;

export function phaseLabel(plan: SessionPlan | null, phase: PhaseKind | null, set: number | null) {
  if (plan === null || phase === null) return t.wakeUp;
  if (plan.leadsInto !== null) return t.warmUp;
  if (phase === 'wake-up') {
    const wakeUp = plan.protocol.phases.find((p) => p.kind === 'wake-up');
    return wakeUp?.name ?? t.wakeUp;
  }
  const label = setLabel(plan, set ?? 1);
  const setOf = t.setOf(label.set, label.of);
  return label.side === null ? setOf : t.withLeg(setOf, label.side);
}

export function stepLabel(plan: SessionPlan | null, kind: StepKind): string {
  if (plan !== null && kind === 'squeeze') return plan.wording.squeezeLabel;
  if (plan !== null && kind === 'release') return plan.wording.releaseLabel;
  return t.steps[kind];
}

/** The check-in panel's title: the protocol's own wake-up question, or the after-set one. */
export function checkInTitle(plan: SessionPlan | null, phase: PhaseKind | null): string {
  if (phase === 'work') {
    return plan?.work?.perSide ? messages.checkIn.afterLeg : messages.checkIn.afterSet;
  }
  return plan?.protocol.checkIns.question ?? messages.checkIn.question;
}

/** True until the first rep of the session is done: the coach is still setting things up. */
export function inOpening(state: SessionState): boolean {
  const position = state.position.kind === 'paused' ? state.position.resumeTo : state.position;
  return (
    position.kind === 'block' &&
    position.nextRep === 1 &&
    state.wakeUpRepsDone === 0 &&
    state.setReps.length === 0
  );
}
