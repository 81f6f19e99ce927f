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

const clinicId = '00000000-0000-4000-8000-000000000001';
const ownerId = '00000000-0000-4000-8000-000000000002';
const clientId = '00000000-0000-4000-8000-000000000003';
const at = Date.UTC(2026, 0, 1);

async function inSeedClinic(db: DatabaseHandle, work: (trx: MigrationDb) => Promise<void>) {
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
};
