// The session reducer: (state, event) -> state, and the fold of a whole log.
// Total by design: an event that makes no sense where it arrives (a resume
// while running, a duplicated rep) leaves the state as it was and is counted
// in `ignoredEvents`, so no log can make the engine throw. Time never runs
// backwards inside a session: each event's effective time is at least the
// previous one's, whatever the device clock said.
import type { Protocol } from '../protocol/schema.js';
import type { EventOf, ProtocolRef, SessionEvent } from './events.js';
import { phrases } from './phrases.js';
import {
  answerCheckIn,
  reportBalance,
  reportWhilePaused,
  spontaneousReport,
  timeOutCheckIn,
} from './reports.js';
import { resolvePlan, type SessionPlan } from './plan.js';
import { setLabel } from './sides.js';
import {
  bothGlutesFired,
  initialSessionState,
  withSetValue,
  type Block,
  type SessionState,
} from './state.js';
import {
  beginSession,
  endSession,
  finishBlock,
  remainingRestMs,
  say,
  startWork,
  unspokenLeadIn,
} from './transitions.js';

/**
 * Finds the protocol a `session.started` event names; null when unknown.
 * `program` is the program version the session ran, when it names one
 * (program/lookup.ts); lookups that know only built-ins may ignore it.
 */
export type ProtocolLookup = (
  id: string,
  version: number,
  program?: ProtocolRef | null,
) => Protocol | null;

export function foldSession(lookup: ProtocolLookup, events: readonly SessionEvent[]): SessionState {
  return events.reduce((state, event) => applyEvent(lookup, state, event), initialSessionState);
}

export function applyEvent(
  lookup: ProtocolLookup,
  state: SessionState,
  event: SessionEvent,
): SessionState {
  const at = Math.max(event.at, state.lastEventAt);
  const next = reduce(lookup, state, event, at);
  if (next === null) return { ...state, ignoredEvents: state.ignoredEvents + 1 };
  // A reducer that already stamped the time saves copying the state again.
  return next.lastEventAt === at ? next : { ...next, lastEventAt: at };
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
    const protocol = lookup(event.protocol.id, event.protocol.version, event.program ?? null);
    if (!protocol) return null;
    const next = event.settings.leadsInto;
    const nextName = next ? (lookup(next.id, next.version)?.name ?? null) : null;
    const started = resolvePlan(protocol, event.settings, nextName);
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
      if (position.kind === 'check-in')
        return answerCheckIn(state, plan, position, event.regions, balance, at);
      if (position.kind === 'block')
        return spontaneousReport(state, plan, position, event.regions, balance, at);
      if (position.kind === 'paused') return reportWhilePaused(state, event.regions, balance, at);
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
              ? {
                  ...position,
                  restMs: remainingRestMs(plan, position, at),
                  leadIn: unspokenLeadIn(plan, position, at),
                }
              : position,
        },
      };
    case 'session.resumed':
      return position.kind === 'paused' ? resume(state, plan, position, at) : null;
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
  if (event.phase !== block.phase || event.set !== block.set || event.rep !== block.nextRep)
    return null;
  const timeUnderTensionMs = state.timeUnderTensionMs + plan.tempo.squeezeMs + plan.tempo.holdMs;
  const wakeUpRepsDone = block.phase === 'wake-up' ? event.rep : state.wakeUpRepsDone;
  const setReps =
    block.phase === 'work' ? withSetValue(state.setReps, block.set, event.rep, 0) : state.setReps;
  // Most events are reps in the middle of a block: one copy of the state, time stamped.
  if (event.rep < block.lastRep) {
    return {
      ...state,
      timeUnderTensionMs,
      wakeUpRepsDone,
      setReps,
      position: { ...block, nextRep: event.rep + 1 },
      lastEventAt: at,
    };
  }
  return finishBlock({ ...state, timeUnderTensionMs, wakeUpRepsDone, setReps }, plan, block, at);
}

function resume(
  state: SessionState,
  plan: SessionPlan,
  paused: Extract<SessionState['position'], { kind: 'paused' }>,
  at: number,
): SessionState {
  const closed = withPauseClosed(state, at);
  const target = paused.resumeTo;
  if (target.kind === 'check-in') {
    return {
      ...closed,
      position: { ...target, askedAt: at, leadIn: [say(phrases.resumeCheckIn)] },
    };
  }
  // Both glutes were reported during the pause: the wake-up is over.
  if (target.phase === 'wake-up' && bothGlutesFired(closed)) {
    return startWork(closed, plan, at, [say(phrases.resumeCheckIn)]);
  }
  const welcome =
    target.phase === 'wake-up'
      ? phrases.resumeWakeUp(plan.wording, target.nextRep)
      : resumeWorkPhrase(plan, target.set ?? 1, target.nextRep);
  // Lines cut off by the pause follow the welcome (an earlier welcome is not repeated).
  const pending = target.leadIn.filter((line) => line.text !== welcome);
  return {
    ...closed,
    position: {
      ...target,
      anchorAt: at,
      firstRep: target.nextRep,
      leadIn: [say(welcome), ...pending],
    },
  };
}

function resumeWorkPhrase(plan: SessionPlan, set: number, rep: number): string {
  const label = setLabel(plan, set);
  return phrases.resumeWork(plan.wording, label.set, rep, label.side);
}

function withPauseClosed(state: SessionState, at: number): SessionState {
  if (state.position.kind !== 'paused') return state;
  return { ...state, pausedMs: state.pausedMs + (at - state.position.pausedAt) };
}
