// The state of one session: what the fold of its events has established so
// far. It is plain data (no methods, no clocks), so it can be rebuilt from the
// log at any time, compared for equality, and stored or sent as JSON.
// Invariants: `position` says what is happening now; reps, check-ins and
// reports only ever grow; firedAtRep values never change once set.
import type { Balance, Glute, PhaseKind, Region } from '../vocabulary.js';
import type { ProtocolRef, SessionSettings, SymptomScores } from './events.js';
import type { SessionPlan } from './plan.js';

export type Outcome = 'activated' | 'one-side' | 'not-yet' | 'stopped' | 'completed';

export type SpeechPurpose = 'opening' | 'setup' | 'safety' | 'instruction' | 'cue' | 'count';

/** A line the coach will say, with where it came from. */
export interface Line {
  text: string;
  purpose: SpeechPurpose;
  cueId?: string;
}

/** A run of reps on the tempo, preceded by what is said and any rest. */
export interface Block {
  kind: 'block';
  /** The instant every offset of this block's timeline counts from. */
  anchorAt: number;
  phase: PhaseKind;
  set: number | null;
  firstRep: number;
  lastRep: number;
  nextRep: number;
  leadIn: readonly Line[];
  restMs: number;
}

export type CheckInReason = 'interval' | 'cap' | 'set-end';

export interface PendingCheckIn {
  kind: 'check-in';
  phase: PhaseKind;
  set: number | null;
  /** Reps done in the phase (or the set) when the question was asked. */
  rep: number;
  reason: CheckInReason;
  askedAt: number;
  /** Said before the question, e.g. "Welcome back" after a pause. */
  leadIn: readonly Line[];
}

export type Position =
  | { kind: 'not-started' }
  | Block
  | PendingCheckIn
  | { kind: 'paused'; pausedAt: number; resumeTo: Block | PendingCheckIn }
  | { kind: 'ended'; endedAt: number; outcome: Outcome };

export interface GivenCue {
  cueId: string;
  ruleId: string;
  text: string;
}

/** Something the person said about where they feel it. */
export interface Report {
  at: number;
  phase: PhaseKind;
  set: number | null;
  rep: number;
  regions: readonly Region[];
  balance: Balance | null;
  source: 'check-in' | 'spontaneous';
  cues: readonly GivenCue[];
}

export interface CheckInRecord {
  phase: PhaseKind;
  set: number | null;
  rep: number;
  reason: CheckInReason;
  askedAt: number;
  answeredAt: number | null;
  /** null when the check-in timed out with no answer. */
  regions: readonly Region[] | null;
  balance: Balance | null;
  /** What the coach said in reply. */
  cues: readonly GivenCue[];
}

export interface SessionState {
  sessionId: string | null;
  protocol: ProtocolRef | null;
  program: ProtocolRef | null;
  settings: SessionSettings;
  plan: SessionPlan | null;
  startedAt: number | null;
  /** The latest effective event time; later events never move time backwards. */
  lastEventAt: number;
  position: Position;
  wakeUpRepsDone: number;
  firedAtRep: Record<Glute, number | null>;
  /** Reps done in each work set, index 0 for set 1. */
  setReps: readonly number[];
  setBalance: readonly (Balance | null)[];
  checkIns: readonly CheckInRecord[];
  reports: readonly Report[];
  /** Consecutive answered check-ins that named no glute. */
  checkInsWithoutGlute: number;
  pausedMs: number;
  timeUnderTensionMs: number;
  symptoms: SymptomScores | null;
  note: string | null;
  /** Events that made no sense where they arrived (kept out of the state, counted). */
  ignoredEvents: number;
}

export const initialSessionState: SessionState = {
  sessionId: null,
  protocol: null,
  program: null,
  settings: {},
  plan: null,
  startedAt: null,
  lastEventAt: 0,
  position: { kind: 'not-started' },
  wakeUpRepsDone: 0,
  firedAtRep: { left: null, right: null },
  setReps: [],
  setBalance: [],
  checkIns: [],
  reports: [],
  checkInsWithoutGlute: 0,
  pausedMs: 0,
  timeUnderTensionMs: 0,
  symptoms: null,
  note: null,
  ignoredEvents: 0,
};

/** Reps done so far in the phase (wake-up) or the current set (work). */
export function repsDoneIn(state: SessionState, phase: PhaseKind, set: number | null): number {
  if (phase === 'wake-up') return state.wakeUpRepsDone;
  return set === null ? 0 : (state.setReps[set - 1] ?? 0);
}

export function bothGlutesFired(state: SessionState): boolean {
  return state.firedAtRep.left !== null && state.firedAtRep.right !== null;
}

/** The one glute that has fired while the other has not, if that is the case. */
export function loneFiredGlute(state: SessionState): Glute | null {
  const { left, right } = state.firedAtRep;
  if (left !== null && right === null) return 'left';
  if (right !== null && left === null) return 'right';
  return null;
}

/** A copy of a per-set list with the value for `set` (1-based) replaced, padding gaps with `filler`. */
export function withSetValue<T>(
  values: readonly T[],
  set: number | null,
  value: T,
  filler: T,
): T[] {
  const index = (set ?? 1) - 1;
  const copy = [...values];
  while (copy.length < index) copy.push(filler);
  copy[index] = value;
  return copy;
}
