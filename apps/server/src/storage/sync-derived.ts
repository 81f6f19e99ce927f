// The rows sync derives from stored events, written in the push's own
// transaction: each touched session's summary (the fold of its accepted
// events in position order, computed by the push), and the client's
// aggregates. Invariants: a summary is always the fold of the session's whole
// stored log, whether the push refolded it or continued a fold it had; the client's statistics row is locked (PostgreSQL) before
// its aggregates are recomputed, so concurrent pushes of one client's devices
// cannot overwrite each other's counts.
import type { SessionEvent, SessionSummary } from '@glutewake/core';
import type { Tx } from '../db/tenancy.js';
import { aggregatesOf, figuresOf } from '../sync/session-statistics.js';
import type { SyncBatch } from './sync-types.js';

/** An event of a session's log: its stored JSON, and the event itself once parsed. */
export interface LoggedEvent {
  json: string;
  event?: SessionEvent;
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
    .select(['session_id', 'event_index', 'event'])
    .where('clinic_id', '=', clinicId)
    .where('session_id', 'in', sessionIds)
    .execute();
  for (const row of rows) {
    const log = logs.get(row.session_id) ?? new Map<number, LoggedEvent>();
    log.set(Number(row.event_index), { json: row.event });
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

/**
 * Recomputes the client's session aggregates and adds the new counts. The
 * statistics row is locked first (PostgreSQL), so a push from another device
 * of the same client waits, and then aggregates over what this one committed.
 */
export async function storeStatistics(
  trx: Tx,
  batch: SyncBatch,
  addedEvents: number,
  addedQuarantined: number,
  at: number,
): Promise<void> {
  const client = { clinic_id: batch.clinicId, client_id: batch.clientId };
  // Insert the row or lock the existing one (an upsert locks what it meets),
  // in one round trip, before the recount below.
  await trx
    .insertInto('client_statistics')
    .values({
      ...client,
      sessions_count: 0,
      ended_sessions_count: 0,
      last_session_at: null,
      events_count: 0,
      quarantined_count: 0,
      last_synced_at: null,
      updated_at: at,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['clinic_id', 'client_id'])
        .doUpdateSet((eb) => ({ updated_at: eb.ref('client_statistics.updated_at') })),
    )
    .execute();
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
    .set((eb) => ({
      sessions_count: aggregates.sessionsCount,
      ended_sessions_count: aggregates.endedSessionsCount,
      last_session_at: aggregates.lastSessionAt,
      events_count: eb('events_count', '+', addedEvents),
      quarantined_count: eb('quarantined_count', '+', addedQuarantined),
      last_synced_at: at,
      updated_at: at,
    }))
    .where('clinic_id', '=', batch.clinicId)
    .where('client_id', '=', batch.clientId)
    .execute();
}
