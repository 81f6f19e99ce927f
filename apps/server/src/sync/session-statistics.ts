// The numbers a therapist will read, derived from stored events alone: a
// session's summary is core's summarize(foldSession(...)) over the session's
// accepted events in log order, and a client's aggregates come from those
// summaries. Invariants: pure; the same events give the same numbers however
// and whenever they arrived (the device clock orders nothing here: events
// are folded by their position in the session, and a session is never dated
// after the server received its start); protocols are found among
// core's built-in ones here, and a push folds with program-lookup.ts, which
// adds the program versions a client's sessions name.
import {
  findBuiltinProtocol,
  foldSession,
  summarize,
  type ProtocolLookup,
  type SessionEvent,
  type SessionSummary,
} from '@glutewake/core';

/**
 * A session's summary placed in time as the server can vouch for it: a
 * device clock running ahead never dates a session after the server received
 * the event that started it (`startReceivedAt`). The end moves with the
 * start, so the durations the device measured stay as they were; a summary
 * whose device clock was behind is left as it is. The stored events keep
 * the device's times as they were sent.
 */
export function placedInServerTime(
  summary: SessionSummary,
  startReceivedAt: number,
): SessionSummary {
  if (summary.startedAt === null || summary.startedAt <= startReceivedAt) return summary;
  const shift = summary.startedAt - startReceivedAt;
  const endedAt = summary.endedAt === null ? null : summary.endedAt - shift;
  return { ...summary, startedAt: startReceivedAt, endedAt };
}

export const builtinProtocolLookup: ProtocolLookup = (id, version) =>
  findBuiltinProtocol(id, version);

export function summaryOfSession(eventsInLogOrder: readonly SessionEvent[]): SessionSummary {
  return summarize(foldSession(builtinProtocolLookup, eventsInLogOrder));
}

/** The columns of a session_summaries row that a therapist's views read directly. */
export interface SummaryFigures {
  protocolId: string | null;
  protocolVersion: number | null;
  programId: string | null;
  programVersion: number | null;
  startedAt: number | null;
  endedAt: number | null;
  outcome: SessionSummary['outcome'];
  leftFiredAtRep: number | null;
  rightFiredAtRep: number | null;
  lastBalance: string | null;
  workReps: number;
}

export function figuresOf(summary: SessionSummary): SummaryFigures {
  const balances = summary.work.balance.filter((balance) => balance !== null);
  return {
    protocolId: summary.protocol?.id ?? null,
    protocolVersion: summary.protocol?.version ?? null,
    programId: summary.program?.id ?? null,
    programVersion: summary.program?.version ?? null,
    startedAt: summary.startedAt,
    endedAt: summary.endedAt,
    outcome: summary.outcome,
    leftFiredAtRep: summary.wakeUp.leftFiredAtRep,
    rightFiredAtRep: summary.wakeUp.rightFiredAtRep,
    lastBalance: balances.at(-1) ?? null,
    workReps: summary.work.sets.reduce((total, reps) => total + reps, 0),
  };
}

export interface SessionAggregates {
  sessionsCount: number;
  endedSessionsCount: number;
  lastSessionAt: number | null;
}

/** A client's session aggregates from their sessions' summaries. */
export function aggregatesOf(
  summaries: readonly Pick<SessionSummary, 'startedAt' | 'outcome'>[],
): SessionAggregates {
  const started = summaries.filter((summary) => summary.startedAt !== null);
  const startTimes = started.map((summary) => summary.startedAt ?? 0);
  return {
    sessionsCount: started.length,
    endedSessionsCount: started.filter((summary) => summary.outcome !== 'in-progress').length,
    lastSessionAt: startTimes.length === 0 ? null : Math.max(...startTimes),
  };
}
