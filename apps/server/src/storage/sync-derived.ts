// The rows sync derives from stored events, written in the push's own
// transaction: each touched session's summary (the fold of its accepted
// events in position order, computed by the push), and the client's
// aggregates. Invariants: a summary is always the fold of the session's whole
// stored log, whether the push refolded it or continued a fold it had; the
// client's aggregates always equal a count over every summary, kept by adding
// each push's difference in one locking upsert, so concurrent pushes of one
// client's devices add up instead of overwriting each other.
import type { SessionEvent, SessionSummary } from '@glutewake/core';
import type { Tx } from '../db/tenancy.js';
import { aggregatesOf, figuresOf } from '../sync/session-statistics.js';
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

export async function storeSummary(
  trx: Tx,
  batch: SyncBatch,
  sessionId: string,
  summary: SessionSummary,
  eventCount: number,
  at: number,
): Promise<void> {
  const figures = figuresOf(summary);
  await trx
    .updateTable('session_summaries')
    .set({
      protocol_id: figures.protocolId,
      protocol_version: figures.protocolVersion,
      program_id: figures.programId,
      program_version: figures.programVersion,
      started_at: figures.startedAt,
      ended_at: figures.endedAt,
      outcome: figures.outcome,
      left_fired_at_rep: figures.leftFiredAtRep,
      right_fired_at_rep: figures.rightFiredAtRep,
      last_balance: figures.lastBalance,
      work_reps: figures.workReps,
      symptoms: summary.symptoms === null ? null : JSON.stringify(summary.symptoms),
      note: summary.note,
      event_count: eventCount,
      summary: JSON.stringify(summary),
      updated_at: at,
    })
    .where('clinic_id', '=', batch.clinicId)
    .where('session_id', '=', sessionId)
    .execute();
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

/**
 * Adds a push's changes to the client's statistics. The counts move by the
 * difference each rewritten session makes (a session counts once it has
 * started, and as ended once its outcome is no longer in progress), in one
 * upsert that also takes the row's lock, so pushes from two devices of the
 * client add up instead of overwriting each other. A session's start time
 * never changes once known (it comes from position 0 of its log, which no
 * event can replace); were it ever to, the aggregates are recounted from
 * every summary instead, under the same lock.
 */
export async function storeStatistics(
  trx: Tx,
  batch: SyncBatch,
  change: StatisticsChange,
  at: number,
): Promise<void> {
  const { sessions, ended, latestStart, startMoved } = statisticsDelta(change);
  await trx
    .insertInto('client_statistics')
    .values({
      clinic_id: batch.clinicId,
      client_id: batch.clientId,
      sessions_count: sessions,
      ended_sessions_count: ended,
      last_session_at: latestStart,
      events_count: change.addedEvents,
      quarantined_count: change.addedQuarantined,
      last_synced_at: at,
      updated_at: at,
    })
    .onConflict((conflict) =>
      conflict.columns(['clinic_id', 'client_id']).doUpdateSet((eb) => ({
        sessions_count: eb('client_statistics.sessions_count', '+', sessions),
        ended_sessions_count: eb('client_statistics.ended_sessions_count', '+', ended),
        last_session_at:
          latestStart === null
            ? eb.ref('client_statistics.last_session_at')
            : eb
                .case()
                .when('client_statistics.last_session_at', 'is', null)
                .then(latestStart)
                .when('client_statistics.last_session_at', '<', latestStart)
                .then(latestStart)
                .else(eb.ref('client_statistics.last_session_at'))
                .end(),
        events_count: eb('client_statistics.events_count', '+', change.addedEvents),
        quarantined_count: eb('client_statistics.quarantined_count', '+', change.addedQuarantined),
        last_synced_at: at,
        updated_at: at,
      })),
    )
    .execute();
  if (startMoved) await recountSessions(trx, batch, at);
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
