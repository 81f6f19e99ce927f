// Data as each schema version stored it, for the upgrade tests: for every
// migration, rows written with the columns that existed right after it, and
// a check that they still read back correctly through today's storage once
// the database has been migrated to the latest version. Every migration must
// have an entry here (the upgrade test fails otherwise).
import { expect } from 'vitest';
import type { MigrationDb } from '../../src/db/migrations/helpers.js';
import type { Storage } from '../../src/storage/types.js';
import { scopeTo } from '../../src/db/tenancy.js';
import type { DatabaseHandle } from '../../src/db/open.js';

export interface VersionSeed {
  /** Writes rows as the schema stood right after this migration. */
  write(db: DatabaseHandle): Promise<void>;
  /** Checks, on the latest schema, that those rows survived intact. */
  check(storage: Storage): Promise<void>;
}

export const clinicId = '00000000-0000-4000-8000-000000000001';
const ownerId = '00000000-0000-4000-8000-000000000002';
export const clientId = '00000000-0000-4000-8000-000000000003';
export const deviceId = '00000000-0000-4000-8000-000000000004';
const libraryEntryId = '00000000-0000-4000-8000-000000000005';
const noteId = '00000000-0000-4000-8000-000000000006';
export const at = Date.UTC(2026, 0, 1);

export async function inSeedClinic(db: DatabaseHandle, work: (trx: MigrationDb) => Promise<void>) {
  await (db.kysely as MigrationDb).transaction().execute(async (trx) => {
    await scopeTo(db, trx, clinicId);
    await work(trx);
  });
}

function accountRow(id: string, role: string, email: string, therapistId: string | null) {
  return {
    id,
    clinic_id: clinicId,
    role,
    email,
    display_name: `Seeded ${role}`,
    password_hash: 'seeded-hash',
    status: 'active',
    therapist_id: therapistId,
    share_history: 'all',
    share_symptoms: 1,
    share_notes: 0,
    created_at: at,
    updated_at: at,
  };
}

