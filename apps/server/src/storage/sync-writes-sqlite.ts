// The writes that end a push, on SQLite: the same rows as the PostgreSQL
// statement in sync-writes.ts, as plain statements prepared once on the one
// connection. Each of them runs in a few microseconds; building and
// compiling them with the query builder on every push cost more than running
// them (a push rewrites about five summaries). Invariants: runs only inside
// the push's transaction, which holds the connection (better-sqlite3 is
// synchronous, so nothing else runs in between); every value is bound as a
// parameter, and the statement texts never change; the statistics move by
// the push's difference in one upsert, exactly as storeStatistics does.
import type { DatabaseHandle } from '../db/open.js';
import { figuresOf } from '../sync/session-statistics.js';
import { statisticsDelta } from './sync-derived.js';
import type { SyncBatch } from './sync-types.js';
import type { PushWrites } from './sync-writes.js';

export type SqliteStatements = NonNullable<DatabaseHandle['sqliteStatements']>;

const SUMMARY_UPDATE =
  'update session_summaries set protocol_id = ?, protocol_version = ?, program_id = ?, ' +
  'program_version = ?, started_at = ?, ended_at = ?, outcome = ?, left_fired_at_rep = ?, ' +
  'right_fired_at_rep = ?, last_balance = ?, work_reps = ?, symptoms = ?, note = ?, ' +
  'event_count = ?, summary = ?, updated_at = ? where clinic_id = ? and session_id = ?';

// On a first push the row starts at the push's own difference, as with
// storeStatistics; the latest session start only ever moves forward.
const STATISTICS_UPSERT =
  'insert into client_statistics (clinic_id, client_id, sessions_count, ended_sessions_count, ' +
  'last_session_at, events_count, quarantined_count, last_synced_at, updated_at) ' +
  'values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (clinic_id, client_id) do update set ' +
  'sessions_count = client_statistics.sessions_count + excluded.sessions_count, ' +
  'ended_sessions_count = client_statistics.ended_sessions_count + excluded.ended_sessions_count, ' +
  'last_session_at = case ' +
  'when excluded.last_session_at is null then client_statistics.last_session_at ' +
  'when client_statistics.last_session_at is null then excluded.last_session_at ' +
  'when client_statistics.last_session_at < excluded.last_session_at then excluded.last_session_at ' +
  'else client_statistics.last_session_at end, ' +
  'events_count = client_statistics.events_count + excluded.events_count, ' +
  'quarantined_count = client_statistics.quarantined_count + excluded.quarantined_count, ' +
  'last_synced_at = excluded.last_synced_at, updated_at = excluded.updated_at';

const CURSOR_UPDATE =
  'update sync_devices set next_seq = ?, updated_at = ? where clinic_id = ? and device_id = ?';

/** Each rewritten summary, the client's statistics and the device's cursor. */
export function writeDerivedOnSqlite(
  statements: SqliteStatements,
  batch: SyncBatch,
  writes: Pick<PushWrites, 'summaries' | 'statistics' | 'nextSeq'>,
  at: number,
): void {
  const updateSummary = statements.prepare(SUMMARY_UPDATE);
  for (const { sessionId, summary, eventCount } of writes.summaries) {
    const figures = figuresOf(summary);
    updateSummary.run([
      figures.protocolId,
      figures.protocolVersion,
      figures.programId,
      figures.programVersion,
      figures.startedAt,
      figures.endedAt,
      figures.outcome,
      figures.leftFiredAtRep,
      figures.rightFiredAtRep,
      figures.lastBalance,
      figures.workReps,
      summary.symptoms === null ? null : JSON.stringify(summary.symptoms),
      summary.note,
      eventCount,
      JSON.stringify(summary),
      at,
      batch.clinicId,
      sessionId,
    ]);
  }
  const delta = statisticsDelta(writes.statistics);
  statements
    .prepare(STATISTICS_UPSERT)
    .run([
      batch.clinicId,
      batch.clientId,
      delta.sessions,
      delta.ended,
      delta.latestStart,
      writes.statistics.addedEvents,
      writes.statistics.addedQuarantined,
      at,
      at,
    ]);
  statements.prepare(CURSOR_UPDATE).run([writes.nextSeq, at, batch.clinicId, batch.deviceId]);
}
