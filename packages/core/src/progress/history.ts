// A person's practice history in the shape progress questions need: one
// record per session, built from the session's summary and the local day it
// started. Records are plain data, so the app, the CLI and the server can all
// build them, and tests can write them by hand.
import type { SymptomScores } from '../engine/events.js';
import type { SessionSummary } from '../engine/summary.js';
import type { Outcome } from '../engine/state.js';
import type { Balance } from '../vocabulary.js';
import type { LocalDay } from './days.js';

export interface PracticeRecord {
  sessionId: string;
  protocolId: string;
  /** The program version the session ran, when a therapist assigned one. */
  programVersion: number | null;
  day: LocalDay;
  startedAt: number;
  outcome: Outcome | 'in-progress';
  /** False for sessions without a wake-up (a pre-activation block, say): they measure nothing. */
  measured: boolean;
  wakeUpReps: number;
  leftFiredAtRep: number | null;
  rightFiredAtRep: number | null;
  /** The last balance reported in the session. */
  lastBalance: Balance | null;
  workReps: number;
  symptoms: SymptomScores | null;
}

const FINISHED: ReadonlySet<PracticeRecord['outcome']> = new Set([
  'activated',
  'one-side',
  'not-yet',
  'completed',
]);

/** A session that reached its natural end (not stopped early, not still running). */
export function isFinished(record: PracticeRecord): boolean {
  return FINISHED.has(record.outcome);
}

export function practiceRecordOf(summary: SessionSummary, day: LocalDay): PracticeRecord | null {
  if (summary.sessionId === null || summary.protocol === null || summary.startedAt === null) {
    return null;
  }
  const { wakeUp, work } = summary;
  return {
    sessionId: summary.sessionId,
    protocolId: summary.protocol.id,
    programVersion: summary.program?.version ?? null,
    day,
    startedAt: summary.startedAt,
    outcome: summary.outcome,
    measured: wakeUp.reps > 0 || wakeUp.leftFiredAtRep !== null || wakeUp.rightFiredAtRep !== null,
    wakeUpReps: wakeUp.reps,
    leftFiredAtRep: wakeUp.leftFiredAtRep,
    rightFiredAtRep: wakeUp.rightFiredAtRep,
    lastBalance: [...work.balance].reverse().find((balance) => balance !== null) ?? null,
    workReps: work.sets.reduce((sum, reps) => sum + reps, 0),
    symptoms: summary.symptoms,
  };
}

/** Records in the order they happened (by start time, then id), none after `today`. */
export function inOrderUntil(
  records: readonly PracticeRecord[],
  today: LocalDay,
): PracticeRecord[] {
  return records
    .filter((record) => record.day <= today)
    .sort((a, b) => a.startedAt - b.startedAt || a.sessionId.localeCompare(b.sessionId));
}

/** The rep at which the second glute fired, or null unless both did. */
export function bothFiredAtRep(record: PracticeRecord): number | null {
  const { leftFiredAtRep: left, rightFiredAtRep: right } = record;
  return left === null || right === null ? null : Math.max(left, right);
}
