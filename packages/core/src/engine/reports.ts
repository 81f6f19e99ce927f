// What the person says and what it changes: answers to check-ins, reports
// between them ("I feel it now"), reports made while paused, and left/right
// balance. Each report is recorded with the rep it belongs to and the cues it
// earned; the first report naming a glute in the wake-up sets its fired rep.
import { isGlute, type Balance, type Region } from '../vocabulary.js';
import { chooseCues, gluteNamed, normaliseRegions } from './cue-rules.js';
import { phrases } from './phrases.js';
import type { SessionPlan } from './plan.js';
import {
  repsDoneIn,
  withSetValue,
  type Block,
  type GivenCue,
  type Line,
  type PendingCheckIn,
  type Report,
  type SessionState,
} from './state.js';
import { afterSet, continueWakeUp, remainingRestMs, say, unspokenLeadIn } from './transitions.js';

/** Records a report's effect on which glutes fired and on the run of glute-less check-ins. */
function noteFiring(
  state: SessionState,
  phase: Report['phase'],
  rep: number,
  regions: readonly Region[],
  source: Report['source'],
): SessionState {
  const firedAtRep = { ...state.firedAtRep };
  if (phase === 'wake-up') {
    for (const region of regions) {
      if (isGlute(region) && firedAtRep[region] === null) firedAtRep[region] = rep;
    }
  }
  const checkInsWithoutGlute =
    source !== 'check-in'
      ? state.checkInsWithoutGlute
      : gluteNamed(regions)
        ? 0
        : state.checkInsWithoutGlute + 1;
  return { ...state, firedAtRep, checkInsWithoutGlute };
}

function recordReport(
  state: SessionState,
  plan: SessionPlan,
  where: { phase: Report['phase']; set: number | null; rep: number },
  rawRegions: readonly Region[],
  balance: Balance | null,
  source: Report['source'],
  at: number,
): { state: SessionState; cues: GivenCue[] } {
  const regions = normaliseRegions(rawRegions);
  const fired = noteFiring(state, where.phase, where.rep, regions, source);
  const cues = chooseCues(plan, fired, {
    phase: where.phase,
    rep: where.rep,
    regions,
    balance,
    source,
  });
  const report: Report = { at, ...where, regions, balance, source, cues };
  const withBalance =
    where.phase === 'work' && balance !== null ? (reportBalance(fired, balance) ?? fired) : fired;
  return { state: { ...withBalance, reports: [...withBalance.reports, report] }, cues };
}

export function answerCheckIn(
  state: SessionState,
  plan: SessionPlan,
  checkIn: PendingCheckIn,
  regions: readonly Region[],
  balance: Balance | null,
  at: number,
): SessionState {
  const { state: reported, cues } = recordReport(
    state,
    plan,
    checkIn,
    regions,
    balance,
    'check-in',
    at,
  );
  const recorded: SessionState = {
    ...reported,
    checkIns: [
      ...reported.checkIns,
      {
        ...checkInRecord(checkIn),
        answeredAt: at,
        regions: normaliseRegions(regions),
        balance,
        cues,
      },
    ],
  };
  return afterCheckIn(recorded, plan, checkIn, cueLines(cues), at);
}

export function timeOutCheckIn(
  state: SessionState,
  plan: SessionPlan,
  checkIn: PendingCheckIn,
  at: number,
): SessionState {
  const recorded: SessionState = {
    ...state,
    checkIns: [
      ...state.checkIns,
      { ...checkInRecord(checkIn), answeredAt: null, regions: null, balance: null, cues: [] },
    ],
  };
  return afterCheckIn(recorded, plan, checkIn, [say(phrases.noAnswer)], at);
}

