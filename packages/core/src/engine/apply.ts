// The session reducer: (state, event) -> state, and the fold of a whole log.
// Total by design: an event that makes no sense where it arrives (a resume
// while running, a duplicated rep) leaves the state as it was and is counted
// in `ignoredEvents`, so no log can make the engine throw. Time never runs
// backwards inside a session: each event's effective time is at least the
// previous one's, whatever the device clock said.
import type { Protocol } from '../protocol/schema.js';
import { isGlute, type Balance, type Region } from '../vocabulary.js';
import { chooseCues, gluteNamed, normaliseRegions } from './cue-rules.js';
import type { EventOf, SessionEvent } from './events.js';
import { phrases } from './phrases.js';
import { resolvePlan, type SessionPlan } from './plan.js';
import {
  initialSessionState,
  repsDoneIn,
  type Block,
  type GivenCue,
  type Line,
  type PendingCheckIn,
  type Report,
  type SessionState,
} from './state.js';
import {
  afterSet,
  beginSession,
  continueWakeUp,
  endSession,
  finishBlock,
  remainingRestMs,
  say,
} from './transitions.js';

/** Finds the protocol a `session.started` event names; null when unknown. */
export type ProtocolLookup = (id: string, version: number) => Protocol | null;

export function foldSession(lookup: ProtocolLookup, events: readonly SessionEvent[]): SessionState {
  return events.reduce((state, event) => applyEvent(lookup, state, event), initialSessionState);
}

export function applyEvent(lookup: ProtocolLookup, state: SessionState, event: SessionEvent): SessionState {
  const at = Math.max(event.at, state.lastEventAt);
  const next = reduce(lookup, state, event, at);
  if (next === null) return { ...state, ignoredEvents: state.ignoredEvents + 1 };
  return { ...next, lastEventAt: at };
}

function reduce(
  lookup: ProtocolLookup,
  state: SessionState,
  event: SessionEvent,
  at: number,
): SessionState | null {
  const { position, plan } = state;
  if (event.type === 'session.started') {
    if (position.kind !== 'not-started') return null;
    const protocol = lookup(event.protocol.id, event.protocol.version);
    if (!protocol) return null;
    const started = resolvePlan(protocol, event.settings);
    return beginSession(
      {
        ...state,
        sessionId: event.sessionId,
        protocol: event.protocol,
        program: event.program ?? null,
        settings: event.settings,
        plan: started,
        startedAt: at,
      },
      started,
      at,
    );
  }
  if (plan === null) return null;

  switch (event.type) {
    case 'rep.completed':
      return position.kind === 'block' ? completeRep(state, plan, position, event, at) : null;
    case 'felt':
    case 'checkIn.answered': {
      const balance = event.type === 'checkIn.answered' ? (event.balance ?? null) : null;
      if (position.kind === 'check-in') return answerCheckIn(state, plan, position, event.regions, balance, at);
      if (position.kind === 'block') return spontaneousReport(state, plan, position, event.regions, balance, at);
      if (position.kind === 'paused') return { ...state, reports: [...state.reports, pausedReport(state, event.regions, balance, at)] };
      return null;
    }
    case 'checkIn.timedOut':
      return position.kind === 'check-in' ? timeOutCheckIn(state, plan, position, at) : null;
    case 'balance.reported':
      return reportBalance(state, event.balance);
    case 'session.paused':
      if (position.kind !== 'block' && position.kind !== 'check-in') return null;
      return {
        ...state,
        position: {
          kind: 'paused',
          pausedAt: at,
          resumeTo:
            position.kind === 'block'
              ? { ...position, restMs: remainingRestMs(plan, position, at) }
              : position,
        },
      };
    case 'session.resumed':
      return position.kind === 'paused' ? resume(state, position, at) : null;
    case 'session.stopped':
      if (position.kind === 'ended' || position.kind === 'not-started') return null;
      return endSession(withPauseClosed(state, at), at, 'stopped');
    case 'symptoms.logged':
      return { ...state, symptoms: event.symptoms, note: event.note ?? state.note };
  }
}

function completeRep(
  state: SessionState,
  plan: SessionPlan,
  block: Block,
  event: EventOf<'rep.completed'>,
  at: number,
): SessionState | null {
  if (event.phase !== block.phase || event.set !== block.set || event.rep !== block.nextRep) return null;
  const counted: SessionState = {
    ...state,
    timeUnderTensionMs: state.timeUnderTensionMs + plan.tempo.squeezeMs + plan.tempo.holdMs,
    wakeUpRepsDone: block.phase === 'wake-up' ? event.rep : state.wakeUpRepsDone,
    setReps: block.phase === 'work' ? withSetValue(state.setReps, block.set, event.rep, 0) : state.setReps,
  };
  if (event.rep < block.lastRep) {
    return { ...counted, position: { ...block, nextRep: event.rep + 1 } };
  }
  return finishBlock(counted, plan, block, at);
}

