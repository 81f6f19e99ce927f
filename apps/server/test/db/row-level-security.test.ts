// PostgreSQL enforces tenant isolation itself: every clinic-owned table has
// row-level security, forced even for the table owner, with the clinic
// policy; a transaction scoped to one clinic cannot read or write another's
// rows even with no WHERE clause, and an unscoped one sees nothing.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DIRECTORY_TABLES, inClinic } from '../../src/db/tenancy.js';
import {
  createTestDatabase,
  describePostgresOnly,
  type TestDatabase,
} from '../support/backends.js';
import { clinicWorld, type ClinicWorld } from '../support/fixtures.js';

describePostgresOnly('row-level security', () => {
  let database: TestDatabase;
  let north: ClinicWorld;
  let south: ClinicWorld;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    north = await clinicWorld(database.storage, 'North');
    south = await clinicWorld(database.storage, 'South');
  });
  afterAll(async () => database?.drop());

  it('runs as a role that row-level security applies to', async () => {
    const { rows } = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`
      select rolsuper, rolbypassrls from pg_roles where rolname = current_user`.execute(
      database.handle.kysely,
    );
    expect(rows).toEqual([{ rolsuper: false, rolbypassrls: false }]);
  });

  it('gives every clinic-owned table its forced clinic policy', async () => {
    const { rows: tables } = await sql<{ table_name: string }>`
      select distinct table_name from information_schema.columns
      where table_schema = 'public' and (column_name = 'clinic_id' or table_name = 'clinics')
      order by table_name`.execute(database.handle.kysely);
    const clinicOwned = tables
      .map((row) => row.table_name)
      .filter((table) => !(table in DIRECTORY_TABLES));
    expect(clinicOwned).toContain('accounts');
    expect(clinicOwned).toContain('audit_log');
    for (const table of ['sync_devices', 'sync_events', 'sync_quarantine', 'session_summaries']) {
      expect(clinicOwned).toContain(table);
    }
    expect(clinicOwned).toEqual(
      expect.arrayContaining([
        'client_statistics',
        'program_versions',
        'protocol_library',
        'therapist_notes',
      ]),
    );

    const { rows: secured } = await sql<{ relname: string; forced: boolean; enabled: boolean }>`
      select relname, relrowsecurity as enabled, relforcerowsecurity as forced
      from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'`.execute(
      database.handle.kysely,
    );
    const { rows: policies } = await sql<{ tablename: string; policyname: string }>`
      select tablename, policyname from pg_policies where schemaname = 'public'`.execute(
      database.handle.kysely,
    );
    for (const table of clinicOwned) {
      expect(
        secured.find((row) => row.relname === table),
        table,
      ).toMatchObject({
        enabled: true,
        forced: true,
      });
      expect(policies, table).toContainEqual({
        tablename: table,
        policyname: `${table}_clinic_isolation`,
      });
    }
  });

  it('lists only directory tables that exist and hold no clinical data', async () => {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public'`.execute(
      database.handle.kysely,
    );
    const existing = rows.map((row) => row.table_name);
    for (const table of Object.keys(DIRECTORY_TABLES)) expect(existing).toContain(table);
  });

  it('shows a scoped transaction its own clinic only, with no WHERE clause', async () => {
    const seen = await inClinic(database.handle, north.clinic.id, (trx) =>
      trx.selectFrom('accounts').select(['id', 'clinic_id']).execute(),
    );
    expect(seen).toHaveLength(4);
    expect(new Set(seen.map((row) => row.clinic_id))).toEqual(new Set([north.clinic.id]));
    expect(seen.map((row) => row.id)).not.toContain(south.client.id);
  });

  it('shows an unscoped query no clinic-owned rows at all', async () => {
    const rows = await database.handle.kysely.selectFrom('accounts').select('id').execute();
    expect(rows).toEqual([]);
  });

  it('refuses to write a row into another clinic from a scoped transaction', async () => {
    await expect(
      inClinic(database.handle, north.clinic.id, (trx) =>
        trx
          .insertInto('audit_log')
          .values({
            at: 1,
            clinic_id: south.clinic.id,
            actor_id: null,
            subject_id: null,
            kind: 'smuggled',
            address: null,
            detail: null,
          })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    const changed = await inClinic(database.handle, north.clinic.id, (trx) =>
      trx
        .updateTable('accounts')
        .set({ display_name: 'renamed' })
        .where('id', '=', south.client.id)
        .executeTakeFirst(),
    );
    expect(Number(changed.numUpdatedRows)).toBe(0);
    expect(
      (await database.storage.accounts.get(south.clinic.id, south.client.id))?.displayName,
    ).not.toBe('renamed');
  });
});