function afterCheckIn(
  state: SessionState,
  plan: SessionPlan,
  checkIn: PendingCheckIn,
  leadIn: Line[],
  at: number,
): SessionState {
  if (checkIn.phase === 'wake-up') {
    return continueWakeUp(state, plan, at, leadIn, {
      restartRep: state.wakeUpRepsDone + 1,
      restMs: 0,
      mayEndAtCap: true,
    });
  }
  return afterSet(state, plan, checkIn.set ?? 1, at, leadIn);
}

export function spontaneousReport(
  state: SessionState,
  plan: SessionPlan,
  block: Block,
  regions: readonly Region[],
  balance: Balance | null,
  at: number,
): SessionState {
  const where = reportTarget(state, block);
  const { state: reported, cues } = recordReport(
    state,
    plan,
    where,
    regions,
    balance,
    'spontaneous',
    at,
  );
  // Lines not yet said (the safety line among them) still follow the reply.
  const reply = cues.length > 0 ? cueLines(cues) : [say(phrases.acknowledged)];
  const leadIn = [...reply, ...unspokenLeadIn(plan, block, at)];
  const restMs = remainingRestMs(plan, block, at);
  if (block.phase === 'wake-up') {
    return continueWakeUp(reported, plan, at, leadIn, {
      restartRep: block.nextRep,
      restMs,
      mayEndAtCap: false,
    });
  }
  return {
    ...reported,
    position: { ...block, anchorAt: at, firstRep: block.nextRep, leadIn, restMs },
  };
}

// The coach stays quiet while paused, but what was felt still counts: a glute
// named now has fired, exactly as if it had been said a moment before the pause.
export function reportWhilePaused(
  state: SessionState,
  rawRegions: readonly Region[],
  balance: Balance | null,
  at: number,
): SessionState {
  const resumeTo = state.position.kind === 'paused' ? state.position.resumeTo : null;
  const { phase, set, rep } = resumeTo
    ? reportTarget(state, resumeTo)
    : { phase: 'wake-up' as const, set: null, rep: 0 };
  const regions = normaliseRegions(rawRegions);
  const fired = noteFiring(state, phase, rep, regions, 'spontaneous');
  const withBalance =
    phase === 'work' && balance !== null ? (reportBalance(fired, balance) ?? fired) : fired;
  const report: Report = { at, phase, set, rep, regions, balance, source: 'spontaneous', cues: [] };
  return { ...withBalance, reports: [...withBalance.reports, report] };
}

export function reportBalance(state: SessionState, balance: Balance): SessionState | null {
  const { position } = state;
  const current = position.kind === 'paused' ? position.resumeTo : position;
  if ((current.kind !== 'block' && current.kind !== 'check-in') || current.phase !== 'work')
    return null;
  return {
    ...state,
    setBalance: withSetValue(state.setBalance, reportTarget(state, current).set, balance, null),
  };
}

/**
 * Where a report belongs. Before the first rep of work set N > 1 (its rest and
 * count-in), the person is talking about set N - 1, the set they just did.
 */
function reportTarget(
  state: SessionState,
  current: Block | PendingCheckIn,
): { phase: Report['phase']; set: number | null; rep: number } {
  if (
    current.kind === 'block' &&
    current.phase === 'work' &&
    current.set !== null &&
    current.set > 1 &&
    current.nextRep === 1
  ) {
    const set = current.set - 1;
    return { phase: 'work', set, rep: repsDoneIn(state, 'work', set) };
  }
  if (current.kind === 'check-in')
    return { phase: current.phase, set: current.set, rep: current.rep };
  return {
    phase: current.phase,
    set: current.set,
    rep: repsDoneIn(state, current.phase, current.set),
  };
}

function cueLines(cues: readonly GivenCue[]): Line[] {
  return cues.map((cue) => ({ text: cue.text, purpose: 'cue', cueId: cue.cueId }));
}

function checkInRecord(checkIn: PendingCheckIn) {
  return {
    phase: checkIn.phase,
    set: checkIn.set,
    rep: checkIn.rep,
    reason: checkIn.reason,
    askedAt: checkIn.askedAt,
  };
}
