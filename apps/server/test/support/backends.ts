// The databases integration tests run against: a fresh SQLite file, and a
// fresh PostgreSQL database on the server named by GLUTEWAKE_TEST_PG_URL
// (.ci/run starts one). Without PostgreSQL the PostgreSQL half of each suite
// is skipped with the reason in its name, except under CI (CI=true), where it
// fails: CI must never pass on tests that did not run.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openDatabase, type DatabaseConfig, type DatabaseHandle } from '../../src/db/open.js';
import { storageOver } from '../../src/storage/storage.js';
import type { Storage } from '../../src/storage/types.js';

export type BackendName = 'sqlite' | 'postgres';

export interface TestDatabase {
  config: DatabaseConfig;
  /** Opens another handle on the same database (as a second process would). */
  reopen(): DatabaseHandle;
  handle: DatabaseHandle;
  storage: Storage;
  /** Closes the handles and deletes the database. */
  drop(): Promise<void>;
}

const pgUrl = process.env.GLUTEWAKE_TEST_PG_URL?.trim() || null;
const underCi = ['true', '1'].includes(process.env.CI ?? '');

async function probePostgres(): Promise<string | null> {
  if (pgUrl === null) return 'GLUTEWAKE_TEST_PG_URL is not set';
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `cannot reach ${redact(pgUrl)}: ${error instanceof Error ? error.message : error}`;
  } finally {
    await client.end().catch(() => {});
  }
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return 'the configured URL';
  }
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export const postgresUnavailable = await probePostgres();

if (postgresUnavailable !== null && !underCi) {
  console.warn(`PostgreSQL tests skipped: ${postgresUnavailable}`);
}

/** Creates an empty database on the chosen backend, not yet migrated. */
export async function createEmptyDatabase(backend: BackendName): Promise<TestDatabase> {
  return backend === 'sqlite' ? emptySqlite() : emptyPostgres();
}

/** Creates a database on the chosen backend, migrated to the latest version. */
export async function createTestDatabase(backend: BackendName): Promise<TestDatabase> {
  const database = await createEmptyDatabase(backend);
  await migrateToLatest(database.handle);
  return database;
}

function withHandles(config: DatabaseConfig, cleanUp: () => Promise<void>): TestDatabase {
  const handles: DatabaseHandle[] = [];
  const reopen = () => {
    const handle = openDatabase(config);
    handles.push(handle);
    return handle;
  };
  const handle = reopen();
  return {
    config,
    reopen,
    handle,
    storage: storageOver(handle),
    async drop() {
      await Promise.all(handles.map((each) => each.close().catch(() => {})));
      await cleanUp();
    },
  };
}

function emptySqlite(): TestDatabase {
  const folder = mkdtempSync(join(tmpdir(), 'glutewake-db-'));
  const config: DatabaseConfig = { kind: 'sqlite', path: join(folder, 'glutewake.sqlite') };
  return withHandles(config, async () => rmSync(folder, { recursive: true, force: true }));
}

async function emptyPostgres(): Promise<TestDatabase> {
  if (postgresUnavailable !== null || pgUrl === null) {
    throw new Error(`PostgreSQL is required here but ${postgresUnavailable ?? 'not configured'}`);
  }
  const name = `glutewake_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const config: DatabaseConfig = { kind: 'postgres', url: url.toString(), poolSize: 4 };
  return withHandles(config, () => dropDatabase(name));
}

/**
 * Drops a scratch database. FORCE ends our own leftover connections, but not
 * an autovacuum worker that happens to be cleaning the database (it belongs
 * to the server's superuser): that refusal is retried until the worker is done.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await adminQuery(`drop database if exists ${name} with (force)`);
    } catch (error) {
      const insufficientPrivilege = (error as { code?: string }).code === '42501';
      if (!insufficientPrivilege || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgUrl ?? '' });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Declares a suite once per backend: `describeEachBackend('sync', (backend) => {...})`.
 * The PostgreSQL copy is skipped (with the reason in its name) when PostgreSQL
 * is unreachable, unless under CI, where its tests run and fail.
 */
export function describeEachBackend(name: string, suite: (backend: BackendName) => void): void {
  describe(`${name} [sqlite]`, () => suite('sqlite'));
  describePostgresOnly(name, () => suite('postgres'));
}

/** Declares a suite that only makes sense on PostgreSQL (skipped, or failing under CI, as above). */
export function describePostgresOnly(name: string, suite: () => void): void {
  if (postgresUnavailable === null) {
    describe(`${name} [postgres]`, suite);
  } else if (underCi) {
    describe(`${name} [postgres]`, () => {
      it('can reach PostgreSQL, which CI requires', () => {
        throw new Error(`PostgreSQL is required under CI but ${postgresUnavailable}`);
      });
    });
  } else {
    describe.skip(`${name} [postgres: skipped, ${postgresUnavailable}]`, suite);
  }
}
