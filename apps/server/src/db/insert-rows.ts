// Inserting many rows of one table inside an open transaction, the fastest
// way each database offers: on SQLite one cached prepared statement run row
// by row on the transaction's connection (better-sqlite3 is synchronous, so
// nothing else runs in between), on PostgreSQL multi-row INSERTs through the
// transaction. Invariants: every row names the same columns (checked);
// column names come from our own typed rows, never from input; nothing is
// inserted outside the caller's transaction.
import type { Insertable } from 'kysely';
import type { Database } from './database.js';
import type { DatabaseHandle } from './open.js';
import type { Tx } from './tenancy.js';

/** Rows per multi-row INSERT on PostgreSQL (10 columns each stays far below its 65,535 parameters). */
const POSTGRES_CHUNK = 200;

export async function insertRows<T extends keyof Database & string>(
  db: DatabaseHandle,
  trx: Tx,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  for (const row of rows) {
    const keys = Object.keys(row);
    if (keys.length !== columns.length || keys.some((key, at) => key !== columns[at])) {
      throw new Error(`Every row inserted into ${table} must name the same columns in order`);
    }
  }
  if (db.sqliteStatements !== null) {
    const statement = db.sqliteStatements.prepare(
      `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) ` +
        `values (${columns.map(() => '?').join(', ')})`,
    );
    for (const row of rows) {
      const record = row as Record<string, unknown>;
      statement.run(columns.map((column) => record[column]));
    }
    return;
  }
  for (let start = 0; start < rows.length; start += POSTGRES_CHUNK) {
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + POSTGRES_CHUNK) as never)
      .execute();
  }
}