/** Records a report's effect on which glutes fired and on the run of glute-less check-ins. */
function noteFiring(state: SessionState, phase: Report['phase'], rep: number, regions: readonly Region[], source: Report['source']): SessionState {
  const firedAtRep = { ...state.firedAtRep };
  if (phase === 'wake-up') {
    for (const region of regions) {
      if (isGlute(region) && firedAtRep[region] === null) firedAtRep[region] = rep;
    }
  }
  const checkInsWithoutGlute =
    source !== 'check-in' ? state.checkInsWithoutGlute : gluteNamed(regions) ? 0 : state.checkInsWithoutGlute + 1;
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
  const cues = chooseCues(plan, fired, { phase: where.phase, rep: where.rep, regions, balance, source });
  const report: Report = { at, ...where, regions, balance, source, cues };
  const withBalance = where.phase === 'work' && balance !== null ? reportBalance(fired, balance) ?? fired : fired;
  return { state: { ...withBalance, reports: [...withBalance.reports, report] }, cues };
}

function answerCheckIn(
  state: SessionState,
  plan: SessionPlan,
  checkIn: PendingCheckIn,
  regions: readonly Region[],
  balance: Balance | null,
  at: number,
): SessionState {
  const { state: reported, cues } = recordReport(state, plan, checkIn, regions, balance, 'check-in', at);
  const recorded: SessionState = {
    ...reported,
    checkIns: [
      ...reported.checkIns,
      { ...checkInRecord(checkIn), answeredAt: at, regions: normaliseRegions(regions), balance, cues },
    ],
  };
  return afterCheckIn(recorded, plan, checkIn, cueLines(cues), at);
}

function timeOutCheckIn(state: SessionState, plan: SessionPlan, checkIn: PendingCheckIn, at: number): SessionState {
  const recorded: SessionState = {
    ...state,
    checkIns: [...state.checkIns, { ...checkInRecord(checkIn), answeredAt: null, regions: null, balance: null, cues: [] }],
  };
  return afterCheckIn(recorded, plan, checkIn, [say(phrases.noAnswer)], at);
}

function afterCheckIn(state: SessionState, plan: SessionPlan, checkIn: PendingCheckIn, leadIn: Line[], at: number): SessionState {
  if (checkIn.phase === 'wake-up') {
    return continueWakeUp(state, plan, at, leadIn, {
      restartRep: state.wakeUpRepsDone + 1,
      restMs: 0,
      mayEndAtCap: true,
    });
  }
  return afterSet(state, plan, checkIn.set ?? 1, at, leadIn);
}

function spontaneousReport(
  state: SessionState,
  plan: SessionPlan,
  block: Block,
  regions: readonly Region[],
  balance: Balance | null,
  at: number,
): SessionState {
  const where = { phase: block.phase, set: block.set, rep: repsDoneIn(state, block.phase, block.set) };
  const { state: reported, cues } = recordReport(state, plan, where, regions, balance, 'spontaneous', at);
  const leadIn = cues.length > 0 ? cueLines(cues) : [say(phrases.acknowledged)];
  const restMs = remainingRestMs(plan, block, at);
  if (block.phase === 'wake-up') {
    return continueWakeUp(reported, plan, at, leadIn, { restartRep: block.nextRep, restMs, mayEndAtCap: false });
  }
  return { ...reported, position: { ...block, anchorAt: at, firstRep: block.nextRep, leadIn, restMs } };
}

function pausedReport(state: SessionState, regions: readonly Region[], balance: Balance | null, at: number): Report {
  const resumeTo = state.position.kind === 'paused' ? state.position.resumeTo : null;
  const phase = resumeTo?.phase ?? 'wake-up';
  const set = resumeTo?.set ?? null;
  return { at, phase, set, rep: repsDoneIn(state, phase, set), regions: normaliseRegions(regions), balance, source: 'spontaneous', cues: [] };
}

function reportBalance(state: SessionState, balance: Balance): SessionState | null {
  const { position } = state;
  const current = position.kind === 'paused' ? position.resumeTo : position;
  if ((current.kind !== 'block' && current.kind !== 'check-in') || current.phase !== 'work') return null;
  return { ...state, setBalance: withSetValue(state.setBalance, current.set, balance, null) };
}

function resume(state: SessionState, paused: Extract<SessionState['position'], { kind: 'paused' }>, at: number): SessionState {
  const closed = withPauseClosed(state, at);
  const target = paused.resumeTo;
  if (target.kind === 'check-in') {
    return { ...closed, position: { ...target, askedAt: at, leadIn: [say(phrases.resumeCheckIn)] } };
  }
  const welcome =
    target.phase === 'wake-up'
      ? phrases.resumeWakeUp(target.nextRep)
      : phrases.resumeWork(target.set ?? 1, target.nextRep);
  return {
    ...closed,
    position: { ...target, anchorAt: at, firstRep: target.nextRep, leadIn: [say(welcome)] },
  };
}

function withPauseClosed(state: SessionState, at: number): SessionState {
  if (state.position.kind !== 'paused') return state;
  return { ...state, pausedMs: state.pausedMs + (at - state.position.pausedAt) };
}

function cueLines(cues: readonly GivenCue[]): Line[] {
  return cues.map((cue) => ({ text: cue.text, purpose: 'cue', cueId: cue.cueId }));
}

function checkInRecord(checkIn: PendingCheckIn) {
  return { phase: checkIn.phase, set: checkIn.set, rep: checkIn.rep, reason: checkIn.reason, askedAt: checkIn.askedAt };
}

function withSetValue<T>(values: readonly T[], set: number | null, value: T, filler: T): T[] {
  const index = (set ?? 1) - 1;
  const copy = [...values];
  while (copy.length < index) copy.push(filler);
  copy[index] = value;
  return copy;
}
