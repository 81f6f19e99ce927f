// The numbers a session yields, derived from its events alone: what the app
// shows at the end, what the history and trends are built on, and what a
// therapist sees. A summary is plain JSON and never depends on the clock.
import type { Balance, Glute, PhaseKind, Region } from '../vocabulary.js';
import type { ProtocolRef, SymptomScores } from './events.js';
import type { CheckInReason, Outcome, SessionState } from './state.js';
import { bothGlutesFired } from './state.js';
import { sideOfSet } from './sides.js';

export interface SessionSummary {
  sessionId: string | null;
  protocol: ProtocolRef | null;
  program: ProtocolRef | null;
  /** `in-progress` until the session has ended. */
  outcome: Outcome | 'in-progress';
  startedAt: number | null;
  endedAt: number | null;
  /** Time spent in the session, pauses excluded. */
  durationSeconds: number;
  pausedSeconds: number;
  timeUnderTensionSeconds: number;
  wakeUp: {
    reps: number;
    leftFiredAtRep: number | null;
    rightFiredAtRep: number | null;
    /** The rep at which the second glute joined; null unless both fired. */
    bothFiredAtRep: number | null;
  };
  work: {
    /** Reps done in each set that was started (each side of a per-side set is an entry). */
    sets: number[];
    balance: (Balance | null)[];
    /** The leg each entry of `sets` was done on; null unless the work phase is per side. */
    sides: (Glute | null)[];
  };
  checkIns: {
    phase: PhaseKind;
    set: number | null;
    rep: number;
    reason: CheckInReason;
    /** null when nobody answered. */
    felt: Region[] | null;
    balance: Balance | null;
    cues: string[];
  }[];
  reports: {
    phase: PhaseKind;
    set: number | null;
    rep: number;
    source: 'check-in' | 'spontaneous';
    felt: Region[];
    cues: string[];
  }[];
  symptoms: SymptomScores | null;
  note: string | null;
  /** Events that did not fit where they arrived; non-zero means the log deserves a look. */
  ignoredEvents: number;
}

export function summarize(state: SessionState): SessionSummary {
  const { position } = state;
  const endedAt = position.kind === 'ended' ? position.endedAt : null;
  const until = endedAt ?? (position.kind === 'paused' ? position.pausedAt : state.lastEventAt);
  const activeMs =
    state.startedAt === null ? 0 : Math.max(0, until - state.startedAt - state.pausedMs);
  const { left, right } = state.firedAtRep;

  return {
    sessionId: state.sessionId,
    protocol: state.protocol,
    program: state.program,
    outcome: position.kind === 'ended' ? position.outcome : 'in-progress',
    startedAt: state.startedAt,
    endedAt,
    durationSeconds: seconds(activeMs),
    pausedSeconds: seconds(state.pausedMs),
    timeUnderTensionSeconds: seconds(state.timeUnderTensionMs),
    wakeUp: {
      reps: state.wakeUpRepsDone,
      leftFiredAtRep: left,
      rightFiredAtRep: right,
      bothFiredAtRep: bothGlutesFired(state) ? Math.max(left ?? 0, right ?? 0) : null,
    },
    work: {
      sets: [...state.setReps],
      balance: state.setReps.map((_, index) => state.setBalance[index] ?? null),
      sides: state.setReps.map((_, index) =>
        state.plan === null ? null : sideOfSet(state.plan, index + 1),
      ),
    },
    checkIns: state.checkIns.map((checkIn) => ({
      phase: checkIn.phase,
      set: checkIn.set,
      rep: checkIn.rep,
      reason: checkIn.reason,
      felt: checkIn.regions === null ? null : [...checkIn.regions],
      balance: checkIn.balance,
      cues: checkIn.cues.map((cue) => cue.cueId),
    })),
    reports: state.reports.map((report) => ({
      phase: report.phase,
      set: report.set,
      rep: report.rep,
      source: report.source,
      felt: [...report.regions],
      cues: report.cues.map((cue) => cue.cueId),
    })),
    symptoms: state.symptoms,
    note: state.note,
    ignoredEvents: state.ignoredEvents,
  };
}

function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}
