// Runs a whole session on a virtual clock: the same engine an app drives,
// with a scripted person answering. This is how a therapist dry-runs a
// protocol, and how tests and benchmarks drive the engine from outside.
// A check-in without a scripted answer gets whatever the person last
// reported ("none" before any report). In a per-side work phase the script
// names sets as the person counts them, with a leg ("s2R"); the engine's set
// numbers count each leg (see engine/sides.ts).
import type { Protocol } from '../protocol/schema.js';
import type { Balance, Region } from '../vocabulary.js';
import { applyEvent, type ProtocolLookup } from '../engine/apply.js';
import { nextClockEvent } from '../engine/clock.js';
import type { ProtocolRef, SessionEvent, SessionSettings } from '../engine/events.js';
import type { PendingCheckIn, SessionState } from '../engine/state.js';
import { initialSessionState } from '../engine/state.js';
import { summarize, type SessionSummary } from '../engine/summary.js';
import { checkInSteps, timelineOf, type TimelineStep } from '../engine/timeline.js';
import type { ScriptAction, ScriptMoment } from './script.js';

export interface SimulationOptions {
  protocol: Protocol;
  script: readonly ScriptAction[];
  settings?: SessionSettings;
  /** Epoch ms the session starts at; a fixed default keeps runs identical. */
  startAt?: number;
  sessionId?: string;
  /** How long the simulated person takes to answer once the question ends. */
  answerDelayMs?: number;
  /** The program version the session runs `protocol` for, named in its session.started. */
  program?: ProtocolRef;
}

/** A step as it was actually played, at its absolute time. */
export interface PlayedStep extends TimelineStep {
  at: number;
}

export interface Simulation {
  events: SessionEvent[];
  state: SessionState;
  summary: SessionSummary;
  score: PlayedStep[];
  /** Script actions whose moment never came (e.g. a rep after the wake-up ended). */
  unusedActions: ScriptAction[];
}

export const DEFAULT_SIMULATION_START = Date.UTC(2026, 0, 5, 8, 0, 0);
const MAX_STEPS = 100_000;

