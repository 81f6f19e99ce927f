// Readiness for the next exercise, for the therapist's client list: the
// exercise the client practises now (that of their latest session, or the
// first of the ladder), the one after it on the ladder, and whether core's
// readiness rule for it holds over the client's recent sessions.
// Invariants: pure; time is passed in; the judgement is core's
// `evaluateReadiness` over the protocol's own rule, never a copy of it; days
// are UTC days (the server does not know the client's time zone); the
// caller passes the sessions of the caseload window (28 days), which holds
// every session a built-in rule looks at (14 days, 3 sessions) whenever the
// rule can hold at all.
import {
  builtinProtocols,
  evaluateReadiness,
  ladderOrder,
  localDayOf,
  type LocalDay,
  type PracticeRecord,
  type Protocol,
} from '@glutewake/core';
import type { RecentSession } from '../storage/types.js';

export interface CaseloadReadiness {
  /** The exercise the client practises now. */
  practising: { id: string; name: string };
  /** The exercise after it on the ladder; null at the top of the ladder. */
  next: { id: string; name: string } | null;
  /** True when the next exercise's readiness rule holds. */
  ready: boolean;
  practiceDays: { have: number; need: number; withinDays: number } | null;
  sessionsInARow: { have: number; need: number } | null;
  /** What is still missing, in plain words; empty when ready. */
  missing: string[];
}

const LADDER: readonly Protocol[] = ladderOrder(builtinProtocols);
const DAY_MS = 86_400_000;
/** UTC days by day number: a list of 200 clients has only a few dozen distinct days. */
const DAYS = new Map<number, LocalDay>();

function utcDay(epochMs: number): LocalDay {
  const number = Math.floor(epochMs / DAY_MS);
  let day = DAYS.get(number);
  if (day === undefined) {
    day = localDayOf(epochMs, 0);
    if (DAYS.size > 4096) DAYS.clear();
    DAYS.set(number, day);
  }
  return day;
}

function named(protocol: Protocol): { id: string; name: string } {
  return { id: protocol.id, name: protocol.name };
}

/** Sessions as core's practice records; a session without a protocol or start says nothing. */
function practiceRecords(sessions: readonly RecentSession[]): PracticeRecord[] {
  const records: PracticeRecord[] = [];
  sessions.forEach((session, index) => {
    if (session.protocol === null || session.startedAt === null) return;
    const measured = session.outcome !== 'completed' && session.outcome !== 'in-progress';
    records.push({
      sessionId: String(index).padStart(6, '0'),
      protocolId: session.protocol.id,
      programVersion: null,
      day: utcDay(session.startedAt),
      startedAt: session.startedAt,
      outcome: session.outcome,
      measured,
      wakeUpReps: measured ? 1 : 0,
      leftFiredAtRep: session.leftFiredAtRep,
      rightFiredAtRep: session.rightFiredAtRep,
      lastBalance: isBalance(session.lastBalance) ? session.lastBalance : null,
      workReps: 0,
      symptoms: null,
    });
  });
  return records;
}

function isBalance(value: string | null): value is 'left-stronger' | 'even' | 'right-stronger' {
  return value === 'left-stronger' || value === 'even' || value === 'right-stronger';
}

/** `sessions` oldest first, as the caseload figures hold them. */
export function caseloadReadiness(
  sessions: readonly RecentSession[],
  now: number,
): CaseloadReadiness | null {
  const first = LADDER[0];
  if (first === undefined) return null;
  let latest: RecentSession | undefined;
  for (const session of sessions) {
    if (session.startedAt !== null && session.protocol !== null) latest = session;
  }
  const practising = LADDER.find((p) => p.id === latest?.protocol?.id) ?? first;
  const next = LADDER.find((p) => p.readiness?.after === practising.id) ?? null;
  if (next?.readiness === undefined) {
    return {
      practising: named(practising),
      next: null,
      ready: false,
      practiceDays: null,
      sessionsInARow: null,
      missing: [],
    };
  }
  const report = evaluateReadiness(next.readiness, practiceRecords(sessions), utcDay(now));
  return {
    practising: named(practising),
    next: named(next),
    ready: report.ready,
    practiceDays: report.practiceDays,
    sessionsInARow: report.recentMeeting,
    missing: report.missing.map((m) => theirs(m.text)),
  };
}

/** Core speaks to the person ("Your left glute"); the therapist reads about the client. */
function theirs(text: string): string {
  return text.replace(/^Your /, 'Their ');
}
