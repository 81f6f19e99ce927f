// Opens the database behind a Kysely instance: SQLite through better-sqlite3
// (the default, one file) or PostgreSQL through a pg pool. Invariants: SQLite
// runs in WAL mode with synchronous=FULL, so an acknowledged commit survives a
// crash of the process or the machine, with foreign keys enforced, a busy
// timeout and temporary storage in memory; PostgreSQL's 64-bit integers come back as JavaScript numbers (every
// integer we store fits in 2^53); a pool error never crashes the process;
// PostgreSQL prepares each data statement once per connection
// (named-statements.ts).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDatabase as KyselySqlite,
  type SqliteStatement,
} from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { poolWithNamedStatements } from './named-statements.js';

export type DatabaseConfig =
  { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; poolSize?: number };

export type DialectName = DatabaseConfig['kind'];

export interface DatabaseHandle {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** Where the data lives, without credentials: a file path or host/database. */
  describe: string;
  /**
   * SQLite only: statements prepared on the one connection Kysely uses (and
   * from the same cache), for hot paths that run many rows through one
   * statement. Run them only inside a transaction that holds that connection.
   */
  sqliteStatements: { prepare(sql: string): SqliteStatement } | null;
  close(): Promise<void>;
}

export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  return config.kind === 'sqlite' ? openSqlite(config.path) : openPostgres(config);
}

function openSqlite(path: string): DatabaseHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Savepoint journals (db/group-commit.ts) and temporary sorts stay in
  // memory: each holds one transaction's pages, and written to a temp file
  // they cost a system call per page for nothing that must survive a crash.
  sqlite.pragma('temp_store = MEMORY');
  const statements = withStatementCache(sqlite);
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
  return {
    kysely,
    dialect: 'sqlite',
    describe: path,
    sqliteStatements: statements,
    close: () => kysely.destroy(),
  };
}

const STATEMENT_CACHE_SIZE = 256;

/**
 * The database as Kysely sees it, with prepared statements kept by their SQL
 * (least recently used dropped first): Kysely prepares every query afresh,
 * and preparing costs more than running most of ours. Reuse is safe because
 * better-sqlite3 runs a statement to completion before the next one starts
 * (nothing here streams rows), and SQLite re-prepares a statement by itself
 * after a schema change.
 */
function withStatementCache(
  sqlite: SqliteDatabase.Database,
): KyselySqlite & { prepare(sql: string): SqliteStatement } {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const cached = cache.get(sql);
      if (cached !== undefined) {
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
      return statement;
    },
  };
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Type parsers for one pool: int8 and numeric as numbers (counts, sums, epoch ms). */
const numberTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return format === undefined
      ? pg.types.getTypeParser(oid)
      : pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

function openPostgres(config: { url: string; poolSize?: number }): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    types: numberTypes,
  });
  // An idle connection that breaks (a restart of PostgreSQL) is dropped by the
  // pool; without a listener Node would treat the event as fatal.
  pool.on('error', () => {});
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: poolWithNamedStatements(pool) }),
  });
  return {
    kysely,
    dialect: 'postgres',
    describe: describePostgres(config.url),
    sqliteStatements: null,
    close: () => kysely.destroy(),
  };
}

function describePostgres(url: string): string {
  try {
    const parsed = new URL(url);
    return `postgres://${parsed.host}${parsed.pathname}`;
  } catch {
    return 'postgres';
  }
}