export function simulateSession(options: SimulationOptions): Simulation {
  const { protocol, script } = options;
  const lookup: ProtocolLookup = (id, version) =>
    id === protocol.id && version === protocol.version ? protocol : null;
  const settings = options.settings ?? {};
  const timescale = settings.timescale ?? 1;
  const answerDelayMs = options.answerDelayMs ?? Math.round(2000 * timescale);
  const used = new Set<number>();
  const events: SessionEvent[] = [];
  const score: PlayedStep[] = [];
  let scoredUntil = -Infinity;
  let state = initialSessionState;
  let lastRegions: Region[] = ['none'];
  let lastBalance: Balance | null = null;

  const recordScoreUntil = (until: number) => {
    const timeline = timelineOf(state);
    for (const step of timeline.steps) {
      const at = timeline.anchorAt + step.startMs;
      if (at >= scoredUntil && at < until) {
        score.push({ ...step, at, durationMs: Math.min(step.durationMs, until - at) });
      }
    }
    scoredUntil = Math.max(scoredUntil, until);
  };
  const emit = (event: SessionEvent) => {
    recordScoreUntil(event.at);
    events.push(event);
    state = applyEvent(lookup, state, event);
  };
  const actionsAt = (moment: ScriptMoment) =>
    script
      .map((action, index) => ({ action, index }))
      .filter(({ action, index }) => !used.has(index) && sameMoment(action.moment, moment, state));
  const pauseOrStop = (at: number, moment: ScriptMoment): boolean => {
    for (const { action, index } of actionsAt(moment)) {
      if (action.kind === 'stop') {
        used.add(index);
        emit({ type: 'session.stopped', at });
        return true;
      }
      if (action.kind === 'pause') {
        used.add(index);
        emit({ type: 'session.paused', at });
        emit({ type: 'session.resumed', at: at + Math.round(action.seconds * 1000) });
        return true;
      }
    }
    return false;
  };

  emit({
    type: 'session.started',
    at: options.startAt ?? DEFAULT_SIMULATION_START,
    v: 1,
    sessionId: options.sessionId ?? 'simulated',
    protocol: { id: protocol.id, version: protocol.version },
    ...(options.program ? { program: options.program } : {}),
    settings,
  });

  for (let step = 0; step < MAX_STEPS && state.position.kind !== 'ended'; step++) {
    const position = state.position;
    if (position.kind === 'check-in') {
      const plan = state.plan;
      const moment = momentOf(position);
      const questionEnds = position.askedAt + (plan ? questionEndOffsetMs(plan, position) : 0);
      if (pauseOrStop(questionEnds, moment)) continue;
      const scripted = actionsAt(moment);
      const silent = scripted.find(({ action }) => action.kind === 'silent');
      const report = scripted.find(({ action }) => action.kind === 'report');
      scripted.forEach(({ index }) => used.add(index));
      const timeout = nextClockEvent(state);
      const answerAt = questionEnds + answerDelayMs;
      if (silent || (timeout !== null && timeout.at <= answerAt)) {
        if (timeout) emit(timeout);
        continue;
      }
      if (report?.action.kind === 'report') {
        lastRegions = report.action.regions;
        lastBalance = report.action.balance ?? lastBalance;
      }
      emit({
        type: 'checkIn.answered',
        at: answerAt,
        regions: lastRegions,
        ...(position.phase === 'work' && lastBalance !== null ? { balance: lastBalance } : {}),
      });
      continue;
    }
    if (position.kind !== 'block') break;
    const due = nextClockEvent(state);
    if (due === null || due.type !== 'rep.completed') break;
    emit(due);
    if (!isRunningReps(state)) continue;
    const moment: ScriptMoment =
      due.phase === 'wake-up'
        ? { phase: 'wake-up', rep: due.rep }
        : { phase: 'work', set: due.set ?? 1, rep: due.rep };
    for (const { action, index } of actionsAt(moment)) {
      if (action.kind === 'pause' || action.kind === 'stop') continue;
      used.add(index);
      if (action.kind !== 'report') continue;
      lastRegions = action.regions;
      if (action.balance !== null) {
        lastBalance = action.balance;
        if (due.phase === 'work')
          emit({ type: 'balance.reported', at: due.at, balance: action.balance });
      }
      emit({ type: 'felt', at: due.at, regions: action.regions });
    }
    // After the reports: what the person said at this rep counts, then they pause or stop.
    pauseOrStop(due.at, moment);
  }
  recordScoreUntil(Infinity);

  return {
    events,
    state,
    summary: summarize(state),
    score,
    unusedActions: script.filter((_, index) => !used.has(index)),
  };
}

// A function boundary, so the compiler re-reads `state` after `emit` changed it.
function isRunningReps(state: SessionState): boolean {
  return state.position.kind === 'block';
}

function momentOf(checkIn: PendingCheckIn): ScriptMoment {
  return checkIn.phase === 'wake-up'
    ? { phase: 'wake-up', rep: checkIn.rep }
    : { phase: 'work', set: checkIn.set ?? 1, rep: checkIn.rep };
}

function sameMoment(scripted: ScriptMoment, actual: ScriptMoment, state: SessionState): boolean {
  if (scripted.phase !== actual.phase) return false;
  if (scripted.phase === 'wake-up' || actual.phase === 'wake-up')
    return scripted.rep === actual.rep;
  if (engineSet(scripted, state) !== actual.set) return false;
  const repsPerSet = state.plan?.work?.repsPerSet ?? 0;
  const scriptedRep = scripted.rep === 'end' ? repsPerSet : scripted.rep;
  const actualRep = actual.rep === 'end' ? repsPerSet : actual.rep;
  return scriptedRep === actualRep;
}

/**
 * The engine's number for a scripted work set: per side, set S is sets 2S-1
 * (left, also meant when no side is given) and 2S (right). A side named for a
 * protocol that is not per side matches no set.
 */
function engineSet(
  moment: Extract<ScriptMoment, { phase: 'work' }>,
  state: SessionState,
): number | null {
  if (state.plan?.work?.perSide !== true) return moment.side === undefined ? moment.set : null;
  return moment.side === 'right' ? moment.set * 2 : moment.set * 2 - 1;
}

function questionEndOffsetMs(
  plan: NonNullable<SessionState['plan']>,
  checkIn: PendingCheckIn,
): number {
  const question = checkInSteps(plan, checkIn, 0).find((step) => step.kind === 'question');
  return question ? question.startMs + question.durationMs : 0;
}
