// The sync store over Kysely: pushing batches (sync-push.ts) and reading what
// sync keeps: a device's cursor, a client's quarantine, events, session
// summaries and statistics, and the program versions a device pulls.
// Invariants: every read is scoped to one clinic and one client; a device of
// another client has no cursor to read (device-taken); program versions of
// a client are numbered 1, 2, ... in the order they were created.
import type { SessionSummary } from '@glutewake/core';
import type {
  ClientStatisticsRow,
  ProgramVersionRow,
  SessionSummaryRow,
  SyncQuarantineRow,
} from '../db/database.js';
import type { DatabaseHandle } from '../db/open.js';
import { inClinic } from '../db/tenancy.js';
import { GroupCommit } from '../db/group-commit.js';
import { FoldedSessions } from '../sync/folded-sessions.js';
import { pushBatch } from './sync-push.js';
import type {
  ClientStatistics,
  ProgramVersion,
  QuarantineReason,
  QuarantinedEvent,
  QuarantinePlace,
  SessionFigures,
  StoredSessionSummary,
  SyncStore,
} from './sync-types.js';

const optionalNumber = (value: number | null) => (value === null ? null : Number(value));

function refOf(id: string | null, version: number | null) {
  return id === null || version === null ? null : { id, version: Number(version) };
}

function quarantinedFromRow(row: SyncQuarantineRow): QuarantinedEvent {
  return {
    deviceId: row.device_id,
    seq: Number(row.seq),
    sessionId: row.session_id,
    index: Number(row.event_index),
    reason: row.reason as QuarantineReason,
    problems: JSON.parse(row.problems) as string[],
    payload: JSON.parse(row.payload) as unknown,
    clientAt: optionalNumber(row.client_at),
    receivedAt: Number(row.received_at),
  };
}

function summaryFromRow(row: SessionSummaryRow): StoredSessionSummary {
  return { ...figuresFromRow(row), summary: JSON.parse(row.summary) as SessionSummary };
}

function figuresFromRow(row: Omit<SessionSummaryRow, 'summary'>): SessionFigures {
  return {
    sessionId: row.session_id,
    clientId: row.client_id,
    protocol: refOf(row.protocol_id, row.protocol_version),
    program: refOf(row.program_id, row.program_version),
    startedAt: optionalNumber(row.started_at),
    endedAt: optionalNumber(row.ended_at),
    outcome: row.outcome as SessionSummary['outcome'],
    leftFiredAtRep: optionalNumber(row.left_fired_at_rep),
    rightFiredAtRep: optionalNumber(row.right_fired_at_rep),
    lastBalance: row.last_balance,
    workReps: Number(row.work_reps),
    symptoms: row.symptoms === null ? null : (JSON.parse(row.symptoms) as Record<string, number>),
    note: row.note,
    eventCount: Number(row.event_count),
  };
}

function statisticsFromRow(clientId: string, row: ClientStatisticsRow | undefined) {
  return {
    clientId,
    sessionsCount: Number(row?.sessions_count ?? 0),
    endedSessionsCount: Number(row?.ended_sessions_count ?? 0),
    lastSessionAt: optionalNumber(row?.last_session_at ?? null),
    eventsCount: Number(row?.events_count ?? 0),
    quarantinedCount: Number(row?.quarantined_count ?? 0),
    lastSyncedAt: optionalNumber(row?.last_synced_at ?? null),
  } satisfies ClientStatistics;
}

function programFromRow(row: ProgramVersionRow): ProgramVersion {
  return {
    clinicId: row.clinic_id,
    clientId: row.client_id,
    version: Number(row.version),
    protocol: JSON.parse(row.protocol) as unknown,
    createdAt: Number(row.created_at),
    createdBy: row.created_by,
  };
}

