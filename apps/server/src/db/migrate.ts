// Runs migrations and reports where a database stands. Invariants: migrations
// run in order, each in its own transaction, and concurrent processes starting
// on one PostgreSQL database take turns (Kysely's migration lock), so several
// servers can start at once; a failed migration leaves the database at the
// last one that succeeded and is reported, never swallowed.
import { Migrator, NO_MIGRATIONS, type MigrationResultSet } from 'kysely';
import { migrationNames, migrationsFor } from './migrations/index.js';
import type { DatabaseHandle } from './open.js';

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  latest: string;
}

function migratorFor(db: DatabaseHandle): Migrator {
  const migrations = migrationsFor(db.dialect);
  return new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations },
  });
}

function throwOnError(result: MigrationResultSet): void {
  if (result.error === undefined) return;
  const failed = result.results?.find((step) => step.status === 'Error')?.migrationName;
  const reason = result.error instanceof Error ? result.error.message : String(result.error);
  throw new Error(`Migration ${failed ?? '(setup)'} failed: ${reason}`, { cause: result.error });
}

export async function migrateToLatest(db: DatabaseHandle): Promise<void> {
  throwOnError(await migratorFor(db).migrateToLatest());
}

/** Migrates up (or down) to the named migration; `null` means an empty database. */
export async function migrateTo(db: DatabaseHandle, name: string | null): Promise<void> {
  throwOnError(await migratorFor(db).migrateTo(name ?? NO_MIGRATIONS));
}

export async function migrationStatus(db: DatabaseHandle): Promise<MigrationStatus> {
  const infos = await migratorFor(db).getMigrations();
  const names = migrationNames();
  return {
    applied: infos.filter((info) => info.executedAt !== undefined).map((info) => info.name),
    pending: infos.filter((info) => info.executedAt === undefined).map((info) => info.name),
    latest: names[names.length - 1] ?? '',
  };
}
