// Migration 0002: exactly-once sync of session events and what is derived
// from them. Every table here is clinic-owned (row-level security on
// PostgreSQL). A device's cursor (sync_devices.next_seq) and the events it
// covers are written in one transaction; accepted events are append-only and
// each (device, seq) and each (session, position) is stored at most once;
// refused events are parked in sync_quarantine, never dropped. Session
// summaries and client statistics are derived rows, refolded as events
// arrive. program_versions holds what a therapist assigns, pulled by devices.
import { sql, type Migration } from 'kysely';
import type { DialectName } from '../open.js';
import { isolateByClinic, makeAppendOnly, oneOfCheck, type MigrationDb } from './helpers.js';

const OUTCOMES = ['in-progress', 'activated', 'one-side', 'not-yet', 'stopped', 'completed'];
const QUARANTINE_REASONS = [
  'invalid-event',
  'unknown-type',
  'unknown-version',
  'wrong-session',
  'position-taken',
];

function sqlAtLeastOne(column: string) {
  return sql.raw(`${column} >= 1`);
}

export function sync(dialect: DialectName): Migration {
  return {
    async up(db: MigrationDb) {
      await db.schema
        .createTable('sync_devices')
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('next_seq', 'bigint', (c) => c.notNull().check(sqlAtLeastOne('next_seq')))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('sync_devices_pkey', ['clinic_id', 'device_id'])
        .execute();
      await db.schema
        .createIndex('sync_devices_by_client')
        .on('sync_devices')
        .columns(['clinic_id', 'client_id'])
        .execute();
      await isolateByClinic(db, dialect, 'sync_devices');

      await db.schema
        .createTable('sync_events')
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('event_index', 'integer', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('client_at', 'bigint', (c) => c.notNull())
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('sync_events_pkey', ['clinic_id', 'device_id', 'seq'])
        .addUniqueConstraint('sync_events_position_unique', [
          'clinic_id',
          'session_id',
          'event_index',
        ])
        .addForeignKeyConstraint(
          'sync_events_device_fkey',
          ['clinic_id', 'device_id'],
          'sync_devices',
          ['clinic_id', 'device_id'],
        )
        .execute();
      await makeAppendOnly(db, dialect, 'sync_events');
      await isolateByClinic(db, dialect, 'sync_events');

      await db.schema
        .createTable('sync_quarantine')
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('event_index', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) =>
          c.notNull().check(oneOfCheck('reason', QUARANTINE_REASONS)),
        )
        .addColumn('problems', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('client_at', 'bigint')
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('sync_quarantine_pkey', ['clinic_id', 'device_id', 'seq'])
        .addForeignKeyConstraint(
          'sync_quarantine_device_fkey',
          ['clinic_id', 'device_id'],
          'sync_devices',
          ['clinic_id', 'device_id'],
        )
        .execute();
      await db.schema
        .createIndex('sync_quarantine_by_client')
        .on('sync_quarantine')
        .columns(['clinic_id', 'client_id', 'received_at'])
        .execute();
      await isolateByClinic(db, dialect, 'sync_quarantine');

      await db.schema
        .createTable('session_summaries')
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('session_id', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('protocol_id', 'text')
        .addColumn('protocol_version', 'integer')
        .addColumn('program_id', 'text')
        .addColumn('program_version', 'integer')
        .addColumn('started_at', 'bigint')
        .addColumn('ended_at', 'bigint')
        .addColumn('outcome', 'text', (c) => c.notNull().check(oneOfCheck('outcome', OUTCOMES)))
        .addColumn('left_fired_at_rep', 'integer')
        .addColumn('right_fired_at_rep', 'integer')
        .addColumn('last_balance', 'text')
        .addColumn('work_reps', 'integer', (c) => c.notNull())
        .addColumn('symptoms', 'text')
        .addColumn('note', 'text')
        .addColumn('event_count', 'integer', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('session_summaries_pkey', ['clinic_id', 'session_id'])
        .execute();
      await db.schema
        .createIndex('session_summaries_by_client')
        .on('session_summaries')
        .columns(['clinic_id', 'client_id', 'started_at'])
        .execute();
      await isolateByClinic(db, dialect, 'session_summaries');

      await db.schema
        .createTable('client_statistics')
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('sessions_count', 'integer', (c) => c.notNull())
        .addColumn('ended_sessions_count', 'integer', (c) => c.notNull())
        .addColumn('last_session_at', 'bigint')
        .addColumn('events_count', 'bigint', (c) => c.notNull())
        .addColumn('quarantined_count', 'bigint', (c) => c.notNull())
        .addColumn('last_synced_at', 'bigint')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('client_statistics_pkey', ['clinic_id', 'client_id'])
        .execute();
      await isolateByClinic(db, dialect, 'client_statistics');

      await db.schema
        .createTable('program_versions')
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('client_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('version', 'integer', (c) => c.notNull().check(sqlAtLeastOne('version')))
        .addColumn('protocol', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('accounts.id'))
        .addPrimaryKeyConstraint('program_versions_pkey', ['clinic_id', 'client_id', 'version'])
        .execute();
      await isolateByClinic(db, dialect, 'program_versions');
    },
  };
}
