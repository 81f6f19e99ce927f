// The writes that end a push, once its events are checked and its sessions
// folded: the new event rows, the quarantined ones, each rewritten session's
// summary, the client's statistics and the device's cursor. On SQLite they
// are plain statements prepared once on the one connection
// (sync-writes-sqlite.ts; each costs microseconds). On
// PostgreSQL every statement is a round trip, so they go as one statement of
// data-modifying CTEs over unnest()ed arrays, whose text never changes and
// so is prepared once per connection (db/named-statements.ts). Invariants:
// both paths write exactly the same rows; they run inside the push's
// transaction after its locks are taken; the statistics move by the
// difference the push makes (sync-derived.ts), and are recounted when a
// session's start time moved.
import { sql } from 'kysely';
import type { SessionSummary } from '@glutewake/core';
import type { SyncEventsTable, SyncQuarantineTable } from '../db/database.js';
import { insertRows } from '../db/insert-rows.js';
import type { DatabaseHandle } from '../db/open.js';
import type { Tx } from '../db/tenancy.js';
import { figuresOf } from '../sync/session-statistics.js';
import { recountSessions, statisticsDelta, type StatisticsChange } from './sync-derived.js';
import type { QuarantineReason, SyncBatch } from './sync-types.js';
import { writeDerivedOnSqlite } from './sync-writes-sqlite.js';

/** A row of sync_events, as a push writes it. */
export type EventRow = SyncEventsTable;

/** A row of sync_quarantine, as a push writes it, with its reason checked. */
export type QuarantineRow = Omit<SyncQuarantineTable, 'reason'> & { reason: QuarantineReason };

export interface PushWrites {
  events: readonly EventRow[];
  quarantined: readonly QuarantineRow[];
  summaries: readonly { sessionId: string; summary: SessionSummary; eventCount: number }[];
  statistics: StatisticsChange;
  /** The device's cursor after this push. */
  nextSeq: number;
}

export async function writePush(
  db: DatabaseHandle,
  trx: Tx,
  batch: SyncBatch,
  writes: PushWrites,
  at: number,
): Promise<void> {
  if (db.dialect === 'postgres') {
    await writeAtOnce(trx, batch, writes, at);
    if (statisticsDelta(writes.statistics).startMoved) await recountSessions(trx, batch, at);
    return;
  }
  await insertRows(db, trx, 'sync_events', writes.events);
  await insertRows(db, trx, 'sync_quarantine', writes.quarantined);
  if (db.sqliteStatements === null) throw new Error('SQLite without its statements');
  writeDerivedOnSqlite(db.sqliteStatements, batch, writes, at);
  if (statisticsDelta(writes.statistics).startMoved) await recountSessions(trx, batch, at);
}

/** A column of values as one typed array parameter. */
const column = <T>(values: readonly T[], type: string) => sql`${[...values]}::${sql.raw(type)}[]`;