export const versionSeeds: Record<string, VersionSeed> = {
  '0001-clinics-and-accounts': {
    async write(db) {
      await inSeedClinic(db, async (trx) => {
        await trx
          .insertInto('clinics')
          .values({ id: clinicId, name: 'Seeded', created_at: at })
          .execute();
        await trx
          .insertInto('server_setup')
          .values({ id: 1, clinic_id: clinicId, done_at: at })
          .execute();
        await trx
          .insertInto('accounts')
          .values([
            accountRow(ownerId, 'owner', 'owner@seed.test', null),
            accountRow(clientId, 'client', 'client@seed.test', ownerId),
          ])
          .execute();
        await trx
          .insertInto('logins')
          .values([
            { email: 'owner@seed.test', account_id: ownerId, clinic_id: clinicId },
            { email: 'client@seed.test', account_id: clientId, clinic_id: clinicId },
          ])
          .execute();
        await trx
          .insertInto('audit_log')
          .values({ at, clinic_id: clinicId, kind: 'seeded', actor_id: ownerId })
          .execute();
      });
    },
    async check(storage) {
      expect(await storage.setup.isDone()).toBe(true);
      expect(await storage.accounts.findLogin('client@seed.test')).toEqual({
        accountId: clientId,
        clinicId,
      });
      expect(await storage.accounts.get(clinicId, clientId)).toMatchObject({
        role: 'client',
        therapistId: ownerId,
        sharing: { history: 'all', symptoms: true, notes: false },
      });
      const audit = await storage.audit.list(clinicId, { limit: 10 });
      expect(audit.map((entry) => entry.kind)).toContain('seeded');
    },
  },
  '0002-sync': {
    async write(db) {
      await inSeedClinic(db, async (trx) => {
        await trx
          .insertInto('sync_devices')
          .values({
            clinic_id: clinicId,
            device_id: deviceId,
            client_id: clientId,
            next_seq: 3,
            created_at: at,
            updated_at: at,
          })
          .execute();
        await trx
          .insertInto('session_summaries')
          .values({
            clinic_id: clinicId,
            session_id: 'seeded-session',
            client_id: clientId,
            outcome: 'in-progress',
            work_reps: 0,
            event_count: 1,
            summary: JSON.stringify({ seeded: true }),
            updated_at: at + 1,
          })
          .execute();
        await trx
          .insertInto('sync_events')
          .values({
            clinic_id: clinicId,
            client_id: clientId,
            device_id: deviceId,
            seq: 1,
            session_id: 'seeded-session',
            event_index: 0,
            event_type: 'session.paused',
            event: JSON.stringify({ type: 'session.paused', at }),
            client_at: at,
            received_at: at + 1,
          })
          .execute();
        await trx
          .insertInto('sync_quarantine')
          .values({
            clinic_id: clinicId,
            client_id: clientId,
            device_id: deviceId,
            seq: 2,
            session_id: 'seeded-session',
            event_index: 1,
            reason: 'unknown-type',
            problems: JSON.stringify(['type is not one this server knows']),
            payload: JSON.stringify({ type: 'from.the.future', at }),
            client_at: at,
            received_at: at + 1,
          })
          .execute();
        await trx
          .insertInto('program_versions')
          .values({
            clinic_id: clinicId,
            client_id: clientId,
            version: 1,
            protocol: JSON.stringify({ id: 'seeded' }),
            created_at: at,
            created_by: ownerId,
          })
          .execute();
      });
    },
    async check(storage) {
      expect(await storage.sync.cursor(clinicId, clientId, deviceId)).toEqual({
        kind: 'cursor',
        nextSeq: 3,
      });
      expect(await storage.sync.events(clinicId, clientId)).toMatchObject([
        { seq: 1, event: { type: 'session.paused', at }, clientAt: at, receivedAt: at + 1 },
      ]);
      expect(await storage.sync.sessionSummaries(clinicId, clientId)).toMatchObject([
        { sessionId: 'seeded-session', outcome: 'in-progress', eventCount: 1 },
      ]);
      expect(await storage.sync.quarantine(clinicId, clientId, 5)).toMatchObject([
        { seq: 2, reason: 'unknown-type', payload: { type: 'from.the.future', at } },
      ]);
      expect(await storage.sync.programVersionsAfter(clinicId, clientId, 0, 5)).toMatchObject([
        { version: 1, protocol: { id: 'seeded' }, createdBy: ownerId },
      ]);
    },
  },
  '0003-programs-library-notes': {
    async write(db) {
      await inSeedClinic(db, async (trx) => {
        await trx
          .insertInto('protocol_library')
          .values({
            clinic_id: clinicId,
            entry_id: libraryEntryId,
            based_on: 'prone-ankle-squeeze',
            revision: 2,
            protocol: JSON.stringify({ id: 'prone-ankle-squeeze', name: 'Seeded squeezes' }),
            created_at: at,
            created_by: ownerId,
            updated_at: at + 1,
            updated_by: ownerId,
          })
          .execute();
        await trx
          .insertInto('therapist_notes')
          .values({
            clinic_id: clinicId,
            note_id: noteId,
            client_id: clientId,
            author_id: ownerId,
            text: 'Seeded note',
            created_at: at,
          })
          .execute();
      });
    },
    async check(storage) {
      expect(await storage.library.list(clinicId)).toEqual([
        {
          entryId: libraryEntryId,
          basedOn: 'prone-ankle-squeeze',
          revision: 2,
          protocol: { id: 'prone-ankle-squeeze', name: 'Seeded squeezes' },
          createdAt: at,
          createdBy: ownerId,
          updatedAt: at + 1,
          updatedBy: ownerId,
        },
      ]);
      expect(await storage.notes.list(clinicId, clientId)).toEqual([
        { noteId, clientId, authorId: ownerId, text: 'Seeded note', createdAt: at },
      ]);
    },
  },
  '0004-sessions-placed-in-server-time': {
    // Data only: the client's statistics as any version since 0002 keeps them.
    async write(db) {
      await inSeedClinic(db, async (trx) => {
        await trx
          .insertInto('client_statistics')
          .values({
            clinic_id: clinicId,
            client_id: clientId,
            sessions_count: 0,
            ended_sessions_count: 0,
            last_session_at: null,
            events_count: 1,
            quarantined_count: 1,
            last_synced_at: at + 1,
            updated_at: at + 1,
          })
          .execute();
      });
    },
    async check(storage) {
      expect(await storage.sync.statistics(clinicId, clientId)).toEqual({
        clientId,
        sessionsCount: 0,
        endedSessionsCount: 0,
        lastSessionAt: null,
        eventsCount: 1,
        quarantinedCount: 1,
        lastSyncedAt: at + 1,
      });
    },
  },
};
