// Where the session goes next: new runs of reps, check-ins, rests between
// sets, the switch from one leg to the other in per-side work, the switch
// from wake-up to work, and the end. Each function takes the state and the
// instant the change happens and returns the new state.
import type { Glute } from '../vocabulary.js';
import { phrases } from './phrases.js';
import type { SessionPlan } from './plan.js';
import { estimateSpeechMs } from './plan.js';
import { setLabel, sideOfSet } from './sides.js';
import {
  bothGlutesFired,
  loneFiredGlute,
  type Block,
  type CheckInReason,
  type Line,
  type Outcome,
  type SessionState,
} from './state.js';

export function say(text: string, purpose: Line['purpose'] = 'instruction'): Line {
  return { text, purpose };
}

export function openingLines(plan: SessionPlan): Line[] {
  const { protocol } = plan;
  const lines: Line[] = [say(phrases.opening(protocol.name), 'opening')];
  if (plan.speakSetup) {
    lines.push(say(phrases.setupIntro, 'setup'));
    for (const step of protocol.setup) lines.push(say(step.text, 'setup'));
  }
  const safetyLine = protocol.safety[0];
  if (safetyLine !== undefined) lines.push(say(safetyLine, 'safety'));
  if (plan.wakeUp) lines.push(say(phrases.wakeUpIntro(plan.wording)));
  else if (plan.work) {
    const { work } = plan;
    lines.push(
      say(phrases.workOnlyIntro(plan.wording, setLabel(plan, 1).of, work.repsPerSet, work.perSide)),
    );
  }
  return lines;
}

/** The first run of reps of a fresh session. */
export function beginSession(state: SessionState, plan: SessionPlan, at: number): SessionState {
  const lines = openingLines(plan);
  if (plan.wakeUp) return { ...state, position: wakeUpBlock(plan, at, 1, lines) };
  if (plan.work) return { ...state, position: workBlock(plan, at, 1, 1, lines, 0) };
  return endSession(state, at, 'completed');
}

export function wakeUpBlock(
  plan: SessionPlan,
  at: number,
  firstRep: number,
  leadIn: readonly Line[],
  restMs = 0,
): Block {
  const every = plan.wakeUp?.checkInEveryReps ?? 1;
  const cap = plan.wakeUp?.capReps ?? firstRep;
  const lastRep = Math.min(cap, Math.ceil(firstRep / every) * every);
  return {
    kind: 'block',
    anchorAt: at,
    phase: 'wake-up',
    set: null,
    firstRep,
    lastRep: Math.max(firstRep, lastRep),
    nextRep: firstRep,
    leadIn,
    restMs,
  };
}

export function workBlock(
  plan: SessionPlan,
  at: number,
  set: number,
  firstRep: number,
  leadIn: readonly Line[],
  restMs: number,
): Block {
  const repsPerSet = plan.work?.repsPerSet ?? firstRep;
  return {
    kind: 'block',
    anchorAt: at,
    phase: 'work',
    set,
    firstRep,
    lastRep: Math.max(firstRep, repsPerSet),
    nextRep: firstRep,
    leadIn,
    restMs,
  };
}

export function askCheckIn(
  state: SessionState,
  block: Block,
  at: number,
  reason: CheckInReason,
): SessionState {
  return {
    ...state,
    position: {
      kind: 'check-in',
      phase: block.phase,
      set: block.set,
      rep: block.lastRep,
      reason,
      askedAt: at,
      leadIn: [],
    },
  };
}

/** After the last rep of a block: a check-in, the next set, or the end. */
export function finishBlock(
  state: SessionState,
  plan: SessionPlan,
  block: Block,
  at: number,
): SessionState {
  if (block.phase === 'wake-up') {
    const atCap = plan.wakeUp !== null && block.lastRep >= plan.wakeUp.capReps;
    return askCheckIn(state, block, at, atCap ? 'cap' : 'interval');
  }
  if (plan.work?.checkInAfterEachSet) return askCheckIn(state, block, at, 'set-end');
  return afterSet(state, plan, block.set ?? 1, at, []);
}

