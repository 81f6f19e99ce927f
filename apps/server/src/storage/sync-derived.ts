// What sync derives from stored events, and how a push's difference to the
// client's aggregates is worked out (the rows themselves are written by
// sync-writes.ts in the push's own transaction). Invariants: a summary is always the fold of the session's whole
// stored log, whether the push refolded it or continued a fold it had; the
// client's aggregates always equal a count over every summary, kept by adding
// each push's difference in one locking upsert, so concurrent pushes of one
// client's devices add up instead of overwriting each other. A session
// counts once it has started, and as ended once its outcome is no longer in
// progress. A session's start time never changes once known (it comes from
// position 0 of its log, which no event can replace); were it ever to, the
// aggregates are recounted from every summary instead, under the same lock.
import type { SessionEvent, SessionSummary } from '@glutewake/core';
import type { Tx } from '../db/tenancy.js';
import { aggregatesOf } from '../sync/session-statistics.js';
import type { SyncBatch } from './sync-types.js';

/** An event of a session's log: its stored JSON, the event itself once parsed, when it arrived. */
export interface LoggedEvent {
  json: string;
  event?: SessionEvent;
  receivedAt: number;
}

/** The stored events of each session, by position. */
export async function sessionLogs(
  trx: Tx,
  clinicId: string,
  sessionIds: readonly string[],
): Promise<Map<string, Map<number, LoggedEvent>>> {
  const logs = new Map<string, Map<number, LoggedEvent>>();
  if (sessionIds.length === 0) return logs;
  const rows = await trx
    .selectFrom('sync_events')
    .select(['session_id', 'event_index', 'event', 'received_at'])
    .where('clinic_id', '=', clinicId)
    .where('session_id', 'in', sessionIds)
    .execute();
  for (const row of rows) {
    const log = logs.get(row.session_id) ?? new Map<number, LoggedEvent>();
    log.set(Number(row.event_index), { json: row.event, receivedAt: Number(row.received_at) });
    logs.set(row.session_id, log);
  }
  return logs;
}

/** What a session counted for in the client's aggregates, before or after a push. */
export interface SessionStanding {
  startedAt: number | null;
  outcome: SessionSummary['outcome'];
}

/** What one push changes in the client's statistics. */
export interface StatisticsChange {
  /** Each session whose summary the push rewrote: how it stood before and after. */
  sessions: readonly { before: SessionStanding; after: SessionStanding }[];
  addedEvents: number;
  addedQuarantined: number;
}

/** How a push moves the client's aggregates, from how its sessions stood before and after. */
export function statisticsDelta(change: StatisticsChange): {
  sessions: number;
  ended: number;
  /** The latest start among the rewritten sessions, if any has started. */
  latestStart: number | null;
  /** A session's start time changed: the aggregates must be recounted. */
  startMoved: boolean;
} {
  const started = (standing: SessionStanding) => (standing.startedAt === null ? 0 : 1);
  const ended = (standing: SessionStanding) =>
    standing.startedAt !== null && standing.outcome !== 'in-progress' ? 1 : 0;
  const delta = { sessions: 0, ended: 0, latestStart: null as number | null, startMoved: false };
  for (const { before, after } of change.sessions) {
    delta.sessions += started(after) - started(before);
    delta.ended += ended(after) - ended(before);
    if (before.startedAt !== null && before.startedAt !== after.startedAt) delta.startMoved = true;
    if (
      after.startedAt !== null &&
      (delta.latestStart === null || after.startedAt > delta.latestStart)
    ) {
      delta.latestStart = after.startedAt;
    }
  }
  return delta;
}

/** Recounts the client's session aggregates from every summary (statistics row already locked). */
export async function recountSessions(trx: Tx, batch: SyncBatch, at: number): Promise<void> {
  const sessions = await trx
    .selectFrom('session_summaries')
    .select(['started_at', 'outcome'])
    .where('clinic_id', '=', batch.clinicId)
    .where('client_id', '=', batch.clientId)
    .execute();
  const aggregates = aggregatesOf(
    sessions.map((row) => ({
      startedAt: row.started_at === null ? null : Number(row.started_at),
      outcome: row.outcome as SessionSummary['outcome'],
    })),
  );
  await trx
    .updateTable('client_statistics')
    .set({
      sessions_count: aggregates.sessionsCount,
      ended_sessions_count: aggregates.endedSessionsCount,
      last_session_at: aggregates.lastSessionAt,
      updated_at: at,
    })
    .where('clinic_id', '=', batch.clinicId)
    .where('client_id', '=', batch.clientId)
    .execute();
}
