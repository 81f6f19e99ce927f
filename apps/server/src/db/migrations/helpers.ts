// Building blocks for migrations that must say the same thing on SQLite and
// PostgreSQL: auto-increment ids, check lists, append-only tables and the
// row-level security policy of a clinic-owned table. Invariants: a migration
// never changes once released (new changes are new migrations), and every
// clinic-owned table gets `isolateByClinic` in the migration that creates it.
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { DialectName } from '../open.js';
import { CLINIC_SETTING, clinicColumnOf } from '../tenancy.js';

// Migrations see the database as it was when they were written, not as
// db/database.ts describes it today, hence the untyped Kysely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type MigrationDb = Kysely<any>;

/** Adds an auto-increment primary key named `id`. */
export function withAutoId<T extends string>(
  table: CreateTableBuilder<T, never>,
  dialect: DialectName,
): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity())
    : table.addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement());
}

/** SQL for `column in ('a', 'b')`, with the values as literals (they are our own constants). */
export function oneOfCheck(column: string, values: readonly string[]) {
  const list = values.map((value) => `'${value.replace(/'/g, "''")}'`).join(', ');
  return sql.raw(`${column} in (${list})`);
}

/** Makes a table refuse every UPDATE and DELETE, whoever asks. */
export async function makeAppendOnly(
  db: MigrationDb,
  dialect: DialectName,
  table: string,
): Promise<void> {
  const message = `${table} is append-only`;
  if (dialect === 'sqlite') {
    for (const operation of ['update', 'delete']) {
      await sql
        .raw(
          `create trigger ${table}_no_${operation} before ${operation} on ${table} ` +
            `begin select raise(abort, '${message}'); end`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `create function ${table}_refuse_change() returns trigger language plpgsql as $$ ` +
        `begin raise exception '${message}'; end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${table}_append_only before update or delete or truncate on ${table} ` +
        `for each statement execute function ${table}_refuse_change()`,
    )
    .execute(db);
}

/**
 * PostgreSQL only: rows of `table` are visible and writable only in a
 * transaction scoped to their clinic, for every role including the owner.
 * `allowNullClinic` lets rows that belong to no clinic be written (never read).
 */
export async function isolateByClinic(
  db: MigrationDb,
  dialect: DialectName,
  table: string,
  options: { allowNullClinic?: boolean } = {},
): Promise<void> {
  if (dialect !== 'postgres') return;
  const column = clinicColumnOf(table);
  const sameClinic = `${column} = current_setting('${CLINIC_SETTING}', true)`;
  const writable = options.allowNullClinic ? `(${sameClinic} or ${column} is null)` : sameClinic;
  await sql.raw(`alter table ${table} enable row level security`).execute(db);
  await sql.raw(`alter table ${table} force row level security`).execute(db);
  await sql
    .raw(
      `create policy ${table}_clinic_isolation on ${table} ` +
        `using (${sameClinic}) with check (${writable})`,
    )
    .execute(db);
}
