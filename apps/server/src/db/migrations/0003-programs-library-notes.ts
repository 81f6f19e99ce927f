// Migration 0003: what therapists keep about their work with clients. A
// clinic's protocol library (built-in protocols copied and edited, one row
// per entry, its revision counting edits) and therapists' private notes on
// clients. Both are clinic-owned (row-level security on PostgreSQL). Program
// versions (0002) are unchanged: their `protocol` column now holds the
// program document (core's program schema), which wraps the protocol.
import type { Migration } from 'kysely';
import type { DialectName } from '../open.js';
import { isolateByClinic, type MigrationDb } from './helpers.js';

export function programsLibraryNotes(dialect: DialectName): Migration {
  return {
    async up(db: MigrationDb) {
      await db.schema
        .createTable('protocol_library')
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('entry_id', 'text', (c) => c.notNull())
        .addColumn('based_on', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('protocol', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull().references('accounts.id'))
        .addPrimaryKeyConstraint('protocol_library_pkey', ['clinic_id', 'entry_id'])
        .execute();
      await isolateByClinic(db, dialect, 'protocol_library');

      await db.schema
        .createTable('therapist_notes')
        .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinics.id'))
        .addColumn('note_id', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('author_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('therapist_notes_pkey', ['clinic_id', 'note_id'])
        .execute();
      await db.schema
        .createIndex('therapist_notes_by_client')
        .on('therapist_notes')
        .columns(['clinic_id', 'client_id', 'created_at'])
        .execute();
      await isolateByClinic(db, dialect, 'therapist_notes');
    },
  };
}