/** Where the wake-up phase goes after a check-in resolves or a report arrives. */
export function continueWakeUp(
  state: SessionState,
  plan: SessionPlan,
  at: number,
  leadIn: readonly Line[],
  options: { restartRep: number; restMs: number; mayEndAtCap: boolean },
): SessionState {
  if (bothGlutesFired(state))
    return startWork(state, plan, at, [...leadIn, say(phrases.bothAwake)]);
  const cap = plan.wakeUp?.capReps ?? 0;
  if (options.mayEndAtCap && state.wakeUpRepsDone >= cap) {
    const outcome: Outcome = loneFiredGlute(state) === null ? 'not-yet' : 'one-side';
    return endSession(state, at, outcome);
  }
  return {
    ...state,
    position: wakeUpBlock(plan, at, options.restartRep, leadIn, options.restMs),
  };
}

export function startWork(
  state: SessionState,
  plan: SessionPlan,
  at: number,
  leadIn: readonly Line[],
): SessionState {
  if (!plan.work) return endSession(state, at, 'activated');
  const { work } = plan;
  const intro = say(phrases.workIntro(setLabel(plan, 1).of, work.repsPerSet, work.perSide));
  return {
    ...state,
    position: workBlock(plan, at, 1, 1, [...leadIn, intro], plan.work.leadInMs),
  };
}

export function afterSet(
  state: SessionState,
  plan: SessionPlan,
  set: number,
  at: number,
  leadIn: readonly Line[],
): SessionState {
  const sets = plan.work?.sets ?? set;
  if (set >= sets) return endSession(state, at, plan.wakeUp ? 'activated' : 'completed');
  const nextSide = sideOfSet(plan, set + 1);
  if (nextSide === 'right') {
    // The same set on the other leg: a short pause to change stance, no rest.
    const lines = [...leadIn, say(phrases.switchSides(nextSide))];
    const switchMs = plan.work?.switchSidesMs ?? 0;
    return { ...state, position: workBlock(plan, at, set + 1, 1, lines, switchMs) };
  }
  const restMs = plan.work?.restBetweenSetsMs ?? 0;
  const restSeconds = Math.round(restMs / plan.timescale / 1000);
  const lines = restMs > 0 ? [...leadIn, say(phrases.rest(restSeconds))] : leadIn;
  return { ...state, position: workBlock(plan, at, set + 1, 1, lines, restMs) };
}

export function endSession(state: SessionState, at: number, outcome: Outcome): SessionState {
  return { ...state, position: { kind: 'ended', endedAt: at, outcome } };
}

/** How much of a block's rest between sets is still to come at `at`. */
export function remainingRestMs(plan: SessionPlan, block: Block, at: number): number {
  if (block.restMs === 0 || block.nextRep > block.firstRep) return 0;
  const restStartsAt = block.anchorAt + leadInMs(plan, block);
  const restEndsAt = restStartsAt + block.restMs;
  if (at <= restStartsAt) return block.restMs;
  return Math.max(0, restEndsAt - at);
}

/** The lead-in lines of a block not yet finished at `at`, so a pause does not swallow them. */
export function unspokenLeadIn(plan: SessionPlan, block: Block, at: number): Line[] {
  if (block.nextRep > block.firstRep) return [];
  let lineEndsAt = block.anchorAt;
  return block.leadIn.filter((line) => {
    lineEndsAt += estimateSpeechMs(line.text, plan.timescale);
    return lineEndsAt > at;
  });
}

export function leadInMs(plan: SessionPlan, block: Pick<Block, 'leadIn'>): number {
  return block.leadIn.reduce((sum, line) => sum + estimateSpeechMs(line.text, plan.timescale), 0);
}

export function farewellFor(state: SessionState, outcome: Outcome): string {
  const leadsInto = state.plan?.leadsInto ?? null;
  if (outcome === 'completed' && leadsInto !== null) return phrases.warmUpDone(leadsInto.name);
  const fired: Glute | null = loneFiredGlute(state);
  return phrases.farewell(outcome, fired);
}