export function syncStore(db: DatabaseHandle): SyncStore {
  const folded = new FoldedSessions();
  // SQLite writes one transaction at a time: pushes arriving together share a commit.
  const groupCommit = db.dialect === 'sqlite' ? new GroupCommit(db) : null;
  return {
    push: (batch, receivedAt) => pushBatch(db, batch, receivedAt, { folded, groupCommit }),
    async cursor(clinicId, clientId, deviceId) {
      const device = await inClinic(db, clinicId, (trx) =>
        trx
          .selectFrom('sync_devices')
          .select(['client_id', 'next_seq'])
          .where('clinic_id', '=', clinicId)
          .where('device_id', '=', deviceId)
          .executeTakeFirst(),
      );
      if (device === undefined) return { kind: 'cursor', nextSeq: 1 };
      if (device.client_id !== clientId) return { kind: 'device-taken' };
      return { kind: 'cursor', nextSeq: Number(device.next_seq) };
    },
    async quarantine(clinicId, clientId, limit, after) {
      const rows = await inClinic(db, clinicId, (trx) =>
        trx
          .selectFrom('sync_quarantine')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('client_id', '=', clientId)
          // Past `after` in the order below: older, or as old and later in device and seq order.
          .$if(after !== undefined, (query) =>
            query.where((eb) => {
              const { receivedAt, deviceId, seq } = after as QuarantinePlace;
              return eb.or([
                eb('received_at', '<', receivedAt),
                eb.and([
                  eb('received_at', '=', receivedAt),
                  eb.or([
                    eb('device_id', '>', deviceId),
                    eb.and([eb('device_id', '=', deviceId), eb('seq', '<', seq)]),
                  ]),
                ]),
              ]);
            }),
          )
          .orderBy('received_at', 'desc')
          .orderBy('device_id')
          .orderBy('seq', 'desc')
          .limit(limit)
          .execute(),
      );
      return rows.map(quarantinedFromRow);
    },
    async events(clinicId, clientId) {
      const rows = await inClinic(db, clinicId, (trx) =>
        // Through the client's sessions: sync_events is indexed by session, not by client.
        trx
          .selectFrom('session_summaries as session')
          .innerJoin('sync_events as stored', (join) =>
            join
              .onRef('stored.clinic_id', '=', 'session.clinic_id')
              .onRef('stored.session_id', '=', 'session.session_id'),
          )
          .selectAll('stored')
          .where('session.clinic_id', '=', clinicId)
          .where('session.client_id', '=', clientId)
          .where('stored.client_id', '=', clientId)
          .orderBy('stored.session_id')
          .orderBy('stored.event_index')
          .execute(),
      );
      return rows.map((row) => ({
        deviceId: row.device_id,
        seq: Number(row.seq),
        sessionId: row.session_id,
        index: Number(row.event_index),
        event: JSON.parse(row.event) as unknown,
        clientAt: Number(row.client_at),
        receivedAt: Number(row.received_at),
      }));
    },
    async sessionSummaries(clinicId, clientId) {
      const rows = await inClinic(db, clinicId, (trx) =>
        trx
          .selectFrom('session_summaries')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('client_id', '=', clientId)
          .execute(),
      );
      // Sorted here: the backends place nulls differently in ORDER BY.
      const newestFirst = (a: StoredSessionSummary, b: StoredSessionSummary) =>
        (b.startedAt ?? -1) - (a.startedAt ?? -1) || a.sessionId.localeCompare(b.sessionId);
      return rows.map(summaryFromRow).sort(newestFirst);
    },
    async statistics(clinicId, clientId) {
      const row = await inClinic(db, clinicId, (trx) =>
        trx
          .selectFrom('client_statistics')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('client_id', '=', clientId)
          .executeTakeFirst(),
      );
      return statisticsFromRow(clientId, row);
    },
    async statisticsOf(clinicId, clientIds) {
      if (clientIds.length === 0) return [];
      const rows = await inClinic(db, clinicId, (trx) =>
        trx
          .selectFrom('client_statistics')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('client_id', 'in', clientIds)
          .execute(),
      );
      const byClient = new Map(rows.map((row) => [row.client_id, row]));
      return clientIds.map((clientId) => statisticsFromRow(clientId, byClient.get(clientId)));
    },
    async recentSessions(clinicId, clientIds, since) {
      if (clientIds.length === 0) return [];
      // Only the columns the client list reads: turning rows into objects is
      // most of the cost of this query, and it grows with every column.
      const rows = await inClinic(db, clinicId, (trx) =>
        trx
          .selectFrom('session_summaries')
          .select([
            'client_id',
            'protocol_id',
            'protocol_version',
            'started_at',
            'outcome',
            'left_fired_at_rep',
            'right_fired_at_rep',
            'last_balance',
            'symptoms',
          ])
          .where('clinic_id', '=', clinicId)
          .where('client_id', 'in', clientIds)
          .where('started_at', '>=', since)
          .orderBy('started_at')
          .orderBy('session_id')
          .execute(),
      );
      return rows.map((row) => ({
        clientId: row.client_id,
        protocol: refOf(row.protocol_id, row.protocol_version),
        startedAt: optionalNumber(row.started_at),
        outcome: row.outcome as SessionSummary['outcome'],
        leftFiredAtRep: optionalNumber(row.left_fired_at_rep),
        rightFiredAtRep: optionalNumber(row.right_fired_at_rep),
        lastBalance: row.last_balance,
        symptoms:
          row.symptoms === null ? null : (JSON.parse(row.symptoms) as Record<string, number>),
      }));
    },
    async createProgramVersion(program) {
      return inClinic(db, program.clinicId, async (trx) => {
        const latest = await trx
          .selectFrom('program_versions')
          .select((eb) => eb.fn.max('version').as('version'))
          .where('clinic_id', '=', program.clinicId)
          .where('client_id', '=', program.clientId)
          .executeTakeFirst();
        const version = Number(latest?.version ?? 0) + 1;
        await trx
          .insertInto('program_versions')
          .values({
            clinic_id: program.clinicId,
            client_id: program.clientId,
            version,
            protocol: JSON.stringify(program.protocol),
            created_at: program.createdAt,
            created_by: program.createdBy,
          })
          .execute();
        return { ...program, version };
      });
    },
    async programVersionsAfter(clinicId, clientId, afterVersion, limit) {
      const rows = await inClinic(db, clinicId, (trx) =>
        trx
          .selectFrom('program_versions')
          .selectAll()
          .where('clinic_id', '=', clinicId)
          .where('client_id', '=', clientId)
          .where('version', '>', afterVersion)
          .orderBy('version')
          .limit(limit)
          .execute(),
      );
      return rows.map(programFromRow);
    },
  };
}