/** PostgreSQL: every write of the push in one statement (one round trip). */
async function writeAtOnce(trx: Tx, batch: SyncBatch, writes: PushWrites, at: number) {
  const { events, quarantined } = writes;
  const summaries = writes.summaries.map(({ sessionId, summary, eventCount }) => ({
    sessionId,
    eventCount,
    figures: figuresOf(summary),
    symptoms: summary.symptoms === null ? null : JSON.stringify(summary.symptoms),
    note: summary.note,
    json: JSON.stringify(summary),
  }));
  const of = <T, V>(rows: readonly T[], pick: (row: T) => V) => rows.map(pick);
  const delta = statisticsDelta(writes.statistics);
  await sql`
    with new_events as (
      insert into sync_events (clinic_id, client_id, device_id, seq, session_id, event_index,
        event_type, event, client_at, received_at)
      select ${batch.clinicId}, ${batch.clientId}, ${batch.deviceId},
        e.seq, e.session_id, e.event_index, e.event_type, e.event, e.client_at, ${at}::bigint
      from unnest(
        ${column(
          of(events, (e) => e.seq),
          'bigint',
        )},
        ${column(
          of(events, (e) => e.session_id),
          'text',
        )},
        ${column(
          of(events, (e) => e.event_index),
          'integer',
        )},
        ${column(
          of(events, (e) => e.event_type),
          'text',
        )},
        ${column(
          of(events, (e) => e.event),
          'text',
        )},
        ${column(
          of(events, (e) => e.client_at),
          'bigint',
        )}
      ) as e(seq, session_id, event_index, event_type, event, client_at)
    ),
    parked as (
      insert into sync_quarantine (clinic_id, client_id, device_id, seq, session_id, event_index,
        reason, problems, payload, client_at, received_at)
      select ${batch.clinicId}, ${batch.clientId}, ${batch.deviceId},
        q.seq, q.session_id, q.event_index, q.reason, q.problems, q.payload, q.client_at, ${at}::bigint
      from unnest(
        ${column(
          of(quarantined, (q) => q.seq),
          'bigint',
        )},
        ${column(
          of(quarantined, (q) => q.session_id),
          'text',
        )},
        ${column(
          of(quarantined, (q) => q.event_index),
          'integer',
        )},
        ${column(
          of(quarantined, (q) => q.reason),
          'text',
        )},
        ${column(
          of(quarantined, (q) => q.problems),
          'text',
        )},
        ${column(
          of(quarantined, (q) => q.payload),
          'text',
        )},
        ${column(
          of(quarantined, (q) => q.client_at),
          'bigint',
        )}
      ) as q(seq, session_id, event_index, reason, problems, payload, client_at)
    ),
    summarized as (
      update session_summaries as s set
        protocol_id = v.protocol_id, protocol_version = v.protocol_version,
        program_id = v.program_id, program_version = v.program_version,
        started_at = v.started_at, ended_at = v.ended_at, outcome = v.outcome,
        left_fired_at_rep = v.left_fired_at_rep, right_fired_at_rep = v.right_fired_at_rep,
        last_balance = v.last_balance, work_reps = v.work_reps, symptoms = v.symptoms,
        note = v.note, event_count = v.event_count, summary = v.summary, updated_at = ${at}::bigint
      from unnest(
        ${column(
          of(summaries, (s) => s.sessionId),
          'text',
        )},
        ${column(
          of(summaries, (s) => s.figures.protocolId),
          'text',
        )},
        ${column(
          of(summaries, (s) => s.figures.protocolVersion),
          'integer',
        )},
        ${column(
          of(summaries, (s) => s.figures.programId),
          'text',
        )},
        ${column(
          of(summaries, (s) => s.figures.programVersion),
          'integer',
        )},
        ${column(
          of(summaries, (s) => s.figures.startedAt),
          'bigint',
        )},
        ${column(
          of(summaries, (s) => s.figures.endedAt),
          'bigint',
        )},
        ${column(
          of(summaries, (s) => s.figures.outcome),
          'text',
        )},
        ${column(
          of(summaries, (s) => s.figures.leftFiredAtRep),
          'integer',
        )},
        ${column(
          of(summaries, (s) => s.figures.rightFiredAtRep),
          'integer',
        )},
        ${column(
          of(summaries, (s) => s.figures.lastBalance),
          'text',
        )},
        ${column(
          of(summaries, (s) => s.figures.workReps),
          'integer',
        )},
        ${column(
          of(summaries, (s) => s.symptoms),
          'text',
        )},
        ${column(
          of(summaries, (s) => s.note),
          'text',
        )},
        ${column(
          of(summaries, (s) => s.eventCount),
          'integer',
        )},
        ${column(
          of(summaries, (s) => s.json),
          'text',
        )}
      ) as v(session_id, protocol_id, protocol_version, program_id, program_version, started_at,
        ended_at, outcome, left_fired_at_rep, right_fired_at_rep, last_balance, work_reps,
        symptoms, note, event_count, summary)
      where s.clinic_id = ${batch.clinicId} and s.session_id = v.session_id
    ),
    cursor_moved as (
      update sync_devices set next_seq = ${writes.nextSeq}::bigint, updated_at = ${at}::bigint
      where clinic_id = ${batch.clinicId} and device_id = ${batch.deviceId}
    )
    insert into client_statistics as c (clinic_id, client_id, sessions_count,
      ended_sessions_count, last_session_at, events_count, quarantined_count, last_synced_at,
      updated_at)
    values (${batch.clinicId}, ${batch.clientId}, ${delta.sessions}::integer,
      ${delta.ended}::integer, ${delta.latestStart}::bigint, ${events.length}::bigint,
      ${quarantined.length}::bigint, ${at}::bigint, ${at}::bigint)
    on conflict (clinic_id, client_id) do update set
      sessions_count = c.sessions_count + excluded.sessions_count,
      ended_sessions_count = c.ended_sessions_count + excluded.ended_sessions_count,
      last_session_at = case
        when excluded.last_session_at is null then c.last_session_at
        when c.last_session_at is null or c.last_session_at < excluded.last_session_at
          then excluded.last_session_at
        else c.last_session_at end,
      events_count = c.events_count + excluded.events_count,
      quarantined_count = c.quarantined_count + excluded.quarantined_count,
      last_synced_at = excluded.last_synced_at,
      updated_at = excluded.updated_at
  `.execute(trx);
}
